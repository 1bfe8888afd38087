// html/page_metadata.h — what a web page says about its article.
//
// Read from the page's own declarations, best first:
//   title      og:title, JSON-LD `headline`, the first <h1>, <title>; the
//              site's suffix (`… | 한국일보`, `… - The Site`) cut off
//   author     JSON-LD `author`, meta author / article:author, a byline
//              element (class or rel naming byline, author, reporter)
//   section    article:section, JSON-LD `articleSection`, a breadcrumb's last
//              entry
//   published  JSON-LD `datePublished`, article:published_time and the
//              usual meta names, <time datetime>, a visible `입력 2024.05.07
//              10:15` line; `updated` likewise from the modified forms
//   site_name, canonical_url, language: og:site_name / JSON-LD publisher,
//              <link rel=canonical> / og:url, <html lang>
// Times become ISO 8601; a time without a zone is Korean time on a Korean
// page and is cut to its date elsewhere (the contract wants an offset).
// Nothing is guessed: a field the page does not name stays empty.
//
// Thread-safety: pure function.
#pragma once

#include <vector>

#include "html/page_tree.h"
#include "news/document.h"

namespace news::html {

Metadata read_page_metadata(const std::vector<PageNode>& nodes);

// `2025-05-15T20:00:52+09:00`, `2025-05-15 20:00`, `2025-05-15T11:00:52Z`,
// `20250515` → the contract's timestamp, or nothing. `korean` says what a
// time without a zone is (+09:00) instead of being cut to its date.
std::optional<std::string> iso_timestamp(std::string_view text, bool korean);

// `Title | Site` → `Title` when the part cut names the site (or is shorter
// than the rest and the page's <h1> is the rest).
std::string without_site_suffix(std::string_view title, std::string_view site_name);

}  // namespace news::html
