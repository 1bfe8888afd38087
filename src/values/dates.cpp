#include "values/dates.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "base/text.h"
#include "values/numbers.h"

namespace news {
namespace {

std::string two(int v) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", v);
  return buffer;
}

// 2023-11-18
std::string iso_day(int year, int month, int day) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string four(int v) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", v);
  return buffer;
}

bool word_start(std::string_view text, std::size_t pos) {
  const char32_t before = code_point_before(text, pos);
  if (is_hangul_syllable(before)) return false;
  if (before < 0x80 && ((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
                        (before >= '0' && before <= '9')))
    return false;
  return true;
}

// An English month name or abbreviation at `pos` (Nov., November, Sept):
// the month and the end of the word (a following period included).
std::optional<std::pair<int, std::size_t>> english_month(const DateVocabulary& words,
                                                         std::string_view text, std::size_t pos) {
  std::size_t e = pos;
  std::string word;
  while (e < text.size() && ((text[e] | 0x20) >= 'a' && (text[e] | 0x20) <= 'z') &&
         word.size() < 12) {
    word.push_back(static_cast<char>(text[e] | 0x20));
    ++e;
  }
  if (word.size() < 3 || (e < text.size() && ((text[e] | 0x20) >= 'a' && (text[e] | 0x20) <= 'z')))
    return std::nullopt;
  for (int i = 0; i < 12; ++i) {
    const std::string_view m = words.english_months[i];
    const bool full = word == m;
    // Jan, Feb, Sept: an abbreviation of at least three letters (not "mar"
    // in running text unless followed by a period or a day number).
    const bool abbreviation =
        word.size() <= 4 && m.substr(0, word.size()) == word && word != "june" && word != "july";
    if (!full && !abbreviation) continue;
    if (abbreviation && !full && word == "may") continue;
    std::size_t end = e;
    if (!full && end < text.size() && text[end] == '.') ++end;
    return std::pair<int, std::size_t>{i + 1, end};
  }
  return std::nullopt;
}

// A day number 1–31 at `pos` with an optional ordinal suffix (17, 17th).
std::optional<std::pair<int, std::size_t>> english_day(std::string_view text, std::size_t pos) {
  std::size_t e = pos;
  int v = 0;
  while (e < text.size() && is_ascii_digit(text[e]) && e - pos < 2) v = v * 10 + (text[e++] - '0');
  if (e == pos || v < 1 || v > 31 || (e < text.size() && is_ascii_digit(text[e])))
    return std::nullopt;
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (text.substr(e, 2) == suffix) {
      e += 2;
      break;
    }
  }
  if (e < text.size() && ((text[e] | 0x20) >= 'a' && (text[e] | 0x20) <= 'z')) return std::nullopt;
  return std::pair<int, std::size_t>{v, e};
}

// A four-digit year 1000–2999 at `pos`.
std::optional<std::pair<int, std::size_t>> english_year(std::string_view text, std::size_t pos) {
  if (pos + 4 > text.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + 4; ++i) {
    if (!is_ascii_digit(text[i])) return std::nullopt;
    v = v * 10 + (text[i] - '0');
  }
  if ((pos + 4 < text.size() && is_ascii_digit(text[pos + 4])) || v < 1000 || v > 2999)
    return std::nullopt;
  return std::pair<int, std::size_t>{v, pos + 4};
}

// An English weekday name at `pos` (Friday, friday): 0 = Monday, and the
// end of the word.
std::optional<std::pair<int, std::size_t>> english_weekday(const DateVocabulary& words,
                                                           std::string_view text, std::size_t pos) {
  for (int i = 0; i < 7; ++i) {
    const std::string_view w = words.english_weekdays[i];
    if (pos + w.size() > text.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < w.size() && same; ++k) same = (text[pos + k] | 0x20) == w[k];
    if (!same || (pos + w.size() < text.size() && is_ascii_alpha(text[pos + w.size()]))) continue;
    return std::pair<int, std::size_t>{i, pos + w.size()};
  }
  return std::nullopt;
}

int weekday_of(long days) {  // 0 = Monday
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm),
// as days since 1970-01-01.
long easter_sunday(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
  const int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return days_from_civil(y, month, day);
}

