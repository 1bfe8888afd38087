#include "values/numbers.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "base/text.h"

namespace news {

// Korean, native or English, whichever reads furthest (read_number adds a
// parenthesized restatement).
static std::optional<NumeralMatch> read_number_once(std::string_view text, std::size_t pos);

namespace {

constexpr int kMaxScale = 24;

Int128 power_of_ten(int exponent) {
  Int128 p = 1;
  for (int i = 0; i < exponent; ++i) p *= 10;
  return p;
}

// |units| must stay below 10^36 so that any sum of two fits in 127 bits.
const Int128 kLimit = power_of_ten(36);

Int128 magnitude(Int128 v) {
  return v < 0 ? -v : v;
}

Decimal normalized(Decimal d) {
  while (d.scale > 0 && d.units % 10 == 0) {
    d.units /= 10;
    --d.scale;
  }
  return d;
}

// Brings `d` to `scale` (≥ d.scale); nullopt on overflow.
std::optional<Int128> units_at_scale(const Decimal& d, int scale) {
  Int128 units = d.units;
  for (int s = d.scale; s < scale; ++s) {
    if (magnitude(units) >= kLimit / 10) return std::nullopt;
    units *= 10;
  }
  return units;
}

// The end of a run of digits with thousands separators and one decimal
// point starting at `pos`: 1,234.5 → after 5. A comma counts only before
// exactly three digits (so "3,4" stops at 3).
std::size_t digit_run_end(std::string_view text, std::size_t pos) {
  std::size_t p = pos;
  bool point = false;
  if (p < text.size() && text[p] == '.') {
    point = true;
    ++p;
  }
  while (p < text.size()) {
    const char c = text[p];
    if (is_ascii_digit(c)) {
      ++p;
    } else if (c == ',' && !point && p > pos && p + 3 < text.size() &&
               is_ascii_digit(text[p + 1]) && is_ascii_digit(text[p + 2]) &&
               is_ascii_digit(text[p + 3]) &&
               (p + 4 >= text.size() || !is_ascii_digit(text[p + 4]))) {
      p += 4;
    } else if (c == '.' && !point && p + 1 < text.size() && is_ascii_digit(text[p + 1])) {
      point = true;
      ++p;
    } else {
      break;
    }
  }
  return p;
}

// The digits, units and native numerals below are the number system of the
// language, not word lists to tune, so they stay in code (the word lists
// around a number are data/value-words.txt). The few context syllables
// further down (여성 after 10여, 경 before 원, 마이너스) stay too for now:
// read_korean_number() is a pure function of the text that dates.cpp, the
// Duckling evaluation and the fuzzers call without Resources.
int sino_digit(char32_t c) {
  switch (c) {
    case U'영':
    case U'공':
    case U'빵':
      return 0;
    case U'일':
      return 1;
    case U'이':
      return 2;
    case U'삼':
      return 3;
    case U'사':
      return 4;
    case U'오':
      return 5;
    case U'육':
    case U'륙':
      return 6;
    case U'칠':
      return 7;
    case U'팔':
      return 8;
    case U'구':
      return 9;
    default:
      return -1;
  }
}

int small_unit_exponent(char32_t c) {
  switch (c) {
    case U'십':
      return 1;
    case U'백':
      return 2;
    case U'천':
      return 3;
    default:
      return -1;
  }
}

int big_unit_exponent(char32_t c) {
  switch (c) {
    case U'만':
      return 4;
    case U'억':
      return 8;
    case U'조':
      return 12;
    case U'경':
      return 16;
    default:
      return -1;
  }
}

// Syllables that, right after a number, make 여 the start of a word
// (여성 women, 여당 ruling party, 여권 passport) rather than "odd" (10여 명).
bool yeo_starts_word(char32_t next) {
  switch (next) {
    case U'성':
    case U'자':
    case U'당':
    case U'야':
    case U'권':
    case U'론':
    case U'의':
    case U'러':
    case U'름':
    case U'행':
    case U'객':
    case U'부':
      return true;
    default:
      return false;
  }
}

// Syllables after 경 that keep it a unit: 1경원, 1경 달러.
bool gyeong_is_unit(std::string_view text, std::size_t after) {
  const auto [next, len] = code_point_at(text, after);
  (void)len;
  if (!is_hangul_syllable(next)) return true;
  return next == U'원' || next == U'달' || next == U'엔';
}

struct NativeWord {
  std::string_view text;
  int value;
  bool tens;
};

// Longest forms first so that 하나 wins over 한 and 스물 over 스무.
constexpr std::array<NativeWord, 25> kNativeWords{{
    {"여든", 80, true}, {"아흔", 90, true}, {"스물", 20, true}, {"스무", 20, true},
    {"서른", 30, true}, {"마흔", 40, true}, {"예순", 60, true}, {"일흔", 70, true},
    {"쉰", 50, true},   {"열", 10, true},   {"하나", 1, false}, {"다섯", 5, false},
    {"여섯", 6, false}, {"일곱", 7, false}, {"여덟", 8, false}, {"아홉", 9, false},
    {"둘", 2, false},   {"셋", 3, false},   {"넷", 4, false},   {"한", 1, false},
    {"두", 2, false},   {"세", 3, false},   {"석", 3, false},   {"네", 4, false},
    {"첫", 1, false},
}};

}  // namespace

// ---------------------------------------------------------------- Decimal

std::optional<Decimal> Decimal::parse(std::string_view text) {
  Decimal d;
  bool negative = false;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  bool point = false, any = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ',') continue;
    if (c == '.') {
      if (point) return std::nullopt;
      point = true;
      continue;
    }
    if (!is_ascii_digit(c)) return std::nullopt;
    if (magnitude(d.units) >= kLimit / 10) return std::nullopt;
    d.units = d.units * 10 + (c - '0');
    any = true;
    if (point && ++d.scale > kMaxScale) return std::nullopt;
  }
  if (!any) return std::nullopt;
  if (negative) d.units = -d.units;
  return normalized(d);
}

