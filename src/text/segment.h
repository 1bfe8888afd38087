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

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"

namespace news {

// A non-empty input line, cleaned by normalize_line().
struct Line {
  std::string text;
  int number = 0;  // 1-based
  int last_number = 0;  // a group of lines (below): its last line; 0: `number`
};

// The non-empty lines of `text` (LF line endings), cleaned.
std::vector<Line> split_lines(std::string_view text);

// The most lines of an article analyzed one paragraph each. Every paragraph
// costs a few hundred bytes of records (the paragraph, its sentences and
// tokens, its JSON) whatever its length: a million one-character lines took
// 1.4 GB for 16 MB. News has at most a few hundred lines (the shared corpus:
// 87 at most); past this many, lines are grouped (split_lines below).
inline constexpr std::size_t kMaxLines = 10000;

// The most bytes of a group of lines (below). Small: a group is compared
// with its near repeats by an edit distance that costs O(length) per byte
// (groups of 10,000 made 16 MB of near-identical lines 24x slower than 1 MB,
// groups of 1,000 18.6x), while a paragraph costs ~200 bytes of records.
inline constexpr std::size_t kMaxGroupBytes = 300;

// As split_lines(), but the non-empty lines after the first `max_lines` are
// joined by a space into groups of at most kMaxGroupBytes (a longer line
// stays alone), each a Line from `number` to `last_number`.
// `grouped` (when not null) receives how many lines were grouped.
std::vector<Line> split_lines(std::string_view text, std::size_t max_lines, std::size_t* grouped);

// Trims and folds white space (ASCII and Unicode spaces) to single spaces.
std::string fold_whitespace(std::string_view text);

// The longest paragraph analyzed as one (code points). The per-paragraph
// stages (sentence breaking, near-repeat comparison, the name rules' view
// of a paragraph) cost memory and time in the paragraph's length, so a line
// longer than this — never news: the longest of 160,000 paragraphs in the
// shared corpus has 7,677 — is analyzed in windows (docs/complexity.md).
inline constexpr std::size_t kMaxParagraphChars = 10000;

// Byte offsets where `text` (trimmed, folded) is cut into windows of at most
// `max_chars` code points: after the window's last sentence end (`. `, `? `,
// `! ` in its second half), else at its last space, else between two code
// points. Each window is [previous cut, cut) without the space at the cut;
// the last ends at text.size(), which is not listed. Empty for short text.
std::vector<std::size_t> window_cuts(std::string_view text,
                                     std::size_t max_chars = kMaxParagraphChars);

}  // namespace news
