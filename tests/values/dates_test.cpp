#include "values/dates.h"

#include <gtest/gtest.h>

#include "testing.h"
#include "values_test_support.h"

namespace news {
namespace {

using testing::values_of;

const char* kPublished = "2023-11-18T19:32:00+09:00";

TEST(DatesTest, ReadsAbsoluteDatesAtTheirGrain) {
  const Entities e =
      values_of("2023.11.18 19:32 기준, 2021년 10월부터 2019년까지, 2023-11-17", kPublished);
  ASSERT_EQ(e.dates.size(), 4u);
  EXPECT_EQ(e.dates[0].value, "2023-11-18T19:32");
  EXPECT_EQ(e.dates[0].grain, "minute");
  EXPECT_EQ(e.dates[1].value, "2021-10");
  EXPECT_EQ(e.dates[1].grain, "month");
  EXPECT_EQ(e.dates[2].value, "2019");
  EXPECT_EQ(e.dates[3].value, "2023-11-17");
}

TEST(DatesTest, ResolvesRelativeDatesAgainstPublication) {
  const Entities e = values_of("올해 10월, 이달, 지난해, 어제, 이번 주, 다음 달", kPublished);
  ASSERT_EQ(e.dates.size(), 6u);
  EXPECT_EQ(e.dates[0].value, "2023-10");
  EXPECT_EQ(e.dates[1].value, "2023-11");
  EXPECT_EQ(e.dates[2].value, "2022");
  EXPECT_EQ(e.dates[3].value, "2023-11-17");
  EXPECT_EQ(e.dates[4].value, "2023-W46");
  EXPECT_EQ(e.dates[5].value, "2023-12");
}

TEST(DatesTest, ABareDayIsInThePublicationMonthOrTheOneBefore) {
  const Entities e = values_of("오픈AI는 17일(현지시간) 밝혔다.", kPublished);
  ASSERT_EQ(e.dates.size(), 1u);
  EXPECT_EQ(e.dates[0].where.text, "17일(현지시간)");
  EXPECT_EQ(e.dates[0].value, "2023-11-17");
  EXPECT_TRUE(e.dates[0].local_time);
  // Published on 2 December: "29일" is 29 November, not four weeks ahead.
  EXPECT_EQ(values_of("29일 발표했다", "2023-12-02T09:00:00+09:00").dates[0].value, "2023-11-29");
  // …but a day a few days ahead stays in this month.
  EXPECT_EQ(values_of("25일 열린다", kPublished).dates[0].value, "2023-11-25");
  // A month named earlier in the paragraph carries over: 7월 13일 - 15일.
  const Entities range = values_of("7월 13일부터 15일까지", kPublished);
  ASSERT_EQ(range.dates.size(), 2u);
  EXPECT_EQ(range.dates[1].value, "2023-07-15");
}

TEST(DatesTest, SameDayRefersToTheLastDayMentioned) {
  const Entities e =
      values_of("오픈AI는 17일(현지시간) 회의를 열었다. 같은 날 MS는 발표했다.", kPublished);
  ASSERT_EQ(e.dates.size(), 2u);
  EXPECT_EQ(e.dates[1].value, "2023-11-17");
}

TEST(DatesTest, WithoutPublicationTimeRelativeDatesAreUnresolved) {
  const Entities e = values_of("어제 17일 회의가 2023년 3월에 이어 열렸다.");
  ASSERT_EQ(e.dates.size(), 3u);
  EXPECT_FALSE(e.dates[0].value);
  ASSERT_TRUE(e.dates[0].unresolved);
  EXPECT_FALSE(e.dates[1].value);
  EXPECT_EQ(e.dates[2].value, "2023-03");  // absolute: needs no publication time
}

TEST(DatesTest, ReadsTimesOfDay) {
  const Entities e = values_of("18일 오후 3시 30분, 이날 오전 9시", kPublished);
  ASSERT_EQ(e.dates.size(), 2u);
  EXPECT_EQ(e.dates[0].value, "2023-11-18T15:30");
  EXPECT_EQ(e.dates[1].value, "2023-11-18T09");
  EXPECT_EQ(e.dates[1].grain, "hour");
}

TEST(DatesTest, DurationsAreNotDates) {
  const Entities e = values_of(
      "테슬라에서 3년 동안 일했고, 장 닫히기 30분 전 하락했다. 2시간, 6개월, 1.5시간", kPublished);
  EXPECT_TRUE(e.dates.empty());
  ASSERT_EQ(e.durations.size(), 5u);
  EXPECT_EQ(e.durations[0].where.text, "3년");
  EXPECT_EQ(e.durations[0].value, "P3Y");
  EXPECT_EQ(e.durations[1].value, "PT30M");
  EXPECT_EQ(e.durations[2].value, "PT2H");
  EXPECT_EQ(e.durations[3].value, "P6M");
  EXPECT_EQ(e.durations[4].value, "PT1.5H");
  // N일 전 counts back from publication: a date.
  EXPECT_EQ(values_of("3일 전", kPublished).dates[0].value, "2023-11-15");
}

TEST(DatesTest, WordsThatStartLikeDateWordsAreNotDates) {
  EXPECT_TRUE(values_of("오늘날 신정부가 올 때까지 서해안을", kPublished).dates.empty());
  EXPECT_TRUE(values_of("서해안고속도로", kPublished).durations.empty());
}

TEST(DatesTest, CivilDayArithmeticRoundTrips) {
  for (long d = -1000; d < 30000; d += 37) {
    const LocalTime t = civil_from_days(d);
    EXPECT_EQ(days_from_civil(t.year, t.month, t.day), d);
  }
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(iso_duration("1.5", "hour"), "PT1.5H");
}

}  // namespace
}  // namespace news

