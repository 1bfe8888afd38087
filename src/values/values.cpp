#include "values/values.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>

#include "base/text.h"
#include "values/dates.h"
#include "values/money.h"
#include "values/numbers.h"
#include "values/quantities.h"
#include "values/value_words.h"

namespace news {
namespace {

bool starts_with_ci(std::string_view text, std::size_t pos, std::string_view lower_prefix) {
  if (pos + lower_prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_prefix[i]) return false;
  }
  return true;
}

// code_point_at() and code_point_before() (news/numbers.h), inline: the
// scan asks them at every word of every paragraph.
char32_t decode_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  std::size_t length = 0;
  return utf8::decode_at(text, pos, length, utf8::Invalid::kReplacement);
}

char32_t decode_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return 0;
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return decode_at(text, start);
}

bool at_word_start(std::string_view text, std::size_t pos) {
  const char32_t before = decode_before(text, pos);
  if (is_hangul_syllable(before)) return false;
  return !(before < 0x80 && (is_ascii_alpha(static_cast<char>(before)) ||
                             is_ascii_digit(static_cast<char>(before))));
}

// Words before an amount that make it approximate: 약 16조원, about $5bn
// (data/value-words.txt). The word is part of the record's text (약
// 16조8천500억원).
std::size_t approximate_prefix(std::string_view text, std::size_t pos, const ValueWords& words) {
  // Most candidates start with a byte no such word starts with.
  if (pos >= text.size() ||
      !words.approximate_before_firsts.test(static_cast<unsigned char>(to_lower_ascii(text[pos]))))
    return pos;
  for (std::string_view w : words.approximate_before) {
    if (!starts_with_ci(text, pos, w)) continue;
    const std::size_t q = pos + w.size();
    if (q < text.size() &&
        (is_ascii_digit(text[q]) || static_cast<unsigned char>(text[q]) >= 0x80 ||
         is_ascii_alpha(text[q]) || text[q] == '$'))
      return q;
  }
  return pos;
}

// Words after an amount that make it approximate (not part of the text):
// 10억원 가량, 30% 정도, 100명 이상.
bool approximate_suffix(std::string_view text, std::size_t pos, const ValueWords& words) {
  const std::size_t q = skip_spaces(text, pos);
  for (std::string_view w : words.approximate_after) {
    if (starts_with_at(text, q, w)) return true;
  }
  return false;
}

// 50대, 20~30대, 40대 남성: a whole decade before 대 is an age bracket,
// not a count of vehicles, unless a machine is named next to it (차량
// 50대가, 50대의 차량).
bool is_age_decade(std::string_view text, const NumeralMatch& number, const CounterMatch& counter,
                   const ValueWords& words) {
  if (counter.counter != "대" || counter.spaced || number.script != NumeralScript::kDigits)
    return false;
  const auto v = number.value.to_integer();
  if (!v || *v < 10 || *v > 90 || *v % 10 != 0) return false;
  std::size_t before = number.start;
  while (before > 0 && text[before - 1] == ' ') --before;
  std::size_t after = counter.end;
  if (starts_with_at(text, after, "의")) after = skip_spaces(text, after + 3);
  for (std::string_view machine : words.machines) {
    if (before >= machine.size() &&
        text.compare(before - machine.size(), machine.size(), machine) == 0)
      return false;
    if (after != counter.end && starts_with_at(text, after, machine)) return false;
  }
  return true;
}

// Whether a counter ends its word: the rest of the word is empty, a particle
// of data/particles.txt (명이, 명에게, 차례나) or a counter suffix of
// data/value-words.txt that a particle may follow (명씩, 명씩이). 권한 is no
// 권 (volume) + 한.
bool counter_ends_word(std::string_view text, std::size_t pos, const Particles& particles,
                       const ValueWords& words) {
  std::size_t end = pos;
  while (end < text.size() && is_hangul_syllable(decode_at(text, end))) end += 3;
  const std::string_view rest = text.substr(pos, end - pos);
  if (rest.empty() || particles.is_particle(rest)) return true;
  for (std::string_view suffix : words.counter_suffixes) {
    if (rest.substr(0, suffix.size()) != suffix) continue;
    const std::string_view after = rest.substr(suffix.size());
    if (after.empty() || particles.is_particle(after)) return true;
  }
  return false;
}

