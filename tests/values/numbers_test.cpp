#include "values/numbers.h"

#include <gtest/gtest.h>

#include <vector>

namespace news {
namespace {

std::string korean(std::string_view text, std::size_t pos = 0) {
  const auto m = read_korean_number(text, pos);
  return m ? m->value.to_string() + "@" + std::to_string(m->end) : "none";
}

TEST(DecimalTest, ParsesAndPrintsExactly) {
  EXPECT_EQ(Decimal::parse("1,234.50")->to_string(), "1234.5");
  EXPECT_EQ(Decimal::parse("-3")->to_string(), "-3");
  EXPECT_EQ(Decimal::parse(".77")->to_string(), "0.77");
  EXPECT_FALSE(Decimal::parse("1.2.3"));
  EXPECT_FALSE(Decimal::parse(""));
  EXPECT_EQ(add(*Decimal::parse("0.1"), *Decimal::parse("0.2"))->to_string(),
            "0.3");  // no float drift
  EXPECT_EQ(divide(Decimal::of(2), Decimal::of(3))->to_string(), "0.666666666667");
  EXPECT_EQ(times_power_of_ten(*Decimal::parse("3.5"), 12)->to_string(), "3500000000000");
}

TEST(KoreanNumberTest, ReadsDigitsWithUnitsInAnyMix) {
  EXPECT_EQ(korean("130억 달러"), "13000000000@6");
  EXPECT_EQ(korean("16조8천500억원"),
            "16850000000000@" + std::to_string(std::string("16조8천500억").size()));
  EXPECT_EQ(read_korean_number("1만2천", 0)->value.to_string(), "12000");
  EXPECT_EQ(read_korean_number("3.5조", 0)->value.to_string(), "3500000000000");
  EXPECT_EQ(read_korean_number("2억5000만", 0)->value.to_string(), "250000000");
  EXPECT_EQ(read_korean_number("1,234.5", 0)->value.to_string(), "1234.5");
}

TEST(KoreanNumberTest, ReadsSinoKoreanNumerals) {
  EXPECT_EQ(read_korean_number("삼십이", 0)->value.to_string(), "32");
  EXPECT_EQ(read_korean_number("칠천십이억삼천구백팔십만천백이십삼", 0)->value.to_string(),
            "701239801123");
  EXPECT_EQ(read_korean_number("사천백이십삼점삼", 0)->value.to_string(), "4123.3");
  EXPECT_EQ(read_korean_number("사분의삼", 0)->value.to_string(), "0.75");
  EXPECT_EQ(read_korean_number("마이너스 3", 0)->value.to_string(), "-3");
}

TEST(KoreanNumberTest, MarksApproximateForms) {
  const auto several = read_korean_number("수십억원", 0);
  ASSERT_TRUE(several);
  EXPECT_TRUE(several->approximate);
  EXPECT_EQ(several->value.to_string(), "1000000000");
  const auto odd = read_korean_number("10여 명", 0);
  ASSERT_TRUE(odd);
  EXPECT_TRUE(odd->approximate);
  EXPECT_EQ(odd->value.to_string(), "10");
  // 여성 (women) after a number is not "odd": 3여성 stops at 3.
  EXPECT_FALSE(read_korean_number("3여성", 0)->approximate);
}

TEST(KoreanNumberTest, StopsAtParticlesAndWordsThatLookLikeNumerals) {
  EXPECT_EQ(korean("5천이 넘는"), "5000@4");  // 이 is the subject particle, not 2
  EXPECT_EQ(korean("17일"), "17@2");          // 일 is "day" after digits
  EXPECT_EQ(korean("3경기"), "3@1");          // 경기 (match), not 3 × 10^16
  EXPECT_EQ(korean("제3조", 3), "3@4");       // Article 3, not three trillion
}

// One row per form the Korean reader decides on: what it reads at the start
// of `text` (the consumed part and its value), or nothing.
struct KoreanCase {
  const char* text;
  const char* read;  // nullptr: no numeral
  const char* value;
  bool approximate;
  NumeralScript script;
};

TEST(KoreanNumberTest, TableOfForms) {
  using S = NumeralScript;
  const std::vector<KoreanCase> cases = {
      // digits with units, a space inside the number
      {"7천 5백만 달러", "7천 5백만", "75000000", false, S::kDigits},
      {"66억 8000만원", "66억 8000만", "6680000000", false, S::kDigits},
      {"1백억 5천만", "1백억 5천만", "10050000000", false, S::kDigits},
      {"9만 4천", "9만 4천", "94000", false, S::kDigits},
      {"5 억 달러", "5 억", "500000000", false, S::kDigits},
      {"5천 만원", "5천 만", "50000000", false, S::kDigits},
      {"1경원", "1경", "10000000000000000", false, S::kDigits},
      // a piece after a space that does not go on with the number
      {"3억 5억", "3억", "300000000", false, S::kDigits},
      {"100만 3명", "100만", "1000000", false, S::kDigits},
      {"1 조선", "1", "1", false, S::kDigits},
      // spelled-out Sino-Korean numerals
      {"삼십 퍼센트", "삼십", "30", false, S::kSinoKorean},
      {"십 퍼센트", "십", "10", false, S::kSinoKorean},
      {"백퍼센트", "백", "100", false, S::kSinoKorean},
      {"만 원", "만", "10000", false, S::kSinoKorean},
      {"삼점사", "삼점사", "3.4", false, S::kSinoKorean},
      {"사분의삼", "사분의삼", "0.75", false, S::kSinoKorean},
      {"마이너스 3", "마이너스 3", "-3", false, S::kDigits},
      // approximations
      {"수십 억원", "수십 억", "1000000000", true, S::kSinoKorean},
      {"수천", "수천", "1000", true, S::kSinoKorean},
      {"10여 명", "10여", "10", true, S::kDigits},
      {"3여성", "3", "3", false, S::kDigits},
      // words that only look like numbers
      {"조원씨", nullptr, nullptr, false, S::kDigits},
      {"수요일", nullptr, nullptr, false, S::kDigits},
      {"3경기", "3", "3", false, S::kDigits},
  };
  for (const KoreanCase& c : cases) {
    SCOPED_TRACE(c.text);
    const auto m = read_korean_number(c.text, 0);
    if (!c.read) {
      EXPECT_FALSE(m) << m->value.to_string();
      continue;
    }
    ASSERT_TRUE(m);
    EXPECT_EQ(std::string_view(c.text).substr(m->start, m->end - m->start), c.read);
    EXPECT_EQ(m->value.to_string(), c.value);
    EXPECT_EQ(m->approximate, c.approximate);
    EXPECT_EQ(m->script, c.script);
  }
}

TEST(KoreanNumberTest, RejectsOverflowInsteadOfWrapping) {
  EXPECT_EQ(read_korean_number("9999경9999조", 0)->value.to_string(), "99999999000000000000");
  EXPECT_FALSE(read_korean_number("999999999999999999999999경", 0));
}

TEST(NativeNumberTest, ReadsNativeCounts) {
  EXPECT_EQ(read_native_number("스물다섯", 0)->value.to_string(), "25");
  EXPECT_EQ(read_native_number("두 번째", 0)->value.to_string(), "2");
  EXPECT_EQ(read_native_number("열한", 0)->value.to_string(), "11");
  EXPECT_FALSE(read_native_number("사과", 0));
}

TEST(NativeNumberTest, TableOfForms) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"하나", "1"},  {"두 번째", "2"},   {"스물다섯", "25"}, {"스무 살", "20"},
      {"서른", "30"}, {"아흔아홉", "99"}, {"열한", "11"},     {"십하나", "11"},
  };
  for (const auto& [text, value] : cases) {
    SCOPED_TRACE(text);
    const auto m = read_native_number(text, 0);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->value.to_string(), value);
    EXPECT_EQ(m->script, NumeralScript::kNative);
  }
  EXPECT_FALSE(read_native_number("사과", 0));
}