bool Decimal::is_integer() const {
  return normalized(*this).scale == 0;
}

std::optional<long long> Decimal::to_integer() const {
  Int128 v = units;
  for (int s = 0; s < scale; ++s) v /= 10;
  if (magnitude(v) > static_cast<Int128>(9'000'000'000'000'000'000LL)) return std::nullopt;
  return static_cast<long long>(v);
}

std::string Decimal::to_string() const {
  const Decimal d = normalized(*this);
  Int128 v = magnitude(d.units);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  if (d.scale > 0) {
    while (static_cast<int>(digits.size()) <= d.scale) digits.insert(digits.begin(), '0');
    digits.insert(digits.end() - d.scale, '.');
  }
  if (d.units < 0) digits.insert(digits.begin(), '-');
  return digits;
}

double Decimal::to_double() const {
  double v = static_cast<double>(units);
  for (int s = 0; s < scale; ++s) v /= 10;
  return v;
}

std::optional<Decimal> add(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale, b.scale);
  const auto x = units_at_scale(a, scale);
  const auto y = units_at_scale(b, scale);
  if (!x || !y) return std::nullopt;
  const Int128 sum = *x + *y;
  if (magnitude(sum) >= kLimit) return std::nullopt;
  return normalized(Decimal{sum, scale});
}

std::optional<Decimal> multiply(const Decimal& a, const Decimal& b) {
  if (a.units == 0 || b.units == 0) return Decimal{};
  if (magnitude(a.units) >= kLimit / magnitude(b.units)) return std::nullopt;
  Decimal product{a.units * b.units, a.scale + b.scale};
  product = normalized(product);
  if (product.scale > kMaxScale) return std::nullopt;
  return product;
}

std::optional<Decimal> divide(const Decimal& a, const Decimal& b) {
  if (b.units == 0) return std::nullopt;
  constexpr int kPlaces = 12;
  // a/b = a.units·10^b.scale / (b.units·10^a.scale); scaled by 10^kPlaces.
  const int shift = kPlaces + b.scale - a.scale;
  Int128 numerator = a.units;
  Int128 denominator = b.units;
  for (int i = 0; i < shift; ++i) {
    if (magnitude(numerator) >= kLimit) return std::nullopt;
    numerator *= 10;
  }
  for (int i = shift; i < 0; ++i) denominator *= 10;
  Int128 quotient = numerator / denominator;
  const Int128 remainder = numerator % denominator;
  if (magnitude(remainder) * 2 >= magnitude(denominator))
    quotient += (numerator < 0) == (denominator < 0) ? 1 : -1;
  return normalized(Decimal{quotient, kPlaces});
}

std::optional<Decimal> times_power_of_ten(const Decimal& a, int exponent) {
  Decimal d = a;
  while (exponent > 0 && d.scale > 0) {
    --d.scale;
    --exponent;
  }
  for (; exponent > 0; --exponent) {
    if (magnitude(d.units) >= kLimit / 10) return std::nullopt;
    d.units *= 10;
  }
  for (; exponent < 0; ++exponent) {
    if (++d.scale > kMaxScale) return std::nullopt;
  }
  return normalized(d);
}

bool operator==(const Decimal& a, const Decimal& b) {
  const Decimal x = normalized(a), y = normalized(b);
  return x.units == y.units && x.scale == y.scale;
}

bool operator<(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale, b.scale);
  const auto x = units_at_scale(a, scale), y = units_at_scale(b, scale);
  if (!x || !y) return a.to_double() < b.to_double();
  return *x < *y;
}

// ---------------------------------------------------------------- UTF-8

std::pair<char32_t, std::size_t> code_point_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {0, 0};
  std::size_t length = 0;
  const char32_t c = utf8::decode_at(text, pos, length, utf8::Invalid::kReplacement);
  return {c, length};
}

char32_t code_point_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return 0;
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return code_point_at(text, start).first;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (text[pos] == ' ' || text[pos] == '\t') {
      ++pos;
    } else if (starts_with_at(text, pos, "\xC2\xA0")) {
      pos += 2;
    } else {
      break;
    }
  }
  return pos;
}

// ---------------------------------------------------------------- Korean