// A hyphen is a minus sign after a space or an opening bracket (-0.5%로,
// (-8%)); after a value it joins a range (8%-10%, 3-4%), at the start of a
// paragraph it opens a list item.
bool minus_may_start(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;  // -20대 여성: a dash that opens a list item
  const char before = text[pos - 1];
  return before == ' ' || before == '(' || before == '[';
}

// The unit of an age: 홍길동(33), 50대 (an age bracket).
constexpr std::string_view kYearsOfAge = "세";

struct PercentSign {
  std::size_t end = 0;
  bool points = false;
};

std::optional<PercentSign> percent_after(std::string_view text, std::size_t pos) {
  static constexpr std::array<std::pair<std::string_view, bool>, 12> kSigns{
      {{"%포인트", true},
       {"%p", true},
       {"%P", true},
       {"％포인트", true},
       {"％p", true},
       {"퍼센트포인트", true},
       {"%", false},
       {"％", false},
       {"퍼센트", false},
       {"프로", false},
       {"percentage point", true},
       {"pct", false}}};
  std::size_t q = pos;
  for (int attempt = 0; attempt < 2; ++attempt) {
    for (auto [sign, points] : kSigns) {
      if (!starts_with_at(text, q, sign)) continue;
      const std::size_t end = q + sign.size();
      // 프로 is colloquial for percent, but 프로그램, 프로젝트 are words.
      if (sign == "프로" && is_hangul_syllable(decode_at(text, end)) &&
          !starts_with_at(text, end, "의") && !starts_with_at(text, end, "를") &&
          !starts_with_at(text, end, "가") && !starts_with_at(text, end, "에"))
        continue;
      if ((sign == "%p" || sign == "%P" || sign == "pct") && end < text.size() &&
          is_ascii_alpha(text[end]))
        continue;
      return PercentSign{
          sign == "percentage point" && starts_with_at(text, end, "s") ? end + 1 : end, points};
    }
    if (starts_with_ci(text, skip_spaces(text, q), "percent") ||
        starts_with_ci(text, skip_spaces(text, q), "per cent")) {
      const std::size_t s = skip_spaces(text, q);
      const std::size_t end = s + (starts_with_ci(text, s, "percent") ? 7 : 8);
      if (starts_with_ci(text, end, "age point")) {
        std::size_t e = end + 9;
        if (starts_with_at(text, e, "s")) ++e;
        return PercentSign{e, true};
      }
      return PercentSign{end, false};
    }
    if (attempt == 0) {
      const std::size_t spaced = skip_spaces(text, pos);
      if (spaced == pos || spaced - pos > 1) break;
      q = spaced;
    }
  }
  return std::nullopt;
}

// Syllables that can begin a value in Korean text: Sino-Korean and native
// numerals, 수 (수십억), 약 and 대략, the modifiers 지난 오는 다음 이번 저번,
// 현지시간, 오전 오후 새벽 아침 저녁 밤 낮 정오 자정 점심, weekdays. Date words from
// data/date-words.txt are checked separately (their list is editable).
constexpr char32_t kValueStarts[] = {
    U'영', U'공', U'빵', U'일', U'이', U'삼', U'사', U'오', U'육', U'륙', U'칠', U'팔',
    U'구', U'십', U'백', U'천', U'만', U'억', U'조', U'경', U'수', U'마', U'여', U'아',
    U'스', U'서', U'예', U'쉰', U'열', U'하', U'다', U'둘', U'셋', U'넷', U'한', U'두',
    U'세', U'석', U'네', U'너', U'닷', U'엿', U'첫', U'약', U'대', U'지', U'저', U'현',
    U'새', U'밤', U'낮', U'정', U'자', U'월', U'화', U'목', U'금', U'토', U'몇', U'점'};