TEST(EnglishNumberTest, ReadsScalesWordsAndFractions) {
  EXPECT_EQ(read_english_number("13 billion", 0)->value.to_string(), "13000000000");
  EXPECT_EQ(read_english_number("1.2m", 0)->value.to_string(), "1200000");
  EXPECT_EQ(read_english_number("two-thirds", 0)->value.to_string(), "0.666666666667");
  EXPECT_EQ(read_english_number("twenty-one thousand and twelve", 0)->value.to_string(), "21012");
  EXPECT_EQ(read_english_number("a dozen", 0)->value.to_string(), "12");
  // 3min is not three million.
  EXPECT_EQ(read_english_number("3min", 0)->end, 1u);
}

// Found by tests/fuzz/numbers_fuzz.cpp: asked at the very end of the text,
// the English reader looked at the byte past it.
TEST(EnglishNumberTest, NothingToReadAtTheEndOfTheText) {
  EXPECT_FALSE(read_english_number("", 0));
  EXPECT_FALSE(read_english_number("12", 2));
  EXPECT_FALSE(read_number("twelve", 6));
}

// Found by reading the English reader while fuzzing it (an empty optional
// was taken for a value; _GLIBCXX_ASSERTIONS aborts there): an English
// numeral whose value does not fit exactly is rejected, like a Korean one.
TEST(EnglishNumberTest, RejectsOverflowInsteadOfReadingGarbage) {
  std::string dozens = "a";
  for (int i = 0; i < 40; ++i) dozens += " dozen";  // 12^40 > 10^36
  EXPECT_FALSE(read_english_number(dozens, 0));
  EXPECT_EQ(read_english_number("a dozen dozen", 0)->value.to_string(), "144");
  // More than 24 decimal places cannot be held exactly.
  EXPECT_FALSE(read_english_number("point 1234567890123456789012345678901", 0));
  EXPECT_FALSE(read_english_number("two point 1234567890123456789012345678901", 0));
  EXPECT_EQ(read_english_number("two point five million", 0)->value.to_string(), "2500000");
  EXPECT_FALSE(read_english_number("99999999999999999999999999999999999 dozen", 0));
}

// Found by tests/fuzz/numbers_fuzz.cpp: 3/마이너스 30 was read as the fraction
// -0.1, a negative value with no minus before it. A fraction's denominator is
// a plain positive number.
TEST(NumberTest, AFractionNeedsAPositiveDenominator) {
  EXPECT_EQ(read_number("3/4", 0)->value.to_string(), "0.75");
  EXPECT_EQ(read_number("3/마이너스 30", 0)->value.to_string(), "3");
  EXPECT_EQ(read_number("3/-4", 0)->value.to_string(), "3");
  EXPECT_EQ(read_number("3/0", 0)->value.to_string(), "3");
}

}  // namespace
}  // namespace news