// The day of a holiday that moves (data/date-words.txt): easter+N, or
// MM/n/w[+N] (the nth weekday w of month MM, n = -1 the last).
std::optional<long> movable_holiday_day(std::string_view rule, int year) {
  const auto number = [](std::string_view s, int& out) {
    const auto r =
        std::from_chars(s.data() + (!s.empty() && s[0] == '+'), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
  };
  if (year < 1583 || year > 9999) return std::nullopt;
  if (rule.substr(0, 6) == "easter") {
    int shift = 0;
    if (!number(rule.substr(6), shift)) return std::nullopt;
    return easter_sunday(year) + shift;
  }
  const std::size_t slash1 = rule.find('/'), slash2 = rule.find('/', slash1 + 1);
  if (slash1 == std::string_view::npos || slash2 == std::string_view::npos) return std::nullopt;
  const std::size_t plus = rule.find('+', slash2);
  int month = 0, nth = 0, weekday = 0, shift = 0;
  if (!number(rule.substr(0, slash1), month) ||
      !number(rule.substr(slash1 + 1, slash2 - slash1 - 1), nth) ||
      !number(rule.substr(slash2 + 1, plus == std::string_view::npos ? std::string_view::npos
                                                                     : plus - slash2 - 1),
              weekday) ||
      (plus != std::string_view::npos && !number(rule.substr(plus + 1), shift)) || month < 1 ||
      month > 12 || weekday < 1 || weekday > 7 || nth == 0 || nth < -1 || nth > 5)
    return std::nullopt;
  const long first = days_from_civil(year, month, 1);
  const long last = days_from_civil(year, month, days_in_month(year, month));
  const long day = nth > 0 ? first + (weekday - 1 - weekday_of(first) + 7) % 7 + 7L * (nth - 1)
                           : last - (weekday_of(last) - (weekday - 1) + 7) % 7;
  if (day > last) return std::nullopt;
  return day + shift;
}

// ---- calendar units: the start of the unit that holds a time, moved by
// whole units, and its ISO 8601 text at that grain. Spans read by whole
// units (the last two weeks, 이번 겨울, the end of the month) use these.
enum class CalendarUnit { kSecond, kMinute, kHour, kDay, kWeek, kMonth, kQuarter, kYear };

std::string_view unit_name(CalendarUnit u) {
  static constexpr std::array<std::string_view, 8> kNames{"second", "minute", "hour",    "day",
                                                          "week",   "month",  "quarter", "year"};
  return kNames[static_cast<std::size_t>(u)];
}

long floor_div(long a, long b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

LocalTime unit_start(const LocalTime& t, CalendarUnit u, long n) {
  LocalTime r;
  const long day = days_from_civil(t.year, t.month, t.day);
  if (u <= CalendarUnit::kHour) {
    const long size = u == CalendarUnit::kSecond ? 1 : u == CalendarUnit::kMinute ? 60 : 3600;
    long s = day * 86400L + t.hour * 3600L + t.minute * 60L + t.second;
    s = floor_div(s, size) * size + n * size;
    r = civil_from_days(floor_div(s, 86400));
    const long in_day = s - floor_div(s, 86400) * 86400;
    r.hour = static_cast<int>(in_day / 3600);
    r.minute = static_cast<int>(in_day / 60 % 60);
    r.second = static_cast<int>(in_day % 60);
    return r;
  }
  if (u == CalendarUnit::kDay) return civil_from_days(day + n);
  if (u == CalendarUnit::kWeek) return civil_from_days(day - weekday_of(day) + 7 * n);
  const long months = u == CalendarUnit::kMonth ? 1 : u == CalendarUnit::kQuarter ? 3 : 12;
  const long index = floor_div(t.year * 12L + (t.month - 1), months) * months + n * months;
  r.year = static_cast<int>(floor_div(index, 12));
  r.month = static_cast<int>(index - floor_div(index, 12) * 12) + 1;
  return r;
}

std::string at_unit(const LocalTime& t, CalendarUnit u) {
  if (u == CalendarUnit::kYear) return four(t.year);
  if (u == CalendarUnit::kQuarter)
    return four(t.year) + "-Q" + std::to_string((t.month - 1) / 3 + 1);
  if (u == CalendarUnit::kWeek) {
    const long thursday = days_from_civil(t.year, t.month, t.day) + 3;
    const LocalTime th = civil_from_days(thursday);
    return four(th.year) + "-W" +
           two(static_cast<int>((thursday - days_from_civil(th.year, 1, 1)) / 7 + 1));
  }
  std::string out = iso_day(t.year, t.month, t.day);
  if (u == CalendarUnit::kMonth) return out.substr(0, 7);
  if (u == CalendarUnit::kDay) return out;
  out += "T" + two(t.hour);
  if (u == CalendarUnit::kHour) return out;
  out += ":" + two(t.minute);
  if (u == CalendarUnit::kMinute) return out;
  return out + ":" + two(t.second);
}

// The calendar unit whose unit_name() is `name`, if any.
std::optional<CalendarUnit> calendar_unit_named(std::string_view name) {
  for (int u = 0; u <= static_cast<int>(CalendarUnit::kYear); ++u)
    if (unit_name(static_cast<CalendarUnit>(u)) == name) return static_cast<CalendarUnit>(u);
  return std::nullopt;
}

// A number at `pos` for a date field: digits, or Sino-Korean / native
// numerals (이천십오년, 삼월, 세시). No units beyond 천/백/십.
std::optional<NumeralMatch> read_field_number(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  if (is_ascii_digit(text[pos])) {
    std::size_t e = pos;
    while (e < text.size() && is_ascii_digit(text[e])) ++e;
    if (e - pos > 4) return std::nullopt;
    NumeralMatch m;
    m.start = pos;
    m.end = e;
    long long v = 0;
    for (std::size_t i = pos; i < e; ++i) v = v * 10 + (text[i] - '0');
    m.value = Decimal::of(v);
    // 1.5시간: a decimal only matters to durations.
    if (e + 1 < text.size() && text[e] == '.' && is_ascii_digit(text[e + 1])) {
      std::size_t f = e + 1;
      while (f < text.size() && is_ascii_digit(text[f])) ++f;
      if (auto d = Decimal::parse(text.substr(pos, f - pos))) {
        m.value = *d;
        m.end = f;
      }
    }
    return m;
  }
  auto sino = read_korean_number(text, pos);
  auto native = read_native_number(text, pos);
  if (native && (!sino || native->end > sino->end)) return native;
  // 마이너스 삼십년 is no count of years (it would be P-30Y).
  if (sino && sino->script == NumeralScript::kSinoKorean && sino->value.units >= 0) return sino;
  return std::nullopt;
}

std::optional<int> small_int(const NumeralMatch& m) {
  if (!m.value.is_integer()) return std::nullopt;
  const auto v = m.value.to_integer();
  if (!v || *v < 0 || *v > 100000) return std::nullopt;
  return static_cast<int>(*v);
}

constexpr char32_t kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;

// The Hangul syllable that the three bytes at s[pos] encode, or 0.
char32_t hangul_at(std::string_view s, std::size_t pos) {
  if (pos + 3 > s.size()) return 0;
  std::size_t length = 0;
  const char32_t c = utf8::decode_at(s, pos, length, utf8::Invalid::kReplacement);
  return length == 3 && c >= kFirstSyllable && c <= kLastSyllable ? c : 0;
}

// Whether `rest` (Hangul) is nothing, or up to `particles_left` particles
// of data/particles.txt and then perhaps a copula (data/date-vocabulary.txt):
// 는, 부터라도, 에서야, 까지입니다, 인.
bool ends_in_particles(const DateVocabulary& words, const Particles& particles,
                       std::string_view rest, int particles_left) {
  if (rest.empty() || particles.is_particle(rest)) return true;
  for (const std::string& copula : words.copulas)
    if (rest == copula) return true;
  if (particles_left <= 1) return false;
  for (std::size_t split = 3; split < rest.size(); split += 3) {
    if (particles.is_particle(rest.substr(0, split)) &&
        ends_in_particles(words, particles, rest.substr(split), particles_left - 1))
      return true;
  }
  return false;
}

// After a date word the rest of its Hangul run must be particles (어제는,
// 올해부터, 내일까지였다: ends_in_particles), perhaps after a word that
// data/date-vocabulary.txt's day-end allows to be written on (오늘쯤,
// 오늘엔, 이번주말에); or it begins with a part of the day, which the
// part-of-day reader then reads (오늘저녁, 내일밤). So 오늘날 (nowadays),
// 올리다, 신정부 (new government), 오늘의집 hold no date word.
bool ends_word(const DateVocabulary& words, const Particles& particles, std::string_view text,
               std::size_t pos) {
  const char32_t c = code_point_at(text, pos).first;
  if (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return false;  // todays, Mondays
  if (!is_hangul_syllable(c)) return true;
  for (const DayPartWord& part : words.korean_day_parts)
    if (starts_with_at(text, pos, part.word)) return true;
  std::size_t run_end = pos;
  while (hangul_at(text, run_end) != 0) run_end += 3;
  const std::string_view rest = text.substr(pos, run_end - pos);
  if (ends_in_particles(words, particles, rest, 2)) return true;
  for (const std::string& written_on : words.day_ends) {
    if (starts_with_at(rest, 0, written_on) &&
        ends_in_particles(words, particles, rest.substr(written_on.size()), 2))
      return true;
  }
  return false;
}

// The English word `w` (lower case) at `pos`, in any case, ending there.
bool english_word_at(std::string_view text, std::size_t pos, std::string_view w) {
  if (pos + w.size() > text.size()) return false;
  for (std::size_t k = 0; k < w.size(); ++k)
    if ((text[pos + k] | 0x20) != w[k]) return false;
  return pos + w.size() == text.size() || !is_ascii_alpha(text[pos + w.size()]);
}

// Which side of the publication time the clause around a bare weekday or
// day puts it: -1 past, +1 future, 0 cannot tell. Korean marks tense on the
// verb after the date: the first ending that shows it decides (했다, 였고,
// 밝혔으며 are past; 열린다, 할 예정, 하겠다 future; 있다 alone is neither).
int korean_clause_tense(std::string_view text, std::size_t from) {
  std::size_t i = from;
  while (i + 3 <= text.size()) {
    // The clause ends at a comma or a quotation mark too: what follows is
    // another predicate (금요일에 재판이 없는데, … 했다).
    if (text[i] == '.' || text[i] == '\n' || text[i] == '?' || text[i] == '!' || text[i] == ',' ||
        text[i] == '"' || starts_with_at(text, i, "“") || starts_with_at(text, i, "”"))
      break;
    const char32_t c = hangul_at(text, i);
    if (c == 0) {
      ++i;
      continue;
    }
    const char32_t next = hangul_at(text, i + 3);
    const int final_consonant = static_cast<int>((c - 0xAC00) % 28);
    // ㅆ (index 20) before an ending: 했다, 됐고, 였으며, 했지만, 했던.
    if (final_consonant == 20 && c != U'있' &&
        (next == U'다' || next == U'고' || next == U'으' || next == U'며' || next == U'는' ||
         next == U'지' || next == U'던' || next == U'어'))
      return -1;
    if (starts_with_at(text, i, "예정") || starts_with_at(text, i, "계획") ||
        starts_with_at(text, i, "방침") || (c == U'겠' && next == U'다'))
      return 1;
    // ㄴ다 / 는다: 열린다, 개최한다, 만난다 (news writes scheduled events so).
    if (next == U'다' && (final_consonant == 4 || c == U'는')) return 1;
    i += 3;
  }
  return 0;
}

// English marks tense on the verb, before or after the date: the cue
// nearest the date within its sentence decides (said on Friday is past,
// will meet on Friday future; data/date-vocabulary.txt, english-tense).
int english_clause_tense(const DateVocabulary& words, std::string_view text, std::size_t start,
                         std::size_t end) {
  const auto cue = [&](std::size_t w) -> int {
    for (const NumberedWord& c : words.english_tense_cues)
      if (english_word_at(text, w, c.word)) return c.number;
    return 0;
  };
  const auto stops = [&](std::size_t i) {
    return text[i] == '.' || text[i] == '\n' || text[i] == '?' || text[i] == '!' || text[i] == ';';
  };
  // Word starts on each side, nearest first, up to 12 words a side.
  std::array<std::size_t, 12> before{}, after{};
  std::size_t nb = 0, na = 0;
  for (std::size_t i = start; i > 0 && nb < before.size() && !stops(i - 1); --i)
    if (is_ascii_alpha(text[i - 1]) && (i == 1 || !is_ascii_alpha(text[i - 2])))
      before[nb++] = i - 1;
  for (std::size_t i = end; i < text.size() && na < after.size() && !stops(i); ++i)
    if (is_ascii_alpha(text[i]) && (i == 0 || !is_ascii_alpha(text[i - 1]))) after[na++] = i;
  for (std::size_t k = 0; k < std::max(nb, na); ++k) {
    if (k < nb)
      if (const int t = cue(before[k])) return t;
    if (k < na)
      if (const int t = cue(after[k])) return t;
  }
  return 0;
}

const LexiconEntry* date_word_at(std::string_view text, std::size_t pos,
                                 const DateVocabulary& vocabulary) {
  const LexiconEntry* best = nullptr;
  if (pos + 3 > text.size()) return nullptr;
  // A word is tried below only when its first three bytes are the text's:
  // at a Hangul syllable that begins no date word, none is.
  if (const char32_t c = hangul_at(text, pos); c != 0 && !vocabulary.may_begin_date_word(c))
    return nullptr;
  for (const LexiconEntry& e : vocabulary.date_words.entries()) {
    // First syllable (3 bytes for Hangul) before the full comparison.
    const std::string& k = e.key;
    if (k.size() < 3 || k[0] != text[pos] || k[1] != text[pos + 1] || k[2] != text[pos + 2])
      continue;
    if (best && e.key.size() <= best->key.size()) continue;
    if (!starts_with_at(text, pos, e.key)) continue;
    best = &e;
  }
  return best;
}

// What an expression said, before resolution.
struct Parts {
  std::optional<int> year, month, day, hour, minute, second;
  int year_offset = 0, month_offset = 0, day_offset = 0, week_offset = 0;
  bool relative_year = false, relative_month = false, relative_day = false, relative_week = false;
  bool same_day = false;
  std::optional<int> weekday;  // 0 = Monday
  int direction = 0;           // 지난 -1, 오는/다음 +1
  bool local_time = false;
  bool ampm_given = false;
  bool next_day = false;  // 자정, 24시: the midnight that ends the day
  bool any() const {
    return year || month || day || hour || relative_year || relative_month || relative_day ||
           relative_week || same_day || weekday;
  }
};

// Skips one run of spaces if what follows satisfies `pred`.
template <typename Pred>
std::size_t maybe_space(std::string_view text, std::size_t pos, Pred pred) {
  const std::size_t q = skip_spaces(text, pos);
  return pred(q) ? q : pos;
}

// Duration markers after N일 that make it a span of days, not a date
// (data/date-vocabulary.txt, duration-marker: 3일간, 2000년을 거슬러).
// Not 에 걸쳐: 10월 4~9일에 걸쳐 is a date range as often as 3일에 걸쳐
// is a span.
bool duration_follows(const DateVocabulary& words, const Particles& particles,
                      std::string_view text, std::size_t pos) {
  const std::size_t q = skip_spaces(text, pos);
  for (const DurationMarkerWord& marker : words.duration_markers) {
    const std::string_view w = marker.word;
    if (!starts_with_at(text, q, w) || (w == "간" && q != pos)) continue;
    if (!marker.stops.empty() &&
        marker.stops.find(code_point_at(text, q + w.size()).first) != std::u32string::npos)
      continue;
    // 여, 만, 내 alone must end their word: 18일 여러 (several), 5일 만난
    // (met on the 5th), 3일 내란 (insurrection) name a day.
    // 6일 만인 28일, 22일 만이다: 만 before the copula is still "after".
    if ((w == "여" || w == "만" || w == "내") && !ends_word(words, particles, text, q + w.size()) &&
        !(w == "만" &&
          (starts_with_at(text, q + w.size(), "인") || starts_with_at(text, q + w.size(), "이"))))
      continue;
    return true;
  }
  return false;
}

// 3일 전, 2년 후 (data/date-vocabulary.txt, count-relation): the sign
// and end of the word after a count that moves the publication by it.
bool relative_follows(const DateVocabulary& words, std::string_view text, std::size_t pos,
                      int& sign, std::size_t& end) {
  const std::size_t q = skip_spaces(text, pos);
  for (const CountRelationWord& relation : words.count_relations) {
    if (!starts_with_at(text, q, relation.word)) continue;
    const std::size_t w = q + relation.word.size();
    // 3일 전쟁 (war): only a particle may follow in the word.
    if (!relation.particles.empty() && is_hangul_syllable(code_point_at(text, w).first) &&
        std::none_of(
            relation.particles.begin(), relation.particles.end(),
            [&](const std::string& particle) { return starts_with_at(text, w, particle); }))
      return false;
    sign = relation.sign;
    end = w;
    return true;
  }
  return false;
}

// A date in digits and separators. The rules for the order of the fields:
//   2023.11.18 · 2023-11-18 · 2023/11/18   year, month, day (a 4-digit year first)
//   23.11.18 · 74/10/31                     a 2-digit year first: every field in 2
//                                           digits with '.', or '/' (yy/mm/dd)
//   17.11.2023 · 11/17/2023                 a 4-digit year last: the field over 12
//                                           is the day; if both fit, '.' is day
//                                           first (European), '/' month first (US)
//   11/17                                   Korean text writes the month first; the
//                                           day must have two digits (1/3 is a third,
//                                           24/7 is all the time) and Korean must
//                                           follow (9/11 attacks is no date)
// A trailing period (2023.11.18.) belongs to the date.
struct NumericDate {
  int year = 0;  // 0: none written (11/17)
  int month = 0, day = 0;
  std::size_t end = 0;
};

std::optional<NumericDate> read_numeric_date(std::string_view text, std::size_t pos) {
  // Up to three digit runs joined by one separator character.
  std::array<std::pair<std::size_t, std::size_t>, 3> runs{};
  std::size_t count = 0, q = pos;
  char sep = 0;
  while (count < 3) {
    const std::size_t start = q;
    while (q < text.size() && is_ascii_digit(text[q]) && q - start < 5) ++q;
    if (q == start || (q < text.size() && is_ascii_digit(text[q]))) return std::nullopt;
    runs[count++] = {start, q};
    if (count == 3 || q + 1 >= text.size() || !is_ascii_digit(text[q + 1])) break;
    if (text[q] != '.' && text[q] != '-' && text[q] != '/') break;
    if (sep != 0 && text[q] != sep) return std::nullopt;
    sep = text[q];
    ++q;
  }
  if (count < 2) return std::nullopt;
  std::size_t end = runs[count - 1].second;
  // 1.2.3.4, 2023.11.18.5, 3/4/5%: more fields or a unit make it no date.
  if (end < text.size() && (text[end] == sep || text[end] == '%' || text[end] == ',') &&
      !(text[end] == '.' && sep == '.' && count == 3 &&
        (end + 1 >= text.size() || !is_ascii_digit(text[end + 1]))))
    return std::nullopt;
  int v[3] = {0, 0, 0};
  std::size_t len[3] = {0, 0, 0};
  for (std::size_t i = 0; i < count; ++i) {
    std::from_chars(text.data() + runs[i].first, text.data() + runs[i].second, v[i]);
    len[i] = runs[i].second - runs[i].first;
  }
  NumericDate date;
  if (count == 3 && len[0] == 4 && len[1] <= 2 && len[2] <= 2) {
    date = {v[0], v[1], v[2], end};
  } else if (count == 3 && len[0] == 2 && len[1] <= 2 && len[2] <= 2 &&
             (sep == '/' || (sep == '.' && len[1] == 2 && len[2] == 2))) {
    date = {v[0] + (v[0] >= 50 ? 1900 : 2000), v[1], v[2], end};
  } else if (count == 3 && len[2] == 4 && len[0] <= 2 && len[1] <= 2 && sep != '-') {
    const bool day_first = v[0] > 12 || (v[1] <= 12 && sep == '.');
    date = {v[2], day_first ? v[1] : v[0], day_first ? v[0] : v[1], end};
  } else if (count == 2 && sep == '/' && len[0] <= 2 && len[1] == 2) {
    // Korean text only: 11/17(금), 11/17 개봉, 11/17부터. 3/10분기 and 1/10th
    // are no dates, nor are 9/11 attacks, a film called 06/05 or 8/13 odds.
    const std::size_t next = skip_spaces(text, end);
    const char32_t after = code_point_at(text, next).first;
    const bool korean_after = is_hangul_syllable(after) || starts_with_at(text, end, "(");
    if (!korean_after ||
        (next == end && is_hangul_syllable(after) && starts_with_at(text, end, "분기")))
      return std::nullopt;
    date = {0, v[0], v[1], end};
  } else {
    return std::nullopt;
  }
  const int year_for_days = date.year ? date.year : 2000;  // 2/29 exists in some year
  if ((date.year && (date.year < 1900 || date.year > 2099)) || date.month < 1 || date.month > 12 ||
      date.day < 1 || date.day > days_in_month(year_for_days, date.month))
    return std::nullopt;
  if (count == 3 && sep == '.' && date.end < text.size() && text[date.end] == '.') ++date.end;
  return date;
}

// 오월 이십일일: a Sino-Korean day (two syllables or more) after a
// one-syllable month makes that month a date part (오월 alone may be a word).
bool sino_day_follows(std::string_view text, std::size_t pos) {
  const std::size_t q = skip_spaces(text, pos);
  const auto day = read_korean_number(text, q);
  return day && day->script == NumeralScript::kSinoKorean && day->syllables >= 2 &&
         starts_with_at(text, day->end, "일");
}

}  // namespace

long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

LocalTime civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  LocalTime t;
  t.year = static_cast<int>(y + (m <= 2));
  t.month = static_cast<int>(m);
  t.day = static_cast<int>(d);
  return t;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[(month - 1) % 12];
}

std::optional<LocalTime> parse_local_time(std::string_view iso) {
  // YYYY-MM-DD[THH:MM[:SS]]…
  const auto number = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
    if (pos + len > iso.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (!is_ascii_digit(iso[i])) return std::nullopt;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  LocalTime t;
  const auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (!y || !m || !d || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  t.year = *y;
  t.month = *m;
  t.day = *d;
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month))
    return std::nullopt;
  if (iso.size() >= 16 && (iso[10] == 'T' || iso[10] == ' ')) {
    // An impossible time of day (25:61) is dropped, not carried: the day
    // still resolves relative dates.
    const auto h = number(11, 2), mi = number(14, 2);
    if (h && mi && *h <= 23 && *mi <= 59) {
      t.hour = *h;
      t.minute = *mi;
      if (const auto s = number(17, 2); s && *s <= 59 && iso[16] == ':') t.second = *s;
    }
  }
  return t;
}

std::string iso_duration(const std::string& amount, std::string_view unit) {
  if (unit == "year") return "P" + amount + "Y";
  if (unit == "month") return "P" + amount + "M";
  if (unit == "week") return "P" + amount + "W";
  if (unit == "day") return "P" + amount + "D";
  if (unit == "hour") return "PT" + amount + "H";
  if (unit == "minute") return "PT" + amount + "M";
  return "PT" + amount + "S";
}

namespace {

// One read_date() call: the text and where the expression started, what
// has been read so far (Parts and the forms that are not Parts), and the
// readers, one per form, each moving `p` (where the next form may start)
// and `end` (the end of what was read) past what it reads. read_date() runs
// them in reading order (year before month before day before time), then
// resolve() turns what was read into a date given the publication time.
struct DateReader {
  DateReader(std::string_view text_, std::size_t pos_, int paragraph_, DateContext& context_,
             const DateVocabulary& words_, const Particles& particles_)
      : text(text_),
        pos(pos_),
        paragraph(paragraph_),
        context(context_),
        words(words_),
        particles(particles_),
        p(pos_),
        end(pos_),
        at_word_start(word_start(text_, pos_)) {}

  std::string_view text;
  std::size_t pos;
  int paragraph;
  DateContext& context;
  const DateVocabulary& words;  // data/date-vocabulary.txt and data/date-words.txt
  const Particles& particles;   // data/particles.txt: what may end a date word

  Parts parts;
  std::size_t p, end;
  bool at_word_start;
  std::optional<int> english_weekday_first;  // Monday, January 22, 2018
  std::optional<int> relative_quarter;       // 이번 분기 0, 지난 분기 -1
  bool short_word = false;                   // 올 (올 10월) counts only before a month or day
  std::optional<int> nth;                    // 1‥5, or -1 for 마지막
  bool nth_week = false, last_day_of_month = false;
  std::optional<int> quarter;
  std::optional<std::pair<int, int>> day_part;  // start and exclusive end hour
  bool weekend = false;
  // A reader that works out its own value (whole units counted from the
  // publication time, a part of a month, a season) leaves it here for
  // resolve(): a span [from, until) at `unit`, or one unit when no until.
  struct Span {
    CalendarUnit unit = CalendarUnit::kDay;
    LocalTime from;
    std::optional<LocalTime> until;
  };
  std::optional<Span> span;
  bool span_needs_now = false;  // set with span when now was missing
  // Easter + days, or the nth weekday of a month (Thanksgiving): the
  // holiday's day once resolve() knows the year.
  std::optional<std::string> movable_holiday;

  // read_date asks for the number at one position several times (year?
  // month? day? hour? duration?): remember the last answer.
  std::size_t cached_at = std::string_view::npos;
  std::optional<NumeralMatch> cached;
  std::optional<NumeralMatch> field_number(std::string_view t, std::size_t at) {
    if (at != cached_at) {
      cached_at = at;
      cached = read_field_number(t, at);
    }
    return cached;
  }

  // N년, N월, N일, N시: a field number and its unit.
  std::optional<std::pair<int, std::size_t>> numbered(std::size_t at, std::string_view unit) {
    const auto n = field_number(text, at);
    if (!n) return std::nullopt;
    std::size_t after = n->end;
    const std::size_t spaced = skip_spaces(text, after);
    if (!starts_with_at(text, after, unit)) {
      // 9~10월, 13~15일: the first of a range shares the unit of the second;
      // it ends before the tilde, and the next read starts at the second.
      if (n->script == NumeralScript::kDigits && after < text.size() &&
          (text[after] == '~' || starts_with_at(text, after, "∼") ||
           starts_with_at(text, after, "～"))) {
        const std::size_t second = after + (text[after] == '~' ? 1 : 3);
        std::size_t e = second;
        while (e < text.size() && is_ascii_digit(text[e])) ++e;
        if (e > second && e - second <= 2 && starts_with_at(text, e, unit) &&
            !(unit == "시" && starts_with_at(text, e + unit.size(), "간"))) {
          const auto v = small_int(*n);
          if (v) return std::pair<int, std::size_t>{*v, after};
        }
      }
      // 2015 년: Duckling writes a space; Sino-Korean needs none.
      if (spaced != after && spaced - after <= 1 && starts_with_at(text, spaced, unit))
        after = spaced;
      else
        return std::nullopt;
    }
    const auto v = small_int(*n);
    if (!v) return std::nullopt;
    // Only digits take a space before the unit (2015 년); 이 일 is "this work".
    if (after != n->end && n->script != NumeralScript::kDigits) return std::nullopt;
    // A one-syllable Sino-Korean numeral (이월 carry-over, 사일) is a date
    // part only inside a date already begun (이천십오년 삼월 삼일).
    if (n->script == NumeralScript::kSinoKorean && n->syllables < 2 && !parts.year &&
        !parts.month && !parts.relative_year && !parts.relative_month && !parts.relative_day &&
        !parts.relative_week && !parts.weekday &&
        !(unit == "월" && sino_day_follows(text, after + unit.size())))
      return std::nullopt;
    // Sino-Korean in running text: at least two syllables (삼월 but not 이월…
    // as a particle); single syllables only with the unit when whole.
    if (n->script == NumeralScript::kDigits && !n->value.is_integer()) return std::nullopt;
    if (n->script == NumeralScript::kNative && unit != "시") return std::nullopt;
    return std::pair<int, std::size_t>{*v, after + unit.size()};
  }

  // (현지시간) right after the date (data/date-vocabulary.txt,
  // local-time-suffix).
  void local_suffix() {
    for (const LocalTimeSuffix& suffix : words.local_time_suffixes) {
      const std::size_t at = suffix.spaced && starts_with_at(text, p, " ") ? p + 1 : p;
      if (starts_with_at(text, at, suffix.word)) {
        parts.local_time = true;
        p = end = at + suffix.word.size();
        return;
      }
    }
  }

  void read_numeric_form() {
    // ---- numeric forms: 2023.11.18, 23.11.18, 17.11.2023, 2023/11/18, 11/17 [19:32]
    if (at_word_start) {
      if (const auto numeric = read_numeric_date(text, p)) {
        parts.year = numeric->year;
        parts.month = numeric->month;
        parts.day = numeric->day;
        if (!numeric->year) parts.year.reset();
        p = end = numeric->end;
      }
    }
  }

  // The count of an English relative date: a, an, one, 2, two.
  std::optional<std::pair<int, std::size_t>> english_count(std::size_t at) {
    for (std::string_view w : {"a", "an"})
      if (english_word_at(text, at, w)) return std::pair<int, std::size_t>{1, at + w.size()};
    // The numeral reader takes "two quarters" for a half: a count word
    // before "quarter" is read here.
    static constexpr std::array<std::string_view, 9> kCounts{
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    for (std::size_t i = 0; i < kCounts.size(); ++i) {
      if (!english_word_at(text, at, kCounts[i])) continue;
      const std::size_t q = skip_spaces(text, at + kCounts[i].size());
      if (english_word_at(text, q, "quarter") || english_word_at(text, q, "quarters"))
        return std::pair<int, std::size_t>{static_cast<int>(i) + 2, at + kCounts[i].size()};
    }
    const auto n = read_english_number(text, at);
    if (!n || !n->value.is_integer() || n->value.to_double() < 1 || n->value.to_double() > 1000)
      return std::nullopt;
    return std::pair<int, std::size_t>{static_cast<int>(n->value.to_double()), n->end};
  }

  // The unit after a count (two weeks): its entry and end.
  std::optional<std::pair<EnglishSpanUnit, std::size_t>> english_unit(std::size_t at) {
    const std::size_t q = skip_spaces(text, at);
    if (q == at) return std::nullopt;
    for (const EnglishSpanUnit& u : words.english_span_units)
      if (english_word_at(text, q, u.word))
        return std::pair<EnglishSpanUnit, std::size_t>{u, q + u.word.size()};
    return std::nullopt;
  }

  // "the first fall in nine years", "the second time in three years",
  // "its lowest level in 24 years": a first, a time, a level or a
  // superlative among the three words before "in" makes it a span.
  bool counts_a_span_before(std::size_t at) const {
    std::size_t w = at;
    for (int words = 0; words < 3 && w > 0; ++words) {
      while (w > 0 && text[w - 1] == ' ') --w;
      const std::size_t word_end = w;
      while (w > 0 && is_ascii_alpha(text[w - 1])) --w;
      if (w == word_end) return false;
      const std::string_view word = text.substr(w, word_end - w);
      for (std::string_view cue : {"first", "time", "level", "ever"})
        if (english_word_at(text, w, cue)) return true;
      if (word.size() > 4 && word.substr(word.size() - 3) == "est") return true;
    }
    return false;
  }

  // in two weeks · three days ago · a year from now · 2 months hence:
  // the publication time moved by the span. Days, weeks and months give a
  // day, years a year (like 2년 전), hours and minutes a minute. "in two
  // years" in a past clause (sales doubled in two years) is a span, not a
  // date, and is left alone.
  void read_english_relative() {
    if (parts.any() || !at_word_start || p >= text.size() || !is_ascii_alnum(text[p])) return;
    int sign = 0;
    std::size_t q = p;
    if (english_word_at(text, p, "in")) {
      q = skip_spaces(text, p + 2);
      if (q == p + 2) return;
      sign = 1;
    }
    const auto count = english_count(q);
    if (!count) return;
    const auto unit = english_unit(count->second);
    if (!unit) return;
    const std::optional<std::size_t> e =
        sign == 0 ? direction_after_span(unit->second, sign) : in_span_as_date(unit->second);
    if (!e) return;
    move_publication_by(count->first * sign, unit->first);
    p = end = *e;
  }

  // two days ago · a year hence · a week from now: sets `sign` from the
  // words after the span; their end, or nothing when none follows.
  std::optional<std::size_t> direction_after_span(std::size_t e, int& sign) const {
    const std::size_t r = skip_spaces(text, e);
    if (r == e) return std::nullopt;
    if (english_word_at(text, r, "ago")) {
      sign = -1;
      return r + 3;
    }
    sign = 1;
    if (english_word_at(text, r, "hence")) return r + 5;
    if (starts_with_at(text, r, "from now")) return r + 8;
    return std::nullopt;
  }

  // Mid-sentence, "in N units" is mostly a span (its lowest level in three
  // years, fell 12% in two days): a date only when the clause is in the
  // future, "time" follows (in two weeks' time), or it opens its sentence
  // (In three months, we should…). The end of the date, or nothing.
  std::optional<std::size_t> in_span_as_date(std::size_t e) const {
    const std::size_t r = skip_spaces(text, e);
    if (english_word_at(text, r, "of")) return std::nullopt;
    std::size_t t = r;
    if (e < text.size() && text[e] == '\'') {  // a fortnight's time, two weeks' time
      t = e + 1;
      if (t < text.size() && text[t] == 's') ++t;
      t = skip_spaces(text, t);
    }
    const bool time_follows = english_word_at(text, t, "time");
    std::size_t b = p;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '"')) --b;
    const bool opens = b == 0 || text[b - 1] == '.' || text[b - 1] == '\n' || text[b - 1] == '?' ||
                       text[b - 1] == '!';
    const int tense = english_clause_tense(words, text, p, e);
    if (tense < 0 || !(tense > 0 || time_follows || opens) || counts_a_span_before(p))
      return std::nullopt;
    return time_follows ? t + 4 : e;
  }

  // The publication time moved by `n` of `u` (n < 0: back), as the parts
  // of a date: years as a month offset (2년 전), minutes as a clock, the
  // rest as a day; without a publication time a relative day.
  void move_publication_by(int n, const EnglishSpanUnit& u) {
    const std::optional<LocalTime>& now = context.published;
    if (u.months == 12) {
      parts.relative_month = true;  // two years ago: that month, as 2년 전
      parts.month_offset = n * 12;
    } else if (!now) {
      parts.relative_day = true;  // left unresolved: no publication time
    } else if (u.minutes) {
      const long minutes =
          (days_from_civil(now->year, now->month, now->day) * 24L + now->hour) * 60L + now->minute +
          static_cast<long>(n) * u.minutes;
      const long day = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
      const LocalTime t = civil_from_days(day);
      parts.year = t.year, parts.month = t.month, parts.day = t.day;
      parts.hour = static_cast<int>((minutes - day * 1440) / 60);
      parts.minute = static_cast<int>((minutes - day * 1440) % 60);
    } else {
      int y = now->year, mo = now->month, d = now->day;
      if (u.months) {
        const int index = y * 12 + (mo - 1) + n * u.months;
        y = index / 12, mo = index % 12 + 1;
        d = std::min(d, days_in_month(y, mo));
      }
      const LocalTime t =
          civil_from_days(days_from_civil(y, mo, d) + static_cast<long>(n) * u.days);
      parts.year = t.year, parts.month = t.month, parts.day = t.day;
    }
  }

  // The month an nth weekday is counted in: March [2014], this month, the
  // month, next month, last month. Sets the month parts; the end.
  std::optional<std::size_t> english_month_ref(std::size_t q) {
    for (auto [words, offset] : {std::pair<std::string_view, int>{"this month", 0},
                                 {"the month", 0},
                                 {"next month", 1},
                                 {"last month", -1}}) {
      if (english_word_at(text, q, words)) {
        parts.relative_month = true;
        parts.month_offset = offset;
        return q + words.size();
      }
    }
    const auto month = english_month(words, text, q);
    if (!month) return std::nullopt;
    parts.month = month->first;
    std::size_t e = month->second;
    if (const auto year = english_year(text, skip_spaces(text, e))) {
      parts.year = year->first;
      e = year->second;
    }
    return e;
  }

  // the first Friday of July · last Monday of March · second wednesday in
  // October 2014 · the first Monday of this month; and a weekday of a
  // named week: wednesday of next week, monday this week.
  bool read_english_nth_weekday() {
    std::size_t q = p;
    if (english_word_at(text, q, "the")) q = skip_spaces(text, q + 3);
    for (const auto& [word, n] : words.english_ordinals) {
      if (!english_word_at(text, q, word)) continue;
      const std::size_t w = skip_spaces(text, q + word.size());
      const auto weekday = english_weekday(words, text, w);
      if (!weekday) return false;
      const std::size_t r = skip_spaces(text, weekday->second);
      std::size_t m = r;
      if (english_word_at(text, r, "of"))
        m = skip_spaces(text, r + 2);
      else if (english_word_at(text, r, "in"))
        m = skip_spaces(text, r + 2);
      if (m == r) return false;
      const Parts saved = parts;
      const auto e = english_month_ref(m);
      if (!e) {
        parts = saved;
        return false;
      }
      parts.weekday = weekday->first;
      nth = n;
      p = end = *e;
      return true;
    }
    if (const auto weekday = english_weekday(words, text, p)) {
      std::size_t r = skip_spaces(text, weekday->second);
      if (english_word_at(text, r, "of")) r = skip_spaces(text, r + 2);
      for (auto [words, offset] : {std::pair<std::string_view, int>{"this week", 0},
                                   {"next week", 1},
                                   {"last week", -1}}) {
        if (r > weekday->second && english_word_at(text, r, words)) {
          parts.weekday = weekday->first;
          parts.relative_week = true;
          parts.week_offset = offset;
          p = end = r + words.size();
          return true;
        }
      }
    }
    return false;
  }

  // Whether a bare month name at `q` is a date: after a preposition, or
  // after "and"/"to" that follow another month (between March and May,
  // from March to May; data/date-vocabulary.txt, month-preposition).
  bool month_name_anchored(std::size_t q) const {
    for (std::string_view b : words.month_prepositions) {
      if (q >= b.size() && text.compare(q - b.size(), b.size(), b) == 0 &&
          (q == b.size() || !is_ascii_alpha(text[q - b.size() - 1])) &&
          (is_ascii_alpha(text[q - b.size()]) && (text[q - b.size()] | 0x20) == b[0]))
        return true;
    }
    for (std::string_view joiner : {" and ", " to ", " through ", " - ", "-", " until "}) {
      if (q < joiner.size() || text.compare(q - joiner.size(), joiner.size(), joiner)) continue;
      const std::size_t w = q - joiner.size();
      std::size_t s = w;
      while (s > 0 && is_ascii_alpha(text[s - 1])) --s;
      if (s < w && english_month(words, text, s) && english_month(words, text, s)->second == w)
        return true;
    }
    return false;
  }

  // last Tuesday · next March · this Friday · in March · between March and
  // May: a weekday or a month after a word that makes it one. A month name
  // alone is too often a word (May, march) to be read bare.
  void read_english_anchored() {
    if (parts.any() || !at_word_start || p >= text.size() || !is_ascii_alpha(text[p])) return;
    if (read_english_nth_weekday()) return;
    int direction = 0;
    std::size_t q = p;
    // "the last Saturday before Christmas", "the next Monday" count from
    // some other day than the publication's: not read.
    const bool after_the =
        p >= 4 && (text.compare(p - 4, 4, "the ") == 0 || text.compare(p - 4, 4, "The ") == 0);
    for (const auto& [word, d] : words.english_directions) {
      if (english_word_at(text, p, word)) {
        if (after_the) return;
        q = skip_spaces(text, p + word.size());
        if (q > p + word.size()) direction = d;
        break;
      }
    }
    if (direction != 0) {
      if (const auto weekday = english_weekday(words, text, q)) {
        parts.weekday = weekday->first;
        parts.direction = direction;
        p = end = weekday->second;
        return;
      }
    }
    const auto month = english_month(words, text, q);
    if (!month || month->second - q < 3) return;
    // Full names only (Sept is read by read_english_date with a day).
    if (month->second - q != words.english_months[month->first - 1].size()) return;
    if (month->second < text.size() && text[month->second] == '\'') return;  // May's chairman
    // may and march are also verbs: capitalised only.
    if ((month->first == 3 || month->first == 5) && !(text[q] >= 'A' && text[q] <= 'Z')) return;
    if (direction == 0 && !month_name_anchored(q)) return;
    parts.month = month->first;
    parts.direction = direction == 2 ? 0 : direction;
    p = end = month->second;
    if (const auto year = english_year(text, skip_spaces(text, p)); year && direction == 0) {
      parts.year = year->first;
      parts.direction = 0;
      p = end = year->second;
    }
  }

  // 15:00 GMT · 3pm ET: a time in a named zone is that zone's wall clock,
  // not the publication's; the contract has no offset, so it is given as
  // local time (like 현지시간). KST is the publication's own clock.
  void zone_suffix() {
    if (!parts.hour || p != end) return;
    const std::size_t q = skip_spaces(text, p);
    if (q == p || q >= text.size() || !is_ascii_alpha(text[q])) return;
    // Lower case (8:00 gmt) only for three letters or more: "et", "pt"
    // and "ct" are words.
    const bool lower = text[q] >= 'a' && text[q] <= 'z';
    for (const TimeZoneWord& named : words.time_zones) {
      const std::string_view zone = named.word;
      if (lower && zone.size() < 3) continue;
      bool same = q + zone.size() <= text.size();
      for (std::size_t k = 0; same && k < zone.size(); ++k)
        same = text[q + k] == (lower ? static_cast<char>(zone[k] | 0x20) : zone[k]);
      if (same && (q + zone.size() == text.size() || !is_ascii_alnum(text[q + zone.size()]))) {
        if (named.local) parts.local_time = true;
        p = end = q + zone.size();
        return;
      }
    }
  }

  void read_english_date() {
    // ---- English: Nov. 17, 2023 · November 2023 · 17 November 2023 · 17th of November · Friday
    // · Monday, January 22, 2018 (one date: the weekday names the day given)
    if (!parts.any() && at_word_start && p < text.size() && text[p] < 0x7F && text[p] > ' ') {
      if (const auto weekday = english_weekday(words, text, p)) {
        std::size_t q = weekday->second;
        if (q < text.size() && text[q] == ',') ++q;
        q = skip_spaces(text, q);
        if (q > weekday->second && english_month(words, text, q)) {
          english_weekday_first = weekday->first;
          p = q;
        }
      }
    }
    if (!parts.any() && at_word_start && p < text.size() && text[p] < 0x7F && text[p] > ' ') {
      if (const auto month = english_month(words, text, p)) {
        std::size_t q = skip_spaces(text, month->second);
        std::optional<int> day;
        if (const auto d = english_day(text, q)) {
          day = d->first;
          q = d->second;
        }
        std::size_t r = q;
        if (day && r < text.size() && text[r] == ',') ++r;
        r = skip_spaces(text, r);
        const auto year = english_year(text, r);
        // A month alone (May, March) is too often a word or a name.
        const bool is_abbreviation = text[month->second - 1] == '.';
        if (day || year || is_abbreviation) {
          parts.month = month->first;
          parts.day = day;
          end = p = day ? q : month->second;
          if (year) {
            parts.year = year->first;
            end = p = year->second;
          }
        }
      } else if (const auto d = english_day(text, p)) {
        std::size_t q = skip_spaces(text, d->second);
        if (text.substr(q, 3) == "of ") q = skip_spaces(text, q + 3);
        if (q > d->second) {
          if (const auto month = english_month(words, text, q)) {
            parts.day = d->first;
            parts.month = month->first;
            end = p = month->second;
            if (const auto year = english_year(text, skip_spaces(text, p))) {
              parts.year = year->first;
              end = p = year->second;
            }
          }
        }
      } else if (const auto weekday = english_weekday(words, text, p)) {
        parts.weekday = weekday->first;
        end = p = weekday->second;
      }
    }
    if (english_weekday_first) {
      if (parts.day) {
        parts.weekday = english_weekday_first;
      } else {
        parts = Parts{};  // Monday, March 2021: the weekday and the month are two dates
        p = end = pos;
      }
    }
  }

  void read_year_after_preposition() {
    // ---- in 2005, since 2019, by 2030: a bare four-digit year after an
    // English preposition (a bare number alone is not a year).
    if (!parts.any() && is_ascii_digit(text[p]) && at_word_start) {
      if (const auto year = english_year(text, p);
          year && year->first >= 1800 && year->first <= 2100 &&
          (year->second >= text.size() ||
           !((text[year->second] | 0x20) >= 'a' && (text[year->second] | 0x20) <= 'z'))) {
        for (std::string_view before :
             {"in ", "since ", "by ", "until ", "from ", "during ", "before ", "after ", "of ",
              "to ", "In ", "Since ", "By ", "Until ", "From "}) {
          if (p >= before.size() && text.compare(p - before.size(), before.size(), before) == 0 &&
              (p == before.size() || !(((text[p - before.size() - 1] | 0x20) >= 'a') &&
                                       ((text[p - before.size() - 1] | 0x20) <= 'z')))) {
            parts.year = year->first;
            end = p = year->second;
            break;
          }
        }
      }
    }
  }

  void read_local_time_prefix() {
    // ---- 현지시간 17일: a local-time prefix
    if (!parts.any() && starts_with_at(text, p, "현지시간")) {
      const std::size_t q = skip_spaces(text, p + std::strlen("현지시간"));
      if (q < text.size() && is_ascii_digit(text[q])) {
        parts.local_time = true;
        p = q;
      }
    }
  }

  // 그제야 (only then) is no 그제 (the day before yesterday) + 야.
  bool is_not_a_date(std::size_t at) const {
    for (const std::string& word : words.not_dates)
      if (starts_with_at(text, at, word) && hangul_at(text, at + word.size()) == 0) return true;
    return false;
  }

  void read_date_word() {
    // ---- date words: 올해, 지난해, 이달, 오늘, 이번 주, 같은 날, 광복절
    if (!parts.any() && at_word_start) {
      if (const LexiconEntry* w = date_word_at(text, p, words);
          w && w->fields.size() >= 2 && ends_word(words, particles, text, p + w->key.size()) &&
          !is_not_a_date(p)) {
        const std::string& grain = w->fields[0];
        const std::string& offset = w->fields[1];
        int n = 0;
        std::from_chars(offset.data() + (offset[0] == '+'), offset.data() + offset.size(), n);
        if (grain == "year") {
          parts.relative_year = true;
          parts.year_offset = n;
        } else if (grain == "month") {
          parts.relative_month = true;
          parts.month_offset = n;
        } else if (grain == "week") {
          parts.relative_week = true;
          parts.week_offset = n;
        } else if (grain == "day") {
          parts.relative_day = true;
          parts.day_offset = n;
        } else if (grain == "same") {
          parts.same_day = true;
          parts.day_offset = n;  // 전날 -1, 이튿날 +1
        } else if (grain == "quarter") {
          relative_quarter = n;
        } else if (grain == "holiday" && offset.size() == 5) {
          int mo = 0, d = 0;
          std::from_chars(offset.data(), offset.data() + 2, mo);
          std::from_chars(offset.data() + 3, offset.data() + 5, d);
          parts.month = mo;
          parts.day = d;
        } else if (grain == "holiday") {
          movable_holiday = offset;  // easter+1, 11/4/4: its day once the year is known
          parts.month = 1;
          parts.day = 1;
        }
        if (parts.any() || relative_quarter) {
          p = end = p + w->key.size();
          short_word = w->key.size() <= 3;
          // Christmas 2014, Easter 2010: the year written after a holiday.
          if (grain == "holiday") {
            const std::size_t q = skip_spaces(text, end);
            if (const auto year = q > end ? english_year(text, q) : std::nullopt;
                year && !is_hangul_syllable(code_point_at(text, year->second).first)) {
              parts.year = year->first;
              p = end = year->second;
            }
          }
        }
      }
    }
  }

  void read_direction() {
    // ---- 지난 / 오는 / 다음 / 이번: a direction for the day, month or weekday that follows
    std::size_t modifier_end = p;
    if (!parts.any() && at_word_start) {
      for (const auto& [word, direction] : words.korean_directions) {
        if (starts_with_at(text, p, word)) {
          const std::size_t q = skip_spaces(text, p + word.size());
          // 이번아침: 이번 written onto a part of the day.
          const bool joined = direction == 2 &&
                              (starts_with_at(text, q, "아침") || starts_with_at(text, q, "저녁"));
          if (q > p + word.size() || joined) {
            parts.direction = direction;
            modifier_end = q;
          }
          break;
        }
      }
    }
    p = modifier_end;
  }

  void read_korean_year() {
    if (!parts.year && !parts.relative_year && !parts.any()) {
      std::size_t q = p;
      bool apostrophe = false;
      if (starts_with_at(text, q, "'") || starts_with_at(text, q, "’")) {
        apostrophe = true;
        q += text[q] == '\'' ? 1 : 3;
      }
      if (auto y = numbered(q, "년")) {
        const auto digits = field_number(text, q);
        const bool four_digits =
            digits && digits->end - q == 4 && digits->script == NumeralScript::kDigits;
        const bool sino_year =
            digits && digits->script == NumeralScript::kSinoKorean && y->first >= 1000;
        int sign = 0;
        std::size_t rel_end = 0;
        if ((four_digits || sino_year) && y->first >= 1000 && y->first <= 2999 &&
            !duration_follows(words, particles, text, y->second)) {
          parts.year = y->first;
          p = end = y->second;
        } else if (apostrophe && y->first < 100) {
          parts.year = 2000 + y->first;
          p = end = y->second;
        } else if (!four_digits && relative_follows(words, text, y->second, sign, rel_end) &&
                   context.published) {
          (void)rel_end;
        }
      }
    }
  }

  void read_korean_month() {
    if ((parts.relative_year || parts.year) && !parts.month) {
      const std::size_t q = skip_spaces(text, p);
      if (auto m = numbered(q, "월"); m && m->first >= 1 && m->first <= 12) {
        parts.month = m->first;
        p = end = m->second;
      }
    } else if (!parts.any()) {
      if (parts.relative_month == false) {
        if (auto m = numbered(p, "월");
            m && m->first >= 1 && m->first <= 12 && !starts_with_at(text, m->second, "간")) {
          parts.month = m->first;
          p = end = m->second;
        }
      }
    }
  }

  void read_korean_day() {
    if ((parts.month && !parts.day) || parts.relative_month) {
      const std::size_t q = skip_spaces(text, p);
      if (auto d = numbered(q, "일"); d && d->first >= 1 && d->first <= 31 &&
                                      !duration_follows(words, particles, text, d->second)) {
        int sign = 0;
        std::size_t rel_end = 0;
        if (!relative_follows(words, text, d->second, sign, rel_end)) {
          parts.day = d->first;
          p = end = d->second;
          // 9월 21일 1978: a year written after the day.
          if (!parts.year && !parts.relative_year) {
            std::size_t y = p;
            if (y < text.size() && text[y] == ',') ++y;
            y = skip_spaces(text, y);
            if (const auto year = english_year(text, y);
                y > p && year && !is_hangul_syllable(code_point_at(text, year->second).first) &&
                !(year->second < text.size() && is_ascii_alpha(text[year->second]))) {
              parts.year = year->first;
              p = end = year->second;
            }
          }
        }
      }
    } else if (!parts.any()) {
      if (auto d = numbered(p, "일"); d && d->first >= 1 && d->first <= 31) {
        int sign = 0;
        std::size_t rel_end = 0;
        if (!duration_follows(words, particles, text, d->second) &&
            !relative_follows(words, text, d->second, sign, rel_end)) {
          parts.day = d->first;
          p = end = d->second;
        }
      }
    }
  }

  void read_nth_of_month() {
    // 10월 첫째 화요일, 3월 마지막 월요일, 10월 마지막날, 10월 첫번째주
    if ((parts.month && !parts.day) || (parts.relative_month && !parts.day)) {
      const std::size_t q = skip_spaces(text, p);
      for (const auto& [word, n] : words.korean_ordinals) {
        if (!starts_with_at(text, q, word)) continue;
        const std::size_t r = skip_spaces(text, q + word.size());
        if (starts_with_at(text, r, "날") && n == -1) {
          last_day_of_month = true;
          p = end = r + 3;
        } else if (starts_with_at(text, r, "주") && !starts_with_at(text, r, "주년")) {
          nth = n;
          p = end = r + 3;
          // 10월 둘째 주 월요일: the second Monday of October, as holidays
          // are named; without a weekday, the week itself.
          const std::size_t w = skip_spaces(text, p);
          nth_week = true;
          for (int i = 0; i < 7; ++i) {
            if (!starts_with_at(text, w, words.korean_weekdays[i])) continue;
            nth_week = false;
            parts.weekday = i;
            p = end = w + words.korean_weekdays[i].size();
            break;
          }
        } else {
          for (int i = 0; i < 7; ++i) {
            if (starts_with_at(text, r, words.korean_weekdays[i])) {
              nth = n;
              parts.weekday = i;
              p = end = r + words.korean_weekdays[i].size();
              break;
            }
          }
        }
        break;
      }
    }
  }

  void read_quarter() {
    // 2018년 4분기, 3분기: a quarter (value 2018-Q4).
    if (relative_quarter && context.published) {
      const int index =
          context.published->year * 4 + (context.published->month - 1) / 3 + *relative_quarter;
      parts.year = index / 4;
      quarter = index % 4 + 1;
    } else if (!parts.month && !parts.day && (parts.year || parts.relative_year || !parts.any())) {
      const std::size_t q = parts.any() ? skip_spaces(text, p) : p;
      // 3/4분기 is the third quarter (three fourths of the year gone by).
      const auto n = field_number(text, q);
      const std::size_t word = n && starts_with_at(text, n->end, "/4분기") ? n->end + 2
                               : n                                         ? n->end
                                                                           : 0;
      if (n && starts_with_at(text, word, "분기") && (q != pos || at_word_start)) {
        if (const auto v = small_int(*n); v && *v >= 1 && *v <= 4) {
          quarter = *v;
          p = end = word + std::strlen("분기");
        }
      }
    }
  }

  void read_weekday() {
    // Weekday: 금요일, (금). A weekday names a day: after a year or a month
    // without a day (2014년 월요일) it is a date of its own, not part of that
    // one, which would have to drop the year and month it was given.
    const bool weekday_may_follow =
        !parts.any() || parts.day || parts.relative_day || parts.same_day || parts.relative_week;
    if (weekday_may_follow) {
      const std::size_t q = parts.any() ? skip_spaces(text, p) : p;
      for (int i = 0; i < 7; ++i) {
        if (starts_with_at(text, q, words.korean_weekdays[i])) {
          if (!parts.any() && p == pos && !at_word_start) break;
          parts.weekday = i;
          p = end = q + words.korean_weekdays[i].size();
          break;
        }
        if (parts.day && text.compare(p, 1, "(") == 0 &&
            starts_with_at(text, p + 1, words.weekday_shorts[i]) &&
            starts_with_at(text, p + 1 + words.weekday_shorts[i].size(), ")")) {
          parts.weekday = i;
          p = end = p + 2 + words.weekday_shorts[i].size();
          break;
        }
      }
    }
  }

  // An English hour that ends a clock reading: 3pm, 3 p.m., three pm,
  // noon, midnight; with `bare`, a number alone (3) too. The hour on a
  // 24-hour clock (24: the midnight that ends the day) and its end.
  std::optional<std::pair<int, std::size_t>> english_hour(std::size_t q, bool bare) {
    if (english_word_at(text, q, "noon") || english_word_at(text, q, "midday"))
      return std::pair{12, q + (english_word_at(text, q, "noon") ? 4 : 6)};
    if (english_word_at(text, q, "midnight")) return std::pair{24, q + 8};
    const auto n = read_english_number(text, q);
    if (!n || !n->value.is_integer()) return std::nullopt;
    const double v = n->value.to_double();
    if (v < 0 || v > 23) return std::nullopt;
    int h = static_cast<int>(v);
    std::size_t e = n->end;
    const std::size_t a = skip_spaces(text, e);
    if (a < text.size() && ((text[a] | 0x20) == 'a' || (text[a] | 0x20) == 'p') && h >= 1 &&
        h <= 12) {
      std::size_t z = a + 1;
      const bool dotted = z < text.size() && text[z] == '.';
      if (dotted) ++z;
      if (z < text.size() && (text[z] | 0x20) == 'm' &&
          (z + 1 >= text.size() || !is_ascii_alpha(text[z + 1]))) {
        ++z;
        if (dotted && z < text.size() && text[z] == '.') ++z;
        const bool pm = (text[a] | 0x20) == 'p';
        return std::pair{pm ? h % 12 + 12 : h % 12, z};
      }
    }
    if (!bare) return std::nullopt;
    if (h >= 1 && h <= 6) h += 12;  // as 3시: the afternoon
    return std::pair{h, e};
  }

  // An English clock reading: the hour on a 24-hour clock (24: the
  // midnight that ends the day), the minute if read, and the end.
  struct EnglishClock {
    int hour = 0;
    std::optional<int> minute;
    std::size_t end = 0;
  };

  // English clock readings other than 3pm and 15:30: 15h30, 15h00, noon,
  // midnight, a quarter past 3pm, half past three pm, twenty after 3pm, 15
  // minutes to noon. A bare 15h or a bare hour after past/to only after
  // "at" (24h is a day's hours, "a quarter to 3" a share).
  void read_english_clock() {
    if (parts.hour || p >= text.size() || !(at_word_start || p != pos)) return;
    const std::size_t q = parts.any() ? skip_spaces(text, p) : p;
    if (q >= text.size() || static_cast<unsigned char>(text[q]) >= 0x80) return;
    const bool after_at = q >= 3 && text.compare(q - 3, 3, "at ") == 0;
    std::optional<EnglishClock> clock = hours_letter_h_minutes(q, after_at);
    if (!clock) {
      if (const auto h = english_hour(q, false);
          h && (h->first == 12 || h->first == 24) && !is_ascii_digit(text[q]))
        clock = EnglishClock{h->first, std::nullopt, h->second};  // noon, midnight
    }
    if (!clock) clock = minutes_past_or_to_hour(q, after_at);
    if (!clock) return;
    parts.ampm_given = true;
    parts.next_day = clock->hour == 24;
    parts.hour = clock->hour % 24;
    parts.minute = clock->minute;
    p = end = clock->end;
  }

  // 15h30, 15h00; a bare 15h only after "at".
  std::optional<EnglishClock> hours_letter_h_minutes(std::size_t q, bool after_at) const {
    if (!is_ascii_digit(text[q])) return std::nullopt;
    std::size_t e = q;
    while (e < text.size() && is_ascii_digit(text[e])) ++e;
    if (e - q > 2 || e >= text.size() || (text[e] != 'h' && text[e] != 'H')) return std::nullopt;
    int h = 0;
    std::from_chars(text.data() + q, text.data() + e, h);
    std::size_t m = e + 1;
    while (m < text.size() && is_ascii_digit(text[m])) ++m;
    if (h > 23 || !(m == e + 3 || (m == e + 1 && after_at)) ||
        (m < text.size() && is_ascii_alpha(text[m])))
      return std::nullopt;
    int mi = 0;
    if (m == e + 3) std::from_chars(text.data() + e + 1, text.data() + m, mi);
    if (mi >= 60) return std::nullopt;
    return EnglishClock{h, mi, m};
  }

  // a quarter past 3pm, half past three pm, twenty after 3pm, 20 minutes
  // to noon: minutes, then past/after or to/till/before, then an hour (a
  // bare one only after "at").
  std::optional<EnglishClock> minutes_past_or_to_hour(std::size_t q, bool after_at) {
    std::size_t m = q;
    int minutes = 0;
    if (english_word_at(text, m, "a")) m = skip_spaces(text, m + 1);
    if (english_word_at(text, m, "quarter")) {
      minutes = 15, m += 7;
    } else if (english_word_at(text, m, "half")) {
      minutes = 30, m += 4;
    } else if (const auto n = m == q ? read_english_number(text, m) : std::nullopt;
               n && n->value.is_integer() && n->value.to_double() >= 1 &&
               n->value.to_double() < 60) {
      minutes = static_cast<int>(n->value.to_double());
      m = n->end;
      const std::size_t u = skip_spaces(text, m);
      for (std::string_view unit : {"minutes", "minute", "mins", "min"}) {
        if (english_word_at(text, u, unit)) {
          m = u + unit.size();
          break;
        }
      }
    }
    const std::size_t w = skip_spaces(text, m);
    int sign = 0;
    std::size_t t = w;
    for (auto [word, s] : {std::pair<std::string_view, int>{"past", 1},
                           {"after", 1},
                           {"to", -1},
                           {"till", -1},
                           {"before", -1}}) {
      if (english_word_at(text, w, word)) {
        sign = s, t = skip_spaces(text, w + word.size());
        break;
      }
    }
    if (minutes == 0 || sign == 0 || w == m || t == w) return std::nullopt;
    const auto h = english_hour(t, after_at);
    if (!h || (sign < 0 && h->first == 0)) return std::nullopt;
    return EnglishClock{sign > 0 ? h->first % 24 : h->first - 1, sign > 0 ? minutes : 60 - minutes,
                        h->second};
  }

  // A time of day being read: the fields, the half of the day (-1 morning,
  // +1 afternoon, 2 정오/자정: as written), and the end of what was read.
  struct Clock {
    std::optional<int> hour, minute, second;
    int meridiem = 0;
    std::size_t end = 0;
  };

  // ---- time of day: 오후 3시 30분, 오전 9시, 19:32, 3:30pm, 3 p.m., 세시반
  void read_time_of_day() {
    std::size_t q = parts.any() ? skip_spaces(text, p) : p;
    Clock clock;
    clock.meridiem = read_half_of_day_word(q);
    if (!parts.any() && clock.meridiem == 0 && !(at_word_start || p != pos)) return;
    if (q >= text.size()) return;
    clock.end = q;
    if (!read_noon_or_midnight(q, clock) && is_ascii_digit(text[q])) read_colon_clock(q, clock);
    if (!clock.hour && is_ascii_digit(text[q])) read_hour_with_am_pm(q, clock);
    if (!clock.hour) read_korean_hour(q, clock);
    if (!clock.hour) return;
    int h = *clock.hour;
    if (clock.meridiem == 1 && h < 12) h += 12;
    if (clock.meridiem == -1 && h == 12) h = 0;
    // Without 오전/오후, 1–6 o'clock in the news is the afternoon (3시 회견).
    if (clock.meridiem == 0 && h >= 1 && h <= 6) h += 12;
    parts.ampm_given = clock.meridiem != 0;
    parts.next_day = h == 24;
    parts.hour = h % 24;
    parts.minute = clock.minute;
    parts.second = clock.second;
    p = end = clock.end;
  }

  // 오전, 오후, 새벽, 저녁 … before a number (오후 3시): which half of the
  // day it names, and `q` moved to the number. 0 when none.
  int read_half_of_day_word(std::size_t& q) {
    for (const auto& [word, m] : words.halves_of_day) {
      if (starts_with_at(text, q, word)) {
        const std::size_t r = skip_spaces(text, q + word.size());
        if (!field_number(text, r)) return 0;
        q = r;
        return m;
      }
    }
    return 0;
  }

  // 정오 (noon), 자정 (the midnight that ends the day: 자정까지).
  bool read_noon_or_midnight(std::size_t q, Clock& clock) {
    if (!starts_with_at(text, q, "정오") && !starts_with_at(text, q, "자정")) return false;
    clock.hour = starts_with_at(text, q, "정오") ? 12 : 24;
    clock.end = q + 6;
    clock.meridiem = 2;
    return true;
  }

  // 19:32, 19:32:05, 3:30pm, 3:18 am, 3:20p.
  void read_colon_clock(std::size_t q, Clock& clock) {
    std::size_t e = q;
    while (e < text.size() && is_ascii_digit(text[e])) ++e;
    if (!(e - q <= 2 && e + 2 < text.size() && text[e] == ':' && is_ascii_digit(text[e + 1]) &&
          is_ascii_digit(text[e + 2]) && (e + 3 >= text.size() || !is_ascii_digit(text[e + 3])) &&
          (at_word_start || q != pos)))
      return;
    int h = 0, mi = 0;
    std::from_chars(text.data() + q, text.data() + e, h);
    std::from_chars(text.data() + e + 1, text.data() + e + 3, mi);
    std::size_t r = e + 3;
    if (r + 2 < text.size() && text[r] == ':' && is_ascii_digit(text[r + 1]) &&
        is_ascii_digit(text[r + 2])) {
      int s = 0;
      std::from_chars(text.data() + r + 1, text.data() + r + 3, s);
      if (s < 60) {  // 19:32:99 is 19:32 and something else
        clock.second = s;
        r += 3;
      }
    }
    clock.end = r;
    if (h > 24 || mi >= 60) return;
    clock.hour = h;
    clock.minute = mi;
    const std::size_t a = skip_spaces(text, r);
    if (a < text.size() && (text[a] == 'p' || text[a] == 'P' || text[a] == 'a' || text[a] == 'A')) {
      const bool pm = text[a] == 'p' || text[a] == 'P';
      std::size_t z = a + 1;
      if (z < text.size() && (text[z] == 'm' || text[z] == 'M')) ++z;
      if (z >= text.size() || !((text[z] | 0x20) >= 'a' && (text[z] | 0x20) <= 'z')) {
        clock.meridiem = pm ? 1 : -1;
        clock.end = z;
      }
    }
  }

  // 3pm, 3 AM, 11a.m. (5pm. ends a sentence: the period is not read).
  void read_hour_with_am_pm(std::size_t q, Clock& clock) {
    std::size_t e = q;
    while (e < text.size() && is_ascii_digit(text[e])) ++e;
    const std::size_t a = skip_spaces(text, e);
    if (!(e - q <= 2 && a + 1 < text.size() &&
          ((text[a] | 0x20) == 'a' || (text[a] | 0x20) == 'p')))
      return;
    std::size_t z = a + 1;
    const bool dotted = z < text.size() && text[z] == '.';  // p.m. but 5pm. ends a sentence
    if (dotted) ++z;
    if (z >= text.size() || (text[z] | 0x20) != 'm') return;
    ++z;
    if (dotted && z < text.size() && text[z] == '.') ++z;
    if (z < text.size() && ((text[z] | 0x20) >= 'a' && (text[z] | 0x20) <= 'z')) return;
    int h = 0;
    std::from_chars(text.data() + q, text.data() + e, h);
    if (h < 1 || h > 12) return;
    clock.hour = h;
    clock.meridiem = (text[a] | 0x20) == 'p' ? 1 : -1;
    clock.end = z;
  }

  // 3시, 세시, 3시 30분, 3시반, 3시 30분 10초, 네시십오분전 (3:45). Not 3시간,
  // 3시즌, 시장, 시점, 시대 …
  void read_korean_hour(std::size_t q, Clock& clock) {
    const auto h = numbered(q, "시");
    if (!h || h->first > 24 || stops_at(words.hour_stops, h->second)) return;
    const auto n = field_number(text, q);
    // A lone digit hour in running text needs a date or 오전/오후 (3시) — fine;
    // but Sino-Korean single syllables (이시) are not hours.
    if (n->script == NumeralScript::kSinoKorean && n->syllables < 2 && clock.meridiem == 0 &&
        !parts.any())
      return;
    clock.hour = h->first;
    clock.end = h->second;
    const std::size_t s = skip_spaces(text, clock.end);
    if (starts_with_at(text, s, "반")) {
      clock.minute = 30;
      clock.end = s + 3;
      return;
    }
    const auto mi = numbered(s, "분");
    if (!mi || mi->first >= 60 || stops_at(words.minute_stops, mi->second)) return;
    int sign = 0;
    std::size_t rel_end = 0;
    // 0시15분전 and 4시0분전 would give hour -1 and minute 60: read
    // them as the time written, with 전 left over.
    if (relative_follows(words, text, mi->second, sign, rel_end) && sign < 0 && s == clock.end &&
        mi->first > 0 && *clock.hour > 0) {
      // 네시십오분전 = 3:45
      clock.minute = 60 - mi->first;
      clock.hour = *clock.hour - 1;
      clock.end = rel_end;
      return;
    }
    clock.minute = mi->first;
    clock.end = mi->second;
    const std::size_t t = skip_spaces(text, clock.end);
    if (auto se = numbered(t, "초"); se && se->first < 60) {
      clock.second = se->first;
      clock.end = se->second;
    }
  }

  void read_day_part() {
    // ---- parts of the day and weekends: 내일 저녁, 2월 15일 아침, 오후에, 지난 주말
    if (!parts.hour) {
      if (parts.relative_week && starts_with_at(text, p, "말") &&
          ends_word(words, particles, text, p + 3)) {
        weekend = true;  // 이번주말, 지난주말
        p = end = p + 3;
      } else if (!parts.any() && parts.direction != 0 && starts_with_at(text, p, "주말") &&
                 ends_word(words, particles, text, p + 6)) {
        weekend = true;  // 지난 주말
        parts.relative_week = true;
        parts.week_offset = parts.direction == 2 ? 0 : parts.direction;
        p = end = p + 6;
      } else {
        const bool after_day = parts.day || parts.relative_day || parts.weekday || parts.same_day;
        const std::size_t q = after_day ? skip_spaces(text, p) : p;
        for (const auto& [word, from, to] : words.korean_day_parts) {
          // 점심 alone is a meal; 점심 이후 (after lunch) is a time of day.
          const std::size_t after_word = skip_spaces(text, q + word.size());
          const bool after_lunch = word == "점심" && at_word_start && !after_day &&
                                   (starts_with_at(text, after_word, "이후") ||
                                    starts_with_at(text, after_word, "무렵"));
          if (!starts_with_at(text, q, word) ||
              !(ends_word(words, particles, text, q + word.size()) || after_lunch))
            continue;
          // Alone, only 오전/오후 (오후에, 오후 들어) or after 이번 (이번 아침):
          // 아침 alone is as often breakfast.
          const bool alone_ok = ((word == "오전" || word == "오후") && at_word_start) ||
                                parts.direction == 2 || after_lunch;
          if (!after_day && !alone_ok) break;
          if (!after_day) parts.relative_day = true;  // today
          day_part = std::pair{from, to};
          p = end = q + word.size();
          break;
        }
      }
    }
  }

  // English parts of the day and weekends: tonight, last night, this
  // morning, yesterday evening, Friday night, this weekend, last weekend.
  void read_english_day_part() {
    if (parts.hour || day_part || weekend || p >= text.size()) return;
    if (parts.relative_week && english_word_at(text, p, "end")) {
      weekend = true;  // this weekend: "this week" + "end"
      p = end = p + 3;
      return;
    }
    if (!parts.any() && at_word_start) {
      if (english_word_at(text, p, "tonight")) {
        parts.relative_day = true;
        day_part = std::pair{18, 24};
        p = end = p + 7;
        return;
      }
      for (auto [word, offset] : {std::pair<std::string_view, int>{"this", 0}, {"last", -1}}) {
        if (!english_word_at(text, p, word)) continue;
        const std::size_t q = skip_spaces(text, p + word.size());
        if (q == p + word.size()) return;
        for (const auto& [part, from, to] : words.english_day_parts) {
          // last night is yesterday's; this night is not said, last morning neither.
          if ((offset == -1) != (part == "night") || !english_word_at(text, q, part)) continue;
          parts.relative_day = true;
          parts.day_offset = offset;
          day_part = std::pair{from, to};
          p = end = q + part.size();
          return;
        }
        if (english_word_at(text, q, "weekend")) {
          parts.relative_week = true;
          parts.week_offset = offset;
          weekend = true;
          p = end = q + 7;
        }
        return;
      }
      return;
    }
    if (!(parts.relative_day || parts.weekday) || parts.month) return;
    const std::size_t q = skip_spaces(text, p);
    if (q != p + 1) return;
    // Lower case only: Saturday Night Live, Monday Night Football are names.
    if (!(text[q] >= 'a' && text[q] <= 'z')) return;
    for (const auto& [part, from, to] : words.english_day_parts) {
      if (!english_word_at(text, q, part)) continue;
      day_part = std::pair{from, to};
      p = end = q + part.size();
      return;
    }
  }

  // ---- durations and days counted back: 3년, 30분, 2시간, 3일 전, 6개월
  std::optional<DateRead> read_duration() {
    if (parts.any() || quarter || weekend || span) return std::nullopt;
    const auto n = field_number(text, p);
    if (!n || (p == pos && !at_word_start && n->script != NumeralScript::kDigits))
      return std::nullopt;
    std::size_t after = n->end;
    const std::size_t spaced = skip_spaces(text, after);
    if (spaced != after && spaced - after <= 1) after = spaced;
    for (const DurationUnitWord& u : words.duration_units) {
      if (!starts_with_at(text, after, u.word)) continue;
      const std::size_t unit_end = after + u.word.size();
      if (!counts_in_unit(*n, u, after, unit_end)) return std::nullopt;
      if (read_count_back(*n, u, unit_end)) return std::nullopt;  // resolve() reads it
      if (u.unit == "day" && !duration_follows(words, particles, text, unit_end) &&
          n->value.is_integer()) {
        // A bare N일 with N > 31 (100일) is a span of days; ≤ 31 was read above.
        const auto v = n->value.to_integer();
        if (v && *v <= 31) return std::nullopt;
      }
      return duration_read(*n, u, unit_end);
    }
    return std::nullopt;
  }

  // After 지난/다음 and a space (지난 이초, 다음 세달, 지난 2달) the
  // numeral is a count.
  bool counted_after_direction(std::size_t unit_end) const {
    return (parts.direction == -1 || parts.direction == 1) && p != pos &&
           ends_word(words, particles, text, unit_end);
  }

  // Whether numeral `n` counts unit `u` written at `after`: not when the
  // unit syllable begins another word (주년, 분기, 초기, 일부 …), nor for a
  // numeral that does not take that unit (이달 is this month, 세초 early in
  // the year, 한주 a stock).
  bool counts_in_unit(const NumeralMatch& n, const DurationUnitWord& u, std::size_t after,
                      std::size_t unit_end) const {
    if (u.unit == "century" || u.unit == "night") return false;
    // 5주년 (anniversary), 3분기 (quarter), 1초기, 3일부, 2년도, 두달러.
    if (stops_at(u.stops, unit_end)) return false;
    const bool counted = counted_after_direction(unit_end);
    if (u.word == "달" && n.script != NumeralScript::kNative && !counted) return false;
    if (u.word == "해" && n.script != NumeralScript::kNative) return false;
    // 지난 이달 is this month, not two: a one-syllable Sino-Korean count
    // takes only 초, 분, 주, 년 (지난 이초, 다음 삼년).
    if (n.script == NumeralScript::kSinoKorean && n.syllables < 2 && u.word != "주일" &&
        !(counted && (u.word == "초" || u.word == "분" || u.word == "주" || u.word == "년")))
      return false;
    if (n.script == NumeralScript::kNative && u.word != "달" && u.word != "해" &&
        u.word != "시간" && u.word != "주" && u.word != "주일" && u.word != "분" && u.word != "초")
      return false;
    // 세초 (early in the year), 한주 (a stock): a one-syllable native
    // numeral takes a unit only after a space (두 달, 한 해), except 한시간.
    if (n.script == NumeralScript::kNative && n.syllables < 2 && after == n.end &&
        u.word != "시간" && !counted)
      return false;
    return true;
  }

  // Whether the syllable at `at` is one of `stops` (data/date-vocabulary.txt:
  // unit-stop, hour-stop): the unit before it begins another word.
  bool stops_at(const std::u32string& stops, std::size_t at) const {
    return !stops.empty() && stops.find(code_point_at(text, at).first) != std::u32string::npos;
  }

  // N일 전 / N주 전 / N개월 전 / N년 전: a date counted back from
  // publication, left in parts for resolve(). The count is at most
  // small_int's bound: 구천구백구십구경 일 전 does not fit in a day number
  // (nor in a long long).
  bool read_count_back(const NumeralMatch& n, const DurationUnitWord& u, std::size_t unit_end) {
    int sign = 0;
    std::size_t rel_end = 0;
    const std::optional<int> small_count = small_int(n);
    if (!(u.unit == "day" || u.unit == "week" || u.unit == "month" || u.unit == "year") ||
        !relative_follows(words, text, unit_end, sign, rel_end) || !small_count ||
        (u.word == "년" && n.script == NumeralScript::kDigits && n.end - n.start == 4))
      return false;
    const int count = *small_count;
    if (u.unit == "day") parts.relative_day = true, parts.day_offset = sign * count;
    if (u.unit == "week") parts.relative_day = true, parts.day_offset = sign * 7 * count;
    if (u.unit == "month") parts.relative_month = true, parts.month_offset = sign * count;
    // 2년 전: the month two years back (a year would drop the month
    // the count was made from).
    if (u.unit == "year") parts.relative_month = true, parts.month_offset = sign * 12 * count;
    p = end = rel_end;
    return true;
  }

  // The duration (3년 → P3Y, 한시간반 → PT1.5H); after 지난/다음 (지난 2주,
  // 다음 3년) also the span of whole units before or after the
  // publication time's (the two weeks before this one).
  DateRead duration_read(const NumeralMatch& n, const DurationUnitWord& u, std::size_t unit_end) {
    DateRead read;
    const std::optional<int> small_count = small_int(n);
    if ((parts.direction == -1 || parts.direction == 1) && small_count && *small_count >= 1 &&
        n.value.is_integer()) {
      if (const auto unit = calendar_unit_named(u.unit)) {
        set_counted_span(*unit, static_cast<long>(parts.direction) * *small_count, false);
        end = unit_end;
        read.date = resolve_span()->date;
        span.reset();
      }
    }
    DurationEntity duration;
    std::string amount = n.value.to_string();
    std::size_t dur_end = unit_end;
    if (u.unit == "hour" && starts_with_at(text, skip_spaces(text, unit_end), "반")) {
      // 한시간반 = 1.5 hours
      const auto half = add(n.value, *Decimal::parse("0.5"));
      if (half) amount = half->to_string();
      dur_end = skip_spaces(text, unit_end) + 3;
    }
    duration.value = iso_duration(amount, u.unit);
    duration.where =
        Mention{paragraph, n.start, dur_end, std::string(text.substr(n.start, dur_end - n.start))};
    read.end = dur_end;
    read.duration = std::move(duration);
    return read;
  }

  // The tense of the clause the expression stands in: -1 past, +1 future,
  // 0 unknown.
  int clause_tense() const {
    // 16일 starts with a digit: which language the clause is in shows in
    // its verb, so Korean endings are looked for first.
    // 토요일인 30일: the weekday names the date that follows, not a day of
    // its own.
    if (starts_with_at(text, end, "인 ")) return 0;
    if (const int korean = korean_clause_tense(text, end)) return korean;
    return english_clause_tense(words, text, pos, end);
  }

  // How fine the date is: what the form names at its finest.
  std::string grain_of() const {
    if (day_part || weekend) return "hour";
    if (quarter) return "quarter";
    if (nth_week) return "week";
    if (last_day_of_month) return "day";
    if (parts.second) return "second";
    if (parts.minute) return "minute";
    if (parts.hour) return "hour";
    if (parts.day || parts.relative_day || parts.same_day || parts.weekday) return "day";
    if (parts.relative_week) return "week";
    if (parts.month || parts.relative_month) return "month";
    return "year";
  }

  // The date of a span a reader worked out itself (Span above).
  std::optional<DateRead> resolve_span() const {
    DateEntity date;
    date.local_time = parts.local_time;
    date.where = Mention{paragraph, pos, end, std::string(text.substr(pos, end - pos))};
    date.grain = std::string(unit_name(span->unit));
    if (span_needs_now) {
      date.unresolved = "relative to the publication time, which is unknown";
    } else {
      date.value = at_unit(span->from, span->unit);
      if (span->until) date.until = at_unit(*span->until, span->unit);
    }
    DateRead read;
    read.end = end;
    read.date = std::move(date);
    return read;
  }

  // Whole units counted from the publication time: `count` units before
  // the one that holds it (count < 0: the last two weeks = the two whole
  // weeks before this one), after it (count > 0), or, `one`, the single
  // unit `count` away (upcoming two weeks).
  void set_counted_span(CalendarUnit unit, long count, bool one) {
    span = Span{};
    span->unit = unit;
    if (!context.published) {
      span_needs_now = true;
      return;
    }
    const LocalTime& now = *context.published;
    if (one) {
      span->from = unit_start(now, unit, count);
    } else if (count < 0) {
      span->from = unit_start(now, unit, count);
      span->until = unit_start(now, unit, 0);
    } else {
      span->from = unit_start(now, unit, 1);
      span->until = unit_start(now, unit, count + 1);
    }
  }

  // the last two weeks · past 2 days · next three months · the next 24
  // hours: a span of whole units before or after the publication time's;
  // upcoming two weeks · 2 upcoming weeks: the one unit that far ahead.
  void read_english_counted_span() {
    if (parts.any() || span || !at_word_start || p >= text.size() || !is_ascii_alnum(text[p]))
      return;
    std::size_t q = p;
    if (english_word_at(text, q, "the")) q = skip_spaces(text, q + 3);
    int sign = 0;
    bool one = false;
    for (auto [word, s] : {std::pair<std::string_view, int>{"last", -1},
                           {"past", -1},
                           {"previous", -1},
                           {"next", 1},
                           {"coming", 1},
                           {"upcoming", 2}}) {
      if (english_word_at(text, q, word)) {
        sign = s;
        q = skip_spaces(text, q + word.size());
        break;
      }
    }
    std::optional<std::pair<int, std::size_t>> count;
    if (sign == 0) {  // 2 upcoming weeks
      count = english_count(p);
      if (!count) return;
      q = skip_spaces(text, count->second);
      if (!english_word_at(text, q, "upcoming")) return;
      sign = 2;
      q = skip_spaces(text, q + 8);
    } else {
      count = english_count(q);
      if (!count || count->first < 1) return;
      q = skip_spaces(text, count->second);
    }
    if (sign == 2) sign = 1, one = true;
    static constexpr std::array<std::pair<std::string_view, CalendarUnit>, 16> kUnits{
        {{"seconds", CalendarUnit::kSecond},
         {"second", CalendarUnit::kSecond},
         {"minutes", CalendarUnit::kMinute},
         {"minute", CalendarUnit::kMinute},
         {"hours", CalendarUnit::kHour},
         {"hour", CalendarUnit::kHour},
         {"days", CalendarUnit::kDay},
         {"day", CalendarUnit::kDay},
         {"weeks", CalendarUnit::kWeek},
         {"week", CalendarUnit::kWeek},
         {"months", CalendarUnit::kMonth},
         {"month", CalendarUnit::kMonth},
         {"quarters", CalendarUnit::kQuarter},
         {"quarter", CalendarUnit::kQuarter},
         {"years", CalendarUnit::kYear},
         {"year", CalendarUnit::kYear}}};
    for (const auto& [word, unit] : kUnits) {
      if (!english_word_at(text, q, word)) continue;
      set_counted_span(unit, static_cast<long>(sign) * count->first, one);
      p = end = q + word.size();
      return;
    }
  }

  // 이번 여름, 올겨울, 지난 겨울, 내년 봄; this summer, last winter, next
  // fall: a season as a span of days (see season_span_days).
  void read_season() {
    if (parts.any() || span || !at_word_start || p >= text.size()) return;
    for (const SeasonRelationWord& r : words.season_relations) {
      const bool english = is_ascii_alpha(r.word[0]);
      if (english ? !english_word_at(text, p, r.word) : !starts_with_at(text, p, r.word)) continue;
      const std::size_t q = skip_spaces(text, p + r.word.size());
      if (english && q == p + r.word.size()) return;
      for (const SeasonWord& season : words.seasons) {
        const bool found = english ? english_word_at(text, q, season.word)
                                   : starts_with_at(text, q, season.word) &&
                                         ends_word(words, particles, text, q + season.word.size());
        if (!found) continue;
        span = Span{};
        span->unit = CalendarUnit::kDay;
        p = end = q + season.word.size();
        if (!context.published) {
          span_needs_now = true;
          return;
        }
        const auto [from, until] = season_span_days(*context.published, r, season);
        span->from = civil_from_days(from);
        span->until = civil_from_days(until);
        return;
      }
      return;
    }
  }

  // Seasons start on the solstices and equinoxes, as in Duckling: spring
  // 03-20, summer 06-21, fall 09-24, winter 12-21 (until 03-21 of the next
  // year). This one is the one that holds the publication day, else the
  // one of its year; the last one has ended by then; the next one has not
  // begun. Gives [first day, day after the last) as days since 1970-01-01.
  static std::pair<long, long> season_span_days(const LocalTime& now, const SeasonRelationWord& r,
                                                const SeasonWord& season) {
    const long today = days_from_civil(now.year, now.month, now.day);
    // The season that starts in year y: [start, next season's start).
    const int first_month = season.month, first_day = season.day;
    const auto start_of = [first_month, first_day](int y) {
      return days_from_civil(y, first_month, first_day);
    };
    const auto end_of = [first_month](int y) {
      return first_month == 12 ? days_from_civil(y + 1, 3, 21)
                               : days_from_civil(y, first_month + 3, first_month == 6 ? 24 : 21);
    };
    int y = now.year;
    if (r.which == 2) {
      y = now.year + r.year_offset;
    } else if (r.which == 0) {
      if (start_of(now.year - 1) <= today && today < end_of(now.year - 1)) y = now.year - 1;
    } else if (r.which < 0) {
      y = now.year;
      while (end_of(y) > today) --y;
    } else {
      y = now.year - 1;
      while (start_of(y) <= today) ++y;
    }
    return {start_of(y), end_of(y)};
  }

  // The period a part is taken of (the end of *the month*, early *March
  // 2021*): its unit and its first day, or nothing. Sets p past it.
  std::optional<std::pair<CalendarUnit, LocalTime>> english_period(std::size_t q) {
    if (english_word_at(text, q, "the")) q = skip_spaces(text, q + 3);
    int offset = 0;
    bool relative = false;
    for (auto [word, n] : {std::pair<std::string_view, int>{"this", 0},
                           {"current", 0},
                           {"next", 1},
                           {"coming", 1},
                           {"following", 1},
                           {"last", -1},
                           {"past", -1},
                           {"previous", -1}}) {
      if (!english_word_at(text, q, word)) continue;
      const std::size_t r = skip_spaces(text, q + word.size());
      if (r == q + word.size()) return std::nullopt;
      offset = n, relative = true, q = r;
      break;
    }
    for (auto [word, unit] :
         {std::pair<std::string_view, CalendarUnit>{"week", CalendarUnit::kWeek},
          {"month", CalendarUnit::kMonth},
          {"year", CalendarUnit::kYear}}) {
      if (!english_word_at(text, q, word)) continue;
      p = q + word.size();
      if (!context.published) return std::pair{unit, LocalTime{}};
      return std::pair{unit, unit_start(*context.published, unit, offset)};
    }
    if (relative) return std::nullopt;
    LocalTime first;
    if (const auto month = english_month(words, text, q)) {
      // A capitalised month only (may, march are words), unless abbreviated.
      if (text[q] < 'A' || text[q] > 'Z') return std::nullopt;
      first.month = month->first;
      p = month->second;
      const std::size_t r = skip_spaces(text, p);
      if (const auto year = r > p ? english_year(text, r) : std::nullopt) {
        first.year = year->first;
        p = year->second;
      } else if (context.published) {
        first.year = context.published->year;
      }
      return std::pair{CalendarUnit::kMonth, first};
    }
    // the early 1990s is a decade, not the year 1990.
    if (const auto year = english_year(text, q);
        year && year->first >= 1800 && year->first <= 2100 &&
        (year->second >= text.size() ||
         !(is_ascii_alpha(text[year->second]) || text[year->second] == '\''))) {
      first.year = year->first;
      p = year->second;
      return std::pair{CalendarUnit::kYear, first};
    }
    return std::nullopt;
  }

  // the end of the month · the beginning of next week · early March · mid
  // 2024 · late last year · EOM, BOY: a third of a month (days 1–10, 11–20,
  // 21 to the end), Monday–Wednesday or Friday–Sunday of a week, January–
  // March, April–August or September–December of a year, as Duckling
  // draws them.
  void read_english_period_part() {
    if (parts.any() || span || !at_word_start || p >= text.size() || !is_ascii_alpha(text[p]))
      return;
    std::size_t q = p;
    if (english_word_at(text, q, "the")) q = skip_spaces(text, q + 3);
    int part = -1;  // 0 beginning, 1 middle, 2 end
    std::optional<std::pair<CalendarUnit, LocalTime>> period = read_period_acronym(q, part);
    if (part < 0 && !read_part_of_period(q, part, period)) return;
    if (part < 0 || !period) {
      p = end = pos;
      return;
    }
    set_period_part_span(part, period->first, period->second);
  }

  // EOM, BOM, EOY, BOY (upper case only: "boy" is a word;
  // data/date-vocabulary.txt, period-acronym): which part of this month or
  // year, the period, and p past the word.
  std::optional<std::pair<CalendarUnit, LocalTime>> read_period_acronym(std::size_t q, int& part) {
    for (const PeriodAcronym& acronym : words.period_acronyms) {
      const std::string_view word = acronym.word;
      if (text.compare(q, word.size(), word) != 0 ||
          (q + word.size() < text.size() && is_ascii_alnum(text[q + word.size()])))
        continue;
      const CalendarUnit unit = acronym.of_year ? CalendarUnit::kYear : CalendarUnit::kMonth;
      part = acronym.part;
      p = q + word.size();
      return std::pair{unit,
                       context.published ? unit_start(*context.published, unit, 0) : LocalTime{}};
    }
    return std::nullopt;
  }

  // the beginning of / the end of / early / mid(-) / late, then the period
  // (english_period; data/date-vocabulary.txt, period-part). False when
  // the word is there but what must follow it is not (the end, with no
  // "of").
  bool read_part_of_period(std::size_t q, int& part,
                           std::optional<std::pair<CalendarUnit, LocalTime>>& period) {
    for (const PeriodPartWord& word : words.period_parts) {
      if (!english_word_at(text, q, word.word)) continue;
      std::size_t r = q + word.word.size();
      if (word.needs_of) {
        r = skip_spaces(text, r);
        if (!english_word_at(text, r, "of")) return false;
        r += 2;
      } else if (word.takes_hyphen && r < text.size() && text[r] == '-') {
        ++r;  // mid-March
      }
      const std::size_t s = skip_spaces(text, r);
      if (s == r && !(word.takes_hyphen && text[r - 1] == '-')) return false;
      part = word.part;
      period = english_period(s);
      return true;
    }
    return true;
  }

  // The days or months of part `part` of the period that starts at `first`.
  void set_period_part_span(int part, CalendarUnit unit, const LocalTime& first) {
    const bool relative = !context.published && first.year == 0;
    span = Span{};
    end = p;
    if (relative) {
      span_needs_now = true;
      span->unit = unit == CalendarUnit::kYear ? CalendarUnit::kMonth : CalendarUnit::kDay;
      return;
    }
    const long day = days_from_civil(first.year, first.month, 1);
    if (unit == CalendarUnit::kMonth) {
      // 1–10, 11–20, 21 to the end of the month.
      static constexpr std::array<int, 3> kFrom{1, 11, 21};
      span->unit = CalendarUnit::kDay;
      span->from = civil_from_days(day + kFrom[part] - 1);
      span->until = part == 2 ? unit_start(first, CalendarUnit::kMonth, 1)
                              : civil_from_days(day + kFrom[part] + 9);
    } else if (unit == CalendarUnit::kYear) {
      static constexpr std::array<int, 4> kMonths{1, 4, 9, 13};
      span->unit = CalendarUnit::kMonth;
      span->from = unit_start(first, CalendarUnit::kMonth, kMonths[part] - 1);
      span->until = unit_start(first, CalendarUnit::kMonth, kMonths[part + 1] - 1);
    } else {
      if (part == 1) {  // the middle of a week is not a span we draw
        span.reset();
        p = end = pos;
        return;
      }
      const long monday = days_from_civil(first.year, first.month, first.day);
      span->unit = CalendarUnit::kDay;
      span->from = civil_from_days(monday + (part == 0 ? 0 : 4));
      span->until = civil_from_days(monday + (part == 0 ? 3 : 7));
    }
  }

  // Turns what the readers read into a date: anchors it (publication time,
  // the day last spoken of, the month or year named earlier in the
  // paragraph), writes it at its grain, adds the span of a part of the day
  // or a weekend, and remembers the day for the next date.
  std::optional<DateRead> resolve() {
    if (span) return resolve_span();
    if (!parts.any() && !quarter && !weekend) return std::nullopt;
    if (end == pos) return std::nullopt;
    if (short_word && !parts.month && !parts.day && !quarter) return std::nullopt;

    DateEntity date;
    date.local_time = parts.local_time;
    date.where = Mention{paragraph, pos, end, std::string(text.substr(pos, end - pos))};
    date.grain = grain_of();
    const std::optional<LocalTime>& now = context.published;
    if (needs_publication_time() && !now) return unresolved(std::move(date));
    const std::optional<LocalTime> day = calendar_day(now);
    if (!day) return std::nullopt;
    std::string value = iso_value(*day, date.grain);
    add_span_of_day(*day, value, date);
    date.value = value;
    remember_day(*day, date.grain);
    DateRead read;
    read.end = end;
    read.date = std::move(date);
    return read;
  }

  // Whether the date is counted from the publication time: no year written,
  // or a relative day or week, or a bare weekday. A year with a quarter or
  // an nth day of a month (2023년 3분기, 2023년 5월 둘째 주) needs none.
  bool needs_publication_time() const {
    const bool needs_now = !parts.year || parts.relative_day || parts.relative_week ||
                           parts.same_day || (parts.weekday && !parts.day && !nth);
    return needs_now && !(parts.year && (quarter || nth || last_day_of_month));
  }

  // A date that needs the publication time, which is unknown: kept, with
  // the reason it has no value.
  DateRead unresolved(DateEntity date) const {
    const bool relative = parts.relative_year || parts.relative_month || parts.relative_day ||
                          parts.relative_week || parts.same_day ||
                          (parts.weekday && !parts.month) || (parts.day && !parts.month) ||
                          parts.direction != 0;
    date.unresolved = relative ? "relative to the publication time, which is unknown"
                               : "no year is given and the publication time is unknown";
    DateRead read;
    read.end = end;
    read.date = std::move(date);
    return read;
  }

  // The day the date names (year, month, day; a coarser grain keeps its
  // first day), or nothing when no such day exists (2월 30일).
  std::optional<LocalTime> calendar_day(const std::optional<LocalTime>& now) {
    LocalTime day = written_year_and_month(now);
    if (const std::optional<long> day_number = anchored_day_number(now, day)) {
      set_day(day, civil_from_days(*day_number));
    } else if (parts.hour && !parts.day && !parts.month && !parts.year) {
      // A time alone is on the day last spoken of in this paragraph
      // (목요일 9:30부터 11:00), else on the publication day.
      set_day(day, context.last_day && context.last_day_paragraph == paragraph ? *context.last_day
                                                                               : *now);
    }
    move_to_nth_of_month(day);
    if (quarter) day.month = (*quarter - 1) * 3 + 1, day.day = 1;
    if (movable_holiday) {
      const auto holiday = movable_holiday_day(*movable_holiday, day.year);
      if (!holiday) return std::nullopt;
      const LocalTime t = civil_from_days(*holiday);
      day.month = t.month;
      day.day = t.day;
    }
    if (parts.next_day && is_real_day(day))
      set_day(day, civil_from_days(days_from_civil(day.year, day.month, day.day) + 1));
    if (!is_real_day(day)) return std::nullopt;
    return day;
  }

  static void set_day(LocalTime& day, const LocalTime& to) {
    day.year = to.year;
    day.month = to.month;
    day.day = to.day;
  }

  static bool is_real_day(const LocalTime& d) {
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
  }

  // The year, month and day as written, with 올해 / 지난달 / 3개월 전
  // counted from the publication month.
  LocalTime written_year_and_month(const std::optional<LocalTime>& now) const {
    LocalTime day;
    day.year = parts.year.value_or(now ? now->year : 0);
    day.month = parts.month.value_or(now ? now->month : 1);
    day.day = parts.day.value_or(1);
    if (parts.relative_year) day.year = now->year + parts.year_offset;
    if (parts.relative_month) {
      const int index = now->year * 12 + (now->month - 1) + parts.month_offset;
      day.year = index / 12;
      day.month = index % 12 + 1;
    }
    return day;
  }

  // A day counted from an anchor (어제: the publication day; 전날: the day
  // last spoken of; 다음 주 화요일: the publication week; 금요일: the
  // clause's tense), as days since 1970-01-01. Otherwise nothing, with the
  // year and month of `day` moved where a bare day (17일), a month after
  // 지난/다음, or a year named earlier in the paragraph puts them.
  std::optional<long> anchored_day_number(const std::optional<LocalTime>& now, LocalTime& day) {
    if (parts.relative_day)
      return days_from_civil(now->year, now->month, now->day) + parts.day_offset;
    if (parts.same_day) {
      const LocalTime& t = context.last_day ? *context.last_day : *now;
      return days_from_civil(t.year, t.month, t.day) + parts.day_offset;
    }
    if (parts.relative_week) {
      const long today = days_from_civil(now->year, now->month, now->day);
      const long monday = today - weekday_of(today) + 7L * parts.week_offset;
      return monday + parts.weekday.value_or(0);
    }
    if (parts.day && !parts.month && !parts.relative_month) {
      place_bare_day(now, day);
    } else if (parts.weekday && !parts.day && !nth) {
      return bare_weekday_day_number(*now);
    } else if (parts.month && !parts.year && !parts.relative_year && parts.direction != 0) {
      if (parts.direction == -1 && day.month > now->month) --day.year;
      if (parts.direction == 1 && day.month < now->month) ++day.year;
    } else if (parts.month && !parts.year && !parts.relative_year && context.last_year) {
      // 작년 9월과 10월: a month without a year takes the year named earlier in
      // the paragraph.
      day.year = *context.last_year;
    }
    return std::nullopt;
  }

  // A bare day (17일) is in the month named earlier in the paragraph, else
  // in the publication month or the one before or after it.
  void place_bare_day(const std::optional<LocalTime>& now, LocalTime& day) const {
    if (context.last_month) {
      day.year = context.last_month->first;
      day.month = context.last_month->second;
      return;
    }
    int y = now->year, mo = now->month;
    const int d = day.day;
    // A past clause (17일 발표했다) puts a day after today in the month
    // before. A future one is not trusted to keep a far day in this
    // month: on real articles the first "future" ending is too often in
    // a quote or a later clause (31일 … 예정된 in a 30-day month).
    const bool past = parts.direction == 0 && clause_tense() < 0;
    const bool future = d > now->day + (parts.direction == 0 && !past ? kBareDayFutureDays : 0);
    if ((parts.direction == -1 && d > now->day) || (parts.direction != 1 && future)) {
      if (--mo == 0) mo = 12, --y;
    } else if (parts.direction == 1 && d < now->day) {
      if (++mo == 13) mo = 1, ++y;
    }
    day.year = y;
    day.month = mo;
  }

  // A bare weekday (금요일, 지난 금요일) as days since 1970-01-01: in the
  // publication week unless 지난/다음 or the clause's tense puts it on the
  // other side of the publication day.
  long bare_weekday_day_number(const LocalTime& now) const {
    const long today = days_from_civil(now.year, now.month, now.day);
    const long monday = today - weekday_of(today);
    long target = monday + *parts.weekday;
    if (parts.direction == -1 && target >= today) target -= 7;
    if (parts.direction == 1 && target <= today) target += 7;
    if (parts.direction == 0) {
      const int tense = clause_tense();
      if (tense < 0 && target > today) target -= 7;
      if (tense > 0 && target < today) target += 7;
    }
    return target;
  }

  // 5월 둘째 주 · 11월 넷째 목요일 · 이달 마지막 날: the day of the month's
  // nth week or weekday, or its last day.
  void move_to_nth_of_month(LocalTime& day) const {
    if (!(parts.month || parts.relative_month) || !(nth || last_day_of_month) || day.month < 1 ||
        day.month > 12)
      return;
    const long first = days_from_civil(day.year, day.month, 1);
    const long last = days_from_civil(day.year, day.month, days_in_month(day.year, day.month));
    long target = first;
    if (last_day_of_month) {
      target = last;
    } else if (nth_week) {
      // Weeks that start on a Monday inside the month; the last one must end in it.
      const long first_monday = first + (7 - weekday_of(first)) % 7;
      target = *nth > 0 ? first_monday + 7L * (*nth - 1)
                        : last - weekday_of(last) - (weekday_of(last) == 6 ? 0 : 7);
    } else if (parts.weekday) {
      if (*nth > 0)
        target = first + (*parts.weekday - weekday_of(first) + 7) % 7 + 7L * (*nth - 1);
      else
        target = last - (weekday_of(last) - *parts.weekday + 7) % 7;
    }
    set_day(day, civil_from_days(target));
  }

  // ISO 8601 text of `day` at `grain`: 2023, 2023-Q3, 2023-W46, 2023-11,
  // 2023-11-18, 2023-11-18T19:32.
  std::string iso_value(const LocalTime& day, const std::string& grain) const {
    std::string value = four(day.year);
    if (grain == "quarter") {
      value.append("-Q").append(std::to_string(*quarter));
    } else if (grain == "week") {
      // ISO week of the Monday.
      const long thursday = days_from_civil(day.year, day.month, day.day) + 3;
      const LocalTime th = civil_from_days(thursday);
      const long jan1 = days_from_civil(th.year, 1, 1);
      const int week = static_cast<int>((thursday - jan1) / 7 + 1);
      value = four(th.year).append("-W").append(two(week));
    } else if (grain != "year") {
      value = iso_day(day.year, day.month, day.day);
      if (grain == "month") value.resize(7);
      if (grain != "month" && parts.hour) {
        value.append("T").append(two(*parts.hour));
        if (parts.minute) value.append(":").append(two(*parts.minute));
        if (parts.second) value.append(":").append(two(*parts.second));
      }
    }
    return value;
  }

  // A weekend (Friday 18:00 until Monday 00:00 of that week) or a part of
  // the day (내일 저녁: 18:00 until 24:00) is a span of hours.
  void add_span_of_day(const LocalTime& day, std::string& value, DateEntity& date) const {
    const long day_number = days_from_civil(day.year, day.month, day.day);
    if (weekend) {
      const long monday = day_number - weekday_of(day_number);
      const LocalTime friday = civil_from_days(monday + 4),
                      next_monday = civil_from_days(monday + 7);
      value = iso_day(friday.year, friday.month, friday.day).append("T18");
      date.until = iso_day(next_monday.year, next_monday.month, next_monday.day).append("T00");
    } else if (day_part) {
      value.append("T").append(two(day_part->first));
      const LocalTime last = civil_from_days(day_number + (day_part->second == 24 ? 1 : 0));
      date.until =
          iso_day(last.year, last.month, last.day).append("T").append(two(day_part->second % 24));
    }
  }

  // What the next date of the article may refer to: the month and year
  // named in this paragraph (17일, 10월), the last day (같은 날, 전날).
  void remember_day(const LocalTime& day, const std::string& grain) {
    if (grain != "year" && grain != "week")
      context.last_month = std::pair<int, int>{day.year, day.month};
    if (parts.year || parts.relative_year) context.last_year = day.year;
    if (grain == "day" || grain == "hour" || grain == "minute" || grain == "second") {
      LocalTime t;
      set_day(t, day);
      context.last_day = t;
      context.last_day_paragraph = paragraph;
    }
  }
};

}  // namespace