constexpr std::size_t kHangulSyllables = 0xD7A3 - 0xAC00 + 1;

// The syllables that may begin a value in this article's scan: the fixed
// ones above plus the first syllable of every date word, one bit per Hangul
// syllable (1.4 KB) so the scan tests a word's first syllable with one load
// instead of a search. Built once per extract_values() call (about a
// microsecond).
std::bitset<kHangulSyllables> value_start_syllables(const DateVocabulary& words) {
  std::bitset<kHangulSyllables> starts;
  for (char32_t c : kValueStarts) starts.set(c - 0xAC00);
  // A word a linguist adds to data/date-vocabulary.txt starts a date
  // wherever its first syllable is: the scan must stop there.
  const auto add = [&](std::string_view word) {
    const char32_t c = decode_at(word, 0);
    if (is_hangul_syllable(c)) starts.set(c - 0xAC00);
  };
  for (const LexiconEntry& e : words.date_words.entries()) add(e.key);
  for (const std::string& w : words.korean_weekdays) add(w);
  for (const auto* list : {&words.korean_ordinals, &words.korean_directions, &words.halves_of_day})
    for (const NumberedWord& w : *list) add(w.word);
  for (const DayPartWord& w : words.korean_day_parts) add(w.word);
  for (const SeasonWord& w : words.seasons) add(w.word);
  for (const SeasonRelationWord& w : words.season_relations) add(w.word);
  return starts;
}

// The first byte of a currency surface as money.cpp compares it: ASCII
// letters folded to lower case.
unsigned char folded_first_byte(char c) {
  return static_cast<unsigned char>(is_ascii_alpha(c) ? (c | 0x20) : c);
}

// The first bytes of every surface in data/currencies.txt.
std::bitset<256> currency_first_bytes(const Lexicon& currencies) {
  std::bitset<256> firsts;
  for (const LexiconEntry& e : currencies.entries()) {
    if (!e.key.empty()) firsts.set(folded_first_byte(e.key[0]));
  }
  return firsts;
}

struct Scanner {
  const Resources& resources;
  Entities& entities;
  DateContext dates;
  std::optional<std::size_t> last_money_end;  // in the current paragraph
  int paragraph = 0;
  std::string_view text;
  std::bitset<kHangulSyllables> value_starts;  // see value_start_syllables()
  std::bitset<256> currency_firsts;            // see currency_first_bytes()

  // currency_after() and currency_before() (news/money.h) compare every
  // entry of data/currencies.txt; they are asked after every number and
  // before every Latin word or digit. Most positions start with a byte no
  // currency starts with: that answer costs one test here.
  bool may_start_currency(std::size_t pos) const {
    if (pos >= text.size()) return false;
    return currency_firsts.test(folded_first_byte(text[pos]));
  }
  std::optional<CurrencyMatch> currency_after_at(std::size_t pos) const {
    // currency_after() reads at `pos`, then after one or two bytes of space.
    const std::size_t spaced = skip_spaces(text, pos);
    if (!may_start_currency(pos) &&
        !(spaced != pos && spaced - pos <= 2 && may_start_currency(spaced)))
      return std::nullopt;
    return currency_after(text, pos, resources.currencies);
  }
  std::optional<CurrencyMatch> currency_before_at(std::size_t pos) const {
    if (!may_start_currency(pos)) return std::nullopt;
    return currency_before(text, pos, resources.currencies);
  }

