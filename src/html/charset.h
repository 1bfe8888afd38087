// html/charset.h — the encoding a web page declares for itself.
//
// The HTML5 "prescan": the first <meta charset=…> or <meta http-equiv=
// "Content-Type" content="…; charset=…"> in the page's first 64 KiB, read
// byte by byte (ASCII-compatible encodings only; a BOM has already spoken).
// Labels map to ICU converters the way browsers map them: euc-kr,
// ks_c_5601-1987 and cp949 are all windows-949 (EUC-KR's superset, which
// Korean pages labelled EUC-KR really use); iso-8859-1 and us-ascii are
// windows-1252.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace news::html {

// The declared label, lower-case (`euc-kr`, `utf-8`), or nothing.
std::optional<std::string> declared_charset(std::string_view bytes);

// The ICU converter for a label (`euc-kr` → `windows-949`).
std::string converter_for(std::string_view label);

}  // namespace news::html

namespace news::html {

// The converter to read a page with when its bytes are not UTF-8 and it
// declares another charset; nothing when UTF-8 (valid bytes win over a
// label: saved pages are often transcoded and keep their old `euc-kr`
// label) or when the page declares nothing (the decoder detects).
std::optional<std::string> page_encoding(std::string_view bytes);

}  // namespace news::html
