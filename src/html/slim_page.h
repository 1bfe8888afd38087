// html/slim_page.h — what the parser need not see, taken out before it runs.
//
// Two things cost gumbo most and give the reader nothing:
//   * the bodies of <script> and <style> elements: 57% of the bytes of the
//     Zyte benchmark's pages, which gumbo's tokenizer walks character by
//     character. They go; a JSON-LD script (type application/ld+json) stays,
//     since the metadata reader wants it.
//   * pathological nesting: gumbo's tree building asks "is there a <p> in
//     scope?" at every start tag by walking the stack of open elements, so
//     100,000 nested <div>s cost 100,000² steps (half a minute). No real page
//     nests deeper than a few hundred elements; tags below kMaxNesting are
//     dropped and their text kept, in order.
// The scanner knows tags, comments and raw text only (void elements and
// those HTML closes implicitly — p, li, td, … — do not count as nesting);
// the tree is still built by gumbo.
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace news::html {

inline constexpr int kMaxNesting = 1000;

std::string slim_page(std::string_view page, int max_depth = kMaxNesting);

}  // namespace news::html
