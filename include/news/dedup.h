// news/dedup.h — collapses repeated paragraphs.
//
// Scraped pages repeat themselves: a whole article printed twice, a lede
// repeated under the photo. collapse_repeats() keeps the first occurrence of
// each paragraph in reading order and records every later repeat under the
// kept paragraph's `duplicates`. Paragraphs are compared after white space
// is folded, so a repeat with different spacing is still exact.
//
// Thread-safety: pure function; no state is kept between articles.
#pragma once

#include <vector>

#include "news/document.h"

namespace news {

struct Collapsed {
  std::vector<Paragraph> paragraphs;
  DedupStats stats;
};

Collapsed collapse_repeats(std::vector<Paragraph> paragraphs);

}  // namespace news
