// libFuzzer target: the numeral readers (news/numbers.h) and what reads
// after them — currencies (news/money.h) and counters (news/quantities.h) —
// on arbitrary bytes. Besides "no crash, no sanitizer report", every match
// must keep the promises the headers make; a broken one traps:
//   * a match starts where it was asked to and ends after it, inside the
//     text, and (for valid UTF-8, which is all the pipeline ever passes) on a
//     code point boundary;
//   * a value is exact and bounded (|units| < 10^36, scale 0‥24), finite as
//     a double, and its decimal string parses back to the same value;
//   * a negative value was written with a minus (-, 마이너스, minus…);
//   * reading the same place twice gives the same answer;
//   * read_number reads at least as far as each reader it combines;
//   * a currency or counter lies right after the number (one space at most),
//     inside the text, and is spelled as in its lexicon;
//   * the exact arithmetic agrees with itself (a + b = b + a, ×10^k then
//     ×10^-k gives the number back).
// The inputs of tests/fuzz/corpus/numbers/ cover every form the readers know.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "values/money.h"
#include "values/numbers.h"
#include "values/quantities.h"
#include "fuzz_support.h"

namespace {

using news::Decimal;
using news::NumeralMatch;

using fuzz_support::asked_pos;
using fuzz_support::asked_text;
using fuzz_support::on_boundary;
using fuzz_support::resources;
using fuzz_support::valid_utf8;

bool same(const NumeralMatch& a, const NumeralMatch& b) {
  return a.value.units == b.value.units && a.value.scale == b.value.scale && a.start == b.start &&
         a.end == b.end && a.approximate == b.approximate && a.script == b.script &&
         a.syllables == b.syllables && a.has_unit == b.has_unit;
}

bool same(const std::optional<NumeralMatch>& a, const std::optional<NumeralMatch>& b) {
  return a.has_value() == b.has_value() && (!a || same(*a, *b));
}

const news::Int128 kLimit = [] {
  news::Int128 p = 1;
  for (int i = 0; i < 36; ++i) p *= 10;
  return p;
}();

void check_decimal(const Decimal& d) {
  check(d.scale >= 0 && d.scale <= 24);
  check(d.units < kLimit && d.units > -kLimit);
  check(std::isfinite(d.to_double()));
  const std::string written = d.to_string();
  const auto back = Decimal::parse(written);
  check(back && *back == d);
  check(back->to_string() == written);
  check(d == d && !(d < d));
  // The exact arithmetic agrees with itself.
  if (const auto twice = news::add(d, d)) {
    const auto doubled = news::multiply(d, Decimal::of(2));
    check(doubled && *doubled == *twice);
  }
  if (const auto shifted = news::times_power_of_ten(d, 3)) {
    const auto back_again = news::times_power_of_ten(*shifted, -3);
    check(back_again && *back_again == d);
  }
  if (const auto one = news::divide(d, Decimal::of(1))) {
    check(std::fabs(one->to_double() - d.to_double()) <= 1e-9 * (1 + std::fabs(d.to_double())));
  }
}

// A minus sign written at the start of the match, as the readers accept it.
bool written_negative(std::string_view text, std::size_t pos) {
  const std::string_view rest = text.substr(pos);
  if (rest.starts_with("-") || rest.starts_with("마이너스") || rest.starts_with("마이나스"))
    return true;
  std::string lowered;
  for (std::size_t i = 0; i < rest.size() && i < 8; ++i) {
    const char c = rest[i];
    lowered.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return lowered.starts_with("minus") || lowered.starts_with("negative");
}

void check_match(std::string_view text, std::size_t pos, const NumeralMatch& m, bool utf8) {
  check(m.start == pos);
  check(m.end > m.start && m.end <= text.size());
  if (utf8) check(on_boundary(text, m.start) && on_boundary(text, m.end));
  check(m.syllables >= 0 && static_cast<std::size_t>(m.syllables) * 3 <= m.end - m.start);
  check_decimal(m.value);
  if (m.value.units < 0) check(written_negative(text, pos));
}

void check_currency_after(std::string_view text, std::size_t number_end, const Decimal& amount) {
  const auto& currencies = resources().currencies;
  const auto c = news::currency_after(text, number_end, currencies);
  if (!c) return;
  check(c->start >= number_end && c->start - number_end <= 2);
  check(c->start < c->end && c->end <= text.size());
  check(!c->iso.empty());
  check(c->exponent >= -4 && c->exponent <= 4);
  if (const auto in_main_unit = news::amount_in(*c, amount)) {
    check_decimal(*in_main_unit);
    if (c->exponent == 0) check(*in_main_unit == amount);
  }
  const auto again = news::currency_after(text, number_end, currencies);
  check(again && again->iso == c->iso && again->start == c->start && again->end == c->end);
}

void check_counter_after(std::string_view text, std::size_t number_end) {
  const auto counter = news::counter_after(text, number_end, resources().counters);
  if (!counter) return;
  check(counter->start >= number_end && counter->start - number_end <= 2);
  check(counter->spaced == (counter->start != number_end));
  check(counter->end == counter->start + counter->counter.size() && counter->end <= text.size());
  check(text.substr(counter->start, counter->counter.size()) == counter->counter);
}

void check_currency_before(std::string_view text, std::size_t pos, bool utf8) {
  const auto c = news::currency_before(text, pos, resources().currencies);
  if (!c) return;
  check(c->start == pos && c->end > pos && c->end <= text.size());
  if (utf8) check(on_boundary(text, c->end));
}

void read_everything_at(std::string_view text, std::size_t pos, bool utf8) {
  asked_text = text;
  asked_pos = pos;
  const auto korean = news::read_korean_number(text, pos);
  const auto native = news::read_native_number(text, pos);
  const auto english = news::read_english_number(text, pos);
  const auto any = news::read_number(text, pos);
  check(same(korean, news::read_korean_number(text, pos)));
  check(same(native, news::read_native_number(text, pos)));
  check(same(english, news::read_english_number(text, pos)));
  check(same(any, news::read_number(text, pos)));
  for (const auto* m : {&korean, &native, &english, &any}) {
    if (!*m) continue;
    check_match(text, pos, **m, utf8);
    check(any.has_value() && any->end >= (*m)->end);
    check_currency_after(text, (*m)->end, (*m)->value);
    check_counter_after(text, (*m)->end);
  }
  if (native) {
    check(native->script == news::NumeralScript::kNative);
    check(native->value.is_integer() && !(native->value < Decimal::of(1)) &&
          native->value < Decimal::of(100));
  }
  check_currency_before(text, pos, utf8);
}

// The places a value may start: every code point start (the scanner of
// values.cpp tries fewer) in the first few kilobytes, except deep inside a
// run of digits; past that, only the start of a run of digits or of a word.
// A reader scans a digit run to its end, so one long run (10^5 digits) is
// read a bounded number of times rather than once per byte.
std::vector<std::size_t> starts(std::string_view text) {
  constexpr std::size_t kEveryPosition = 2048;
  constexpr std::size_t kDeepInDigits = 8;
  std::vector<std::size_t> out;
  const auto kind = [&](std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= '0' && c <= '9') || c == ',' || c == '.') return 1;  // a digit run
    if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return 2;
    return 0;
  };
  std::size_t i = 0, run = 0;
  while (i < text.size()) {
    const bool run_start = i == 0 || kind(i) != kind(i - 1);
    run = run_start ? 1 : run + 1;
    if (run_start || kind(i) == 0 || (i < kEveryPosition && (kind(i) != 1 || run <= kDeepInDigits)))
      out.push_back(i);
    i += std::max<std::size_t>(1, news::code_point_at(text, i).second);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const bool utf8 = valid_utf8(text);
  for (const std::size_t pos : starts(text)) read_everything_at(text, pos, utf8);
  read_everything_at(text, text.size(), utf8);  // the end of the text: nothing to read
  // Decimal::parse on the whole input and on each space-separated piece.
  std::size_t piece_start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ' ' && text[i] != '\n') continue;
    if (i > piece_start && i - piece_start <= 128) {
      if (const auto d =
              Decimal::parse(std::string_view(text).substr(piece_start, i - piece_start)))
        check_decimal(*d);
    }
    piece_start = i + 1;
  }
  return 0;
}
