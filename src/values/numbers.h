// values/numbers.h — reading numerals in Korean and English text, exactly.
//
// Takes a UTF-8 text and a byte offset where a numeral may start; gives the
// value as an exact decimal (no float rounding: 16조8천500억 is
// 16850000000000, not 1.685e13) and the byte offset just past the numeral.
// Forms read:
//   Korean  1,234.5 · 130억 · 16조8천500억 · 1만2천 · 3.5조 · 2억5000만 ·
//           삼십이 · 일억이 · 삼점사 · 수십억 (approximate) · 10여 (approximate)
//   native  하나 · 두 · 스물다섯 · 서른 (read_native_number)
//   English 13 billion · 1.2m · 13bn · two-thirds · twenty-one thousand
// Values that do not fit (beyond 10^36, e.g. a malformed 9999경9999경) are
// rejected rather than wrapped.
//
// Thread-safety: pure functions on plain values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace news {

__extension__ typedef __int128 Int128;  // 9999경 needs more than 64 bits

// An exact decimal number: units × 10^-scale.
struct Decimal {
  Int128 units = 0;
  int scale = 0;  // digits after the decimal point, 0‥18

  // Parses "1234", "-3", "1,234.50", ".77". Commas are ignored.
  static std::optional<Decimal> parse(std::string_view text);
  static Decimal of(long long value) { return Decimal{value, 0}; }

  bool is_zero() const { return units == 0; }
  bool is_integer() const;
  // The integer part (toward zero) when it fits in a long long.
  std::optional<long long> to_integer() const;
  // The shortest exact decimal form: "16850000000000", "3.5", "-3".
  std::string to_string() const;
  double to_double() const;
};

// Exact arithmetic; nullopt on overflow (beyond ±10^36).
std::optional<Decimal> add(const Decimal& a, const Decimal& b);
std::optional<Decimal> multiply(const Decimal& a, const Decimal& b);
// a ÷ b rounded to 12 decimal places (fractions: 사분의삼, two-thirds).
std::optional<Decimal> divide(const Decimal& a, const Decimal& b);
std::optional<Decimal> times_power_of_ten(const Decimal& a, int exponent);
bool operator==(const Decimal& a, const Decimal& b);
bool operator<(const Decimal& a, const Decimal& b);

// How a numeral was written; callers use it to decide how much context a
// match needs (a lone Sino-Korean syllable like 이 is usually a particle).
enum class NumeralScript {
  kDigits,      // 130, 1,234.5, 3.5조, 16조8천500억 (digits, maybe with units)
  kSinoKorean,  // 삼십이, 일억, 만
  kNative,      // 하나, 두, 스물다섯
  kEnglish,     // thirteen, two-thirds
};

struct NumeralMatch {
  Decimal value;
  std::size_t start = 0;  // byte offsets into the text
  std::size_t end = 0;
  bool approximate = false;  // 수십억, 10여, 수천
  NumeralScript script = NumeralScript::kDigits;
  int syllables = 0;      // Hangul numeral syllables read (0 for pure digits)
  bool has_unit = false;  // a 십/백/천/만/억/조/경 unit was read
};

// Reads a Korean numeral (digits and/or Sino-Korean syllables with units)
// starting exactly at `pos`. A minus sign or 마이너스 before it is read too.
std::optional<NumeralMatch> read_korean_number(std::string_view text, std::size_t pos);

// Reads a native Korean numeral (하나…아흔아홉, determiner forms 한 두 세
// 네 스무) starting at `pos`.
std::optional<NumeralMatch> read_native_number(std::string_view text, std::size_t pos);

// Reads an English numeral: digits with an optional scale word (13 billion,
// 1.2m, 10K, 30 lakh), number words (twenty-one thousand and twelve), and
// fractions (two-thirds, a half). Case-insensitive.
std::optional<NumeralMatch> read_english_number(std::string_view text, std::size_t pos);

// Reads any numeral at `pos`: Korean, then native, then English.
std::optional<NumeralMatch> read_number(std::string_view text, std::size_t pos);

// UTF-8 helpers shared by the value readers.
// The code point at `pos` and its length in bytes (U+FFFD, 1 on bad input).
std::pair<char32_t, std::size_t> code_point_at(std::string_view text, std::size_t pos);
// The code point that ends just before `pos` (0 at the start of the text).
char32_t code_point_before(std::string_view text, std::size_t pos);
// Skips ASCII spaces and no-break spaces from `pos`.
std::size_t skip_spaces(std::string_view text, std::size_t pos);

}  // namespace news