namespace {

// What one DateReader reads at `pos`; `time_only` says it named a time of
// day and no day (9am, 15:30), which a day written next to it completes.
std::optional<DateRead> read_one(std::string_view text, std::size_t pos, int paragraph,
                                 DateContext& context, const DateVocabulary& words,
                                 const Particles& particles, bool* time_only) {
  DateReader r(text, pos, paragraph, context, words, particles);
  r.read_numeric_form();
  r.read_english_counted_span();
  r.read_season();
  r.read_english_period_part();
  if (r.span) return r.resolve();
  r.read_english_relative();
  r.read_english_anchored();
  r.read_english_date();
  r.read_year_after_preposition();
  r.read_local_time_prefix();
  r.read_date_word();
  r.read_direction();
  r.read_korean_year();
  r.read_korean_month();
  r.read_korean_day();
  r.read_nth_of_month();
  r.read_quarter();
  r.local_suffix();
  r.read_weekday();
  r.local_suffix();
  r.read_english_clock();
  r.read_time_of_day();
  r.zone_suffix();
  r.local_suffix();
  r.read_day_part();
  r.read_english_day_part();
  if (auto duration = r.read_duration()) return duration;
  const Parts& parts = r.parts;
  if (time_only)
    *time_only = parts.hour && !parts.year && !parts.month && !parts.day && !parts.relative_day &&
                 !parts.relative_week && !parts.same_day && !parts.weekday && !r.day_part;
  return r.resolve();
}

// A day with no time and no span (2013-02-13): what a time can be joined to.
bool is_plain_day(const DateEntity& d) {
  return d.grain == "day" && !d.until && d.value && d.value->size() == 10;
}

bool is_plain_time(const DateEntity& d) {
  return (d.grain == "hour" || d.grain == "minute" || d.grain == "second") && !d.until && d.value &&
         d.value->size() > 10;
}

// Where a joined second part may start after `at`: past ", ", " at ", " @ "
// (a day, then its time) or " on " (a time, then its day), or one space.
std::size_t joined_part_start(std::string_view text, std::size_t at, bool time_first) {
  std::size_t q = at;
  if (q < text.size() && text[q] == ',') ++q;
  const std::size_t s = skip_spaces(text, q);
  if (s == q || s >= text.size() || s - q > 1) return std::string_view::npos;
  const std::string_view joiner = time_first ? "on" : "at";
  if (s + 3 <= text.size() && text.compare(s, 2, joiner) == 0 && text[s + 2] == ' ')
    return skip_spaces(text, s + 3);
  if (!time_first && text[s] == '@') return skip_spaces(text, s + 1);
  return s;
}

// A part of a day followed by its hour: tonight at 8, this afternoon at
// 3:20, tomorrow morning at 10am. The hour is in that part (8 tonight is
// 20:00). Gives the joined date or nothing.
std::optional<DateRead> join_day_part_and_hour(std::string_view text, std::size_t pos,
                                               int paragraph, const DateRead& first) {
  const DateEntity& d = *first.date;
  if (d.grain != "hour" || !d.until || d.value->size() != 13) return std::nullopt;
  std::size_t q = skip_spaces(text, first.end);
  if (q == first.end) return std::nullopt;
  if (text.compare(q, 3, "at ") == 0) {
    q = skip_spaces(text, q + 3);
  } else if (text.compare(q, 2, "@ ") == 0) {
    q = skip_spaces(text, q + 2);
  } else {
    return std::nullopt;
  }
  const auto n = read_english_number(text, q);
  if (!n || !n->value.is_integer() || n->value.to_double() < 1 || n->value.to_double() > 12)
    return std::nullopt;
  int hour = static_cast<int>(n->value.to_double());
  std::optional<int> minute;
  std::size_t e = n->end;
  if (e + 2 < text.size() && text[e] == ':' && is_ascii_digit(text[e + 1]) &&
      is_ascii_digit(text[e + 2])) {
    minute = (text[e + 1] - '0') * 10 + (text[e + 2] - '0');
    if (*minute > 59) return std::nullopt;
    e += 3;
  }
  const std::size_t a = skip_spaces(text, e);
  int meridiem = 0;
  if (a + 1 < text.size() && ((text[a] | 0x20) == 'a' || (text[a] | 0x20) == 'p') &&
      (text[a + 1] | 0x20) == 'm' && (a + 2 >= text.size() || !is_ascii_alpha(text[a + 2]))) {
    meridiem = (text[a] | 0x20) == 'p' ? 1 : -1;
    e = a + 2;
  } else if (e < text.size() && is_ascii_alpha(text[e])) {
    return std::nullopt;
  }
  const int part_start = (d.value->at(11) - '0') * 10 + (d.value->at(12) - '0');
  if (meridiem == 1 || (meridiem == 0 && part_start >= 12)) hour = hour % 12 + 12;
  if (meridiem == -1) hour %= 12;
  DateEntity joined = d;
  joined.until.reset();
  joined.value = d.value->substr(0, 11) + two(hour) + (minute ? ":" + two(*minute) : "");
  joined.grain = minute ? "minute" : "hour";
  joined.where = Mention{paragraph, pos, e, std::string(text.substr(pos, e - pos))};
  DateRead read;
  read.end = e;
  read.date = std::move(joined);
  return read;
}

}  // namespace