namespace news {
namespace {

TEST(DatesTest, PartsOfTheDayAndWeekendsAreSpans) {
  const Entities e = testing::values_of("내일 저녁, 오늘밤, 지난 주말, 2월 15일 아침",
                                        "2013-02-12T04:30:00-02:00");
  ASSERT_EQ(e.dates.size(), 4u);
  EXPECT_EQ(e.dates[0].value, "2013-02-13T18");
  EXPECT_EQ(e.dates[0].until, "2013-02-14T00");
  EXPECT_EQ(e.dates[0].grain, "hour");
  EXPECT_EQ(e.dates[1].value, "2013-02-12T18");
  EXPECT_EQ(e.dates[2].value, "2013-02-08T18");  // Friday evening
  EXPECT_EQ(e.dates[2].until, "2013-02-11T00");  // to Monday
  EXPECT_EQ(e.dates[3].until, "2013-02-15T12");
  // 아침 alone is as often breakfast: not a date.
  EXPECT_TRUE(testing::values_of("아침 식사를 했다", "2013-02-12T04:30:00-02:00").dates.empty());
}

TEST(DatesTest, QuartersAndNthWeekdays) {
  const Entities e = testing::values_of(
      "2018년 4분기, 2014년 10월 둘째 수요일, 2015년 10월 마지막날", "2013-02-12T04:30:00-02:00");
  ASSERT_EQ(e.dates.size(), 3u);
  EXPECT_EQ(e.dates[0].value, "2018-Q4");
  EXPECT_EQ(e.dates[0].grain, "quarter");
  EXPECT_EQ(e.dates[1].value, "2014-10-08");
  EXPECT_EQ(e.dates[2].value, "2015-10-31");
}

}  // namespace
}  // namespace news

namespace news {
namespace {

TEST(DatesTest, ReadsEnglishDates) {
  const Entities e = testing::values_of(
      "Signed on Nov. 17, 2023, then on 17th of November 2023. Yesterday it fell; in March 2021 "
      "too. May said so.",
      "2023-11-18T19:32:00+00:00");
  ASSERT_EQ(e.dates.size(), 4u);
  EXPECT_EQ(e.dates[0].where.text, "Nov. 17, 2023");
  EXPECT_EQ(e.dates[0].value, "2023-11-17");
  EXPECT_EQ(e.dates[1].value, "2023-11-17");
  EXPECT_EQ(e.dates[2].value, "2023-11-17");  // yesterday
  EXPECT_EQ(e.dates[3].value, "2021-03");     // "May said so": a name, not a month
  const Entities years =
      testing::values_of("Growth of 2.1% in 2005, and 2005 people", "2024-05-10T10:00:00+00:00");
  ASSERT_EQ(years.dates.size(), 1u);  // a bare 2005 is a number
  EXPECT_EQ(years.dates[0].value, "2005");
}

}  // namespace
}  // namespace news

namespace news {
namespace {

TEST(DatesTest, DayBeforeAndAfterCountFromTheLastDayNamed) {
  const Entities e = testing::values_of(
      "회사는 14일 발표했다. 주가는 전날보다 올랐고 이튿날 내렸다.", "2024-03-20T09:00:00+09:00");
  ASSERT_EQ(e.dates.size(), 3u);
  EXPECT_EQ(e.dates[1].value, "2024-03-13");
  EXPECT_EQ(e.dates[2].value, "2024-03-14");  // the day after 전날, the last day named
}

}  // namespace
}  // namespace news

