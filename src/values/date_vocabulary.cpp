#include "values/date_vocabulary.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <system_error>

#include "base/text.h"
#include "values/numbers.h"

namespace news {
namespace {

constexpr char32_t kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;

// Reads one entry of the file, with the file's name and the entry's line
// for every error.
struct EntryReader {
  const std::string& name;
  const LexiconEntry& entry;

  [[noreturn]] void fail(const std::string& why) const {
    throw LexiconError(name + ":" + std::to_string(entry.line) + ": " + entry.key + ": " + why);
  }
  void expect_fields(std::size_t count) const {
    if (entry.fields.size() != count + 1)
      fail(entry.fields[0] + " takes " + std::to_string(count) + " field" +
           (count == 1 ? "" : "s") + " after the kind, found " +
           std::to_string(entry.fields.size() - 1));
  }
  int number(std::size_t field, int low, int high) const {
    const std::string& s = entry.fields[field];
    int value = 0;
    const char* first = s.data() + (!s.empty() && s[0] == '+');
    const auto r = std::from_chars(first, s.data() + s.size(), value);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || value < low || value > high)
      fail("expected a number from " + std::to_string(low) + " to " + std::to_string(high) +
           ", found \"" + s + "\"");
    return value;
  }
  // The Hangul syllables of a field, each one syllable (unit-stop, hour-stop).
  std::u32string syllables(std::size_t field) const {
    std::u32string out;
    const std::string& s = entry.fields[field];
    for (std::size_t at = 0; at < s.size();) {
      const auto [c, length] = code_point_at(s, at);
      if (!is_hangul_syllable(c)) fail("expected Hangul syllables, found \"" + s + "\"");
      out.push_back(c);
      at += length;
    }
    if (out.empty()) fail("expected Hangul syllables");
    return out;
  }
  bool english() const { return is_ascii_alnum(entry.key[0]); }
};

// A list the readers walk: the longer of two words first, so that a word
// is never hidden by its own beginning (지난해 before 지난, 주일 before 주)
// whatever order the file lists them in.
template <typename Word>
void longest_first(std::vector<Word>& words) {
  std::stable_sort(words.begin(), words.end(),
                   [](const Word& a, const Word& b) { return a.word.size() > b.word.size(); });
}

// Every slot of a fixed list (7 weekdays, 12 months) filled exactly once.
template <std::size_t N>
void set_once(std::array<std::string, N>& list, int index, const EntryReader& in,
              const char* what) {
  if (!list[index].empty())
    in.fail(std::string("a second ") + what + " for " + std::to_string(index) +
            " (first: " + list[index] + ")");
  list[index] = in.entry.key;
}

template <std::size_t N>
void check_filled(const std::array<std::string, N>& list, const std::string& name, const char* what,
                  int first) {
  for (std::size_t i = 0; i < N; ++i)
    if (list[i].empty())
      throw LexiconError(name + ": no " + what + " " + std::to_string(first + static_cast<int>(i)));
}

// The words of days and parts of days: weekday, weekday-short, month,
// ordinal, direction, half-of-day, day-part, day-end, copula, not-date.
// False for another kind.
bool read_day_entry(DateVocabulary& v, const EntryReader& in) {
  const std::string& kind = in.entry.fields[0];
  const std::string& word = in.entry.key;
  if (kind == "weekday") {
    in.expect_fields(1);
    const int day = in.number(1, 0, 6);
    set_once(in.english() ? v.english_weekdays : v.korean_weekdays, day, in,
             in.english() ? "English weekday" : "Korean weekday");
  } else if (kind == "weekday-short") {
    in.expect_fields(1);
    set_once(v.weekday_shorts, in.number(1, 0, 6), in, "short weekday");
  } else if (kind == "month") {
    in.expect_fields(1);
    if (!in.english()) in.fail("months are the English names (Korean writes 11월)");
    std::string lower = word;
    for (char& c : lower) c = static_cast<char>(c | 0x20);
    if (lower != word) in.fail("write the month in lower case");
    set_once(v.english_months, in.number(1, 1, 12) - 1, in, "month");
  } else if (kind == "ordinal" || kind == "direction" || kind == "half-of-day") {
    in.expect_fields(1);
    const NumberedWord numbered{word, kind == "ordinal"     ? in.number(1, -1, 5)
                                      : kind == "direction" ? in.number(1, -1, 2)
                                                            : in.number(1, -1, 1)};
    if (numbered.number == 0) in.fail(kind + " 0 means nothing");
    if (kind == "ordinal")
      (in.english() ? v.english_ordinals : v.korean_ordinals).push_back(numbered);
    else if (kind == "direction")
      (in.english() ? v.english_directions : v.korean_directions).push_back(numbered);
    else
      v.halves_of_day.push_back(numbered);
  } else if (kind == "day-part") {
    in.expect_fields(2);
    const DayPartWord part{word, in.number(1, 0, 23), in.number(2, 1, 24)};
    if (part.until_hour <= part.from_hour) in.fail("the part of the day ends before it starts");
    (in.english() ? v.english_day_parts : v.korean_day_parts).push_back(part);
  } else if (kind == "day-end" || kind == "copula" || kind == "not-date") {
    in.expect_fields(0);
    (kind == "day-end" ? v.day_ends : kind == "copula" ? v.copulas : v.not_dates).push_back(word);
  } else {
    return false;
  }
  return true;
}

// The words of durations and seasons: duration-unit, unit-stop, hour-stop,
// duration-marker, marker-stop, season, season-relation. False for another
// kind.
bool read_span_entry(DateVocabulary& v, const EntryReader& in) {
  const std::string& kind = in.entry.fields[0];
  const std::string& word = in.entry.key;
  if (kind == "duration-unit") {
    in.expect_fields(1);
    const std::string& unit = in.entry.fields[1];
    static constexpr std::array<std::string_view, 9> kUnits{
        "year", "month", "week", "day", "hour", "minute", "second", "century", "night"};
    if (std::find(kUnits.begin(), kUnits.end(), unit) == kUnits.end())
      in.fail("unknown unit \"" + unit + "\"");
    v.duration_units.push_back(DurationUnitWord{word, unit, {}});
  } else if (kind == "unit-stop") {
    in.expect_fields(1);
    bool found = false;
    for (DurationUnitWord& u : v.duration_units) {
      if (u.word != word) continue;
      u.stops += in.syllables(1);
      found = true;
    }
    if (!found) in.fail("unit-stop for a word that is no duration-unit above it");
  } else if (kind == "hour-stop") {
    in.expect_fields(1);
    if (word != "시" && word != "분") in.fail("hour-stop is for 시 and 분");
    (word == "시" ? v.hour_stops : v.minute_stops) += in.syllables(1);
  } else if (kind == "duration-marker") {
    in.expect_fields(0);
    v.duration_markers.push_back(DurationMarkerWord{word, {}});
  } else if (kind == "marker-stop") {
    in.expect_fields(1);
    bool found = false;
    for (DurationMarkerWord& m : v.duration_markers) {
      if (m.word != word) continue;
      m.stops += in.syllables(1);
      found = true;
    }
    if (!found) in.fail("marker-stop for a word that is no duration-marker above it");
  } else if (kind == "season") {
    in.expect_fields(1);
    const std::string& date = in.entry.fields[1];
    int month = 0, day = 0;
    if (date.size() != 5 || date[2] != '-' ||
        std::from_chars(date.data(), date.data() + 2, month).ptr != date.data() + 2 ||
        std::from_chars(date.data() + 3, date.data() + 5, day).ptr != date.data() + 5 ||
        month < 1 || month > 12 || month % 3 != 0 || day < 1 || day > 31)
      in.fail(
          "expected the start of a season as MM-DD in March, June, September or "
          "December, found \"" +
          date + "\"");
    v.seasons.push_back(SeasonWord{word, month, day});
  } else if (kind == "season-relation") {
    in.expect_fields(2);
    v.season_relations.push_back(
        SeasonRelationWord{word, in.number(1, -1, 2), in.number(2, -100, 100)});
  } else {
    return false;
  }
  return true;
}

// An English word in lower case, letters and apostrophes (won't).
void expect_lower_english(const EntryReader& in) {
  for (char c : in.entry.key)
    if (!((c >= 'a' && c <= 'z') || c == '\'')) in.fail("expected an English word in lower case");
}

// The English words of spans and clocks: english-tense, english-unit,
// time-zone, month-preposition. False for another kind.
bool read_english_entry(DateVocabulary& v, const EntryReader& in) {
  const std::string& kind = in.entry.fields[0];
  const std::string& word = in.entry.key;
  if (kind == "english-tense") {
    in.expect_fields(1);
    expect_lower_english(in);
    const int tense = in.number(1, -1, 1);
    if (tense == 0) in.fail("english-tense 0 means nothing");
    v.english_tense_cues.push_back(NumberedWord{word, tense});
  } else if (kind == "english-unit") {
    in.expect_fields(2);
    expect_lower_english(in);
    const int count = in.number(1, 1, 1000);
    const std::string& unit = in.entry.fields[2];
    EnglishSpanUnit u{word, 0, 0, 0};
    if (unit == "day" || unit == "week")
      u.days = count * (unit == "week" ? 7 : 1);
    else if (unit == "month" || unit == "year")
      u.months = count * (unit == "year" ? 12 : 1);
    else if (unit == "hour" || unit == "minute")
      u.minutes = count * (unit == "hour" ? 60 : 1);
    else
      in.fail("expected day, week, month, year, hour or minute, found \"" + unit + "\"");
    v.english_span_units.push_back(u);
  } else if (kind == "time-zone") {
    in.expect_fields(1);
    for (char c : word)
      if (c < 'A' || c > 'Z') in.fail("write the time zone in capitals");
    const std::string& clock = in.entry.fields[1];
    if (clock != "local" && clock != "publication")
      in.fail("expected local or publication, found \"" + clock + "\"");
    v.time_zones.push_back(TimeZoneWord{word, clock == "local"});
  } else if (kind == "month-preposition") {
    in.expect_fields(0);
    expect_lower_english(in);
    v.month_prepositions.push_back(word + " ");
  } else {
    return false;
  }
  return true;
}

// The part of a period a word names: beginning 0, middle 1, end 2.
int period_part(const EntryReader& in) {
  const std::string& part = in.entry.fields[1];
  if (part == "beginning") return 0;
  if (part == "middle") return 1;
  if (part == "end") return 2;
  in.fail("expected beginning, middle or end, found \"" + part + "\"");
}

// The English words of a part of a period: period-part, period-acronym.
// False for another kind.
bool read_period_entry(DateVocabulary& v, const EntryReader& in) {
  const std::string& kind = in.entry.fields[0];
  const std::string& word = in.entry.key;
  if (kind == "period-part") {
    if (in.entry.fields.size() != 3) in.expect_fields(2);
    expect_lower_english(in);
    const std::string& how = in.entry.fields[2];
    if (how != "of" && how != "hyphen" && how != "alone")
      in.fail("expected of, hyphen or alone, found \"" + how + "\"");
    v.period_parts.push_back(PeriodPartWord{word, period_part(in), how == "of", how == "hyphen"});
  } else if (kind == "period-acronym") {
    in.expect_fields(2);
    for (char c : word)
      if (c < 'A' || c > 'Z') in.fail("write the acronym in capitals");
    const std::string& of = in.entry.fields[2];
    if (of != "month" && of != "year") in.fail("expected month or year, found \"" + of + "\"");
    v.period_acronyms.push_back(PeriodAcronym{word, period_part(in), of == "year"});
  } else {
    return false;
  }
  return true;
}

// The Korean words around a count or a date: local-time-suffix,
// count-relation. False for another kind.
bool read_count_entry(DateVocabulary& v, const EntryReader& in) {
  const std::string& kind = in.entry.fields[0];
  const std::string& word = in.entry.key;
  if (kind == "local-time-suffix") {
    if (in.entry.fields.size() > 2) in.expect_fields(1);
    const bool spaced = in.entry.fields.size() == 2;
    if (spaced && in.entry.fields[1] != "spaced")
      in.fail("expected spaced or nothing, found \"" + in.entry.fields[1] + "\"");
    v.local_time_suffixes.push_back(LocalTimeSuffix{word, spaced});
  } else if (kind == "count-relation") {
    if (in.entry.fields.size() > 3) in.expect_fields(2);
    const int sign = in.number(1, -1, 1);
    if (sign == 0) in.fail("count-relation 0 means nothing");
    CountRelationWord relation{word, sign, {}};
    if (in.entry.fields.size() == 3) {
      std::istringstream particles(in.entry.fields[2]);
      for (std::string particle; particles >> particle;) {
        if (!is_hangul_syllable(code_point_at(particle, 0).first))
          in.fail("expected Korean particles, found \"" + particle + "\"");
        relation.particles.push_back(particle);
      }
    }
    v.count_relations.push_back(relation);
  } else {
    return false;
  }
  return true;
}

void read_entry(DateVocabulary& v, const EntryReader& in) {
  if (!read_day_entry(v, in) && !read_span_entry(v, in) && !read_english_entry(v, in) &&
      !read_period_entry(v, in) && !read_count_entry(v, in))
    in.fail("unknown kind \"" + in.entry.fields[0] + "\"");
}

}  // namespace

