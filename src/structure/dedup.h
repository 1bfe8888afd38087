// structure/dedup.h — collapses repeated paragraphs, exact and near.
//
// Scraped pages repeat themselves: a whole article printed twice, a lede
// repeated under the photo, a copy where a word was corrected, the spacing
// changed (`국민여러분` / `국민 여러분`), other quotes used or a photo credit
// appended. collapse_repeats() keeps the first occurrence of each paragraph
// in reading order and records every later repeat under the kept
// paragraph's `duplicates` with its similarity.
//
// Method (docs/structure.md has the measurements behind the numbers):
//  - exact: equal text after white space is folded → similarity 1.0.
//  - near: both paragraphs are normalized (NFKC, case folded, white space
//    and quote marks dropped, a trailing photo credit cut off using the
//    `credit` patterns of data/roles.txt). Candidates come from an inverted
//    index of character 3-gram shingles (each posting list capped, so 10^4
//    almost identical paragraphs stay linear); each candidate is verified by
//    a banded edit distance: similarity = 1 − distance / longer length.
//    A repeat needs similarity ≥ near_threshold, the same numbers in the same
//    order (`183차 공판` ≠ `184차 공판`), and at least min_near_length
//    normalized code points (a shorter line is a repeat only when equal
//    after normalization). Only prose is matched near (body, subheading,
//    caption); the title, bylines, notices and one-token lines (links) are
//    repeats only when equal after normalization.
//  - structure lines: a short caption, credit, byline or boilerplate line
//    (`그래픽=김하경 기자`, `☞ 기사보기 ☜`) that repeats on its own labels a
//    different object each time, so it is kept in place; it collapses only
//    inside a repeated block (a neighbour is a repeat too).
//  - a repeated block that carries extra lines (a second copy of the article
//    with subheadings added) keeps them in their natural place in the first
//    copy: a subheading directly before the paragraph it heads, any other
//    line directly after the paragraph it follows.
//
// Thread-safety: pure functions; no state is kept between articles.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"
#include "structure/roles.h"

namespace news {

struct DedupOptions {
  double near_threshold = 0.8;       // minimum similarity of a near repeat
  std::size_t min_near_length = 20;  // normalized code points
  std::size_t max_posting = 32;      // paragraphs remembered per shingle
  std::size_t max_candidates = 8;    // candidates verified per paragraph
  // Longer paragraphs (normalized code points) are matched exactly only: the
  // banded edit distance costs O(length · 0.2 length), so two megabyte lines
  // would take hours. The pipeline cuts lines at kMaxParagraphChars (the
  // same 10,000), so in it this cap is never met; docs/complexity.md.
  std::size_t max_near_length = 10000;
  // The most postings (paragraph, shingle) of the near-repeat index: 8 bytes
  // each plus their shingles' slots. Once it is full, later paragraphs are
  // still compared with those indexed, but not indexed themselves. The index
  // was 160 MB on one 80 MB line of news; the longest article of the corpus
  // (25 KB) needs 25,000.
  std::size_t max_postings = std::size_t{1} << 20;
};

struct Collapsed {
  std::vector<Paragraph> paragraphs;
  DedupStats stats;
};

// Collapses repeats among `paragraphs` (roles already assigned; see
// news/roles.h). `patterns` supplies the trailing credits to ignore.
Collapsed collapse_repeats(std::vector<Paragraph> paragraphs, const RolePatterns& patterns,
                           const DedupOptions& options = {});
// The same without credit patterns.
Collapsed collapse_repeats(std::vector<Paragraph> paragraphs);

// True for a short line that labels something rather than says something:
// a credit or caption of a few code points (`그래픽=김하경 기자`, `《사진=연합뉴스》`),
// a link marker (`☞ 기사보기 ☜`). Such a line repeated on its own is kept in
// place; it collapses only inside a repeated block.
bool is_structure_line(const Paragraph& paragraph, const RolePatterns& patterns);

// The text dedup compares: NFKC, case folded, no white space or quote
// marks, trailing credit removed. `국민 “여러분”` → `국민여러분`.
std::u32string comparable_text(std::string_view text, const RolePatterns& patterns);

// Similarity of two comparable texts: 1 − edit distance / longer length,
// or 0 when it is below `floor` (the distance is only computed that far).
double similarity(std::u32string_view a, std::u32string_view b, double floor = 0.0);

}  // namespace news
