// html/detect.h — is this input a web page?
//
// By content: after a BOM and white space, the input opens with a doctype,
// `<html`, `<head`, `<body`, `<meta` or a comment followed by one of them; or
// its first 64 KiB are dense with tags (at least 20, one per 200 bytes,
// block tags among them). A name ending in .html/.htm is only a hint: it
// lowers the density asked to a few block tags. Plain text that quotes a tag
// or two stays text.
//
// Thread-safety: pure function.
#pragma once

#include <string_view>

namespace news::html {

bool looks_like_html(std::string_view bytes, std::string_view name_hint = {});

}  // namespace news::html
