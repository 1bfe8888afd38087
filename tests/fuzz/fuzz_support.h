// tests/fuzz/fuzz_support.h — what the reader fuzz targets share: the data
// (lexicons only; the readers need no model), the promise check that traps
// with the input that broke it, and a strict UTF-8 test.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <string_view>

#include "resources.h"

namespace fuzz_support {

inline const news::Resources& resources() {
  static const news::Resources loaded =
      news::Resources::load(news::find_data_dir(std::nullopt), /*with_ner_model=*/false);
  return loaded;
}

// Where the readers were asked last, printed with a broken promise.
inline std::string_view asked_text;
inline std::size_t asked_pos = 0;

[[noreturn]] inline void broken(const char* promise, int line) {
  std::fprintf(stderr, "broken promise (line %d): %s\nat byte %zu of: %.*s\n", line, promise,
               asked_pos, static_cast<int>(std::min<std::size_t>(asked_text.size(), 400)),
               asked_text.data());
  __builtin_trap();
}

// Strict UTF-8 (no overlongs, surrogates or values past U+10FFFF): the
// boundary promises hold for the text the pipeline passes, which decode.h
// has made valid.
inline bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t c = 0, min = 0;
    if (b < 0x80) {
      ++i;
      continue;
    } else if ((b & 0xE0) == 0xC0) {
      len = 2, c = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3, c = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4, c = b & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cb = static_cast<unsigned char>(s[i + k]);
      if ((cb & 0xC0) != 0x80) return false;
      c = (c << 6) | (cb & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

inline bool on_boundary(std::string_view text, std::size_t pos) {
  return pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

}  // namespace fuzz_support

#define check(ok) ((ok) ? (void)0 : fuzz_support::broken(#ok, __LINE__))
