// base/text.h — the character classes and counts every stage asks about.
//
// One copy for the whole library: the stages used to carry their own
// is_ascii_digit, is_hangul_syllable and code-point counters, each a little
// different. Texts inside the pipeline are valid UTF-8 (text/decode.h made
// them so); base/utf8.h decodes one code point.
//
// Thread-safety: pure inline functions.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace news {

// ASCII classes. They take char32_t so a `char` above 0x7F (negative where
// char is signed) is simply not in the class.
constexpr bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alpha(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_ascii_alnum(char32_t c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
constexpr char to_lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// 가..힣: a precomposed Hangul syllable (not a jamo).
constexpr bool is_hangul_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

// Code points in `s` (continuation bytes are not counted).
inline std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The code point that ends s[0, end); `length` gets its byte count. A Hangul
// syllable, the usual case, is read without walking back byte by byte.
inline char32_t decode_before(std::string_view s, std::size_t end, std::size_t& length) {
  if (end >= 3) {
    const auto b0 = static_cast<unsigned char>(s[end - 3]);
    const auto b1 = static_cast<unsigned char>(s[end - 2]);
    const auto b2 = static_cast<unsigned char>(s[end - 1]);
    if ((b0 & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      length = 3;
      return (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
    }
  }
  std::size_t start = end;
  do {
    --start;
  } while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80);
  return utf8::decode_at(s, start, length);
}

// s[pos, pos + prefix.size()) == prefix. The first byte is tested before
// memcmp: the value readers ask this at every candidate position.
inline bool starts_with_at(std::string_view s, std::size_t pos, std::string_view prefix) {
  return !prefix.empty() && pos + prefix.size() <= s.size() && s[pos] == prefix[0] &&
         s.compare(pos, prefix.size(), prefix) == 0;
}

// Byte offset → code-point offset for one text, in time independent of the
// offset: a paragraph of megabytes with thousands of mentions must not cost
// a scan from its start per mention. Keeps a view of `text`.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  std::size_t operator()(std::size_t byte_offset) const;

 private:
  static constexpr std::size_t kStride = 256;
  std::string_view text_;
  std::vector<std::size_t> checkpoints_;  // code points before byte k * kStride
};

}  // namespace news
