#include "text/normalize.h"

#include <cstdint>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "base/text.h"

namespace news {
namespace {



// What becomes one ASCII space: every Unicode space separator, tabs, and the
// line/paragraph separators (inside one line they can only mean a gap).
bool is_space(char32_t cp) {
  return cp == 0xA0 || cp == 0x85 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// What a reader never sees and a scraper leaves behind: C1 controls, soft
// hyphen, zero-width space and non-joiner, word joiner, BOM, bidi marks.
bool is_invisible(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F && cp != 0x85) || cp == 0xAD || cp == 0x180E || cp == 0x200B ||
         cp == 0x200C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

// Emoji and pictographs: a zero-width joiner after one builds a sequence
// (👩‍💻) and is kept; anywhere else it is scraping debris.
bool is_pictograph(char32_t cp) {
  return cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F;
}

// The full-width copies of ASCII (U+FF01..U+FF5E) and of the Latin-1 signs
// (U+FFE0..U+FFE6); 0 when `cp` is neither.
char32_t narrow_form(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;  // ＡＢＣ１２３（） → ABC123()
  switch (cp) {
    case 0xFFE0:
      return 0xA2;  // ￠
    case 0xFFE1:
      return 0xA3;  // ￡
    case 0xFFE2:
      return 0xAC;  // ￢
    case 0xFFE3:
      return 0xAF;  // ￣
    case 0xFFE4:
      return 0xA6;  // ￤
    case 0xFFE5:
      return 0xA5;  // ￥
    case 0xFFE6:
      return 0x20A9;  // ￦ → ₩
    default:
      return 0;
  }
}

// Code points known to be NFC-stable in any context (NFC_Quick_Check=Yes and
// not composing with a neighbour): with only these the ICU check is skipped.
// Korean news is ASCII, precomposed Hangul and a little punctuation.
bool is_nfc_inert(char32_t cp) {
  return cp < 0x300 || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x2010 && cp <= 0x205E) ||
         (cp >= 0x3001 && cp <= 0x3029) || (cp >= 0x3131 && cp <= 0x318E) ||
         (cp >= 0x20A0 && cp <= 0x20C0) || (cp >= 0x2190 && cp <= 0x21FF) ||
         (cp >= 0x2460 && cp <= 0x27BF);
}

const icu::Normalizer2* nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? normalizer : nullptr;
}

}  // namespace

bool is_nfc(std::string_view text) {
  const icu::Normalizer2* normalizer = nfc();
  if (normalizer == nullptr) return true;
  UErrorCode status = U_ZERO_ERROR;
  const bool yes = normalizer->isNormalizedUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
  return U_FAILURE(status) || yes;
}

std::string to_nfc(std::string_view text) {
  const icu::Normalizer2* normalizer = nfc();
  if (normalizer == nullptr || is_nfc(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  normalizer->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                            sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

std::string normalize_line(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool pending_space = false;
  bool needs_nfc_check = false;
  char32_t previous = 0;
  for (std::size_t i = 0; i < line.size();) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) {  // the common case: ASCII
      ++i;
      if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n') {
        pending_space = !out.empty();
        continue;
      }
      if (c < 0x20 || c == 0x7F) continue;  // other control characters
      if (pending_space) out += ' ';
      pending_space = false;
      out += static_cast<char>(c);
      previous = c;
      continue;
    }
    // Hangul syllables and CJK ideographs (U+4000..U+DFFF, lead bytes E4..ED)
    // are never spaces, invisible or full-width, and never change under NFC
    // (a following conjoining jamo is checked on its own): copy them as a run.
    if (c >= 0xE4 && c <= 0xED && i + 2 < line.size()) {
      std::size_t end = i;
      while (end + 2 < line.size()) {
        const auto lead = static_cast<unsigned char>(line[end]);
        if (lead < 0xE4 || lead > 0xED ||
            (static_cast<unsigned char>(line[end + 1]) & 0xC0) != 0x80 ||
            (static_cast<unsigned char>(line[end + 2]) & 0xC0) != 0x80)
          break;
        end += 3;
      }
      if (end > i) {
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(line.data() + i, end - i);
        i = end;
        previous = 0xAC00;
        continue;
      }
    }
    std::size_t length = 1;
    char32_t cp = utf8::decode_at(line, i, length, utf8::Invalid::kByte);
    const std::size_t at = i;
    i += length;
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (is_invisible(cp)) continue;
    if (cp == 0x200D && !is_pictograph(previous)) continue;  // ZWJ outside an emoji
    if (pending_space) out += ' ';
    pending_space = false;
    if (const char32_t narrow = narrow_form(cp); narrow != 0) {
      cp = narrow;
      utf8::append(out, cp);
    } else {
      out.append(line.data() + at, length);
    }
    needs_nfc_check = needs_nfc_check || !is_nfc_inert(cp);
    previous = cp;
  }
  if (needs_nfc_check) return to_nfc(out);
  return out;
}

std::string fold_quotes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const char32_t cp = utf8::decode_at(text, i, length, utf8::Invalid::kByte);
    if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x2033 || cp == 0x301D ||
        cp == 0x301E) {
      out += '"';
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x2032) {
      out += '\'';
    } else {
      out.append(text.data() + i, length);
    }
    i += length;
  }
  return out;
}

}  // namespace news
