// text/decode.h — from raw input bytes to clean UTF-8 text.
//
// Recognizes what is not text at all (NUL bytes, binary signatures), strips a
// byte-order mark, turns CRLF and lone CR into LF, and checks UTF-8: invalid
// sequences become U+FFFD with a warning that gives their count and the first
// byte offset (or an error in strict mode).
//
// Valid UTF-8 — by far the common case — is taken as it is, with no
// detection. Otherwise:
//   * a byte-order mark names UTF-16 or UTF-32 (FF FE, FE FF, …); UTF-16
//     without one is recognized when its code units clearly are (every
//     other byte 00 for Latin text, AC..D7 for Hangul);
//   * bytes that are mostly invalid as UTF-8 go to ICU's charset detector:
//     legacy Korean archives are EUC-KR or its superset CP949 (windows-949),
//     both read with ICU's windows-949 converter. `encoding` then says
//     "EUC-KR" or "CP949" (when the bytes use CP949's extra syllables), or
//     what else ICU found; a guess below kConfidentGuess adds a warning;
//   * bytes that are mostly valid UTF-8 with a few strays (a file pasted
//     together from two sources) stay UTF-8, the strays become U+FFFD.
// DecodeOptions::encoding (an ICU converter name: EUC-KR, CP949, UTF-16LE,
// ISO-8859-1, …) skips detection; an unknown name is an error
// `unknown_encoding`.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"

namespace news {

// ICU's confidence (0..100) from which a detected encoding is not a guess.
inline constexpr int kConfidentGuess = 50;
// Below this, ICU's guess is ignored and the bytes are read as UTF-8 with
// replacements.
inline constexpr int kWeakestGuess = 20;

struct DecodeOptions {
  std::optional<std::string> encoding;  // force this encoding
  bool strict = false;                  // invalid bytes are an error
};

struct Decoded {
  std::string text;      // UTF-8, LF line endings, no BOM
  std::string encoding;  // what was read: "UTF-8", "EUC-KR", "CP949", "UTF-16LE", …
  std::vector<std::string> warnings;
  std::optional<Error> error;  // set when the input cannot be read as text
};

Decoded decode(std::string_view bytes, const DecodeOptions& options);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

}  // namespace news
