#include "text/decode.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

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
      "\x89PNG\r\n\x1a\n",
      "\x7f"
      "ELF",
      "\x1f\x8b",
      "%PDF-",
      "PK\x03\x04",
      "GIF87a",
      "GIF89a",
      "\xff\xd8\xff",
      "BZh",
      "\xfd"
      "7zXZ",
      "7z\xbc\xaf\x27\x1c",
      "\x28\xb5\x2f\xfd",
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

// UTF-8 from the UTF-8 bytes: CRLF and CR become LF, invalid sequences
// U+FFFD (counted). The one pass every article goes through.
struct Utf8Pass {
  std::string text;
  std::size_t invalid = 0;
  std::size_t first_invalid = 0;
};

Utf8Pass read_utf8(std::string_view bytes) {
  Utf8Pass out;
  out.text.reserve(bytes.size());
  // Valid bytes are copied in spans, not one character at a time; only a CR
  // or an invalid byte ends a span.
  std::size_t span = 0;
  std::size_t i = 0;
  const auto flush = [&] { out.text.append(bytes.data() + span, i - span); };
  while (i < bytes.size()) {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    if (b0 < 0x80) {
      if (b0 != '\r') {
        ++i;
        continue;
      }
      flush();  // CRLF and lone CR both end a line
      out.text += '\n';
      i += (i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
      span = i;
      continue;
    }
    std::size_t n = 0;
    if (b0 >= 0xE1 && b0 <= 0xEC && i + 2 < bytes.size() &&
        (static_cast<unsigned char>(bytes[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(bytes[i + 2]) & 0xC0) == 0x80) {
      n = 3;  // Hangul and most of the BMP: no overlong or surrogate possible
    } else {
      n = utf8_sequence_length(bytes, i);
    }
    if (n == 0) {
      flush();
      if (out.invalid++ == 0) out.first_invalid = i;
      out.text += "\xEF\xBF\xBD";  // U+FFFD
      span = ++i;
      continue;
    }
    i += n;
  }
  flush();
  return out;
}

// Counts the well-formed multi-byte sequences and the invalid bytes: a file
// with more of the first is UTF-8 with strays, not a legacy encoding.
void count_utf8(std::string_view bytes, std::size_t& multibyte, std::size_t& invalid) {
  multibyte = invalid = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(bytes, i);
    if (n == 0) {
      ++invalid;
      ++i;
    } else {
      ++multibyte;
      i += n;
    }
  }
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

bool names_utf8(std::string_view name) {
  return equals_ignoring_case(name, "UTF-8") || equals_ignoring_case(name, "UTF8");
}

// Counts what a converter could not read; ICU substitutes U+FFFD for it.
struct Replacements {
  std::size_t count = 0;
};

void count_and_substitute(const void* context, UConverterToUnicodeArgs* args,
                          const char* code_units, int32_t length, UConverterCallbackReason reason,
                          UErrorCode* error) {
  if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
    ++static_cast<Replacements*>(const_cast<void*>(context))->count;
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason, error);
}

struct Converted {
  bool ok = false;  // false: ICU has no converter of that name
  std::string utf8;
  std::size_t replaced = 0;
};

// `bytes` read with ICU's converter `name`, as UTF-8.
Converted convert(std::string_view bytes, const char* name) {
  Converted out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(name, &status),
                                                               ucnv_close);
  if (U_FAILURE(status) || !converter) return out;
  Replacements replacements;
  UConverterToUCallback old_action = nullptr;
  const void* old_context = nullptr;
  ucnv_setToUCallBack(converter.get(), count_and_substitute, &replacements, &old_action,
                      &old_context, &status);
  const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                                status);
  if (U_FAILURE(status)) return out;
  text.toUTF8String(out.utf8);
  out.ok = true;
  out.replaced = replacements.count;
  return out;
}

// The Unicode encoding a byte-order mark names, and the mark's length.
const char* encoding_from_bom(std::string_view bytes, std::size_t& length) {
  if (starts_with(bytes, std::string_view("\xFF\xFE\0\0", 4))) return length = 4, "UTF-32LE";
  if (starts_with(bytes, std::string_view("\0\0\xFE\xFF", 4))) return length = 4, "UTF-32BE";
  if (starts_with(bytes, "\xFF\xFE")) return length = 2, "UTF-16LE";
  if (starts_with(bytes, "\xFE\xFF")) return length = 2, "UTF-16BE";
  return length = 0, nullptr;
}

