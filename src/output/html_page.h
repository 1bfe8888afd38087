// output/html_page.h — the article as one self-contained HTML page, for
// people who would rather look than read JSON (`analyze --format html`).
//
// Written from the same Document as the JSON, so the two always agree: every
// located entity becomes a `<mark data-type="person|organization|location|
// date|money|percentage|duration|quantity">` around exactly the text of its
// mention (`data-type` is the contract for tools that read the page; see
// docs/output.md). Hovering or focusing a mark shows its normalized value;
// collapsed repeats are badges that open to where they were; side tables list
// people, organizations, places, money and dates. Inline CSS and a little
// inline JavaScript, allowed by a Content-Security-Policy that names their
// hashes; nothing is fetched. Every string from the input is escaped.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "news/document.h"
#include "output/html_index.h"

namespace news {

struct HtmlPageOptions {
  // A link back to the batch index ("../index.html"); empty: no link.
  std::string index_href;
  // --dedup-articles: the first copy of this article in the batch.
  std::optional<std::string> duplicate_of;
};

// Appends the page of `document` (an error page when it failed) to `out`.
void write_html_page(const Document& document, const HtmlPageOptions& options, std::string& out);

// The index row a page carries (its `page` left empty), or nothing when
// `page` is not a complete page written by write_html_page().
std::optional<IndexRow> index_row_of_page(std::string_view page);

}  // namespace news