  // A number at `pos` of any script, with the rules running text needs.
  std::optional<NumeralMatch> number_at(std::size_t pos, bool after_currency = false) const {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (is_ascii_digit(text[pos]) ||
        (text[pos] == '.' && pos + 1 < text.size() && is_ascii_digit(text[pos + 1]))) {
      auto korean = read_korean_number(text, pos);
      auto english = read_english_number(text, pos);
      if (english && (!korean || english->end > korean->end)) {
        // 13 billion, $1.2bn; a glued "m" (300m) is metres unless money follows.
        const std::string_view tail =
            text.substr(korean ? korean->end : pos, english->end - (korean ? korean->end : pos));
        const bool word_scale = tail.find("illion") != std::string_view::npos ||
                                tail.find("thousand") != std::string_view::npos ||
                                tail.find("point") != std::string_view::npos;
        if (word_scale || after_currency || currency_after_at(english->end)) return english;
      }
      return korean;
    }
    if (text[pos] == '-') return read_korean_number(text, pos);  // -5%, -1.2
    if (c >= 0x80) {
      if (!at_word_start(text, pos)) return std::nullopt;
      auto korean = read_korean_number(text, pos);
      auto native = read_native_number(text, pos);
      if (native && (!korean || native->end > korean->end)) return native;
      return korean;  // classify() decides how much context a short one needs
    }
    if (is_ascii_alpha(text[pos]) && at_word_start(text, pos))
      return read_english_number(text, pos);
    return std::nullopt;
  }

  Mention mention(std::size_t start, std::size_t end) const {
    return Mention{paragraph, start, end, std::string(text.substr(start, end - start))};
  }

  void add_money(std::size_t start, std::size_t end, const Decimal& amount, const std::string& iso,
                 bool approximate) {
    MoneyEntity money;
    money.where = mention(start, end);
    money.amount = amount.to_string();
    money.currency = iso;
    money.approximate = approximate || approximate_suffix(text, end, resources.value_words);
    // 130억 달러(약 16조8천500억원): the amount in parentheses converts the one before.
    if (last_money_end && !entities.money.empty()) {
      std::size_t q = skip_spaces(text, *last_money_end);
      if (q < start && text[q] == '(' && skip_spaces(text, q + 1) == start) {
        money.converted_from = static_cast<int>(entities.money.size() - 1);
      }
    }
    entities.money.push_back(std::move(money));
    last_money_end = end;
  }

  // 2달러 23센트, 20 dollars 43 cents, 3 GBP and one, $20 43: the sub-unit
  // amount after a main amount is merged into it (Duckling does the same).
  // A bare number counts only when it has at most two digits and ends the
  // phrase. Returns the merged amount and where it ends.
  std::optional<std::pair<Decimal, std::size_t>> with_sub_unit(std::size_t after, int exponent,
                                                               const Decimal& amount) const {
    if (exponent != 0 || !amount.is_integer()) return std::nullopt;
    std::size_t c = skip_spaces(text, after);
    if (starts_with_ci(text, c, "and ")) c = skip_spaces(text, c + 4);
    if (c >= text.size()) return std::nullopt;
    auto cents = read_korean_number(text, c);
    if (!cents || (cents->script == NumeralScript::kDigits && cents->end - c > 2))
      cents = read_english_number(text, c);
    if (!cents || !cents->value.is_integer() || !(cents->value < Decimal::of(100)))
      return std::nullopt;
    const Decimal hundredths = *times_power_of_ten(cents->value, -2);
    if (const auto sub = currency_after_at(cents->end); sub && sub->exponent < 0) {
      if (auto total = add(amount, *times_power_of_ten(cents->value, sub->exponent)))
        return std::pair{*total, sub->end};
      return std::nullopt;
    }
    const bool phrase_ends = cents->end >= text.size() || text[cents->end] == ',' ||
                             text[cents->end] == '.' || text[cents->end] == ')' ||
                             text[cents->end] == ';';
    if (cents->end - c <= 2 || cents->script == NumeralScript::kEnglish) {
      if (phrase_ends && cents->script != NumeralScript::kSinoKorean) {
        if (auto total = add(amount, hundredths)) return std::pair{*total, cents->end};
      }
    }
    return std::nullopt;
  }