namespace news {
namespace {

TEST(DatesTest, AMonthTakesTheYearNamedEarlierInTheParagraph) {
  const Entities e = testing::values_of("작년 9월과 10월에 이어", "2024-05-10T10:00:00+09:00");
  ASSERT_EQ(e.dates.size(), 2u);
  EXPECT_EQ(e.dates[0].value, "2023-09");  // 작년 9월
  EXPECT_EQ(e.dates[1].value, "2023-10");  // 10월: the year of 작년
}

}  // namespace
}  // namespace news

namespace news {
namespace {

TEST(DatesTest, ARangeOfMonthsOrDaysGivesBoth) {
  const Entities e = testing::values_of("작년 9~10월, 13~15일", "2024-05-10T10:00:00+09:00");
  ASSERT_EQ(e.dates.size(), 4u);
  EXPECT_EQ(e.dates[0].where.text, "작년 9");
  EXPECT_EQ(e.dates[0].value, "2023-09");
  EXPECT_EQ(e.dates[1].value, "2023-10");
  EXPECT_EQ(e.dates[2].value, "2023-10-13");  // the month named just before
  EXPECT_EQ(e.dates[3].value, "2023-10-15");
}

}  // namespace
}  // namespace news

namespace news {
namespace {

TEST(DatesTest, ACaptionDoesNotChangeTheDayThatIDalRefersTo) {
  std::vector<Paragraph> paragraphs(3);
  paragraphs[0].text = "회사는 13일(현지시간) 협약을 맺었다고 14일 밝혔다.";
  paragraphs[1].text = "대표가 13일(현지시간) 서명하고 있다. (사진=회사)";
  paragraphs[1].role = Role::kCaption;
  paragraphs[2].text = "이날 주가는 올랐다.";
  Entities e;
  extract_values(paragraphs, std::string("2024-03-14T14:05:00+09:00"), testing::resources(), e);
  ASSERT_EQ(e.dates.size(), 4u);
  EXPECT_EQ(e.dates[3].where.text, "이날");
  EXPECT_EQ(e.dates[3].value, "2024-03-14");  // the story's 14일, not the caption's 13일
}

}  // namespace
}  // namespace news

