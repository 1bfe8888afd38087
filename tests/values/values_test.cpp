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

// One row per sentence: the records of one kind it must give, in order, as
// "text=value" (money and quantities add their unit: "text=value unit").
struct ValuesCase {
  const char* sentence;
  std::vector<std::string> records;
};

std::vector<std::string> money_of(const Entities& e) {
  std::vector<std::string> out;
  for (const MoneyEntity& m : e.money)
    out.push_back(m.where.text + "=" + m.amount + " " + m.currency);
  return out;
}

std::vector<std::string> percentages_of(const Entities& e) {
  std::vector<std::string> out;
  for (const PercentageEntity& p : e.percentages) out.push_back(p.where.text + "=" + p.value);
  return out;
}

std::vector<std::string> quantities_of(const Entities& e) {
  std::vector<std::string> out;
  for (const QuantityEntity& q : e.quantities)
    out.push_back(q.where.text + "=" + q.value + " " + q.unit);
  return out;
}

void expect_records(const std::vector<ValuesCase>& cases,
                    std::vector<std::string> (*records_of)(const Entities&)) {
  for (const ValuesCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    EXPECT_EQ(records_of(testing::values_of(c.sentence)), c.records);
  }
}

TEST(ValuesTableTest, Money) {
  expect_records(
      {
          {"7천 5백만 달러를 냈다", {"7천 5백만 달러=75000000 USD"}},
          {"약 66억 8000만원 규모", {"약 66억 8000만원=6680000000 KRW"}},
          {"1백억 5천만원", {"1백억 5천만원=10050000000 KRW"}},
          {"9만 4천원", {"9만 4천원=94000 KRW"}},
          {"5 억 달러", {"5 억 달러=500000000 USD"}},
          {"2만~3만원", {"2만=20000 KRW", "3만원=30000 KRW"}},
          {"만원짜리", {"만원=10000 KRW"}},
          {"아들 조원씨가 왔다", {}},
          {"이원 사원이 왔다", {}},
      },
      money_of);
}

TEST(ValuesTableTest, Percentages) {
  expect_records(
      {
          {"삼십 퍼센트 할인", {"삼십 퍼센트=30"}},
          {"십 퍼센트 할인", {"십 퍼센트=10"}},
          {"백퍼센트 환불", {"백퍼센트=100"}},
          {"이 퍼센트는", {}},  // 이 is "this", not two
          {"3~4% 올랐다", {"3=3", "4%=4"}},
          {"0.5%포인트 내렸다", {"0.5%포인트=0.5"}},
      },
      percentages_of);
}

// A counter after a native numeral must end its word: the rest of the word
// is a particle of data/particles.txt or a counter suffix (씩, 째, 쯤) of
// data/value-words.txt that a particle may follow.
TEST(ValuesTableTest, QuantitiesAndTheWordAfterTheCounter) {
  expect_records(
      {
          {"한 번이라도 물었다", {"한 번=1 번"}},
          {"한 명씩만 돌봤다", {"한 명=1 명"}},
          {"한 곳밖에 없었다", {"한 곳=1 곳"}},
          {"두 잔째는 안 들어갔다", {"두 잔=2 잔"}},
          {"마흔다섯 살에야 데뷔했다", {"마흔다섯 살=45 살"}},
          {"1도라도 낮춰", {"1도=1 도"}},
          {"한 대로변에서", {}},       // 대로변: roadside
          {"두 근로자가 다쳤다", {}},  // 근로자: workers
          {"516 도로에서", {}},        // a road, not degrees
          {"한 권한대행", {}},
      },
      quantities_of);
}

}  // namespace
}  // namespace news
