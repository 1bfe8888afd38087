#include "output/html_text.h"

#include <cstdint>

#include "base/sha256.h"
#include "base/text.h"
#include "base/utf8.h"
#include "text/decode.h"

namespace news::html {
namespace {

void append_escaped_valid(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* reference = nullptr;
    switch (text[i]) {
      case '&':
        reference = "&amp;";
        break;
      case '<':
        reference = "&lt;";
        break;
      case '>':
        reference = "&gt;";
        break;
      case '"':
        reference = "&quot;";
        break;
      case '\'':
        reference = "&#39;";
        break;
      case '\0':
        reference = "\xEF\xBF\xBD";  // NUL is a parse error in HTML: U+FFFD
        break;
      default:
        continue;
    }
    out.append(text.data() + run, i - run);
    out += reference;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  if (is_valid_utf8(text)) return append_escaped_valid(out, text);
  std::string repaired;
  repaired.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = 0;
    utf8::decode_at(text, i, length);
    const std::string_view piece = text.substr(i, length);
    if (!is_valid_utf8(piece)) {
      repaired += "\xEF\xBF\xBD";
    } else {
      repaired.append(piece);
    }
    i += length;
  }
  append_escaped_valid(out, repaired);
}

std::string escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

std::string relative_href(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "./";
  for (const char byte : path) {
    const auto c = static_cast<unsigned char>(byte);
    if (is_ascii_alnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += byte;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string csp_hash_source(std::string_view code) {
  const std::string hex = sha256_hex(code);
  std::string digest;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    digest += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  static constexpr char kBase64[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string base64;
  for (std::size_t i = 0; i < digest.size(); i += 3) {
    const std::size_t n = digest.size() - i < 3 ? digest.size() - i : 3;
    std::uint32_t block = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      block = (block << 8) | (k < n ? static_cast<unsigned char>(digest[i + k]) : 0u);
    }
    for (std::size_t k = 0; k < 4; ++k) {
      base64 += k <= n ? kBase64[(block >> (18 - 6 * k)) & 0x3F] : '=';
    }
  }
  return "'sha256-" + base64 + "'";
}

std::string group_thousands(std::string_view decimal) {
  std::size_t digits_begin = !decimal.empty() && decimal[0] == '-' ? 1 : 0;
  std::size_t digits_end = decimal.find('.');
  if (digits_end == std::string_view::npos) digits_end = decimal.size();
  for (std::size_t i = digits_begin; i < digits_end; ++i) {
    if (!is_ascii_digit(static_cast<unsigned char>(decimal[i]))) return std::string(decimal);
  }
  std::string out(decimal.substr(0, digits_begin));
  for (std::size_t i = digits_begin; i < digits_end; ++i) {
    if (i > digits_begin && (digits_end - i) % 3 == 0) out += ',';
    out += decimal[i];
  }
  out.append(decimal.substr(digits_end));
  return out;
}

}  // namespace news::html