  // A currency symbol or code before the amount: $13bn, US$ 4.7 billion, EUR 20.
  std::optional<std::size_t> try_money_before(std::size_t start, std::size_t pos,
                                              bool approximate) {
    const auto currency = currency_before_at(pos);
    if (!currency || currency->end >= text.size()) return std::nullopt;
    const auto number = number_at(currency->end, true);
    if (!number || number->script == NumeralScript::kNative) return std::nullopt;
    const auto amount = amount_in(*currency, number->value);
    if (!amount || currency->iso == "*") return std::nullopt;
    if (const auto merged = with_sub_unit(number->end, currency->exponent, *amount)) {
      add_money(start, merged->second, merged->first, currency->iso,
                approximate || number->approximate);
      return merged->second;
    }
    add_money(start, number->end, *amount, currency->iso, approximate || number->approximate);
    return number->end;
  }

  // What follows a number decides what it is: a currency (money), a percent
  // sign, a counter (a quantity). Returns the end of the record. A range's
  // first number (2만~3만원) gets the same kind and unit.
  std::optional<std::size_t> classify(std::size_t start, const NumeralMatch& number,
                                      bool approximate, const NumeralMatch* range_start) {
    approximate = approximate || number.approximate;
    if (number.script != NumeralScript::kNative) {
      if (auto end = try_money_after(start, number, approximate, range_start)) return end;
      if (auto end = try_percentage_after(start, number, approximate, range_start)) return end;
    }
    if (number.script == NumeralScript::kSinoKorean || number.script == NumeralScript::kEnglish)
      return std::nullopt;
    return try_quantity_after(start, number, approximate, range_start);
  }

  // 이원 (a name), 사원 (employee), 이유로 (for the reason): one Sino-Korean
  // syllable is more often a word than a number.
  static bool is_one_sino_syllable(const NumeralMatch& number) {
    return number.script == NumeralScript::kSinoKorean && number.syllables < 2;
  }

  // 130억 달러, 2만~3만원, 만원, 십달러. A lone Sino-Korean digit syllable
  // before a currency is a word, not money; with a unit (십, 만) glued to the
  // currency it is an amount.
  std::optional<std::size_t> try_money_after(std::size_t start, const NumeralMatch& number,
                                             bool approximate, const NumeralMatch* range_start) {
    const auto currency = currency_after_at(number.end);
    if (!currency || currency->iso == "*") return std::nullopt;
    if (is_one_sino_syllable(number) && (!number.has_unit || currency->start != number.end))
      return std::nullopt;
    const auto amount = number.script == NumeralScript::kDigits
                            ? amount_in(*currency, number.value)
                            : times_power_of_ten(number.value, currency->exponent);
    if (!amount) return std::nullopt;
    if (range_start) {
      if (const auto from = amount_in(*currency, range_start->value)) {
        add_money(range_start->start, range_start->end, *from, currency->iso, approximate);
      }
    }
    if (const auto merged = with_sub_unit(currency->end, currency->exponent, *amount)) {
      add_money(start, merged->second, merged->first, currency->iso, approximate);
      return merged->second;
    }
    add_money(start, currency->end, *amount, currency->iso, approximate);
    return currency->end;
  }

  // 49%, 3~4%, 0.5%포인트. 십 퍼센트, 백퍼센트: a one-syllable unit is a
  // number before a percent sign; a lone digit syllable (이 퍼센트) is not.
  std::optional<std::size_t> try_percentage_after(std::size_t start, const NumeralMatch& number,
                                                  bool approximate,
                                                  const NumeralMatch* range_start) {
    if (is_one_sino_syllable(number) && !number.has_unit) return std::nullopt;
    const auto percent = percent_after(text, number.end);
    if (!percent) return std::nullopt;
    if (range_start)
      add_percentage(range_start->start, range_start->end, range_start->value, *percent,
                     approximate);
    add_percentage(start, percent->end, number.value, *percent, approximate);
    return percent->end;
  }

