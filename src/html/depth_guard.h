// html/depth_guard.h — keeps pathological nesting away from the parser.
//
// gumbo's tree building asks "is there a <p> in scope?" at every start tag
// by walking the stack of open elements, so a page of 100,000 nested <div>s
// costs 100,000² steps (half a minute). No real page nests deeper than a
// few hundred elements. capped_nesting() reads the tags with a small
// scanner (comments, raw text of script/style/textarea/title skipped;
// void elements and those HTML closes implicitly — p, li, td, … — not
// counted) and, only when the depth passes `max_depth`, returns a copy
// without the tags below that depth: their text stays, in order.
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace news::html {

inline constexpr int kMaxNesting = 1000;

// Nothing when the page is within the limit (the usual case: no copy).
std::optional<std::string> capped_nesting(std::string_view page, int max_depth = kMaxNesting);

}  // namespace news::html
