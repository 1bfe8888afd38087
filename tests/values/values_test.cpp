#include "values/values.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline.h"
#include "values_test_support.h"

namespace news {
namespace {

// The seed article (../shared, published 2023-11-18T19:32+09:00) must give
// the values the issue lists.
TEST(ValuesSeedTest, OpenAiArticleGivesTheExpectedValues) {
  const std::filesystem::path seed = ANALYZE_SHARED_DIR "/seed/openai-altman-ko.txt";
  if (!std::filesystem::exists(seed)) GTEST_SKIP() << seed << " is absent";
  std::ifstream in(seed, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const Document d = analyze(bytes.str(), Source{}, Options{}, testing::resources());
  ASSERT_TRUE(d.entities);
  const Entities& e = *d.entities;

  const auto money = [&](const std::string& text) -> const MoneyEntity* {
    for (const auto& m : e.money)
      if (m.where.text == text) return &m;
    return nullptr;
  };
  const MoneyEntity* usd = money("130억 달러");
  const MoneyEntity* krw = money("약 16조8천500억원");
  ASSERT_TRUE(usd && krw);
  EXPECT_EQ(usd->amount, "13000000000");
  EXPECT_EQ(usd->currency, "USD");
  EXPECT_EQ(krw->amount, "16850000000000");
  EXPECT_EQ(krw->currency, "KRW");
  EXPECT_TRUE(krw->approximate);
  ASSERT_TRUE(krw->converted_from);
  EXPECT_EQ(&e.money[*krw->converted_from], usd);

  std::vector<std::string> percentages;
  for (const auto& p : e.percentages) percentages.push_back(p.value);
  EXPECT_NE(std::find(percentages.begin(), percentages.end(), "1"), percentages.end());
  EXPECT_NE(std::find(percentages.begin(), percentages.end(), "49"), percentages.end());

  const auto date = [&](const std::string& text) -> const DateEntity* {
    for (const auto& x : e.dates)
      if (x.where.text == text) return &x;
    return nullptr;
  };
  ASSERT_TRUE(date("17일(현지시간)"));
  EXPECT_EQ(date("17일(현지시간)")->value, "2023-11-17");
  EXPECT_TRUE(date("17일(현지시간)")->local_time);
  ASSERT_TRUE(date("2021년 10월") && date("올해 10월") && date("2019년") && date("이달"));
  EXPECT_EQ(date("2021년 10월")->value, "2021-10");
  EXPECT_EQ(date("올해 10월")->value, "2023-10");
  EXPECT_EQ(date("2019년")->value, "2019");
  EXPECT_EQ(date("이달")->value, "2023-11");
  EXPECT_FALSE(date("3년"));
  EXPECT_FALSE(date("30분"));

  bool three_years = false, thirty_minutes = false;
  for (const auto& x : e.durations) {
    three_years |= x.where.text == "3년" && x.value == "P3Y";
    thirty_minutes |= x.where.text == "30분" && x.value == "PT30M";
  }
  EXPECT_TRUE(three_years);
  EXPECT_TRUE(thirty_minutes);
}

TEST(ValuesTest, OffsetsPointAtTheSurfaceText) {
  const Entities e = testing::values_of("MS는 130억 달러를 투자했다.");
  ASSERT_EQ(e.money.size(), 1u);
  const std::string text = "MS는 130억 달러를 투자했다.";
  EXPECT_EQ(text.substr(e.money[0].where.start, e.money[0].where.end - e.money[0].where.start),
            "130억 달러");
}

TEST(ValuesTest, IsDeterministicAcrossCalls) {
  const std::string text = "17일 오후 3시 130억 달러, 49%, 16명, 3년";
  const Entities a = testing::values_of(text, "2023-11-18T19:32:00+09:00");
  const Entities b = testing::values_of(text, "2023-11-18T19:32:00+09:00");
  ASSERT_EQ(a.dates.size(), b.dates.size());
  EXPECT_EQ(a.dates[0].value, b.dates[0].value);
  EXPECT_EQ(a.money.size(), b.money.size());
}

}  // namespace
}  // namespace news
