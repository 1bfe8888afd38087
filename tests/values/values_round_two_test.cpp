// Tables of made-up sentences for the forms of issue 15 ("values, round
// two"): each row is a sentence and the one record it must give (or none).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "values_test_support.h"

namespace news {
namespace {

using testing::values_of;

const char* kPublished = "2023-11-18T10:00:00+09:00";

struct MoneyCase {
  const char* sentence;
  const char* text;  // nullptr: no money at all
  const char* amount;
  const char* currency;
  bool approximate;
};

TEST(MoneyRoundTwoTest, SpacedCompositesAreOneAmount) {
  const std::vector<MoneyCase> cases = {
      {"회사는 7천 5백만 달러를 투자했다.", "7천 5백만 달러", "75000000", "USD", false},
      {"사업비는 약 66억 8000만원 규모다.", "약 66억 8000만원", "6680000000", "KRW", true},
      {"총 1백억 5천만원이 들었다.", "1백억 5천만원", "10050000000", "KRW", false},
      {"표는 9만 4천원에 팔렸다.", "9만 4천원", "94000", "KRW", false},
      {"5 억 달러를 모았다.", "5 억 달러", "500000000", "USD", false},
      {"예산은 1조 3800억 원이다.", "1조 3800억 원", "1380000000000", "KRW", false},
      {"수십 억원 규모의 공사비", "수십 억원", "1000000000", "KRW", true},
      {"수십 만원에도 팔린다", "수십 만원", "100000", "KRW", true},
      {"몇 천 만원을 만질 수 있다", "몇 천 만원", "10000000", "KRW", true},
      {"기금 50만 홍콩 달러", "50만 홍콩 달러", "500000", "HKD", false},
      {"20 중국 위안을 냈다", "20 중국 위안", "20", "CNY", false},
      {"3파운드 50펜스짜리 차", "3파운드 50펜스", "3.5", "GBP", false},
      {"2파운드 5페니", "2파운드 5페니", "2.05", "GBP", false},
      {"30센트 올랐다", "30센트", "0.3", "USD", false},
      // A big unit with no number is a word: a given name, a railway line.
      {"아들 조원씨가 왔다.", nullptr, nullptr, nullptr, false},
      {"경원선 운행이 멈췄다.", nullptr, nullptr, nullptr, false},
      {"특검 조사 불출석", nullptr, nullptr, nullptr, false},
  };
  for (const MoneyCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Entities e = values_of(c.sentence);
    if (!c.text) {
      EXPECT_TRUE(e.money.empty()) << e.money[0].where.text;
      continue;
    }
    ASSERT_EQ(e.money.size(), 1u);
    EXPECT_EQ(e.money[0].where.text, c.text);
    EXPECT_EQ(e.money[0].amount, c.amount);
    EXPECT_EQ(e.money[0].currency, c.currency);
    EXPECT_EQ(e.money[0].approximate, c.approximate);
  }
}

TEST(MoneyRoundTwoTest, APieceAfterASpaceThatDoesNotGoOnEndsTheNumber) {
  // 3억, then another amount; 1천 and 2천 are two numbers.
  const Entities e = values_of("3억 5억원 사이, 100만 3명");
  ASSERT_EQ(e.money.size(), 1u);
  EXPECT_EQ(e.money[0].where.text, "5억원");
  ASSERT_EQ(e.quantities.size(), 1u);
  EXPECT_EQ(e.quantities[0].where.text, "3명");
}

struct SignedCase {
  const char* sentence;
  const char* text;
  const char* value;
};

TEST(SignsRoundTwoTest, MinusSignsAndChangeMarks) {
  const std::vector<SignedCase> percentages = {
      {"성장률은 -5%를 기록했다.", "-5%", "-5"},
      {"주가(-0.77%)가 내렸다", "-0.77%", "-0.77"},
      {"마이너스 3%로 돌아섰다", "마이너스 3%", "-3"},
      {"코스피 ▼0.5% 하락", "▼0.5%", "-0.5"},
      {"나스닥 ▲1.2% 상승", "▲1.2%", "1.2"},
      {"8%-10% 올랐다", "8%", "8"},  // a range, not minus ten
      {"십 퍼센트 할인", "십 퍼센트", "10"},
      {"백퍼센트 환불", "백퍼센트", "100"},
  };
  for (const SignedCase& c : percentages) {
    SCOPED_TRACE(c.sentence);
    const Entities e = values_of(c.sentence);
    ASSERT_FALSE(e.percentages.empty());
    EXPECT_EQ(e.percentages[0].where.text, c.text);
    EXPECT_EQ(e.percentages[0].value, c.value);
  }
  const std::vector<SignedCase> temperatures = {
      {"기온은 영하 5도까지 떨어졌다", "영하 5도", "-5"},
      {"최고 영상 4도", "영상 4도", "4"},
      {"대구 36.9도, 경주", "36.9도", "36.9"},
      {"영하 12.5℃", "영하 12.5℃", "-12.5"},
  };
  for (const SignedCase& c : temperatures) {
    SCOPED_TRACE(c.sentence);
    const Entities e = values_of(c.sentence);
    ASSERT_EQ(e.quantities.size(), 1u);
    EXPECT_EQ(e.quantities[0].where.text, c.text);
    EXPECT_EQ(e.quantities[0].value, c.value);
  }
  // Not degrees, not negative counts.
  for (const char* sentence :
       {"하나도 없다", "160여 도시를 돌았다", "2000만도 될지", "-20대 여성", "-14t짜리 트럭"}) {
    SCOPED_TRACE(sentence);
    const Entities e = values_of(sentence);
    for (const QuantityEntity& q : e.quantities) {
      EXPECT_NE(q.unit, "도");
      EXPECT_EQ(q.value.find('-'), std::string::npos);
    }
  }
}

struct DateCase {
  const char* sentence;
  const char* text;   // the first date's surface
  const char* value;  // nullptr: no date
};

void expect_first_date(const std::vector<DateCase>& cases) {
  for (const DateCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Entities e = values_of(c.sentence, kPublished);
    if (!c.value) {
      EXPECT_TRUE(e.dates.empty()) << e.dates[0].where.text;
      continue;
    }
    ASSERT_FALSE(e.dates.empty());
    EXPECT_EQ(e.dates[0].where.text, c.text);
    ASSERT_TRUE(e.dates[0].value);
    EXPECT_EQ(*e.dates[0].value, c.value);
  }
}

TEST(DatesRoundTwoTest, NumericForms) {
  expect_first_date({
      {"사진은 2023.11.18. 촬영", "2023.11.18.", "2023-11-18"},
      {"23.11.18 기준", "23.11.18", "2023-11-18"},
      {"2023-11-18 발표", "2023-11-18", "2023-11-18"},
      {"2023/11/18 발표", "2023/11/18", "2023-11-18"},
      {"17.11.2023 in Berlin", "17.11.2023", "2023-11-17"},
      {"11/17/2023 in Ohio", "11/17/2023", "2023-11-17"},
      {"11/17(금) 개봉", "11/17(금)", "2023-11-17"},
      {"11/17 개봉한다", "11/17", "2023-11-17"},
      {"2023.11.18. 9월에 시작", "2023.11.18.", "2023-11-18"},
      // 3/4분기 is the third quarter, not 4분기 nor March 4.
      {"2023년 3/4분기 실적", "2023년 3/4분기", "2023-Q3"},
      // Not dates: a fraction, the attacks, versions.
      {"전체의 1/3 수준", nullptr, nullptr},
      {"after the 9/11 attacks", nullptr, nullptr},
      {"버전 1.2.3.4 배포", nullptr, nullptr},
  });
}

TEST(DatesRoundTwoTest, SinoKoreanAndYearAfterDay) {
  expect_first_date({
      {"오월 이십일일 열린다", "오월 이십일일", "2023-05-21"},
      {"이천이십삼년 행사", "이천이십삼년", "2023"},
      {"9월 21일 1978 태어났다", "9월 21일 1978", "1978-09-21"},
      {"He said on Monday, January 22, 2018 that", "Monday, January 22, 2018", "2018-01-22"},
      // 오월 alone is not read (it may be a word); 3~4시간 is no clock time.
      {"3~4시간마다 돈다", nullptr, nullptr},
  });
}

TEST(DatesRoundTwoTest, NthWeekdayOfAMonth) {
  expect_first_date({
      {"7월 첫째 주 금요일 개막", "7월 첫째 주 금요일", "2023-07-07"},
      {"10월 둘째 주 월요일로 정했다", "10월 둘째 주 월요일", "2023-10-09"},
      {"이번 달 두 번째 월요일", "이번 달 두 번째 월요일", "2023-11-13"},
      {"10월 첫째 화요일", "10월 첫째 화요일", "2023-10-03"},
  });
}

TEST(DatesRoundTwoTest, AYearNamedEarlierAnchorsALaterDate) {
  const Entities e =
      values_of("2021년 3월 2일 기소됐고, 2주 뒤인 3월 16일 재판이 열렸다.", kPublished);
  ASSERT_GE(e.dates.size(), 2u);
  EXPECT_EQ(e.dates.back().where.text, "3월 16일");
  EXPECT_EQ(e.dates.back().value, "2021-03-16");
}

TEST(DatesRoundTwoTest, SpansOfYearsAreNotDates) {
  const Entities e = values_of("2000년을 거슬러 올라가면", kPublished);
  EXPECT_TRUE(e.dates.empty());
  ASSERT_EQ(e.durations.size(), 1u);
  EXPECT_EQ(e.durations[0].value, "P2000Y");
}

TEST(DatesRoundTwoTest, EnglishRelativeDates) {
  expect_first_date({
      {"In two weeks, talks resume.", "In two weeks", "2023-12-02"},
      {"The plant opened three days ago.", "three days ago", "2023-11-15"},
      {"The deal will close in two months, they said.", "in two months", "2024-01-18"},
      {"The polls will close in 30 minutes.", "in 30 minutes", "2023-11-18T10:30"},
      {"Prices peaked a year ago.", "a year ago", "2022-11"},  // the month, as 2년 전
      {"The bill is due in a fortnight's time.", "in a fortnight's time", "2023-12-02"},
      // Mid-sentence "in N years" is mostly a span, not a date.
      {"Unemployment hit its lowest level in three years.", nullptr, nullptr},
      {"The index fell sharply in two days.", nullptr, nullptr},
      {"It will be the first annual fall in nine years.", nullptr, nullptr},
      {"It is expected to win for the second time in three years.", nullptr, nullptr},
  });
}

TEST(DatesRoundTwoTest, EnglishAnchoredWeekdaysAndMonths) {
  expect_first_date({
      {"She resigned last Tuesday.", "last Tuesday", "2023-11-14"},
      {"They meet next Monday.", "next Monday", "2023-11-20"},
      {"The vote is set for next March.", "next March", "2024-03"},
      {"He left the firm in March.", "March", "2023-03"},
      {"Sales rose between January and May.", "January", "2023-01"},
      {"He will speak on the first Friday of July.", "the first Friday of July", "2023-07-07"},
      {"It ends on the last Monday of March 2024.", "the last Monday of March 2024", "2024-03-25"},
      {"They meet on Wednesday of next week.", "Wednesday of next week", "2023-11-22"},
      {"Shops open late on Christmas Eve.", "Christmas Eve", "2023-12-24"},
      {"The day after tomorrow is free.", "The day after tomorrow", "2023-11-20"},
      // May the company, and may the verb, are no months.
      {"May's chairman resigned.", nullptr, nullptr},
      {"Prices may fall.", nullptr, nullptr},
  });
  const Entities range = values_of("Sales rose between January and May.", kPublished);
  ASSERT_EQ(range.dates.size(), 2u);
  EXPECT_EQ(range.dates[1].value, "2023-05");
}

TEST(DatesRoundTwoTest, EnglishPartsOfTheDayAndWeekends) {
  expect_first_date({
      {"The vote ran late last night.", "last night", "2023-11-17T18"},
      {"He speaks tonight.", "tonight", "2023-11-18T18"},
      {"Markets closed early on Friday night.", "Friday night", "2023-11-17T18"},
      {"It rained all this weekend.", "this weekend", "2023-11-17T18"},
      {"Talks failed last weekend.", "last weekend", "2023-11-10T18"},
      {"Shares fell yesterday afternoon.", "yesterday afternoon", "2023-11-17T12"},
      {"He watched Saturday Night Live.", "Saturday", "2023-11-18"},
  });
  const Entities e = values_of("He speaks tonight.", kPublished);
  ASSERT_EQ(e.dates.size(), 1u);
  EXPECT_EQ(e.dates[0].until, "2023-11-19T00");
}

TEST(DatesRoundTwoTest, ZonedTimesAreLocalTime) {
  const Entities e = values_of("Trading opens at 15:00 GMT.", kPublished);
  ASSERT_EQ(e.dates.size(), 1u);
  EXPECT_EQ(e.dates[0].where.text, "15:00 GMT");
  EXPECT_EQ(e.dates[0].value, "2023-11-18T15:00");
  EXPECT_TRUE(e.dates[0].local_time);
}

struct SpanCase {
  const char* sentence;
  const char* text;   // the first date's surface
  const char* value;  // its start
  const char* until;  // its exclusive end; nullptr: one unit
};

void expect_first_span(const std::vector<SpanCase>& cases) {
  for (const SpanCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Entities e = values_of(c.sentence, kPublished);
    ASSERT_FALSE(e.dates.empty());
    EXPECT_EQ(e.dates[0].where.text, c.text);
    EXPECT_EQ(e.dates[0].value, c.value);
    if (c.until)
      EXPECT_EQ(e.dates[0].until, c.until);
    else
      EXPECT_FALSE(e.dates[0].until);
  }
}

// Published Saturday 2023-11-18 10:00 (ISO week 46).
TEST(DatesRoundTwoTest, WholeUnitsBeforeOrAfterThePublicationTime) {
  expect_first_span({
      {"지난 2주 동안 매출이 늘었다.", "지난 2주", "2023-W44", "2023-W46"},
      {"지난 이초 사이", "지난 이초", "2023-11-18T09:59:58", "2023-11-18T10:00:00"},
      {"다음 세달 동안 공사한다.", "다음 세달", "2023-12", "2024-03"},
      {"지난 2달 사이 올랐다.", "지난 2달", "2023-09", "2023-11"},
      {"Prices rose over the past 24 hours.", "the past 24 hours", "2023-11-17T10",
       "2023-11-18T10"},
      {"Growth will slow in the next three years.", "the next three years", "2024", "2027"},
      {"the last two quarters", "the last two quarters", "2023-Q2", "2023-Q4"},
      {"in the upcoming two weeks", "the upcoming two weeks", "2023-W48", nullptr},
      {"2 upcoming months", "2 upcoming months", "2024-01", nullptr},
  });
  // The count is also a duration, as before.
  const Entities e = values_of("지난 2주 동안 매출이 늘었다.", kPublished);
  ASSERT_EQ(e.durations.size(), 1u);
  EXPECT_EQ(e.durations[0].value, "P2W");
}

TEST(DatesRoundTwoTest, Seasons) {
  expect_first_span({
      {"점심 이후 회의가 열린다.", "점심", "2023-11-18T12", "2023-11-18T14"},
      {"올여름 폭염이 이어졌다.", "올여름", "2023-06-21", "2023-09-24"},
      {"이번 겨울은 춥다.", "이번 겨울", "2023-12-21", "2024-03-21"},
      {"지난 겨울 난방비가 올랐다.", "지난 겨울", "2022-12-21", "2023-03-21"},
      {"내년 봄 개장한다.", "내년 봄", "2024-03-20", "2024-06-21"},
      {"Sales fell last summer.", "last summer", "2023-06-21", "2023-09-24"},
      {"It opens next spring.", "next spring", "2024-03-20", "2024-06-21"},
  });
}

TEST(DatesRoundTwoTest, PartsOfAWeekMonthOrYear) {
  expect_first_span({
      {"Talks end by the end of the month.", "the end of the month", "2023-11-21", "2023-12-01"},
      {"It opens in early March.", "early March", "2023-03-01", "2023-03-11"},
      {"It opens in mid-March 2024.", "mid-March 2024", "2024-03-11", "2024-03-21"},
      {"Sales slowed late last year.", "late last year", "2022-09", "2023-01"},
      {"Rates may rise at the beginning of next week.", "the beginning of next week", "2023-11-20",
       "2023-11-23"},
      {"The target is EOY.", "EOY", "2023-09", "2024-01"},
  });
  expect_first_date({
      {"at the end of the war", nullptr, nullptr},
      {"The boy ran home.", nullptr, nullptr},
  });
}

TEST(DatesRoundTwoTest, HolidaysThatMove) {
  expect_first_date({
      {"Stores open early on Black Friday.", "Black Friday", "2023-11-24"},
      {"He flew home for Thanksgiving.", "Thanksgiving", "2023-11-23"},
      {"The parade on Memorial Day", "Memorial Day", "2023-05-29"},
      {"It happened on Easter 2010.", "Easter 2010", "2010-04-04"},
      {"Good Friday services", "Good Friday", "2023-04-07"},
      {"Christmas 2014 was quiet.", "Christmas 2014", "2014-12-25"},
  });
}

TEST(DatesRoundTwoTest, ATimeJoinedToItsDay) {
  expect_first_date({
      {"The vote is tomorrow at 5pm.", "tomorrow at 5pm", "2023-11-19T17"},
      {"They meet at 9am on Monday.", "9am on Monday", "2023-11-13T09"},
      {"Polls close 3pm tomorrow.", "3pm tomorrow", "2023-11-19T15"},
      {"It starts Friday, 3 pm.", "Friday, 3 pm", "2023-11-17T15"},
      {"On Monday 2 people died.", "Monday", "2023-11-13"},
  });
}

TEST(DatesRoundTwoTest, EnglishClockReadings) {
  expect_first_date({
      {"The match starts at 15h30.", "15h30", "2023-11-18T15:30"},
      {"Doors open at 15h.", "15h", "2023-11-18T15:00"},
      {"a 24h strike", nullptr, nullptr},
      {"He spoke at a quarter past 3pm.", "a quarter past 3pm", "2023-11-18T15:15"},
      {"They met at half past three.", "half past three", "2023-11-18T15:30"},
      {"It ends 20 minutes to noon.", "20 minutes to noon", "2023-11-18T11:40"},
      {"Lunch is at noon.", "noon", "2023-11-18T12"},
      {"Rates rose a quarter to 3.5 percent.", nullptr, nullptr},
      {"He speaks tonight at 8.", "tonight at 8", "2023-11-18T20"},
      {"We met this afternoon at 3:20.", "this afternoon at 3:20", "2023-11-18T15:20"},
  });
}

// Regression: 여러, 만난, 내란 after a day are words, not 여 (about), 만
// (after), 내 (within): the day was lost or read as a span of days.
TEST(DatesRoundTwoTest, AWordAfterADayIsNotADurationMarker) {
  expect_first_date({
      {"지난 18일 여러 커뮤니티에", "지난 18일", "2023-11-18"},
      {"12일 여인형 전 사령관을", "12일", "2023-11-12"},
      {"지난 5일 만난 김씨는", "지난 5일", "2023-11-05"},
      {"지난 10일 내란 혐의로", "지난 10일", "2023-11-10"},
  });
  const Entities e = values_of("산불이 6일 만인 28일 진화됐다.", kPublished);
  ASSERT_EQ(e.durations.size(), 1u);
  EXPECT_EQ(e.durations[0].value, "P6D");
}

// Published on Tuesday 14 November: the clause's tense says whether a bare
// weekday or day is before or after it.
TEST(DatesRoundTwoTest, TenseDecidesTheSideOfABareWeekdayOrDay) {
  const char* tuesday = "2023-11-14T10:00:00+09:00";
  const struct {
    const char* sentence;
    const char* value;
  } cases[] = {
      {"The minister said on Friday that he would stay.", "2023-11-10"},
      {"The board will meet on Friday.", "2023-11-17"},
      {"금요일 회의를 열었다.", "2023-11-10"},
      {"금요일 회의가 열린다.", "2023-11-17"},
      {"금요일 발표할 예정이다.", "2023-11-17"},
      // Another clause's verb does not decide.
      {"금요일에 재판이 없는데, 목요일 재판을 열었다.", "2023-11-17"},
      {"16일 결과를 발표했다.", "2023-10-16"},
      {"16일 결과가 나온다.", "2023-11-16"},
      // A far day stays in the month before whatever the tense.
      {"30일 결과가 나온다.", "2023-10-30"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Entities e = values_of(c.sentence, tuesday);
    ASSERT_FALSE(e.dates.empty());
    EXPECT_EQ(e.dates[0].value, c.value);
  }
  // Published on a Saturday, a future Monday is the one after.
  EXPECT_EQ(values_of("The board will meet on Monday.", kPublished).dates[0].value, "2023-11-20");
}

}  // namespace
}  // namespace news
