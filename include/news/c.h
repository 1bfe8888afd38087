/* news/c.h — the C API: the analyzer for C and any language with a C FFI.
 *
 *   char *error = NULL;
 *   news_analyzer *a = news_analyzer_open(NULL, &error);   // NULL: the installed data
 *   if (!a) { fprintf(stderr, "%s\n", error); news_free(error); return 3; }
 *   char *record = news_analyze(a, text, strlen(text), "{\"published\": \"2023-11-18\"}");
 *   puts(record);                                           // the CLI's compact JSON record
 *   news_free(record);
 *   news_analyzer_close(a);
 *
 * Errors: no C++ exception crosses this interface. Opening fails with NULL
 * and a message in *error. An article that cannot be analyzed, and options
 * that are not valid, still give a record, whose "error" field
 * ({"code": …, "message": …}) says why — as the command line's error
 * records do; codes are those of docs/output.md plus "bad_options".
 * news_analyze returns NULL only when `analyzer` is NULL, `text` is NULL
 * with a non-zero length, or memory runs out.
 *
 * Memory: every char* returned is malloc'd and owned by the caller, who
 * frees it with news_free.
 *
 * Thread-safety: news_analyze may be called from many threads at once on
 * one analyzer; open and close are not concurrent with anything else on it.
 */
#ifndef NEWS_C_H_
#define NEWS_C_H_

#include <stddef.h>

#include "news/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct news_analyzer news_analyzer;

/* Opens the analyzer on the data in `data_dir` (NULL: $ANALYZE_DATA, else
 * the installed data). On failure returns NULL and, when `error` is not
 * NULL, sets *error to a message to free with news_free. */
NEWS_EXPORT news_analyzer *news_analyzer_open(const char *data_dir, char **error);

/* Analyzes `length` bytes of `text` (UTF-8 or any encoding the CLI
 * detects). `options_json`: NULL, or a JSON object with any of
 *   "published": "ISO 8601", "id": "…", "tokens": true, "strict": true,
 *   "encoding": "EUC-KR", "input_format": "auto" | "text" | "html" (as the
 *   CLI's --input-format).
 * Returns the compact JSON record, without a newline. */
NEWS_EXPORT char *news_analyze(const news_analyzer *analyzer, const char *text, size_t length,
                               const char *options_json);

/* Frees a string returned by this API (NULL is fine). */
NEWS_EXPORT void news_free(char *string);

/* Frees the analyzer (NULL is fine). */
NEWS_EXPORT void news_analyzer_close(news_analyzer *analyzer);

#ifdef __cplusplus
}
#endif

#endif /* NEWS_C_H_ */
