// text/segment.h — lines and paragraphs.
//
// A scraped article is a sequence of lines. Each non-empty line is a
// paragraph: scrapers put one block element per line (the seed article), or
// separate blocks by blank lines (RSS archives), and in both forms a line is
// the unit a reader sees. Each line is cleaned once by normalize_line()
// (news/normalize.h): white space folded, ends trimmed, invisible characters
// dropped, full-width forms mapped, NFC — so `text` is what a reader would
// copy.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"

namespace news {

// A non-empty input line, cleaned by normalize_line().
struct Line {
  std::string text;
  int number = 0;  // 1-based
};

// The non-empty lines of `text` (LF line endings), cleaned.
std::vector<Line> split_lines(std::string_view text);

// Trims and folds white space (ASCII and Unicode spaces) to single spaces.
std::string fold_whitespace(std::string_view text);

}  // namespace news
