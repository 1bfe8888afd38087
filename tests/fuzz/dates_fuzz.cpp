// libFuzzer target: the date, time and duration reader (news/dates.h) on
// arbitrary bytes, with and without a publication time. Each line of the
// input is a paragraph; one DateContext runs through them all, as in
// values.cpp, and read_date is asked at every code point start. Besides
// "no crash, no sanitizer report", a broken promise traps:
//   * a read ends after where it started, inside the text, on a code point
//     boundary (for valid UTF-8, all the pipeline passes); it gives a date or
//     a duration, not both; the mention's text is the text it spans;
//   * a date has a known grain and either a value or an `unresolved` reason
//     (never both; with a publication time, always a value); the value is
//     ISO 8601 at its grain with a real calendar day (YYYY-MM-DD, month 1‥12,
//     day within the month), hours 0‥23, minutes and seconds 0‥59, ISO week
//     01‥53, quarter 1‥4; `until` is such a time and after the value;
//   * a duration is P[T]<non-negative decimal><unit>;
//   * the context is left with real dates, and reading the same place with
//     a copy of the context gives the same answer and the same context;
//   * parse_local_time gives a real date and time; days_from_civil and
//     civil_from_days invert each other.
// The inputs of tests/fuzz/corpus/dates/ cover every form the reader knows.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "values/dates.h"
#include "values/numbers.h"
#include "fuzz_support.h"