// UTF-16 without a byte-order mark, when it clearly is: nearly every code
// unit of the first 4 KiB is ASCII (high byte 00), Hangul (AC..D7), Hangul
// jamo or CJK punctuation (11, 30, 31), general punctuation (20) or a
// full-width form (FF), and the other byte order does not fit as well.
const char* sniff_utf16(std::string_view bytes) {
  if (bytes.size() < 8 || bytes.size() % 2 != 0) return nullptr;
  const std::size_t units = std::min<std::size_t>(bytes.size(), 4096) / 2;
  const auto plausible_high = [](unsigned char b) {
    return b == 0x00 || (b >= 0xAC && b <= 0xD7) || b == 0x11 || b == 0x20 || b == 0x30 ||
           b == 0x31 || b == 0xFF;
  };
  std::size_t le = 0, be = 0, le_zero_low = 0, be_zero_low = 0;
  for (std::size_t u = 0; u < units; ++u) {
    const auto b0 = static_cast<unsigned char>(bytes[2 * u]);
    const auto b1 = static_cast<unsigned char>(bytes[2 * u + 1]);
    le += plausible_high(b1);
    be += plausible_high(b0);
    le_zero_low += b0 == 0;  // a 00 low byte is rare in text (U+AC00 가 aside)
    be_zero_low += b1 == 0;
  }
  const auto clearly = [&](std::size_t fits, std::size_t zero_low, std::size_t other) {
    return fits * 100 >= units * 95 && zero_low * 10 < units && other * 100 < units * 80;
  };
  if (clearly(le, le_zero_low, be)) return "UTF-16LE";
  if (clearly(be, be_zero_low, le)) return "UTF-16BE";
  return nullptr;
}

// Whether EUC-KR text uses CP949's extra syllables (lead bytes 81..C6 with a
// trail byte below A1), which plain EUC-KR cannot encode.
bool uses_cp949_extensions(std::string_view bytes) {
  for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x81) continue;
    const auto trail = static_cast<unsigned char>(bytes[i + 1]);
    if (lead <= 0xC6 && trail >= 0x41 && trail < 0xA1) return true;
    ++i;
  }
  return false;
}

struct Detected {
  std::string name;  // ICU's charset name, empty when nothing was found
  int confidence = 0;
};

// ICU's best guess for the first 64 KiB of `bytes`.
Detected detect_charset(std::string_view bytes) {
  Detected out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      ucsdet_close);
  if (U_FAILURE(status)) return out;
  const std::size_t sample = std::min<std::size_t>(bytes.size(), 64 * 1024);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(sample), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return out;
  const char* name = ucsdet_getName(match, &status);
  out.confidence = ucsdet_getConfidence(match, &status);
  if (U_SUCCESS(status) && name != nullptr) out.name = name;
  return out;
}

