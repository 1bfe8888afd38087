#include "base/text.h"

#include <gtest/gtest.h>

#include <string>

namespace news {
namespace {

TEST(TextTest, CodePointIndexAgreesWithAScanEverywhere) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += i % 3 == 0 ? "알트먼" : i % 3 == 1 ? " CEO " : "😀";
  const CodePointIndex index(text);
  for (std::size_t byte = 0; byte <= text.size(); ++byte) {
    if (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) continue;
    ASSERT_EQ(index(byte), count_code_points(std::string_view(text).substr(0, byte))) << byte;
  }
  EXPECT_EQ(CodePointIndex("")(0), 0u);
  EXPECT_EQ(CodePointIndex(std::string(256, 'a'))(256), 256u);
}

TEST(TextTest, Classes) {
  EXPECT_TRUE(is_ascii_digit('7'));
  EXPECT_FALSE(is_ascii_digit('a'));
  EXPECT_FALSE(is_ascii_alpha(static_cast<char>(0xEA)));  // a UTF-8 lead byte, signed char
  EXPECT_TRUE(is_ascii_alnum('Z'));
  EXPECT_EQ(to_lower_ascii('Q'), 'q');
  EXPECT_TRUE(is_hangul_syllable(U'가'));
  EXPECT_FALSE(is_hangul_syllable(U'ㄱ'));
}

TEST(TextTest, DecodeBeforeReadsTheLastCodePoint) {
  const std::string text = "a가😀";
  std::size_t length = 0;
  EXPECT_EQ(decode_before(text, text.size(), length), U'😀');
  EXPECT_EQ(length, 4u);
  EXPECT_EQ(decode_before(text, 4, length), U'가');
  EXPECT_EQ(length, 3u);
  EXPECT_EQ(decode_before(text, 1, length), U'a');
}

TEST(TextTest, StartsWithAt) {
  EXPECT_TRUE(starts_with_at("1조원", 1, "조"));
  EXPECT_FALSE(starts_with_at("1조", 1, "조원"));
  EXPECT_FALSE(starts_with_at("abc", 0, ""));
}

}  // namespace
}  // namespace news
