// news/options.h — how one article is analyzed.
//
// The same choices as the command line's --published, --encoding, --strict,
// --tokens and --input-format. A default Options is what `analyze FILE` does.
//
// Thread-safety: a plain value.
#pragma once

#include <atomic>
#include <optional>
#include <string>

namespace news {

// How the input is read: as plain text, as a web page, or whichever its
// content says (docs/html.md).
enum class InputFormat { kAuto, kText, kHtml };

// When to give up on one article: the article then becomes an error record,
// "interrupted" (`stop` was set, e.g. by a signal handler) or "timeout" (it
// took more than `max_seconds`), and a batch goes on with the next.
struct WorkLimits {
  // Set by the caller to stop; nullptr: never stopped.
  const std::atomic<bool>* stop = nullptr;
  // Seconds one article may take; 0: no limit.
  double max_seconds = 0;
};

struct Options {
  // ISO 8601 publication time supplied by the caller (--published, or a
  // --jsonl record's "published"); used when the article names none, and
  // anchors relative dates (어제, last week).
  std::optional<std::string> published;
  // Force the input encoding (an ICU converter name, e.g. "EUC-KR") instead
  // of detecting it.
  std::optional<std::string> encoding;
  // Invalid UTF-8 is an error record instead of U+FFFD replacements.
  bool strict = false;
  // Keep each paragraph's tokens and sentences in the output (--tokens).
  bool tokens = false;
  // --input-format: a web page's article and metadata are read from its
  // markup (docs/html.md); plain text is read as it always was.
  InputFormat input_format = InputFormat::kAuto;
  // --max-article-seconds and the stop signal.
  WorkLimits limits;
};

}  // namespace news