  // 16명, 세 차례, 3도, 50대: a number in digits or native Korean before a
  // counter of data/counters.txt.
  std::optional<std::size_t> try_quantity_after(std::size_t start, const NumeralMatch& number,
                                                bool approximate, const NumeralMatch* range_start) {
    const auto counter = counter_after(text, number.end, resources.counters);
    if (!counter || !counts_with(number, *counter)) return std::nullopt;
    // 50대 남성: an age bracket, given as the least age it means (like
    // 수백억), approximate, in years of age.
    const bool age = is_age_decade(text, number, *counter, resources.value_words);
    const std::string_view unit = age ? kYearsOfAge : std::string_view(counter->counter);
    if (range_start)
      add_quantity(range_start->start, range_start->end, range_start->value, unit,
                   approximate || age);
    add_quantity(start, counter->end, number.value, unit, approximate || age);
    return counter->end;
  }

  // Whether the counter after `number` makes a count of it.
  bool counts_with(const NumeralMatch& number, const CounterMatch& counter) const {
    const bool native = number.script == NumeralScript::kNative;
    // 한편 (meanwhile), 세대 (generation): a one-syllable native numeral
    // counts only with a space before the counter (한 편, 세 대).
    if (native && number.syllables < 2 && !counter.spaced) return false;
    // 한 권한대행 (acting president Han), 한 대행: after a native numeral
    // the counter must end its word (a particle may follow: 한 명이).
    if (native && !counter_ends_word(text, counter.end, resources.particles, resources.value_words))
      return false;
    if (native && counter.counter == "째") return false;
    // 3도 is three degrees, but 하나도 and 이도 are "not even one", "this too".
    // 160여 도시 (cities): 도 must end its word, right after a digit
    // (2000만도 is "even 20 million").
    if (counter.counter == "도" &&
        (number.script != NumeralScript::kDigits || !is_ascii_digit(text[number.end - 1]) ||
         !counter_ends_word(text, counter.end, resources.particles, resources.value_words)))
      return false;
    // A count is never negative: -14t, -120주년 keep a dash that is no minus.
    return !(number.value.units < 0 && text[number.start] == '-');
  }

  void add_percentage(std::size_t start, std::size_t end, const Decimal& value,
                      const PercentSign& sign, bool approximate) {
    PercentageEntity p;
    p.where = mention(start, end);
    p.value = value.to_string();
    p.points = sign.points;
    p.approximate = approximate || approximate_suffix(text, end, resources.value_words);
    entities.percentages.push_back(std::move(p));
  }

  void add_quantity(std::size_t start, std::size_t end, const Decimal& value, std::string_view unit,
                    bool approximate) {
    QuantityEntity q;
    q.where = mention(start, end);
    q.value = value.to_string();
    q.unit = std::string(unit);
    q.approximate = approximate || approximate_suffix(text, end, resources.value_words);
    entities.quantities.push_back(std::move(q));
  }

  // 홍길동(33): an age in parentheses right after a name.
  std::optional<std::size_t> try_age(std::size_t pos) {
    if (text[pos] != '(' || !is_hangul_syllable(decode_before(text, pos))) return std::nullopt;
    std::size_t e = pos + 1;
    while (e < text.size() && is_ascii_digit(text[e])) ++e;
    if (e - pos - 1 < 1 || e - pos - 1 > 3 || e >= text.size() || text[e] != ')')
      return std::nullopt;
    const auto value = Decimal::parse(text.substr(pos + 1, e - pos - 1));
    if (!value || value->is_zero() || Decimal::of(120) < *value) return std::nullopt;
    add_quantity(pos + 1, e, *value, kYearsOfAge, false);
    return e + 1;
  }