std::string plural(std::size_t n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
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

namespace {

// The UTF-8 text of `bytes`, which hold UTF-8 (a BOM already removed);
// `offset` is where they began in the input, for the warning.
Decoded finish_utf8(std::string_view bytes, std::size_t offset, const DecodeOptions& options,
                    Decoded out) {
  Utf8Pass pass = read_utf8(bytes);
  out.text = std::move(pass.text);
  if (pass.invalid > 0) {
    const std::string what = plural(pass.invalid, "invalid UTF-8 byte") +
                             ", the first at byte offset " +
                             std::to_string(pass.first_invalid + offset);
    if (options.strict) {
      out.error = Error{"invalid_utf8", what};
      out.text.clear();
      return out;
    }
    out.warnings.push_back(what + ", replaced with U+FFFD");
  }
  return out;
}

// Reads `bytes` as `encoding` (an ICU converter name), then as UTF-8.
Decoded finish_converted(std::string_view bytes, const char* converter, std::string encoding,
                         const DecodeOptions& options, Decoded out) {
  Converted converted = convert(bytes, converter);
  out.encoding = std::move(encoding);
  if (!converted.ok) {
    out.error = Error{"unknown_encoding", "no converter for the encoding \"" + out.encoding + "\""};
    return out;
  }
  if (converted.replaced > 0) {
    const std::string what =
        plural(converted.replaced, "byte sequence") + " not valid in " + out.encoding;
    if (options.strict) {
      out.error = Error{"invalid_encoding", what};
      return out;
    }
    out.warnings.push_back(what + ", replaced with U+FFFD");
  }
  std::string_view text = converted.utf8;
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM, converted
  if (text.find('\0') != std::string_view::npos) {
    out.error = Error{"not_text", "the input is not text (NUL characters in " + out.encoding + ")"};
    return out;
  }
  Decoded done = finish_utf8(text, 0, options, std::move(out));
  return done;
}

}  // namespace

Decoded decode(std::string_view bytes, const DecodeOptions& options) {
  Decoded out;
  out.encoding = "UTF-8";
  if (options.encoding && !names_utf8(*options.encoding)) {
    const std::string& name = *options.encoding;
    const bool korean = equals_ignoring_case(name, "EUC-KR") || equals_ignoring_case(name, "CP949");
    return finish_converted(bytes, korean ? "windows-949" : name.c_str(), name, options,
                            std::move(out));
  }
  std::size_t bom = 0;
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bom = 3;
  } else if (!options.encoding) {
    if (const char* unicode = encoding_from_bom(bytes, bom)) {
      return finish_converted(bytes.substr(bom), unicode, unicode, options, std::move(out));
    }
    if (const char* utf16 = sniff_utf16(bytes)) {
      out.warnings.push_back(std::string("no byte-order mark: read as ") + utf16 +
                             " from the pattern of its bytes");
      return finish_converted(bytes, utf16, utf16, options, std::move(out));
    }
  }
  bytes.remove_prefix(bom);
  if (looks_binary(bytes)) {
    out.error = Error{"not_text", "the input is not text (binary data or NUL bytes)"};
    return out;
  }
  if (options.encoding || bom > 0) return finish_utf8(bytes, bom, options, std::move(out));
  // The common case in one pass: read as UTF-8; only when that finds invalid
  // bytes is anything else tried.
  if (Utf8Pass pass = read_utf8(bytes); pass.invalid == 0) {
    out.text = std::move(pass.text);
    return out;
  }

  // Not UTF-8: a legacy encoding, or UTF-8 with a few strays.
  std::size_t multibyte = 0, invalid = 0;
  count_utf8(bytes, multibyte, invalid);
  if (multibyte > invalid) {
    out.warnings.push_back("mostly UTF-8 with stray bytes of another encoding");
    return finish_utf8(bytes, bom, options, std::move(out));
  }
  // Korean first: bytes that read cleanly as CP949 (EUC-KR's superset) into
  // mostly Hangul are Korean, whatever ICU's detector (which knows EUC-KR
  // but not CP949's extra syllables: 똠, 햏) would guess.
  if (Converted korean = convert(bytes, "windows-949"); korean.ok && korean.replaced == 0) {
    std::size_t hangul = 0, other = 0;
    for (std::size_t i = 0; i < korean.utf8.size();) {
      const std::size_t n = std::max<std::size_t>(1, utf8_sequence_length(korean.utf8, i));
      if (n == 3) {
        const auto b0 = static_cast<unsigned char>(korean.utf8[i]);
        const auto b1 = static_cast<unsigned char>(korean.utf8[i + 1]);
        // U+AC00..U+D7A3 is EA B0 80 .. ED 9E A3
        const bool syllable = (b0 >= 0xEA && b0 <= 0xED) && !(b0 == 0xEA && b1 < 0xB0);
        (syllable ? hangul : other) += 1;
      } else if (n > 1) {
        ++other;
      }
      i += n;
    }
    // A few stray bytes can read as one or two syllables by chance.
    if (hangul >= 4 && hangul >= 2 * other) {
      return finish_converted(bytes, "windows-949",
                              uses_cp949_extensions(bytes) ? "CP949" : "EUC-KR", options,
                              std::move(out));
    }
  }
  const Detected detected = detect_charset(bytes);
  // ICU's weakest guesses are noise (a few stray bytes "look like" UTF-16BE
  // at 10%); UTF-16 without a byte-order mark was sniffed above already.
  if (detected.name.empty() || names_utf8(detected.name) || detected.confidence < kWeakestGuess ||
      detected.name.rfind("UTF-", 0) == 0) {
    return finish_utf8(bytes, bom, options, std::move(out));
  }
  std::string encoding = detected.name;
  const char* converter = detected.name.c_str();
  if (detected.name == "EUC-KR") {
    // windows-949 reads both; name what the bytes are.
    converter = "windows-949";
    encoding = uses_cp949_extensions(bytes) ? "CP949" : "EUC-KR";
  }
  if (detected.confidence < kConfidentGuess) {
    out.warnings.push_back("the encoding is a guess: " + encoding + " (confidence " +
                           std::to_string(detected.confidence) + "%)");
  }
  return finish_converted(bytes, converter, std::move(encoding), options, std::move(out));
}

}  // namespace news
