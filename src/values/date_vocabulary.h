// values/date_vocabulary.h — the words the date reader knows, as data.
//
// Takes data/date-vocabulary.txt (weekdays, English months, ordinals,
// directions, parts of the day, units of a duration and the syllables that
// tell them from other words, seasons, English tense cues, counted-span
// units, time zones and prepositions before a month, the words of a part
// of a period (the end of, early, EOY), the local-time
// suffixes and the words after a count; its header comment explains every
// list) and the relative date words of data/date-words.txt; gives them as
// the lists the readers of values/dates.cpp walk, checked and ordered once
// at load time: no reader parses a field or sorts a list per call.
//   오후 3시 → half-of-day 오후 = 1 → 15:00
//   5주년    → unit-stop of 주 has 년 → no duration of five weeks
// A malformed line (an unknown kind, a weekday 8, a missing month) is a
// LexiconError that names the file and the line.
//
// Thread-safety: immutable once loaded; share it freely.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/lexicon.h"

namespace news {

// A word and the number its list gives it (an ordinal, a direction, the
// half of the day).
struct NumberedWord {
  std::string word;
  int number = 0;
};

// 저녁: 18:00 until 24:00.
struct DayPartWord {
  std::string word;
  int from_hour = 0, until_hour = 0;
};

// 개월: month. `stops` are the syllables that, right after the unit, make
// it the start of another word (주 → 년: 5주년).
struct DurationUnitWord {
  std::string word;
  std::string unit;  // year, month, week, day, hour, minute, second, century, night
  std::u32string stops;
};

// 3일간, 10년 만에: a word after a count that makes it a span. `stops`:
// syllables that, right after it, make it another word (내 → 란: 3일 내란).
struct DurationMarkerWord {
  std::string word;
  std::u32string stops;
};

// 여름: starts on 06-21.
struct SeasonWord {
  std::string word;
  int month = 0, day = 0;
};

// 작년 (겨울): which season; see data/date-vocabulary.txt.
struct SeasonRelationWord {
  std::string word;
  int which = 0;        // 0 this, -1 last, 1 next, 2 the one `year_offset` years away
  int year_offset = 0;  // with which = 2
};

// days: an English unit of a counted span (in two weeks, three days ago)
// as days, months or minutes; read once from `2 week` (a fortnight).
struct EnglishSpanUnit {
  std::string word;
  int days = 0, months = 0, minutes = 0;
};

// GMT: a time zone after an English clock (15:00 GMT). `local`: the time
// is that zone's wall clock, not the publication's (KST is not local).
struct TimeZoneWord {
  std::string word;
  bool local = true;
};

// (현지시간) after a date; `spaced`: also after one space (17일 (현지시간)).
struct LocalTimeSuffix {
  std::string word;
  bool spaced = false;
};

// 전 after a count (3일 전): `sign` -1 before, 1 after. `particles`: when
// not empty, the only syllables that may follow the word in its word
// (3일 전에, 3일 전부터; 3일 전쟁 is no date).
struct CountRelationWord {
  std::string word;
  int sign = 0;
  std::vector<std::string> particles;
};

// the end of, early, mid-: a word that names a part of the period after
// it (the end of the month, early March), `part` 0 the beginning, 1 the
// middle, 2 the end. `needs_of`: only before "of" (the end of);
// `takes_hyphen`: also written onto the period with a hyphen (mid-March).
struct PeriodPartWord {
  std::string word;
  int part = 0;
  bool needs_of = false, takes_hyphen = false;
};

// EOY: a part of this month or year in one upper-case word.
struct PeriodAcronym {
  std::string word;
  int part = 0;          // as PeriodPartWord
  bool of_year = false;  // else of the month
};

struct DateVocabulary {
  // data/date-words.txt (오늘, 지난해, holidays) and which Hangul syllables
  // begin one of its words: at most positions of an article none does,
  // and the list is not searched.
  Lexicon date_words;
  std::vector<bool> date_word_first_syllables;

  std::array<std::string, 7> korean_weekdays, english_weekdays;     // 0 = Monday
  std::array<std::string, 7> weekday_shorts;                        // 월 … 일: 17일(금)
  std::array<std::string, 12> english_months;                       // january …
  std::vector<NumberedWord> korean_ordinals, english_ordinals;      // 첫째 1, last -1
  std::vector<NumberedWord> korean_directions, english_directions;  // 지난 -1, this 2
  std::vector<NumberedWord> halves_of_day;                          // 오전 -1, 오후 1
  std::vector<DayPartWord> korean_day_parts, english_day_parts;
  std::vector<std::string> day_ends;   // 쯤, 말, 엔: written onto a date word
  std::vector<std::string> copulas;    // 이다, 였다, 인: 오늘까지입니다, 주말인
  std::vector<std::string> not_dates;  // 그제야 (only then): no 그제 + 야
  std::vector<DurationUnitWord> duration_units;
  std::u32string hour_stops, minute_stops;  // after 시 / 분 of a clock: 3시간, 10분기
  std::vector<DurationMarkerWord> duration_markers;  // 간, 동안, 을 거슬러
  std::vector<SeasonWord> seasons;
  std::vector<SeasonRelationWord> season_relations;
  std::vector<NumberedWord> english_tense_cues;      // will 1, said -1
  std::vector<EnglishSpanUnit> english_span_units;   // days, fortnight
  std::vector<TimeZoneWord> time_zones;              // GMT, KST
  std::vector<std::string> month_prepositions;       // "in ", "since ": with their space
  std::vector<LocalTimeSuffix> local_time_suffixes;  // (현지시간)
  std::vector<CountRelationWord> count_relations;    // 전 -1, 후 1
  std::vector<PeriodPartWord> period_parts;          // the end of, early, mid-
  std::vector<PeriodAcronym> period_acronyms;        // EOM, BOY

  // Reads `path` (data/date-vocabulary.txt) beside `date_words`. Throws
  // LexiconError naming the file and line of a bad entry.
  static DateVocabulary load(const std::filesystem::path& path, Lexicon date_words);
  // Parses `text` as if it were the file `name` (tests).
  static DateVocabulary parse(std::string_view text, const std::string& name, Lexicon date_words);

  // Whether Hangul syllable `c` begins some date word.
  bool may_begin_date_word(char32_t c) const {
    return c >= 0xAC00 && c <= 0xD7A3 && date_word_first_syllables[c - 0xAC00];
  }
};

}  // namespace news