  // Finance pages mark a change with ▲ (up) and ▼ (down) before a percentage
  // (▼0.5%); weather reports say 영하 (below zero) before a temperature
  // (영하 5도). The mark is part of the record's text and gives the sign.
  std::optional<std::size_t> try_signed_change(std::size_t pos) {
    for (const SignWord& mark : resources.value_words.signs) {
      if (!starts_with_at(text, pos, mark.text)) continue;
      const std::size_t q = skip_spaces(text, pos + mark.text.size());
      if (q >= text.size() || !is_ascii_digit(text[q])) return std::nullopt;
      auto number = read_korean_number(text, q);
      if (!number || number->value.units < 0) return std::nullopt;
      if (mark.negative) number->value.units = -number->value.units;
      if (mark.temperature) {
        const auto counter = counter_after(text, number->end, resources.counters);
        if (!counter || (counter->counter != "도" && counter->counter != "℃")) return std::nullopt;
        add_quantity(pos, counter->end, number->value, counter->counter, false);
        return counter->end;
      }
      const auto percent = percent_after(text, number->end);
      if (!percent) return std::nullopt;
      add_percentage(pos, percent->end, number->value, *percent, false);
      return percent->end;
    }
    return std::nullopt;
  }

  // Reads whatever value starts at `pos`; the end of what was read.
  std::optional<std::size_t> read_at(std::size_t pos) {
    if (const auto date = read_date(text, pos, paragraph, dates, resources.date_vocabulary,
                                    resources.particles)) {
      if (date->date) entities.dates.push_back(*date->date);
      if (date->duration) entities.durations.push_back(*date->duration);
      return date->end;
    }
    if (auto age = try_age(pos)) return age;
    std::size_t q = approximate_prefix(text, pos, resources.value_words);
    const bool approximate = q != pos;
    if (auto range = try_worded_range(q, approximate)) return range;
    if (auto one = try_one_currency_unit(pos, q, approximate)) return one;
    if (auto money = try_money_before(pos, q, approximate)) return money;
    if (auto signed_value = try_signed_change(pos)) return signed_value;
    const auto number = number_at(q);
    if (!number) return std::nullopt;
    if (auto range = try_range_after(*number, approximate)) return range;
    return classify(pos, *number, approximate, nullptr);  // 약 is part of the record's text
  }

  // between 10 and 20 dollars, from 10 to 20 dollars (from 10 and 20 too).
  std::optional<std::size_t> try_worded_range(std::size_t q, bool approximate) {
    const bool between = starts_with_ci(text, q, "between ");
    if (!between && !starts_with_ci(text, q, "from ")) return std::nullopt;
    const auto first = number_at(q + (between ? std::strlen("between ") : std::strlen("from ")));
    if (!first) return std::nullopt;
    const std::size_t c = skip_spaces(text, first->end);
    const std::string_view joiner = between ? "and " : "to ";
    if (!starts_with_ci(text, c, joiner) && !(!between && starts_with_ci(text, c, "and ")))
      return std::nullopt;
    const std::size_t second_start = skip_spaces(text, c + joiner.size());
    const auto second = number_at(second_start);
    if (!second) return std::nullopt;
    return classify(second_start, *second, approximate, &*first);
  }

  // a dollar, an euro: the article counts one.
  std::optional<std::size_t> try_one_currency_unit(std::size_t start, std::size_t q,
                                                   bool approximate) {
    if (!starts_with_ci(text, q, "a ") && !starts_with_ci(text, q, "an ")) return std::nullopt;
    const std::size_t c = skip_spaces(text, q + (text[q + 1] == ' ' ? 2 : 3));
    const auto currency = currency_after_at(c);
    if (!currency || currency->start != c || currency->iso == "*" || !is_ascii_alpha(text[c]) ||
        !is_ascii_alpha(text[currency->end - 1]))
      return std::nullopt;
    const auto amount = amount_in(*currency, Decimal::of(1));
    if (!amount) return std::nullopt;
    if (const auto merged = with_sub_unit(currency->end, currency->exponent, *amount)) {
      add_money(start, merged->second, merged->first, currency->iso, approximate);
      return merged->second;
    }
    add_money(start, currency->end, *amount, currency->iso, approximate);
    return currency->end;
  }

