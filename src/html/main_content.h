// html/main_content.h — the article's own text in a web page, block by block.
//
// Finds the element that holds the article the way readability does, with
// figures per element rather than patterns over markup:
//   * elements whose class or id says navigation, sharing, comments,
//     related articles, ads (`menu`, `share`, `related`, `comment`, `댓글`, …)
//     or that are hidden (`hidden`, `display:none`, ARIA roles of menus and
//     dialogs) are set aside before scoring;
//   * every block with at least 25 characters of its own text scores
//     1 + its commas + one point per 100 characters (at most 3), for its
//     parent fully, its grandparent half, farther ancestors less;
//     class and id hints (`article`, `content`, `articleBody`, `news_body`,
//     `본문`, `itemprop=articleBody`) and tag names start an ancestor's score
//     higher or lower, and a score is scaled by (1 − link density);
//   * the best element is widened to an ancestor that holds several nearly
//     as good ones (bodies split across containers), and its siblings that
//     score well join it;
//   * inside, link lists, share bars, forms and boxes dense with links go.
// A page whose result is short (a blog post inside a `post-body` hidden by
// its template's class names) is read again with fewer rules.
// Blocks keep document order; `<p>`, block elements and `<br><br>` runs make
// paragraphs; `<h2>`–`<h6>` are subheadings, `<figcaption>` captions.
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <vector>

#include "html/page_tree.h"
#include "news/document.h"

namespace news::html {

struct Block {
  Role role = Role::kBody;  // body, subheading or caption
  std::string text;         // white space folded, not yet normalized
  int line = 0;             // 1-based line of the page where it starts
};

std::vector<Block> extract_main_content(const std::vector<PageNode>& nodes);

}  // namespace news::html