namespace {

// The sign before a Korean numeral: -3 (a hyphen at a word start, then a
// digit), 마이너스 3. Returns where the digits start and whether it is negative.
std::pair<std::size_t, bool> korean_sign(std::string_view text, std::size_t pos, bool word_start) {
  if (pos < text.size() && text[pos] == '-' && word_start && pos + 1 < text.size() &&
      (is_ascii_digit(text[pos + 1]) || text[pos + 1] == ' ')) {
    const std::size_t q = skip_spaces(text, pos + 1);
    if (q < text.size() && is_ascii_digit(text[q])) return {q, true};
  } else if (starts_with_at(text, pos, "마이너스") || starts_with_at(text, pos, "마이나스")) {
    return {skip_spaces(text, pos + std::strlen("마이너스")), true};
  }
  return {pos, false};
}

// After a space inside a number: a piece that can go on with it, digits or
// Sino-Korean digits then a unit (7천 5백만, 66억 8000만, 9만 4천).
bool spaced_piece_follows(std::string_view text, std::size_t pos) {
  std::size_t q = pos;
  if (q < text.size() && is_ascii_digit(text[q])) {
    q = digit_run_end(text, q);
  } else {
    return false;
  }
  const char32_t unit = code_point_at(text, q).first;
  return small_unit_exponent(unit) >= 0 || big_unit_exponent(unit) >= 0;
}

// 5 억 달러, 수십 억원: a big unit after a space, then not a longer word
// (5 만명 is fine, 1 조선 is not): the unit ends the word or a currency or
// counter syllable follows.
bool spaced_big_unit_follows(std::string_view text, std::size_t pos) {
  const auto [unit, len] = code_point_at(text, pos);
  if (big_unit_exponent(unit) < 4 || unit == U'경') return false;
  const char32_t next = code_point_at(text, pos + len).first;
  return !is_hangul_syllable(next) || next == U'원' || next == U'달' || next == U'명' ||
         next == U'여';
}

// What one reader of a numeral did with the text at hand (the Korean
// reader below and the English one further down share it).
enum class Step {
  kNext,     // read it; go on with the text after it
  kDone,     // the numeral ends here
  kReject,   // no numeral (an overflow, a fraction past 24 places)
  kNotMine,  // not this reader's word
};

// What read_korean_number has read so far; copied at a space so that a
// piece after it that does not go on with the number can be taken back.
struct KoreanReading {
  std::size_t p = 0, end = 0;
  Decimal total, group;            // 16조8천500억: total 16조, group 8천 + 500 before 억
  std::optional<Decimal> current;  // digits or a digit syllable not yet given a unit
  bool current_is_sino = false;
  int last_big = 99, last_small = 99;
  bool saw_digits = false, saw_sino = false, saw_yeo = false;
  int units = 0;       // units read (십 백 천 만 억 조 경)
  NumeralMatch match;  // syllables, approximate, has_unit