  // A range shares the unit after its second number: 2만~3만원, 3~4%. The
  // first number must not carry a unit of its own (3%~4% is two records).
  std::optional<std::size_t> try_range_after(const NumeralMatch& number, bool approximate) {
    const std::size_t r = skip_spaces(text, number.end);
    if (r >= text.size() || !(text[r] == '~' || starts_with_at(text, r, "∼") ||
                              starts_with_at(text, r, "～") || text[r] == '-'))
      return std::nullopt;
    const std::size_t second_start =
        skip_spaces(text, r + (text[r] == '~' || text[r] == '-' ? 1 : 3));
    if (second_start >= text.size()) return std::nullopt;
    const auto second = number_at(second_start);
    if (!second || second->script != number.script) return std::nullopt;
    if (currency_after_at(number.end) || percent_after(text, number.end) ||
        counter_after(text, number.end, resources.counters))
      return std::nullopt;
    return classify(second_start, *second, approximate, &number);
  }

  void scan() {
    last_money_end.reset();
    std::size_t p = 0;
    while (p < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[p]);
      // Values start at digits, at the first syllable of a Korean word
      // (올해, 약, 세 차례), at currency signs and at Latin words.
      // -5% at a word start; ▲ ▼ (U+25B2, U+25BC) before a change.
      bool candidate = is_ascii_digit(text[p]) || text[p] == '$' || text[p] == '(' ||
                       text[p] == '\'' ||
                       (text[p] == '-' && p + 1 < text.size() && is_ascii_digit(text[p + 1]) &&
                        minus_may_start(text, p)) ||
                       starts_with_at(text, p, "▲") || starts_with_at(text, p, "▼") ||
                       ((c >= 0x80 || is_ascii_alpha(text[p])) && at_word_start(text, p));
      if (candidate && c >= 0x80) {
        const char32_t syllable = decode_at(text, p);
        if (is_hangul_syllable(syllable)) candidate = value_starts.test(syllable - 0xAC00);
      }
      if (candidate) {
        if (const auto end = read_at(p); end && *end > p) {
          p = *end;
          continue;
        }
      }
      // Skip the rest of a digit run or a word: values start at its beginning.
      if (is_ascii_digit(text[p])) {
        while (p < text.size() && (is_ascii_digit(text[p]) || text[p] == ',' || text[p] == '.'))
          ++p;
      } else if (is_ascii_alpha(text[p])) {
        while (p < text.size() && is_ascii_alpha(text[p])) ++p;
      } else if (c >= 0x80) {
        // The rest of a Korean word cannot start a value: skip to its end.
        std::size_t length = 0;
        utf8::decode_at(text, p, length, utf8::Invalid::kReplacement);
        p += length;
        while (p < text.size() && is_hangul_syllable(decode_at(text, p))) p += 3;
      } else {
        ++p;
      }
    }
  }
};

}  // namespace

void extract_values(const std::vector<Paragraph>& paragraphs,
                    const std::optional<std::string>& published, const Resources& resources,
                    Entities& entities) {
  Scanner scanner{resources,
                  entities,
                  DateContext{},
                  std::nullopt,
                  0,
                  {},
                  value_start_syllables(resources.date_vocabulary),
                  currency_first_bytes(resources.currencies)};
  if (published) scanner.dates.published = parse_local_time(*published);
  scanner.value_starts |= resources.value_words.first_syllables;  // 약, 영하
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    scanner.paragraph = static_cast<int>(i);
    scanner.text = paragraphs[i].text;
    // A photo caption repeats a day from the story (13일(현지시간) 서명한 뒤):
    // it must not become the day that a later 이날 or 같은 날 refers to.
    const std::optional<LocalTime> last_day = scanner.dates.last_day;
    const int last_day_paragraph = scanner.dates.last_day_paragraph;
    scanner.scan();
    if (paragraphs[i].role == Role::kCaption) {
      scanner.dates.last_day = last_day;
      scanner.dates.last_day_paragraph = last_day_paragraph;
    }
  }
}

}  // namespace news
