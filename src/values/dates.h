// values/dates.h — dates, times and durations, resolved against the
// publication time.
//
// Takes paragraph text, a byte offset, the article's DateContext and the
// date vocabulary (values/date_vocabulary.h: data/date-vocabulary.txt and
// data/date-words.txt, Resources::date_vocabulary); gives a date (ISO 8601
// at its grain) or a duration (ISO 8601 duration) that starts exactly at
// that offset. The particles (data/particles.txt, Resources::particles) say
// where a date word may end (어제는, 내일까지).
//
// Inside (dates.cpp), one DateReader per call runs a reader per form in
// reading order (numeric dates, English spans and seasons, English dates,
// date words, 지난/다음, year, month, day, nth weekday of a month, quarter,
// weekday, clock, time of day, part of the day, duration), each moving past
// what it read; then resolve() anchors what was read (publication time,
// the day or month last spoken of, the clause's tense) and writes it at its
// grain.
//   absolute   2023.11.18 · 2023-11-18 · 2023년 11월 18일 · 2021년 10월 ·
//              2019년 · 11월 18일 · 19:32 · 오후 3시 30분 · 금요일
//   relative   오늘 어제 그제 내일 올해 지난해 작년 내년 이달 지난달 다음 달
//              이번 주 지난주 같은 날 · 올해 10월 · 지난 17일 · 3일 전
//   bare day   17일 = the 17th of the publication month, or of the month
//              before when that would be more than kBareDayFutureDays in the
//              future; a month named earlier in the paragraph wins
//              (7월 13일 - 15일)
//   local      17일(현지시간) → local_time
//   durations  3년 · 30분 (전) · 2시간 · 6개월 · 1.5시간 · 두 달 → P3Y PT30M …
// Without a publication time, a date that needs one keeps value = nullopt
// and `unresolved` says why. Four-digit years (1000–2999) are dates; a
// shorter number before 년 is a duration (12년 만에: twelve years).
//
// Thread-safety: pure functions; DateContext is per article, owned by the
// caller (it remembers the last day spoken of, for 같은 날).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"
#include "text/tokenize.h"
#include "values/date_vocabulary.h"

namespace news {

// A bare day (17일) more than this many days after the publication day is
// read as a day of the previous month (published 12-02, "29일" → 11-29).
inline constexpr int kBareDayFutureDays = 7;

// A wall-clock time without zone: what the article means by "now".
struct LocalTime {
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

// Reads an ISO 8601 time stamp (2023-11-18T19:32:00+09:00, 2023-11-18) as
// the local wall-clock time it names; the offset is dropped.
std::optional<LocalTime> parse_local_time(std::string_view iso);

// What the article has told us so far.
struct DateContext {
  std::optional<LocalTime> published;
  std::optional<LocalTime> last_day;              // the last day-grain date resolved
  int last_day_paragraph = -1;                    // where it was
  int paragraph = -1;                             // where `last_month` was seen
  std::optional<std::pair<int, int>> last_month;  // year, month named in this paragraph
  std::optional<int> last_year;                   // year named in this paragraph
};

struct DateRead {
  std::size_t end = 0;  // byte offset just past the expression
  std::optional<DateEntity> date;
  std::optional<DurationEntity> duration;
};

// Reads a date, time or duration starting exactly at `pos` of `text`
// (paragraph `paragraph`). Updates `context` when a date is read.
std::optional<DateRead> read_date(std::string_view text, std::size_t pos, int paragraph,
                                  DateContext& context, const DateVocabulary& words,
                                  const Particles& particles);

// An ISO 8601 duration for `amount` of `unit` (year, month, week, day, hour,
// minute, second): 3 year → P3Y, 1.5 hour → PT1.5H.
std::string iso_duration(const std::string& amount, std::string_view unit);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
long days_from_civil(int year, int month, int day);
LocalTime civil_from_days(long days);
int days_in_month(int year, int month);

}  // namespace news
