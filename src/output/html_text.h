// output/html_text.h — putting untrusted text into an HTML page safely.
//
// Article text is scraped, HTML-ish and hostile until proven otherwise
// (`<script>`, `"><img onerror=…>`, `</mark>`, `&amp;`): every byte that
// comes from an input goes through one of these functions, never straight
// into the page. Escaping all five of & < > " ' makes one function right in
// text and in quoted attribute values alike.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace news::html {

// Appends `text` with & < > " ' as character references. Invalid UTF-8 (a
// file name) becomes U+FFFD, so the page is always valid UTF-8.
void append_escaped(std::string& out, std::string_view text);

// The same, returned.
std::string escaped(std::string_view text);

// A relative link to a file path ("ko/a b#1.txt.html" → "./ko/a%20b%231.txt.html"):
// every byte but unreserved ones and '/' percent-encoded, and "./" in front so
// that a first segment with a colon (`javascript:x.txt`) can never be read as
// a URL scheme.
std::string relative_href(std::string_view path);

// The Content-Security-Policy source for one inline <script> or <style>
// body: 'sha256-<base64 of the digest>'. The page allows exactly its own
// code, so injected markup could not run even if escaping failed.
std::string csp_hash_source(std::string_view code);

// 13000000000 → "13,000,000,000"; "-1234.5" → "-1,234.5". Other text as is.
std::string group_thousands(std::string_view decimal);

}  // namespace news::html