namespace news {
namespace {

// Regressions found by tests/fuzz/dates_fuzz.cpp: each value must be ISO 8601
// with a real time of day, and no count may overflow.
std::optional<DateRead> read_one(std::string_view text, std::size_t pos = 0,
                                 const char* published = "2023-11-18T19:32:00+09:00") {
  DateContext context;
  if (published) context.published = parse_local_time(published);
  return read_date(text, pos, 0, context, testing::resources().date_vocabulary,
                   testing::resources().particles);
}

TEST(DatesFuzzRegressionTest, AnImpossiblePublicationTimeKeepsOnlyItsDay) {
  const auto t = parse_local_time("2023-11-18T25:61:99");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->day, 18);
  EXPECT_EQ(t->hour, 0);
  EXPECT_EQ(t->minute, 0);
  EXPECT_EQ(t->second, 0);
  EXPECT_EQ(parse_local_time("2023-11-18T19:32:07")->second, 7);
}

TEST(DatesFuzzRegressionTest, MinutesBeforeAnHourNeverLeaveTheClock) {
  // 네시십오분전 = 3:45, but 0시15분전 is not hour -1 and 4시0분전 not minute 60.
  EXPECT_EQ(read_one("네시십오분전")->date->value, "2023-11-18T15:45");
  const auto midnight = read_one("0시15분전");
  ASSERT_TRUE(midnight && midnight->date);
  EXPECT_EQ(midnight->date->value, "2023-11-18T00:15");
  const auto four = read_one("4시0분전");
  ASSERT_TRUE(four && four->date);
  EXPECT_EQ(four->date->value, "2023-11-18T16:00");
}

TEST(DatesFuzzRegressionTest, ImpossibleSecondsAreNotPartOfTheTime) {
  const auto read = read_one("19:32:99");
  ASSERT_TRUE(read && read->date);
  EXPECT_EQ(read->date->value, "2023-11-18T19:32");
  EXPECT_EQ(read->date->where.text, "19:32");
}

TEST(DatesFuzzRegressionTest, HugeCountsBackAreDurationsNotOverflowingDates) {
  // 9999 × 10^16 days does not fit in a day number: no date, no crash.
  for (const char* text :
       {"구천구백구십구경 일 전", "구억 주 전", "삼억 개월 후", "구천만 년 전"}) {
    const auto read = read_one(text);
    ASSERT_TRUE(read) << text;
    EXPECT_FALSE(read->date) << text;
    ASSERT_TRUE(read->duration) << text;
  }
  EXPECT_EQ(read_one("구억 주 전")->duration->value, "P900000000W");
}

TEST(DatesFuzzRegressionTest, ANegativeNumeralIsNoDuration) {
  const auto read = read_one("마이너스 삼십년");
  EXPECT_FALSE(read && read->duration && read->duration->value.find('-') != std::string::npos);
}

// ../shared/findings/dates (issue 22): a year and then a weekday, with no
// publication time, read the publication time that was not there.
void expect_sound_dates_everywhere(const std::string& bytes) {
  // As the fuzz target reads it: NUL and newline end a paragraph, one
  // context for the article, read_date asked at every code point.
  for (const char* published : {static_cast<const char*>(nullptr), "2023-11-18T10:00:00"}) {
    DateContext context;
    if (published) context.published = parse_local_time(published);
    std::size_t start = 0;
    int paragraph = 0;
    while (start <= bytes.size()) {
      std::size_t stop = bytes.find_first_of(std::string_view("\n\0", 2), start);
      if (stop == std::string::npos) stop = bytes.size();
      const std::string_view line(bytes.data() + start, stop - start);
      for (std::size_t pos = 0; pos < line.size(); ++pos) {
        if ((static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80) continue;
        const auto read =
            read_date(line, pos, paragraph, context, testing::resources().date_vocabulary,
                      testing::resources().particles);
        if (!read || !read->date) continue;
        EXPECT_NE(read->date->value.has_value(), read->date->unresolved.has_value()) << line;
        if (published) {
          EXPECT_TRUE(read->date->value) << line;
        }
      }
      ++paragraph;
      start = stop + 1;
    }
  }
}

TEST(DatesFuzzRegressionTest, AYearThenAWeekdayWithoutPublicationTime) {
  expect_sound_dates_everywhere("2014년월요일");
  expect_sound_dates_everywhere("그는 2018년 화요일 3분기, 지난 분기 실적을 냈다.\n2015년 목요일");
  // The year is a date of its own; the weekday needs the publication week.
  const Entities alone = testing::values_of("2014년 월요일 발표");
  ASSERT_EQ(alone.dates.size(), 2u);
  EXPECT_EQ(alone.dates[0].value, "2014");
  EXPECT_EQ(alone.dates[1].where.text, "월요일");
  EXPECT_FALSE(alone.dates[1].value);
  EXPECT_TRUE(alone.dates[1].unresolved);
  // With a publication time the year and month are not dropped for the
  // weekday's week (it gave 2023-11-13).
  const Entities dated = testing::values_of("2014년 3월 월요일", "2023-11-18T10:00:00+09:00");
  ASSERT_EQ(dated.dates.size(), 2u);
  EXPECT_EQ(dated.dates[0].value, "2014-03");
  EXPECT_EQ(dated.dates[1].value, "2023-11-13");
}

TEST(DatesFuzzRegressionTest, TheSharedFindingsReadSoundly) {
  const auto folder = news::testing::shared_path("findings/dates");
  if (!folder) GTEST_SKIP() << "no ../shared/findings/dates";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(*folder)) {
    if (!entry.is_regular_file()) continue;
    SCOPED_TRACE(entry.path().filename().string());
    expect_sound_dates_everywhere(news::testing::read_file(entry.path()));
    ++files;
  }
  EXPECT_GT(files, 0);
}

TEST(DatesFuzzRegressionTest, NothingToReadAtTheEndOfTheText) {
  EXPECT_FALSE(read_one("", 0));
  EXPECT_FALSE(read_one("17일", 5));
}

}  // namespace
}  // namespace news

namespace news {
namespace {

TEST(DatesTest, TheDateWordIndexFollowsTheLexiconGiven) {
  // The vocabulary indexes the first syllables of the date words it is
  // built with: a word of its own is read, one it lacks is not.
  DateContext context;
  context.published = parse_local_time("2023-11-18T19:32:00+09:00");
  const DateVocabulary& shipped = testing::resources().date_vocabulary;
  const DateVocabulary mine =
      DateVocabulary::load(testing::source_path("data/date-vocabulary.txt"),
                           Lexicon::parse("# test\n갑오일\tday\t+1\n", "mine.txt", 2, 2));
  const auto with_mine = read_date("갑오일", 0, 0, context, mine, testing::resources().particles);
  ASSERT_TRUE(with_mine && with_mine->date);
  EXPECT_EQ(with_mine->date->value, "2023-11-19");
  // The shipped words: 올해 begins one, 갑 does not.
  EXPECT_TRUE(read_date("올해", 0, 0, context, shipped, testing::resources().particles));
  EXPECT_FALSE(read_date("갑오일", 0, 0, context, shipped, testing::resources().particles));
  EXPECT_TRUE(shipped.may_begin_date_word(U'올'));
  EXPECT_FALSE(shipped.may_begin_date_word(U'갑'));
}

}  // namespace
}  // namespace news