  // Adds the pending digits to `into` (group or total); false on overflow.
  bool flush_current_into(Decimal& into) {
    if (!current) return true;
    const auto sum = add(into, *current);
    if (!sum) return false;
    into = *sum;
    current.reset();
    return true;
  }
};

// A Korean numeral read piece by piece: digit runs (130), digit syllables
// (삼), units (십백천 within a group of four digits, 만억조경 closing one),
// then the approximations 수 (수십억) and 여 (10여), the decimal point 점
// (삼점사) and a space inside a number (7천 5백만).
class KoreanNumberReader {
 public:
  KoreanNumberReader(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {
    r_.match.start = pos;
    const char32_t before = code_point_before(text, pos);
    const bool word_start = !(is_hangul_syllable(before) ||
                              (before < 0x80 && (is_ascii_alpha(static_cast<char>(before)) ||
                                                 is_ascii_digit(static_cast<char>(before)))));
    const auto [digits_start, negative] = korean_sign(text, pos, word_start);
    negative_ = negative;
    r_.p = digits_start;
    r_.end = pos;
    after_je_ = before == U'제';
  }

  std::optional<NumeralMatch> read() {
    while (r_.p < text_.size()) {
      const Step step = read_piece();
      if (step == Step::kReject) return std::nullopt;
      if (step != Step::kNext) break;
    }
    // The piece after the last space read no unit (3억 5억, 1천 2천, 100만 3명,
    // 5 억원 where 억 could not follow): the number ends before the space.
    if (at_space_ && r_.units == at_space_->units) r_ = *at_space_;
    return finish();
  }

 private:
  // The piece at r_.p, tried by kind; kDone for anything that is not a numeral.
  Step read_piece() {
    const std::size_t p = r_.p;
    if (space_goes_on(p)) {
      at_space_ = r_;
      r_.p = p + 1;
      return Step::kNext;
    }
    if (digit_run_starts(p)) return read_digit_run(p);
    const auto [cp, len] = code_point_at(text_, p);
    const std::size_t next = p + len;
    if (const int d = sino_digit(cp); d >= 0) return read_sino_digit(d, next);
    if (cp == U'수') return read_several(next);
    if (const int e = small_unit_exponent(cp); e >= 0) return read_small_unit(e, next);
    if (const int e = big_unit_exponent(cp); e >= 0) return read_big_unit(e, next);
    if (cp == U'점' || cp == U'쩜') return read_decimal_point(p, next);
    if (cp == U'여') return read_odd(p, next);
    return Step::kDone;
  }

  // A space at `p` stays inside the number when a piece that goes on with
  // it follows: 7천 5백만, 66억 8000만, 9만 4천; or a big unit that takes the
  // number before it: 5 억 달러, 수십 억원, 5천 만원.
  bool space_goes_on(std::size_t p) const {
    if (text_[p] != ' ' || r_.end != p || r_.saw_yeo) return false;
    const bool unit_closed = r_.match.has_unit && !r_.current;
    if (unit_closed && !r_.saw_sino && spaced_piece_follows(text_, p + 1)) return true;
    const bool plain_digits = r_.current && !r_.current_is_sino && !r_.match.has_unit;
    return (plain_digits || (unit_closed && !r_.group.is_zero())) &&
           spaced_big_unit_follows(text_, p + 1);
  }

  // 130, 1,234.5; .5 only at the very start.
  bool digit_run_starts(std::size_t p) const {
    const char c = text_[p];
    return is_ascii_digit(c) || (c == '.' && !r_.saw_digits && !r_.current &&
                                 p + 1 < text_.size() && is_ascii_digit(text_[p + 1]) && p == pos_);
  }

  Step read_digit_run(std::size_t p) {
    if (r_.current || r_.saw_sino || r_.saw_yeo) return Step::kDone;
    const std::size_t run_end = digit_run_end(text_, p);
    const auto value = Decimal::parse(text_.substr(p, run_end - p));
    if (!value) return Step::kReject;
    r_.current = *value;
    r_.current_is_sino = false;
    r_.saw_digits = true;
    r_.p = r_.end = run_end;
    return Step::kNext;
  }

  // 삼 in 삼십이; never mixed with digits (3삼).
  Step read_sino_digit(int digit, std::size_t next) {
    if (r_.saw_digits || r_.current || r_.saw_yeo) return Step::kDone;
    r_.current = Decimal::of(digit);
    r_.current_is_sino = true;
    r_.saw_sino = true;
    ++r_.match.syllables;
    r_.p = r_.end = next;
    return Step::kNext;
  }

  // 수십억, 수천: "several", read as one and marked approximate; only at the
  // start and only before a unit (수요일 is Wednesday).
  Step read_several(std::size_t next) {
    if (r_.current || r_.saw_digits || r_.saw_sino || r_.end != pos_) return Step::kDone;
    const char32_t unit = code_point_at(text_, next).first;
    if (small_unit_exponent(unit) < 0 && big_unit_exponent(unit) < 0) return Step::kDone;
    r_.current = Decimal::of(1);
    r_.match.approximate = true;
    r_.saw_sino = true;
    ++r_.match.syllables;
    r_.p = next;  // `end` moves only once the unit is read
    return Step::kNext;
  }

  // 십 백 천 inside a group of four digits, each smaller than the last (천백).
  Step read_small_unit(int exponent, std::size_t next) {
    if (exponent >= r_.last_small || r_.saw_yeo) return Step::kDone;
    if (r_.current && !r_.current->is_integer()) return Step::kDone;
    const auto part = times_power_of_ten(r_.current.value_or(Decimal::of(1)), exponent);
    if (!part) return Step::kReject;
    const auto sum = add(r_.group, *part);
    if (!sum) return Step::kReject;
    r_.group = *sum;
    r_.current.reset();
    r_.last_small = exponent;
    count_unit(next);
    return Step::kNext;
  }

  // 만 억 조 경: closes the group read so far into the total (8천500억).
  Step read_big_unit(int exponent, std::size_t next) {
    if (!big_unit_may_follow(exponent, next)) return Step::kDone;
    if (!r_.flush_current_into(r_.group)) return Step::kReject;
    if (r_.group.is_zero()) r_.group = Decimal::of(1);  // 만 = 1만
    const auto part = times_power_of_ten(r_.group, exponent);
    if (!part) return Step::kReject;
    const auto sum = add(r_.total, *part);
    if (!sum) return Step::kReject;
    r_.total = *sum;
    r_.group = Decimal{};
    r_.last_small = 99;
    r_.last_big = exponent;
    r_.saw_yeo = false;
    count_unit(next);
    return Step::kNext;
  }

  bool big_unit_may_follow(int exponent, std::size_t next) const {
    if (exponent >= r_.last_big) return false;
    if (after_je_ && exponent >= 12) return false;  // 제3조 is Article 3 of a law
    if (exponent == 16 && !gyeong_is_unit(text_, next)) return false;  // 3경기
    // 조원 (a given name), 억원대: a big unit needs a number before it;
    // only 만 stands alone (만 원, 만 명).
    return !(exponent > 4 && r_.end == pos_ && !r_.current && r_.group.is_zero());
  }

  void count_unit(std::size_t next) {
    r_.match.has_unit = true;
    ++r_.units;
    ++r_.match.syllables;
    r_.p = r_.end = next;
  }

  // 삼점사 = 3.4, 사천백이십삼점삼 = 4123.3: the digits after 점 are read one
  // by one; the numeral ends after them.
  Step read_decimal_point(std::size_t p, std::size_t next) {
    if (!r_.current || !r_.current_is_sino || r_.end != p) return Step::kDone;
    std::size_t q = next;
    std::string fraction;
    while (q < text_.size()) {
      const auto [fc, flen] = code_point_at(text_, q);
      const int d = sino_digit(fc);
      if (d < 0) break;
      fraction.push_back(static_cast<char>('0' + d));
      q += flen;
    }
    if (fraction.empty()) return Step::kDone;
    const auto digits = Decimal::parse("0." + fraction);
    if (!digits || !r_.flush_current_into(r_.group)) return Step::kReject;
    const auto sum = add(r_.group, *digits);
    if (!sum) return Step::kReject;
    r_.group = *sum;
    r_.match.syllables += static_cast<int>(fraction.size()) + 1;
    r_.p = r_.end = q;
    return Step::kDone;
  }

  // 10여 명, 100여억: "odd", approximate; not 여성, 여당 (yeo_starts_word).
  Step read_odd(std::size_t p, std::size_t next) {
    if (r_.end != p || !(r_.saw_digits || r_.match.has_unit) || r_.saw_yeo) return Step::kDone;
    if (yeo_starts_word(code_point_at(text_, next).first)) return Step::kDone;
    r_.match.approximate = true;
    r_.saw_yeo = true;
    r_.p = r_.end = next;
    return Step::kNext;
  }

  // The match from what was read, with a fraction 사분의삼 and the sign.
  std::optional<NumeralMatch> finish() {
    NumeralMatch match = r_.match;
    if (r_.end == pos_ || (!r_.saw_digits && !r_.saw_sino && !match.has_unit)) return std::nullopt;
    if (!r_.flush_current_into(r_.group)) return std::nullopt;
    const auto sum = add(r_.total, r_.group);
    if (!sum) return std::nullopt;
    match.value = *sum;
    match.end = r_.end;
    if (!r_.saw_digits) read_numerator(match);
    if (negative_) match.value.units = -match.value.units;
    match.script = r_.saw_digits ? NumeralScript::kDigits : NumeralScript::kSinoKorean;
    return match;
  }

  // 사분의삼 = 3/4: a Sino-Korean denominator (read), 분의, then the numerator.
  void read_numerator(NumeralMatch& match) const {
    if (!starts_with_at(text_, match.end, "분의")) return;
    const auto numerator = read_korean_number(text_, match.end + std::strlen("분의"));
    if (!numerator || numerator->script != NumeralScript::kSinoKorean) return;
    if (const auto quotient = divide(numerator->value, match.value)) {
      match.value = *quotient;
      match.syllables += numerator->syllables + 2;
      match.end = numerator->end;
    }
  }

  std::string_view text_;
  std::size_t pos_;
  bool negative_ = false;
  bool after_je_ = false;
  KoreanReading r_;
  std::optional<KoreanReading> at_space_;  // the reading before the last space taken
};

}  // namespace

std::optional<NumeralMatch> read_korean_number(std::string_view text, std::size_t pos) {
  return KoreanNumberReader(text, pos).read();
}
std::optional<NumeralMatch> read_native_number(std::string_view text, std::size_t pos) {
  const auto word_at = [&](std::size_t p, bool want_tens) -> const NativeWord* {
    if (p + 3 > text.size() || static_cast<unsigned char>(text[p]) < 0xEA)
      return nullptr;  // not Hangul
    for (const NativeWord& w : kNativeWords) {
      if (w.tens == want_tens && text[p + 1] == w.text[1] && text[p + 2] == w.text[2] &&
          starts_with_at(text, p, w.text))
        return &w;
    }
    return nullptr;
  };
  NumeralMatch match;
  match.start = pos;
  match.script = NumeralScript::kNative;
  std::size_t p = pos;
  int value = 0;
  if (const NativeWord* tens = word_at(p, true)) {
    value += tens->value;
    p += tens->text.size();
    match.syllables += static_cast<int>(tens->text.size() / 3);
  } else if (starts_with_at(text, p, "십")) {
    // 십하나 = 11: Sino-Korean ten with a native unit (Duckling reads it).
    if (word_at(p + 3, false)) {
      value += 10;
      p += 3;
      ++match.syllables;
    }
  }
  if (const NativeWord* unit = word_at(p, false)) {
    value += unit->value;
    p += unit->text.size();
    match.syllables += static_cast<int>(unit->text.size() / 3);
  }
  if (p == pos) return std::nullopt;
  match.value = Decimal::of(value);
  match.end = p;
  return match;
}

// ---------------------------------------------------------------- English

namespace {

struct EnglishWord {
  std::string_view word;
  long long value;
  enum Kind { kUnit, kTens, kHundred, kScale, kDozen, kZero } kind;
};

constexpr std::array<EnglishWord, 54> kEnglishWords{{
    {"zero", 0, EnglishWord::kZero},
    {"naught", 0, EnglishWord::kZero},
    {"nought", 0, EnglishWord::kZero},
    {"nil", 0, EnglishWord::kZero},
    {"one", 1, EnglishWord::kUnit},
    {"two", 2, EnglishWord::kUnit},
    {"three", 3, EnglishWord::kUnit},
    {"four", 4, EnglishWord::kUnit},
    {"five", 5, EnglishWord::kUnit},
    {"six", 6, EnglishWord::kUnit},
    {"seven", 7, EnglishWord::kUnit},
    {"eight", 8, EnglishWord::kUnit},
    {"nine", 9, EnglishWord::kUnit},
    {"ten", 10, EnglishWord::kUnit},
    {"eleven", 11, EnglishWord::kUnit},
    {"twelve", 12, EnglishWord::kUnit},
    {"thirteen", 13, EnglishWord::kUnit},
    {"fourteen", 14, EnglishWord::kUnit},
    {"fifteen", 15, EnglishWord::kUnit},
    {"sixteen", 16, EnglishWord::kUnit},
    {"seventeen", 17, EnglishWord::kUnit},
    {"eighteen", 18, EnglishWord::kUnit},
    {"nineteen", 19, EnglishWord::kUnit},
    {"twenty", 20, EnglishWord::kTens},
    {"thirty", 30, EnglishWord::kTens},
    {"forty", 40, EnglishWord::kTens},
    {"fifty", 50, EnglishWord::kTens},
    {"sixty", 60, EnglishWord::kTens},
    {"seventy", 70, EnglishWord::kTens},
    {"eighty", 80, EnglishWord::kTens},
    {"ninety", 90, EnglishWord::kTens},
    {"hundred", 100, EnglishWord::kHundred},
    {"hundreds", 100, EnglishWord::kHundred},
    {"thousand", 1000, EnglishWord::kScale},
    {"thousands", 1000, EnglishWord::kScale},
    {"million", 1000000, EnglishWord::kScale},
    {"millions", 1000000, EnglishWord::kScale},
    {"billion", 1000000000, EnglishWord::kScale},
    {"billions", 1000000000, EnglishWord::kScale},
    {"trillion", 1000000000000, EnglishWord::kScale},
    {"lakh", 100000, EnglishWord::kScale},
    {"lakhs", 100000, EnglishWord::kScale},
    {"lac", 100000, EnglishWord::kScale},
    {"lkh", 100000, EnglishWord::kScale},
    {"lkhs", 100000, EnglishWord::kScale},
    {"crore", 10000000, EnglishWord::kScale},
    {"crores", 10000000, EnglishWord::kScale},
    {"cr", 10000000, EnglishWord::kScale},
    {"krore", 10000000, EnglishWord::kScale},
    {"krores", 10000000, EnglishWord::kScale},
    {"kr", 10000000, EnglishWord::kScale},
    {"koti", 10000000, EnglishWord::kScale},
    {"dozen", 12, EnglishWord::kDozen},
    {"dozens", 12, EnglishWord::kDozen},
}};

// Scale suffixes written right after digits or after a space: 1.2m, 10K,
// $13bn, 3 mn. Multiplier exponents.
int digit_suffix_exponent(std::string_view word) {
  if (word == "k" || word == "thousand") return 3;
  if (word == "m" || word == "mn" || word == "mln" || word == "million" || word == "millions")
    return 6;
  if (word == "b" || word == "bn" || word == "billion" || word == "billions" || word == "g")
    return 9;
  if (word == "tn" || word == "trillion" || word == "trillions") return 12;
  if (word == "lakh" || word == "lakhs" || word == "lkh" || word == "lkhs" || word == "l" ||
      word == "lac")
    return 5;
  if (word == "crore" || word == "crores" || word == "cr" || word == "krore" || word == "krores" ||
      word == "kr" || word == "koti")
    return 7;
  return -1;
}

const EnglishWord* english_word(std::string_view lowered) {
  for (const EnglishWord& w : kEnglishWords) {
    if (w.word == lowered) return &w;
  }
  return nullptr;
}

// Denominators of spelled fractions: two-thirds, a quarter, one half.
int fraction_denominator(std::string_view lowered) {
  if (lowered == "half" || lowered == "halves") return 2;
  if (lowered == "third" || lowered == "thirds") return 3;
  if (lowered == "quarter" || lowered == "quarters" || lowered == "fourth" || lowered == "fourths")
    return 4;
  if (lowered == "fifth" || lowered == "fifths") return 5;
  if (lowered == "tenth" || lowered == "tenths") return 10;
  return 0;
}

struct Word {
  std::string lowered;
  std::size_t start = 0, end = 0;
  bool digits = false;
};

// The next word at `p` (after spaces or one hyphen when `allow_separator`).
std::optional<Word> next_word(std::string_view text, std::size_t p, bool allow_separator) {
  std::size_t q = p;
  if (allow_separator) {
    q = skip_spaces(text, p);
    if (q < text.size() && text[q] == '-' && q > 0) q = skip_spaces(text, q + 1);
    if (q == p) return std::nullopt;
  }
  if (q >= text.size()) return std::nullopt;
  Word w;
  w.start = q;
  if (is_ascii_digit(text[q]) ||
      (text[q] == '.' && q + 1 < text.size() && is_ascii_digit(text[q + 1]))) {
    w.end = digit_run_end(text, q);
    w.lowered = std::string(text.substr(q, w.end - q));
    w.digits = true;
    return w;
  }
  std::size_t e = q;
  while (e < text.size() && is_ascii_alpha(text[e])) ++e;
  if (e == q) return std::nullopt;
  w.end = e;
  for (std::size_t i = q; i < e; ++i) w.lowered.push_back(to_lower_ascii(text[i]));
  return w;
}

}  // namespace

namespace {

// An English numeral being read word by word: a lexer (next_word) and one
// composer (total + current, as "three thousand two hundred and five" is
// 3 × 1000 + (2 × 100 + 5)), with one reader per kind of word.
struct EnglishReading {
  std::string_view text;
  std::size_t pos;
  Decimal total, current;
  bool any = false, has_current = false;
  EnglishWord::Kind last = EnglishWord::kScale;
  std::size_t end;
  std::optional<Word> w;

