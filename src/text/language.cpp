#include "text/language.h"

#include <cstdint>

namespace news {

std::optional<std::string> detect_language(std::string_view text) {
  std::size_t hangul = 0;
  std::size_t latin = 0;
  std::size_t other = 0;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++latin;
      ++i;
      continue;
    }
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n == 3 && i + 2 < text.size()) {
      const std::uint32_t cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                               (static_cast<unsigned char>(text[i + 2]) & 0x3F);
      if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x3130 && cp <= 0x318F) ||
          (cp >= 0x1100 && cp <= 0x11FF)) {
        ++hangul;
      } else if (cp >= 0x2E80) {
        ++other;  // Han, kana, …
      }
    } else if (n == 4) {
      ++other;
    }
    i += n;
  }
  const std::size_t letters = hangul + latin + other;
  if (letters == 0) return std::nullopt;
  if (hangul * 5 >= letters) return "ko";
  if (latin * 2 > letters) return "en";
  return std::nullopt;
}

}  // namespace news
