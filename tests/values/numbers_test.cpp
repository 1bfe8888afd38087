#include "values/numbers.h"

#include <gtest/gtest.h>

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
