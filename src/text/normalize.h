// text/normalize.h — what a reader would copy: cleaned, NFC text.
//
// Scraped Korean news is full of characters a reader never sees or that
// stand for something plainer: no-break spaces (U+00A0, ≈70% of the
// articles of one corpus), zero-width spaces and joiners (U+200B..U+200D),
// a byte-order mark left in the middle of a line (U+FEFF), soft hyphens
// (U+00AD), tabs and other spaces, full-width Latin letters and digits
// (ＡＢＣ１２３ → ABC123). normalize_line() takes one line of decoded text and
// gives it cleaned, in one pass: invisible characters dropped, every kind of
// space folded to one ASCII space, ends trimmed, full-width ASCII forms
// mapped to ASCII, then Unicode NFC (a quick check first: most text already
// is NFC). Quotes are kept as written (“ ” ‘ ’ " '); CJK punctuation (「」
// 『』、。·) is kept; only the full-width copies of ASCII are mapped
// (（ ） ！ ？ ～ → ( ) ! ? ~, ￦ → ₩).
//
// Thread-safety: pure functions (ICU's NFC data is immutable).
#pragma once

#include <string>
#include <string_view>

namespace news {

// Cleans one line (no LF inside): see above. The result is valid UTF-8 when
// the input is.
std::string normalize_line(std::string_view line);

// True when `text` is in Unicode Normalization Form C.
bool is_nfc(std::string_view text);

// `text` in Unicode Normalization Form C.
std::string to_nfc(std::string_view text);

// `text` with curly quotes folded to straight ones (“ ” „ ″ → ", ‘ ’ ‚ ′ → ')
// for comparisons that should not depend on the quote style, such as
// spotting a repeated paragraph. Never used for output text.
std::string fold_quotes(std::string_view text);

}  // namespace news