  // 13, 1.2m, 10K, 13bn, 13 billion, 30 lakh, 2 dozens.
  Step digits() {
    if (any) return Step::kDone;
    const auto value = Decimal::parse(w->lowered);
    if (!value) return Step::kReject;
    current = *value;
    has_current = any = true;
    end = w->end;
    // 1.2m, 10K, 13bn: a scale letter glued to the digits.
    std::size_t e = end;
    while (e < text.size() && is_ascii_alpha(text[e])) ++e;
    if (e > end) {
      std::string suffix;
      for (std::size_t i = end; i < e; ++i) suffix.push_back(to_lower_ascii(text[i]));
      const int exponent = digit_suffix_exponent(suffix);
      if (exponent < 0) return Step::kDone;  // 3min, 10am: not a number word
      const auto scaled = times_power_of_ten(current, exponent);
      if (!scaled) return Step::kReject;
      current = *scaled;
      end = e;
      last = EnglishWord::kScale;
      w = next_word(text, end, true);
      return Step::kNext;
    }
    last = EnglishWord::kUnit;
    w = next_word(text, end, true);
    if (!w || w->digits) return Step::kDone;
    // 13 billion, 30 lakh, 2 dozens.
    const int exponent = digit_suffix_exponent(w->lowered);
    if (exponent >= 0 && w->lowered != "l" && w->lowered != "m" && w->lowered != "b" &&
        w->lowered != "k" && w->lowered != "g") {
      const auto scaled = times_power_of_ten(current, exponent);
      if (!scaled) return Step::kReject;
      current = *scaled;
      end = w->end;
      last = EnglishWord::kScale;
      w = next_word(text, end, true);
    } else if (w->lowered == "dozen" || w->lowered == "dozens") {
      const auto dozens = multiply(current, Decimal::of(12));
      if (!dozens) return Step::kReject;
      current = *dozens;
      end = w->end;
      w = next_word(text, end, true);
    } else if (w->lowered == "point") {
      return Step::kNext;
    }
    return Step::kDone;
  }

