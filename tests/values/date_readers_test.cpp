// One table of cases per reader of values/dates.cpp: the text, where the
// expression starts (`from`, the first occurrence; the start when empty),
// the publication time, and what read_date() gives there, written as
//   value [text read]                  a date
//   value..until [text read]           a span
//   unresolved [text read]             a date that needs the publication time
//   duration P3Y [text read]           a duration
//   none                               nothing starts there
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "testing.h"
#include "values/dates.h"
#include "values_test_support.h"

namespace news {
namespace {

// Saturday 18 November 2023, 19:32 in Seoul.
constexpr const char* kSaturday = "2023-11-18T19:32:00+09:00";

struct Case {
  const char* text;
  const char* expected;
  const char* from = "";
  const char* published = kSaturday;
};

std::string read_at(const Case& c) {
  const std::string_view text = c.text;
  DateContext context;
  if (c.published) context.published = parse_local_time(c.published);
  const std::size_t pos = *c.from ? text.find(c.from) : 0;
  const auto read = read_date(text, pos, 0, context, testing::resources().date_vocabulary,
                              testing::resources().particles);
  if (!read) return "none";
  std::string out;
  if (read->date) {
    const DateEntity& d = *read->date;
    out = d.value ? *d.value : "unresolved";
    if (d.until) out += ".." + *d.until;
    out += " [" + d.where.text + "]";
  }
  if (read->duration) {
    if (!out.empty()) out += "; ";
    out += "duration " + read->duration->value + " [" + read->duration->where.text + "]";
  }
  return out;
}

void expect_reads(std::initializer_list<Case> cases) {
  for (const Case& c : cases) EXPECT_EQ(read_at(c), c.expected) << c.text;
}

TEST(DateReadersTest, NumericForm) {
  expect_reads({
      {"2023.11.18. 기준", "2023-11-18 [2023.11.18.]"},
      {"23.11.18", "2023-11-18 [23.11.18]"},
      {"17.11.2023", "2023-11-17 [17.11.2023]"},
      {"11/17/2023", "2023-11-17 [11/17/2023]"},
      {"11/17(금) 개봉", "2023-11-17 [11/17(금)]"},
      {"9/11 attacks", "none"},
      {"1.2.3.4", "none"},
      {"2023.11.18", "2023-11-18 [2023.11.18]", "", nullptr},
  });
}

TEST(DateReadersTest, KoreanYearMonthAndDay) {
  expect_reads({
      {"2019년", "2019 [2019년]"},
      {"2021년 10월", "2021-10 [2021년 10월]"},
      {"11월 18일", "2023-11-18 [11월 18일]"},
      {"이천십오년 삼월 삼일", "2015-03-03 [이천십오년 삼월 삼일]"},
      {"'23년", "2023 ['23년]"},
      {"17일 밝혔다", "2023-11-17 [17일]"},
      {"29일 발표했다", "2023-11-29 [29일]", "", "2023-12-02T09:00:00+09:00"},
      {"9월 21일 1978", "1978-09-21 [9월 21일 1978]"},
      {"11월 18일", "unresolved [11월 18일]", "", nullptr},
      // Not dates: 2000 years back, a count of days, a span of hours.
      {"2000년을 거슬러", "duration P2000Y [2000년]"},
      {"3일간", "duration P3D [3일]"},
      {"100일", "duration P100D [100일]"},
  });
}

TEST(DateReadersTest, DateWordsAndWhereTheyEnd) {
  expect_reads({
      {"어제는", "2023-11-17 [어제]"},
      {"지난해보다", "2022 [지난해]"},
      {"내일까지입니다", "2023-11-19 [내일]"},
      {"올해부터라도", "2023 [올해]"},
      {"당일에서야", "2023-11-18 [당일]"},
      {"오늘쯤", "2023-11-18 [오늘]"},
      {"오늘엔", "2023-11-18 [오늘]"},
      {"이번 주", "2023-W46 [이번 주]"},
      {"이번주말에", "2023-11-17T18..2023-11-20T00 [이번주말]"},
      {"크리스마스", "2023-12-25 [크리스마스]"},
      {"전날인 14일", "2023-11-17 [전날]"},
      // Words that begin with a date word: nowadays, a new government, a
      // brand, "only then".
      {"오늘날", "none"},
      {"신정부", "none"},
      {"오늘의집", "none"},
      {"그제야", "none"},
      {"그제서야", "none"},
  });
}

TEST(DateReadersTest, DirectionsBeforeADayMonthOrWeekday) {
  expect_reads({
      {"지난 17일", "2023-11-17 [지난 17일]"},
      {"오는 25일", "2023-11-25 [오는 25일]"},
      {"다음 달 3일", "2023-12-03 [다음 달 3일]"},
      {"지난 금요일", "2023-11-17 [지난 금요일]"},
      {"다음 주 화요일", "2023-11-21 [다음 주 화요일]"},
  });
}

TEST(DateReadersTest, NthOfMonthAndQuarter) {
  expect_reads({
      {"10월 첫째 화요일", "2023-10-03 [10월 첫째 화요일]"},
      {"3월 마지막 월요일", "2023-03-27 [3월 마지막 월요일]"},
      {"10월 마지막날", "2023-10-31 [10월 마지막날]"},
      {"5월 둘째 주", "2023-W19 [5월 둘째 주]"},
      {"2018년 4분기", "2018-Q4 [2018년 4분기]"},
      {"3분기", "2023-Q3 [3분기]"},
      {"3/4분기", "2023-Q3 [3/4분기]"},
      {"지난 분기", "2023-Q3 [지난 분기]"},
  });
}

TEST(DateReadersTest, Weekdays) {
  expect_reads({
      {"금요일", "2023-11-17 [금요일]"},
      {"금요일에 열린다", "2023-11-24 [금요일]"},
      {"17일(금)", "2023-11-17 [17일(금)]"},
      {"수요일", "unresolved [수요일]", "", nullptr},
  });
}

TEST(DateReadersTest, TimeOfDay) {
  expect_reads({
      {"오후 3시 30분", "2023-11-18T15:30 [오후 3시 30분]"},
      {"오전 9시", "2023-11-18T09 [오전 9시]"},
      {"3시 회견", "2023-11-18T15 [3시]"},
      {"19:32", "2023-11-18T19:32 [19:32]"},
      {"19:32:05", "2023-11-18T19:32:05 [19:32:05]"},
      {"3:30pm", "2023-11-18T15:30 [3:30pm]"},
      {"3 p.m.", "2023-11-18T15 [3 p.m.]"},
      {"세시반", "2023-11-18T15:30 [세시반]"},
      {"네시십오분전", "2023-11-18T15:45 [네시십오분전]"},
      {"정오", "2023-11-18T12 [정오]"},
      {"자정까지", "2023-11-19T00 [자정]"},
      {"15:00 GMT", "2023-11-18T15:00 [15:00 GMT]"},
      // Not times: hours, a season, a span.
      {"3시간", "duration PT3H [3시간]"},
      {"3시즌", "none"},
      {"3~4시간", "none"},
  });
}

TEST(DateReadersTest, EnglishClock) {
  expect_reads({
      {"15h30", "2023-11-18T15:30 [15h30]"},
      {"a quarter past 3pm", "2023-11-18T15:15 [a quarter past 3pm]"},
      {"half past three pm", "2023-11-18T15:30 [half past three pm]"},
      {"15 minutes to noon", "2023-11-18T11:45 [15 minutes to noon]"},
  });
}

TEST(DateReadersTest, PartsOfTheDay) {
  expect_reads({
      {"내일 저녁", "2023-11-19T18..2023-11-20T00 [내일 저녁]"},
      {"오후에", "2023-11-18T12..2023-11-18T19 [오후]"},
      {"8일 밤에야", "2023-11-08T18..2023-11-09T00 [8일 밤]"},
      {"점심 이후", "2023-11-18T12..2023-11-18T14 [점심]"},
      {"아침", "none"},
      {"tonight", "2023-11-18T18..2023-11-19T00 [tonight]"},
      {"last night", "2023-11-17T18..2023-11-18T00 [last night]"},
      {"this weekend", "2023-11-17T18..2023-11-20T00 [this weekend]"},
      {"Friday night", "2023-11-17T18..2023-11-18T00 [Friday night]"},
      {"Saturday Night Live", "2023-11-18 [Saturday]"},
  });
}

TEST(DateReadersTest, Durations) {
  expect_reads({
      {"3년", "duration P3Y [3년]"},
      {"6개월", "duration P6M [6개월]"},
      {"두 달", "duration P2M [두 달]"},
      {"1.5시간", "duration PT1.5H [1.5시간]"},
      {"한시간반", "duration PT1.5H [한시간반]"},
      {"30분 전", "duration PT30M [30분]"},
      {"3일 전", "2023-11-15 [3일 전]"},
      {"2년 전", "2021-11 [2년 전]"},
      {"지난 2주", "2023-W44..2023-W46 [지난 2주]; duration P2W [2주]"},
      {"5주년", "none"},
      {"3세기", "none"},
      {"2박", "none"},
      {"13일 여의도", "2023-11-13 [13일]"},
      {"19일 내란 특검", "2023-11-19 [19일]"},
  });
}

TEST(DateReadersTest, Seasons) {
  expect_reads({
      {"이번 여름", "2023-06-21..2023-09-24 [이번 여름]"},
      {"올겨울", "2023-12-21..2024-03-21 [올겨울]"},
      {"지난 겨울", "2022-12-21..2023-03-21 [지난 겨울]"},
      {"내년 봄", "2024-03-20..2024-06-21 [내년 봄]"},
      {"next fall", "2024-09-24..2024-12-21 [next fall]"},
      {"이번 여름휴가", "none"},
      {"이번 여름", "unresolved [이번 여름]", "", nullptr},
  });
}

TEST(DateReadersTest, EnglishPeriodParts) {
  expect_reads({
      {"the end of the month", "2023-11-21..2023-12-01 [the end of the month]"},
      {"early March", "2023-03-01..2023-03-11 [early March]"},
      {"mid-2024", "2024-04..2024-09 [mid-2024]"},
      {"late last year", "2022-09..2023-01 [late last year]"},
      {"EOY", "2023-09..2024-01 [EOY]"},
      {"the middle of next week", "none"},
  });
}

TEST(DateReadersTest, EnglishCountedSpansAndRelativeDates) {
  expect_reads({
      {"the last two weeks", "2023-W44..2023-W46 [the last two weeks]"},
      {"next 3 days", "2023-11-19..2023-11-22 [next 3 days]"},
      {"upcoming two weeks", "2023-W48 [upcoming two weeks]"},
      {"In two weeks, we", "2023-12-02 [In two weeks]"},
      {"three days ago", "2023-11-15 [three days ago]"},
      {"a year from now", "2024-11 [a year from now]"},
      {"sales doubled in two years", "none", "in two"},
  });
}

TEST(DateReadersTest, EnglishAnchoredAndFullDates) {
  expect_reads({
      {"last Tuesday", "2023-11-14 [last Tuesday]"},
      {"next March", "2024-03 [next March]"},
      {"in March", "2023-03 [March]", "March"},
      {"the first Friday of July", "2023-07-07 [the first Friday of July]"},
      {"wednesday of next week", "2023-11-22 [wednesday of next week]"},
      {"Nov. 17, 2023", "2023-11-17 [Nov. 17, 2023]"},
      {"17 November 2023", "2023-11-17 [17 November 2023]"},
      {"Monday, January 22, 2018", "2018-01-22 [Monday, January 22, 2018]"},
      {"since 2019", "2019 [2019]", "2019"},
      {"May's chairman", "none"},
  });
}

TEST(DateReadersTest, LocalTime) {
  expect_reads({
      {"현지시간 17일", "2023-11-17 [현지시간 17일]"},
      {"17일(현지시간)", "2023-11-17 [17일(현지시간)]"},
  });
}

TEST(DateVocabularyTest, AMalformedLineIsALexiconErrorNamingTheLine) {
  const std::string base = testing::read_file(testing::source_path("data/date-vocabulary.txt"));
  const auto error_of = [&](const std::string& extra) -> std::string {
    try {
      DateVocabulary::parse(base + extra, "date-vocabulary.txt", Lexicon{});
    } catch (const LexiconError& e) {
      return e.what();
    }
    return "";
  };
  const int last_line = static_cast<int>(std::count(base.begin(), base.end(), '\n')) + 1;
  const std::string line = "date-vocabulary.txt:" + std::to_string(last_line) + ": ";
  EXPECT_EQ(error_of("월요일\tweekday\t9\n").rfind(line, 0), 0u)
      << error_of("월요일\tweekday\t9\n");
  EXPECT_NE(error_of("월요일\tweekday\t9\n").find("0 to 6"), std::string::npos);
  EXPECT_NE(error_of("보름\tfullmoon\n").find("unknown kind"), std::string::npos);
  EXPECT_EQ(error_of("보름\tfullmoon\n").rfind(line, 0), 0u);
  EXPECT_EQ(error_of("월요일\tweekday\t0\n").rfind(line, 0), 0u);  // a second Monday
  EXPECT_EQ(error_of("봄\tseason\t02-30\n").rfind(line, 0), 0u);
  EXPECT_EQ(error_of("주\tunit-stop\tab\n").rfind(line, 0), 0u);
  // The kinds of the English words and the words around a count.
  for (const char* bad :
       {"said\tenglish-tense\t0\n", "Said\tenglish-tense\t-1\n", "weeks\tenglish-unit\t1\tdecade\n",
        "weeks\tenglish-unit\t7\n", "gmt\ttime-zone\tlocal\n", "GMT\ttime-zone\tlater\n",
        "amid\tmonth-preposition\tx\n", "In\tmonth-preposition\n",
        "(현지)\tlocal-time-suffix\tafter\n", "전\tcount-relation\t0\n",
        "전\tcount-relation\t-1\tof\n", "dawn\tperiod-part\tstart\tof\n",
        "early\tperiod-part\tbeginning\tdash\n", "EOQ\tperiod-acronym\tend\tquarter\n",
        "eom\tperiod-acronym\tend\tmonth\n"})
    EXPECT_EQ(error_of(bad).rfind(line, 0), 0u) << bad << " → " << error_of(bad);
  EXPECT_NE(error_of("weeks\tenglish-unit\t1\tdecade\n").find("decade"), std::string::npos);
  EXPECT_TRUE(error_of("").empty());  // the shipped file loads
  // A list left incomplete names the file.
  try {
    DateVocabulary::parse("월요일\tweekday\t0\n", "few.txt", Lexicon{});
    ADD_FAILURE() << "a vocabulary without the other weekdays loaded";
  } catch (const LexiconError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("few.txt: no Korean weekday 1", 0), 0u) << e.what();
  }
}

// An edited list changes what is read: each new kind of line, added to
// the shipped file, is read by the reader that walks its list.
TEST(DateVocabularyTest, EditedEnglishAndCountListsChangeWhatIsRead) {
  const std::string base = testing::read_file(testing::source_path("data/date-vocabulary.txt"));
  const Lexicon& date_words = testing::resources().date_vocabulary.date_words;
  const DateVocabulary edited = DateVocabulary::parse(base +
                                                          "sennight\tenglish-unit\t1\tweek\n"
                                                          "amid\tmonth-preposition\n"
                                                          "MSK\ttime-zone\tlocal\n"
                                                          "(현지 시각)\tlocal-time-suffix\n"
                                                          "이후\tcount-relation\t1\n"
                                                          "vowed\tenglish-tense\t1\n"
                                                          "close\tperiod-part\tend\tof\n"
                                                          "MOY\tperiod-acronym\tmiddle\tyear\n",
                                                      "date-vocabulary.txt", date_words);
  const auto read = [&](const DateVocabulary& words, std::string_view text,
                        std::string_view from) -> std::string {
    DateContext context;  // fresh: a year read before would carry over
    context.published = parse_local_time(kSaturday);
    const auto r =
        read_date(text, text.find(from), 0, context, words, testing::resources().particles);
    if (!r || !r->date) return "none";
    return r->date->value.value_or("unresolved") + " [" + r->date->where.text + "]" +
           (r->date->local_time ? " local" : "");
  };
  const DateVocabulary& shipped = testing::resources().date_vocabulary;
  // english-unit
  EXPECT_EQ(read(shipped, "a sennight ago", "a"), "none");
  EXPECT_EQ(read(edited, "a sennight ago", "a"), "2023-11-11 [a sennight ago]");
  // month-preposition
  EXPECT_EQ(read(shipped, "amid March", "March"), "none");
  EXPECT_EQ(read(edited, "amid March", "March"), "2023-03 [March]");
  // time-zone: a zone's wall clock is local time.
  EXPECT_EQ(read(shipped, "at 15:00 MSK", "15"), "2023-11-18T15:00 [15:00]");
  EXPECT_EQ(read(edited, "at 15:00 MSK", "15"), "2023-11-18T15:00 [15:00 MSK] local");
  // local-time-suffix
  EXPECT_EQ(read(shipped, "17일(현지 시각)", "17"), "2023-11-17 [17일]");
  EXPECT_EQ(read(edited, "17일(현지 시각)", "17"), "2023-11-17 [17일(현지 시각)] local");
  // count-relation: 3일 이후 is three days after the publication.
  EXPECT_EQ(read(shipped, "3일 이후 발표", "3"), "2023-11-03 [3일]");
  EXPECT_EQ(read(edited, "3일 이후 발표", "3"), "2023-11-21 [3일 이후]");
  // english-tense: a future cue makes "in two weeks" a date mid-sentence.
  EXPECT_EQ(read(shipped, "He vowed to act in two weeks", "in two"), "none");
  EXPECT_EQ(read(edited, "He vowed to act in two weeks", "in two"), "2023-12-02 [in two weeks]");
  // period-part and period-acronym
  EXPECT_EQ(read(shipped, "the close of the month", "the"), "none");
  EXPECT_EQ(read(edited, "the close of the month", "the"), "2023-11-21 [the close of the month]");
  EXPECT_EQ(read(shipped, "MOY", "MOY"), "none");
  EXPECT_EQ(read(edited, "MOY", "MOY"), "2023-04 [MOY]");
}

TEST(DateVocabularyTest, ListsAreReadLongestFirst) {
  const DateVocabulary& words = testing::resources().date_vocabulary;
  // 주일 before 주, whatever order the file has.
  for (std::size_t i = 1; i < words.duration_units.size(); ++i)
    EXPECT_GE(words.duration_units[i - 1].word.size(), words.duration_units[i].word.size());
  EXPECT_EQ(words.korean_weekdays[4], "금요일");
  EXPECT_EQ(words.english_months[10], "november");
}

}  // namespace
}  // namespace news
