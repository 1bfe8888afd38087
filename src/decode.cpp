#include "news/decode.h"

#include <cstdint>
#include <string>

namespace news {
namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is invalid
// (overlong, surrogate, above U+10FFFF, truncated, stray continuation).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  const std::size_t left = s.size() - i;
  const auto cont = [&](std::size_t k) { return k < left && (byte(i + k) & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const unsigned char b1 = byte(i + 1);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const unsigned char b1 = byte(i + 1);
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Signatures of common binary formats that a folder of scraped text may hold.
bool has_binary_signature(std::string_view bytes) {
  static constexpr std::string_view kSignatures[] = {
      "\x89PNG\r\n\x1a\n", "\x7f" "ELF", "\x1f\x8b", "%PDF-", "PK\x03\x04", "GIF87a", "GIF89a",
      "\xff\xd8\xff",      "BZh",        "\xfd" "7zXZ", "7z\xbc\xaf\x27\x1c", "\x28\xb5\x2f\xfd",
  };
  for (std::string_view signature : kSignatures) {
    if (starts_with(bytes, signature)) return true;
  }
  return false;
}

// Control bytes other than tab, LF, CR, FF and ESC are rare in text and
// common in binary data.
bool looks_binary(std::string_view bytes) {
  if (has_binary_signature(bytes)) return true;
  return bytes.find('\0') != std::string_view::npos;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t n = utf8_sequence_length(bytes, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

Decoded decode(std::string_view bytes, const DecodeOptions& options) {
  Decoded out;
  out.encoding = "UTF-8";
  std::size_t bom = 0;
  if (starts_with(bytes, "\xEF\xBB\xBF")) bom = 3;
  bytes.remove_prefix(bom);
  if (looks_binary(bytes)) {
    out.error = Error{"not_text", "the input is not text (binary data or NUL bytes)"};
    return out;
  }

  out.text.reserve(bytes.size());
  std::size_t invalid = 0;
  std::size_t first_invalid = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const char c = bytes[i];
    if (c == '\r') {  // CRLF and lone CR both end a line
      out.text += '\n';
      i += (i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    const std::size_t n = utf8_sequence_length(bytes, i);
    if (n == 0) {
      if (invalid++ == 0) first_invalid = i;
      out.text += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    out.text.append(bytes.data() + i, n);
    i += n;
  }
  if (invalid > 0) {
    const std::string what = std::to_string(invalid) + " invalid UTF-8 byte" +
                             (invalid == 1 ? "" : "s") + ", the first at byte offset " +
                             std::to_string(first_invalid + bom);
    if (options.strict) {
      out.error = Error{"invalid_utf8", what};
      out.text.clear();
      return out;
    }
    out.warnings.push_back(what + ", replaced with U+FFFD");
  }
  return out;
}

}  // namespace news