  // a hundred, a million, a dozen, a half.
  Step article() {
    if (w->lowered != "a" || any) return Step::kNotMine;
    const auto next = next_word(text, w->end, true);
    if (!next) return Step::kDone;
    const EnglishWord* n = english_word(next->lowered);
    if ((n && (n->kind == EnglishWord::kHundred || n->kind == EnglishWord::kScale ||
               n->kind == EnglishWord::kDozen)) ||
        fraction_denominator(next->lowered) > 0) {
      current = Decimal::of(1);
      has_current = any = true;
      last = EnglishWord::kUnit;
      w = next;
      return Step::kNext;
    }
    return Step::kDone;
  }

  // two hundred and five: "and" before a unit or tens word only.
  Step conjunction() {
    if (w->lowered != "and" || !any) return Step::kNotMine;
    const auto next = next_word(text, w->end, true);
    if (!next || next->digits) return Step::kDone;
    const EnglishWord* n = english_word(next->lowered);
    if (!n || n->kind == EnglishWord::kScale || n->kind == EnglishWord::kHundred)
      return Step::kDone;
    w = next;
    return Step::kNext;
  }

  // two point two million, 1 point 1, point 77.
  Step point() {
    if (w->lowered != "point") return Step::kNotMine;
    if (!any) {
      const auto next = next_word(text, w->end, true);
      if (!next || !next->digits || next->lowered.find('.') != std::string::npos)
        return Step::kDone;
      const auto fraction = Decimal::parse("0." + next->lowered);
      if (!fraction) return Step::kReject;
      current = *fraction;
      has_current = any = true;
      end = next->end;
      return Step::kDone;
    }
    auto next = next_word(text, w->end, true);
    std::string fraction;
    std::size_t q = w->end;
    while (next) {
      if (next->digits && fraction.empty() && next->lowered.find('.') == std::string::npos) {
        fraction = next->lowered;
        q = next->end;
        next = next_word(text, q, true);
        break;
      }
      const EnglishWord* n = english_word(next->lowered);
      if (!n || (n->kind != EnglishWord::kUnit && n->kind != EnglishWord::kZero) || n->value > 9)
        break;
      fraction.push_back(static_cast<char>('0' + n->value));
      q = next->end;
      next = next_word(text, q, true);
    }
    if (fraction.empty()) return Step::kDone;
    // Past 24 decimal places the fraction is not exact: rejected.
    const auto digits = Decimal::parse("0." + fraction);
    if (!digits) return Step::kReject;
    const auto sum = add(current, *digits);
    if (!sum) return Step::kReject;
    current = *sum;
    end = q;
    if (next) {
      const int exponent = digit_suffix_exponent(next->lowered);
      if (exponent >= 3 && next->lowered.size() > 2) {
        const auto scaled = times_power_of_ten(current, exponent);
        if (!scaled) return Step::kReject;
        current = *scaled;
        end = next->end;
      }
    }
    return Step::kDone;
  }

