// news/options.h — how one article is analyzed.
//
// The same choices as the command line's --published, --encoding, --strict
// and --tokens. A default Options is what `analyze FILE` does.
//
// Thread-safety: a plain value.
#pragma once

#include <optional>
#include <string>

namespace news {

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
};

}  // namespace news