DateVocabulary DateVocabulary::load(const std::filesystem::path& path, Lexicon date_words) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LexiconError(path.string() + ": cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path.string(), std::move(date_words));
}

DateVocabulary DateVocabulary::parse(std::string_view text, const std::string& name,
                                     Lexicon date_words) {
  DateVocabulary v;
  const Lexicon lexicon = Lexicon::parse(text, name, 1, 3);
  for (const LexiconEntry& entry : lexicon.entries()) read_entry(v, EntryReader{name, entry});
  check_filled(v.korean_weekdays, name, "Korean weekday", 0);
  check_filled(v.english_weekdays, name, "English weekday", 0);
  check_filled(v.weekday_shorts, name, "short weekday", 0);
  check_filled(v.english_months, name, "month", 1);
  for (auto* list : {&v.korean_ordinals, &v.english_ordinals, &v.korean_directions,
                     &v.english_directions, &v.halves_of_day})
    longest_first(*list);
  longest_first(v.korean_day_parts);
  longest_first(v.english_day_parts);
  longest_first(v.duration_units);
  longest_first(v.seasons);
  longest_first(v.season_relations);
  longest_first(v.duration_markers);
  longest_first(v.count_relations);

  v.date_words = std::move(date_words);
  v.date_word_first_syllables.assign(kLastSyllable - kFirstSyllable + 1, false);
  for (const LexiconEntry& e : v.date_words.entries()) {
    const char32_t c = code_point_at(e.key, 0).first;
    if (is_hangul_syllable(c)) v.date_word_first_syllables[c - kFirstSyllable] = true;
  }
  return v;
}

}  // namespace news