  // two-thirds, three quarters: a denominator after a unit.
  Step fraction() {
    const int denominator = fraction_denominator(w->lowered);
    if (denominator <= 0 || !any || last != EnglishWord::kUnit) return Step::kNotMine;
    const auto quotient = divide(current, Decimal::of(denominator));
    if (!quotient) return Step::kReject;
    current = *quotient;
    end = w->end;
    return Step::kDone;
  }

  // Adds `value` to what is being read (twenty + one).
  Step add_to_current(long long value, EnglishWord::Kind kind) {
    const auto sum = add(current, Decimal::of(value));
    if (!sum) return Step::kReject;
    current = *sum;
    has_current = any = true;
    last = kind;
    return Step::kNext;
  }

  // zero, one … nineteen, twenty … ninety, hundred, thousand … billion, dozen.
  Step number_word() {
    const EnglishWord* n = english_word(w->lowered);
    if (!n) return Step::kDone;
    Step step = Step::kNext;
    switch (n->kind) {
      case EnglishWord::kZero:
        if (any) return Step::kDone;
        current = Decimal{};
        has_current = any = true;
        last = EnglishWord::kUnit;
        break;
      case EnglishWord::kUnit:
        if (any && (last == EnglishWord::kUnit || (last == EnglishWord::kTens && n->value >= 10)))
          return Step::kDone;
        step = add_to_current(n->value, EnglishWord::kUnit);
        break;
      case EnglishWord::kTens:
        if (any && (last == EnglishWord::kUnit || last == EnglishWord::kTens)) return Step::kDone;
        step = add_to_current(n->value, EnglishWord::kTens);
        break;
      case EnglishWord::kHundred: {
        if (!any || last == EnglishWord::kHundred) return Step::kDone;
        const auto hundreds = multiply(has_current ? current : Decimal::of(1), Decimal::of(100));
        if (!hundreds) return Step::kReject;
        current = *hundreds;
        last = EnglishWord::kHundred;
        break;
      }
      case EnglishWord::kScale:
        if (!any) return Step::kDone;
        step = scale(n->value);
        break;
      case EnglishWord::kDozen: {
        if (!any) return Step::kDone;
        // a dozen dozen dozen …: the product must fit (else rejected).
        const auto dozens = multiply(has_current ? current : Decimal::of(1), Decimal::of(12));
        if (!dozens) return Step::kReject;
        current = *dozens;
        last = EnglishWord::kScale;
        // a dozen of (eggs): "of" belongs to the numeral
        if (const auto of = next_word(text, w->end, true); of && of->lowered == "of") {
          end = of->end;
          w = next_word(text, end, true);
          return Step::kNext;
        }
        break;
      }
    }
    if (step != Step::kNext) return step;
    end = w->end;
    w = next_word(text, end, true);
    return Step::kNext;
  }

