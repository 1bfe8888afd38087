// news/decode.h — from raw input bytes to clean UTF-8 text.
//
// Recognizes what is not text at all (NUL bytes, binary signatures), strips a
// byte-order mark, turns CRLF and lone CR into LF, and checks UTF-8: invalid
// sequences become U+FFFD with a warning that gives their count and the first
// byte offset (or an error in strict mode).
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"

namespace news {

struct DecodeOptions {
  std::optional<std::string> encoding;  // force this encoding
  bool strict = false;                  // invalid bytes are an error
};

struct Decoded {
  std::string text;      // UTF-8, LF line endings, no BOM
  std::string encoding;  // what was read, e.g. "UTF-8"
  std::vector<std::string> warnings;
  std::optional<Error> error;  // set when the input cannot be read as text
};

Decoded decode(std::string_view bytes, const DecodeOptions& options);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

}  // namespace news
