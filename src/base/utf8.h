// base/utf8.h — decoding and appending one UTF-8 code point, private to the library.
//
// Every text inside the pipeline is valid UTF-8 (text/decode.h repaired it),
// so the stages that walk code points only need a fast decoder; they differ
// in what a stray byte should give if one ever reached them (misuse, a test
// feeding raw bytes): U+FFFD, or the byte itself. That is the parameter.
// Continuation bytes are not checked: that is decode()'s job.
//
// Thread-safety: pure inline functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace news::utf8 {

enum class Invalid {
  kReplacement,  // a stray byte decodes as U+FFFD
  kByte,         // a stray byte decodes as itself (0x80..0xFF)
};

// The code point whose first byte is s[i]; `length` gets its byte count (1
// for a stray byte, or a sequence cut off by the end of `s`).
inline char32_t decode_at(std::string_view s, std::size_t i, std::size_t& length,
                          Invalid invalid = Invalid::kReplacement) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) {
    length = 1;
    return b0;
  }
  const std::size_t left = s.size() - i;
  if (b0 >= 0xE0 && b0 <= 0xEF && left >= 3) {  // first: Hangul is here
    length = 3;
    return (char32_t(b0 & 0x0F) << 12) | (char32_t(byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  }
  if (b0 >= 0xC2 && b0 <= 0xDF && left >= 2) {
    length = 2;
    return (char32_t(b0 & 0x1F) << 6) | (byte(1) & 0x3F);
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && left >= 4) {
    length = 4;
    return (char32_t(b0 & 0x07) << 18) | (char32_t(byte(1) & 0x3F) << 12) |
           (char32_t(byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
  }
  length = 1;
  return invalid == Invalid::kByte ? char32_t(b0) : char32_t(0xFFFD);
}

// Appends the UTF-8 bytes of `cp` (a valid code point) to `out`.
inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace news::utf8