  // thousand, million …: closes the group read so far into the total.
  Step scale(long long value) {
    if (last == EnglishWord::kScale && !has_current && !total.is_zero()) {
      // three thousand millions = 3000 × 10^6
      const auto product = multiply(total, Decimal::of(value));
      if (!product) return Step::kReject;
      total = *product;
      return Step::kNext;
    }
    const auto part =
        multiply(has_current && !current.is_zero() ? current : Decimal::of(1), Decimal::of(value));
    if (!part) return Step::kReject;
    const auto sum = add(total, *part);
    if (!sum) return Step::kReject;
    total = *sum;
    current = Decimal{};
    has_current = false;
    last = EnglishWord::kScale;
    return Step::kNext;
  }

  // The readers in turn on each word, until one ends the numeral.
  Step read() {
    while (w) {
      Step step = w->digits ? digits() : Step::kNotMine;
      for (auto reader :
           {&EnglishReading::article, &EnglishReading::conjunction, &EnglishReading::point,
            &EnglishReading::fraction, &EnglishReading::number_word}) {
        if (step != Step::kNotMine) break;
        step = (this->*reader)();
      }
      if (step != Step::kNext) return step;
    }
    return Step::kDone;
  }
};

}  // namespace

std::optional<NumeralMatch> read_english_number(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  const char32_t before = code_point_before(text, pos);
  if (before < 0x80 && before != 0 && is_ascii_alpha(static_cast<char>(before)))
    return std::nullopt;
  bool negative = false;
  std::optional<Word> first;
  if (text[pos] == '-') {
    // -1.2M, -.0012G: a minus glued to digits.
    if (pos + 1 >= text.size() || !(is_ascii_digit(text[pos + 1]) || text[pos + 1] == '.'))
      return std::nullopt;
    negative = true;
    first = next_word(text, pos + 1, false);
    if (!first || !first->digits) return std::nullopt;
  } else {
    first = next_word(text, pos, false);
  }
  if (!first) return std::nullopt;
  if (first->lowered == "minus" || first->lowered == "negative") {
    negative = true;
    first = next_word(text, first->end, true);
    if (!first) return std::nullopt;
  }
  EnglishReading reading{text, pos, {}, {}, false, false, EnglishWord::kScale, pos, first};
  if (reading.read() == Step::kReject) return std::nullopt;
  if (!reading.any || reading.end == pos) return std::nullopt;
  const auto sum = add(reading.total, reading.current);
  if (!sum) return std::nullopt;
  NumeralMatch match;
  match.start = pos;
  match.value = *sum;
  if (negative) match.value.units = -match.value.units;
  match.end = reading.end;
  match.script = is_ascii_digit(text[pos]) || text[pos] == '.' || text[pos] == '-'
                     ? NumeralScript::kDigits
                     : NumeralScript::kEnglish;
  return match;
}

std::optional<NumeralMatch> read_number(std::string_view text, std::size_t pos) {
  std::optional<NumeralMatch> best = read_number_once(text, pos);
  // forty-five (45): a numeral restated in parentheses is one numeral.
  if (best) {
    const std::size_t open = skip_spaces(text, best->end);
    if (open < text.size() && text[open] == '(') {
      if (const auto again = read_number_once(text, skip_spaces(text, open + 1));
          again && again->value == best->value) {
        const std::size_t close = skip_spaces(text, again->end);
        if (close < text.size() && text[close] == ')') best->end = close + 1;
      }
    }
  }
  return best;
}

static std::optional<NumeralMatch> read_number_once(std::string_view text, std::size_t pos) {
  std::optional<NumeralMatch> best = read_korean_number(text, pos);
  // 3/4: a fraction, when the whole numeral is read on its own (in running
  // text N/M is more often a date, 2/15).
  if (best && best->script == NumeralScript::kDigits && best->value.is_integer() &&
      best->end < text.size() && text[best->end] == '/') {
    if (auto denominator = read_korean_number(text, best->end + 1);
        // A positive denominator: 3/-4 and 3/마이너스 4 are not fractions written in news.
        denominator && denominator->script == NumeralScript::kDigits &&
        denominator->value.units > 0) {
      if (auto quotient = divide(best->value, denominator->value)) {
        best->value = *quotient;
        best->end = denominator->end;
      }
    }
  }
  if (auto native = read_native_number(text, pos); native && (!best || native->end > best->end))
    best = native;
  if (auto english = read_english_number(text, pos); english && (!best || english->end > best->end))
    best = english;
  return best;
}

}  // namespace news
