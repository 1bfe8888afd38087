#include "values/quantities.h"

#include <gtest/gtest.h>

#include <vector>

#include "values_test_support.h"

namespace news {
namespace {

using testing::values_of;

TEST(QuantitiesTest, ReadsCountersAfterDigitsAndNativeNumerals) {
  const Entities e = values_of("대원 16명과 장비 2개, 세 차례 출동했고 두 번째 신고에서 1위였다.");
  ASSERT_EQ(e.quantities.size(), 5u);
  EXPECT_EQ(e.quantities[0].where.text, "16명");
  EXPECT_EQ(e.quantities[0].value, "16");
  EXPECT_EQ(e.quantities[0].unit, "명");
  EXPECT_EQ(e.quantities[2].where.text, "세 차례");
  EXPECT_EQ(e.quantities[2].value, "3");
  EXPECT_EQ(e.quantities[3].unit, "번째");
  EXPECT_EQ(e.quantities[3].value, "2");
  EXPECT_EQ(e.quantities[4].unit, "위");
}

TEST(QuantitiesTest, AnAgeInParenthesesAfterAName) {
  const Entities e = values_of("배우 홍길동(33)과 김철수(41)가 출연한다. 오픈AI(2015)");
  ASSERT_EQ(e.quantities.size(), 2u);
  EXPECT_EQ(e.quantities[0].value, "33");
  EXPECT_EQ(e.quantities[0].unit, "세");
  EXPECT_EQ(e.quantities[0].where.text, "33");
}

TEST(QuantitiesTest, WordsMadeOfNumeralSyllablesAreNotQuantities) {
  // 한편 (meanwhile), 세대 (generation), 이번 (this time), 사회 (society).
  EXPECT_TRUE(values_of("한편 세대 간 갈등이 이번 사회에서 커졌다.").quantities.empty());
}

TEST(QuantitiesTest, ApproximateAndRanges) {
  const Entities e = values_of("10여 명이 5~6곳에 모였다.");
  ASSERT_EQ(e.quantities.size(), 3u);
  EXPECT_TRUE(e.quantities[0].approximate);
  EXPECT_EQ(e.quantities[1].value, "5");
  EXPECT_EQ(e.quantities[2].value, "6");
  EXPECT_EQ(e.quantities[2].unit, "곳");
}

TEST(PercentagesTest, ReadsPercentAndPoints) {
  const Entities e =
      values_of("주가는 1% 넘게 하락했고 지분 49%을 보유. 금리 0.25%p, 3~4%, 5 percent");
  ASSERT_EQ(e.percentages.size(), 6u);
  EXPECT_EQ(e.percentages[0].value, "1");
  EXPECT_TRUE(e.percentages[0].approximate);  // 넘게: more than
  EXPECT_EQ(e.percentages[1].value, "49");
  EXPECT_EQ(e.percentages[2].value, "0.25");
  EXPECT_TRUE(e.percentages[2].points);
  EXPECT_EQ(e.percentages[3].value, "3");
  EXPECT_EQ(e.percentages[4].value, "4");
  EXPECT_EQ(e.percentages[5].value, "5");
  EXPECT_TRUE(values_of("새 프로그램과 프로젝트").percentages.empty());
}

}  // namespace
}  // namespace news

namespace news {
namespace {

TEST(QuantitiesTest, ANativeNumeralsCounterMustEndItsWord) {
  // 한 is also a surname: 한 권한대행 is acting president Han, not one book.
  EXPECT_TRUE(testing::values_of("한 권한대행은 한 대행으로서 밝혔다").quantities.empty());
  const Entities e = testing::values_of("한 명이 두 번째로 왔다");
  ASSERT_EQ(e.quantities.size(), 2u);
  EXPECT_EQ(e.quantities[0].where.text, "한 명");
}

// Regression: 50대 (people in their fifties) was 50 vehicles.
TEST(QuantitiesTest, AnAgeDecadeIsAnAgeNotAVehicleCount) {
  struct Case {
    const char* sentence;
    const char* text;
    const char* unit;
    bool approximate;
  };
  for (const Case& c : std::vector<Case>{{"50대 남성이 숨졌다", "50대", "세", true},
                                         {"40대가 가장 많았다", "40대", "세", true},
                                         {"20~30대 여성", "30대", "세", true},
                                         {"차량 50대가 불에 탔다", "50대", "대", false},
                                         {"50대의 차량이 섰다", "50대", "대", false},
                                         {"버스 3대", "3대", "대", false}}) {
    SCOPED_TRACE(c.sentence);
    const Entities e = testing::values_of(c.sentence);
    ASSERT_FALSE(e.quantities.empty());
    const QuantityEntity& q = e.quantities.back();
    EXPECT_EQ(q.where.text, c.text);
    EXPECT_EQ(q.unit, c.unit);
    EXPECT_EQ(q.approximate, c.approximate);
  }
}

}  // namespace
}  // namespace news