namespace {

using news::DateContext;
using news::DateRead;
using news::LocalTime;

using fuzz_support::asked_pos;
using fuzz_support::asked_text;
using fuzz_support::on_boundary;
using fuzz_support::resources;
using fuzz_support::valid_utf8;

// Reads `digits` decimal digits at `pos` of `s`; -1 if they are not there.
int digits_at(std::string_view s, std::size_t pos, std::size_t digits) {
  if (pos + digits > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + digits; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool valid_day(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= news::days_in_month(y, m);
}

// YYYY-MM-DD[THH[:MM[:SS]]] with real values; `parts` 1 = day only, 2 = hour,
// 3 = minute, 4 = second.
bool valid_time_stamp(std::string_view s, int parts) {
  static constexpr std::size_t kLengths[] = {0, 10, 13, 16, 19};
  if (parts < 1 || parts > 4 || s.size() != kLengths[parts]) return false;
  if (s[4] != '-' || s[7] != '-') return false;
  if (!valid_day(digits_at(s, 0, 4), digits_at(s, 5, 2), digits_at(s, 8, 2))) return false;
  if (parts >= 2 && (s[10] != 'T' || digits_at(s, 11, 2) < 0 || digits_at(s, 11, 2) > 23))
    return false;
  if (parts >= 3 && (s[13] != ':' || digits_at(s, 14, 2) < 0 || digits_at(s, 14, 2) > 59))
    return false;
  if (parts >= 4 && (s[16] != ':' || digits_at(s, 17, 2) < 0 || digits_at(s, 17, 2) > 59))
    return false;
  return true;
}

bool valid_value(std::string_view value, std::string_view grain) {
  if (grain == "year") return value.size() == 4 && digits_at(value, 0, 4) >= 1;
  if (grain == "month")
    return value.size() == 7 && value[4] == '-' && digits_at(value, 0, 4) >= 1 &&
           digits_at(value, 5, 2) >= 1 && digits_at(value, 5, 2) <= 12;
  if (grain == "quarter")
    return value.size() == 7 && digits_at(value, 0, 4) >= 1 && value.substr(4, 2) == "-Q" &&
           digits_at(value, 6, 1) >= 1 && digits_at(value, 6, 1) <= 4;
  if (grain == "week")
    return value.size() == 8 && digits_at(value, 0, 4) >= 1 && value.substr(4, 2) == "-W" &&
           digits_at(value, 6, 2) >= 1 && digits_at(value, 6, 2) <= 53;
  if (grain == "day") return valid_time_stamp(value, 1);
  // An hour-grain value names an hour, except a part of a day (내일 저녁) and a
  // weekend, which also say where they start: both are YYYY-MM-DDTHH.
  if (grain == "hour") return valid_time_stamp(value, 2);
  if (grain == "minute") return valid_time_stamp(value, 3);
  if (grain == "second") return valid_time_stamp(value, 4);
  return false;
}

// P3Y, PT1.5H, P0D: a non-negative exact decimal between the designators.
bool valid_duration(std::string_view value) {
  if (value.size() < 3 || value[0] != 'P') return false;
  std::size_t i = 1;
  const bool time = value[i] == 'T';
  if (time) ++i;
  const char unit = value.back();
  const std::string_view amount = value.substr(i, value.size() - 1 - i);
  if (time ? (unit != 'H' && unit != 'M' && unit != 'S')
           : (unit != 'Y' && unit != 'M' && unit != 'W' && unit != 'D'))
    return false;
  if (amount.empty() || amount.front() == '.' || amount.back() == '.') return false;
  bool point = false;
  for (const char c : amount) {
    if (c == '.') {
      if (point) return false;
      point = true;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

bool same(const std::optional<LocalTime>& a, const std::optional<LocalTime>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->year == b->year && a->month == b->month && a->day == b->day &&
                a->hour == b->hour && a->minute == b->minute && a->second == b->second);
}

bool same(const DateContext& a, const DateContext& b) {
  return same(a.published, b.published) && same(a.last_day, b.last_day) &&
         a.last_day_paragraph == b.last_day_paragraph && a.paragraph == b.paragraph &&
         a.last_month == b.last_month && a.last_year == b.last_year;
}

bool same(const news::Mention& a, const news::Mention& b) {
  return a.paragraph == b.paragraph && a.start == b.start && a.end == b.end && a.text == b.text;
}

bool same(const std::optional<DateRead>& a, const std::optional<DateRead>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  if (a->end != b->end || a->date.has_value() != b->date.has_value() ||
      a->duration.has_value() != b->duration.has_value())
    return false;
  if (a->date) {
    const auto &x = *a->date, &y = *b->date;
    if (!same(x.where, y.where) || x.value != y.value || x.grain != y.grain ||
        x.unresolved != y.unresolved || x.local_time != y.local_time || x.until != y.until)
      return false;
  }
  if (a->duration) {
    if (!same(a->duration->where, b->duration->where) || a->duration->value != b->duration->value)
      return false;
  }
  return true;
}

void check_context(const DateContext& context) {
  if (context.last_day)
    check(valid_day(context.last_day->year, context.last_day->month, context.last_day->day));
  if (context.last_month)
    check(context.last_month->first >= 1 && context.last_month->first <= 9999 &&
          context.last_month->second >= 1 && context.last_month->second <= 12);
  if (context.last_year) check(*context.last_year >= 1 && *context.last_year <= 9999);
}

void check_read(std::string_view text, std::size_t pos, int paragraph, const DateRead& read,
                bool published, bool utf8) {
  check(read.end > pos && read.end <= text.size());
  if (utf8) check(on_boundary(text, read.end));
  check(read.date.has_value() != read.duration.has_value());
  if (read.date) {
    const news::DateEntity& date = *read.date;
    check(date.where.paragraph == paragraph && date.where.start == pos &&
          date.where.end == read.end && date.where.text == text.substr(pos, read.end - pos));
    check(date.value.has_value() != date.unresolved.has_value());
    if (published) check(date.value.has_value());
    if (date.value) check(valid_value(*date.value, date.grain));
    if (date.until) {
      check(date.value && valid_time_stamp(*date.until, 2) && *date.until > *date.value);
    }
  }
  if (read.duration) {
    const news::DurationEntity& duration = *read.duration;
    check(duration.where.paragraph == paragraph && duration.where.start >= pos &&
          duration.where.end == read.end &&
          duration.where.text ==
              text.substr(duration.where.start, duration.where.end - duration.where.start));
    if (utf8) check(on_boundary(text, duration.where.start));
    check(valid_duration(duration.value));
  }
}

// One pass over the text as extract_values makes it: lines are paragraphs,
// one context for the article; read_date is asked at every code point
// (but the first few of a run of digits).
void read_article(std::string_view text, const std::optional<LocalTime>& published, bool utf8) {
  const auto& date_words = resources().date_vocabulary;
  const auto& particles = resources().particles;
  DateContext context;
  context.published = published;
  int paragraph = 0;
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    std::size_t pos = 0, digits_before = 0;
    while (pos <= line.size()) {  // the end of the line too: nothing to read there
      // Deep inside a run of digits only every position is skipped: a read
      // scans the run to its end, and values.cpp starts only at its start.
      const bool digit = pos < line.size() && line[pos] >= '0' && line[pos] <= '9';
      digits_before = digit ? digits_before + 1 : 0;
      if (digits_before > 8) {
        ++pos;
        continue;
      }
      asked_text = line;
      asked_pos = pos;
      DateContext copy = context;
      const auto read = news::read_date(line, pos, paragraph, context, date_words, particles);
      const auto again = news::read_date(line, pos, paragraph, copy, date_words, particles);
      check(same(read, again) && same(context, copy));
      if (read) check_read(line, pos, paragraph, *read, published.has_value(), utf8);
      check_context(context);
      pos += std::max<std::size_t>(1, news::code_point_at(line, pos).second);
    }
    ++paragraph;
    line_start = line_end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Every code point of the text is asked (three times over): past 4 KiB,
  // more text would only slow the search down. A date is a few words long.
  const std::string_view text(reinterpret_cast<const char*>(data),
                              std::min<std::size_t>(size, 4096));
  const bool utf8 = valid_utf8(text);

  // The publication time, as --published would give it.
  if (const auto t = news::parse_local_time(text)) {
    check(t->year >= 0 && t->year <= 9999 &&
          valid_day(t->year == 0 ? 2000 : t->year, t->month, t->day));
    check(t->hour >= 0 && t->hour <= 23 && t->minute >= 0 && t->minute <= 59 && t->second >= 0 &&
          t->second <= 59);
  }

  // A publication day chosen by the first bytes: 1890‥2109, so that month,
  // year and leap-day edges all come up.
  LocalTime chosen;
  {
    unsigned seed = 0;
    for (std::size_t i = 0; i < text.size() && i < 3; ++i) seed = seed * 256 + data[i];
    const long day = news::days_from_civil(2000, 1, 1) + static_cast<long>(seed % 80000) - 40000;
    chosen = news::civil_from_days(day);
    check(valid_day(chosen.year, chosen.month, chosen.day));
    check(news::days_from_civil(chosen.year, chosen.month, chosen.day) == day);
    chosen.hour = static_cast<int>(seed % 24);
  }
  LocalTime fixed;
  fixed.year = 2023, fixed.month = 11, fixed.day = 18, fixed.hour = 19, fixed.minute = 32;

  read_article(text, std::nullopt, utf8);
  read_article(text, fixed, utf8);
  read_article(text, chosen, utf8);
  return 0;
}
