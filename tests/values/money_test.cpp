#include "values/money.h"

#include <gtest/gtest.h>

#include "values_test_support.h"

namespace news {
namespace {

using testing::values_of;

TEST(MoneyTest, LinksAParenthesizedConversionToTheAmountBefore) {
  const Entities e = values_of("오픈AI에 130억 달러(약 16조8천500억원)를 투자했다.");
  ASSERT_EQ(e.money.size(), 2u);
  EXPECT_EQ(e.money[0].where.text, "130억 달러");
  EXPECT_EQ(e.money[0].amount, "13000000000");
  EXPECT_EQ(e.money[0].currency, "USD");
  EXPECT_FALSE(e.money[0].approximate);
  EXPECT_EQ(e.money[1].where.text, "약 16조8천500억원");
  EXPECT_EQ(e.money[1].amount, "16850000000000");
  EXPECT_EQ(e.money[1].currency, "KRW");
  EXPECT_TRUE(e.money[1].approximate);
  EXPECT_EQ(e.money[1].converted_from, 0);
}

TEST(MoneyTest, ReadsSymbolsCodesAndEnglishScales) {
  const Entities e =
      values_of("It paid $13bn, then €11.5bn and 16.85 trillion won; US$ 4.7 billion later.");
  ASSERT_EQ(e.money.size(), 4u);
  EXPECT_EQ(e.money[0].amount, "13000000000");
  EXPECT_EQ(e.money[0].currency, "USD");
  EXPECT_EQ(e.money[1].amount, "11500000000");
  EXPECT_EQ(e.money[1].currency, "EUR");
  EXPECT_EQ(e.money[2].amount, "16850000000000");
  EXPECT_EQ(e.money[2].currency, "KRW");
  EXPECT_EQ(e.money[3].amount, "4700000000");
}

TEST(MoneyTest, ARangeSharesTheCurrencyAfterIt) {
  const Entities e = values_of("입장료는 2만~3만원 수준이다.");
  ASSERT_EQ(e.money.size(), 2u);
  EXPECT_EQ(e.money[0].amount, "20000");
  EXPECT_EQ(e.money[1].amount, "30000");
  EXPECT_EQ(e.money[0].currency, "KRW");
}

TEST(MoneyTest, LongestCurrencyWinsAndApproximateSuffixCounts) {
  const Entities e = values_of("홍콩달러 기준 50억 홍콩달러 가량이 오갔다.");
  ASSERT_EQ(e.money.size(), 1u);
  EXPECT_EQ(e.money[0].currency, "HKD");
  EXPECT_TRUE(e.money[0].approximate);
}

TEST(MoneyTest, WordsThatLookLikeAmountsAreNotMoney) {
  EXPECT_TRUE(values_of("사드 3불 정책을 두고 사원들이 이불을 덮었다.").money.empty());
  EXPECT_TRUE(values_of("구원 투수와 일원이 되었다.").money.empty());
}

TEST(MoneyTest, CentsAreAFractionOfTheirCurrency) {
  const Entities e = values_of("2달러 23센트");
  ASSERT_EQ(e.money.size(), 1u);
  EXPECT_EQ(e.money[0].amount, "2.23");
  EXPECT_EQ(values_of("50센트").money[0].amount, "0.5");
}

}  // namespace
}  // namespace news