std::optional<DateRead> read_date(std::string_view text, std::size_t pos, int paragraph,
                                  DateContext& context, const DateVocabulary& words,
                                  const Particles& particles) {
  if (pos >= text.size()) return std::nullopt;
  if (context.paragraph != paragraph) {
    context.paragraph = paragraph;
    context.last_month.reset();
    context.last_year.reset();
  }
  bool time_only = false;
  auto first = read_one(text, pos, paragraph, context, words, particles, &time_only);
  if (!first || !first->date || !first->date->value) return first;
  // English writes a day and its time apart: tomorrow at 5pm, Friday, 3 pm,
  // at 9am on Saturday, 3pm tomorrow. The two are one date.
  if (auto with_hour = join_day_part_and_hour(text, pos, paragraph, *first)) return with_hour;
  const bool day_first = is_plain_day(*first->date);
  const bool time_first = time_only && is_plain_time(*first->date);
  if (!day_first && !time_first) return first;
  const std::size_t q = joined_part_start(text, first->end, time_first);
  if (q == std::string_view::npos || q >= text.size() ||
      static_cast<unsigned char>(text[q]) >= 0x80)
    return first;
  DateContext trial = context;
  bool second_time_only = false;
  const auto second = read_one(text, q, paragraph, trial, words, particles, &second_time_only);
  if (!second || !second->date || !second->date->value) return first;
  DateEntity joined = *second->date;
  if (day_first) {
    // The time alone resolved onto the day just read (the last day named).
    if (!second_time_only || !is_plain_time(joined) ||
        joined.value->compare(0, 10, *first->date->value) != 0)
      return first;
  } else {
    if (!is_plain_day(joined)) return first;
    joined.value = *joined.value + first->date->value->substr(10);
    joined.grain = first->date->grain;
    // The day's context, with the time's day replaced by it.
  }
  joined.local_time = joined.local_time || first->date->local_time;
  joined.where =
      Mention{paragraph, pos, second->end, std::string(text.substr(pos, second->end - pos))};
  context = std::move(trial);
  DateRead read;
  read.end = second->end;
  read.date = std::move(joined);
  return read;
}

}  // namespace news
