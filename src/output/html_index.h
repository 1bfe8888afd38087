// output/html_index.h — the index page of a batch written with
// `--format html --output-dir OUT`: one table row per article (title,
// publication time, language, counts, repeats collapsed, error) linking to
// its page, sorted and filtered in the browser.
//
// Each article page carries its own row as a JSON data block (see
// output/html_page.h), so `--resume` rebuilds the index from the pages
// already written without analyzing them again.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"

namespace news {

// What the index says about one article.
struct IndexRow {
  std::string page;  // the page's path relative to the index ("ko/a.txt.html")
  std::string name;  // the input as named (path, --jsonl id, "-")
  std::optional<std::string> title;
  std::optional<std::string> published;
  std::optional<std::string> language;
  int people = 0;
  int organizations = 0;
  int locations = 0;
  int money = 0;
  int dates = 0;
  int paragraphs = 0;                       // after repeats were collapsed
  int collapsed = 0;                        // repeats collapsed (exact + near)
  std::optional<std::string> error;         // "code: message" for a failed input
  std::optional<std::string> duplicate_of;  // --dedup-articles: the first copy
};

// The row of `document` (`page` left empty).
IndexRow index_row_of(const Document& document);

// The row as one JSON object, and back (nothing when `json` is not one).
std::string index_row_json(const IndexRow& row);
std::optional<IndexRow> index_row_from_json(std::string_view json);

// Appends the whole index page for `rows`, in their order.
void write_html_index(const std::vector<IndexRow>& rows, std::string& out);

}  // namespace news
