#include "news/decode.h"

#include <gtest/gtest.h>

namespace news {
namespace {

TEST(DecodeTest, StripsByteOrderMarkAndNormalizesLineEndings) {
  const Decoded d = decode("\xEF\xBB\xBF제목\r\n본문\r마지막", {});
  EXPECT_FALSE(d.error);
  EXPECT_EQ(d.text, "제목\n본문\n마지막");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_TRUE(d.warnings.empty());
}

TEST(DecodeTest, ReplacesInvalidBytesAndSaysWhere) {
  const Decoded d = decode("ab\xFF" "c\xC0\xAF", {});
  ASSERT_FALSE(d.error);
  EXPECT_EQ(d.text, "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD");
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].find("3 invalid UTF-8 bytes"), std::string::npos) << d.warnings[0];
  EXPECT_NE(d.warnings[0].find("byte offset 2"), std::string::npos) << d.warnings[0];
}

TEST(DecodeTest, StrictModeMakesInvalidBytesAnError) {
  const Decoded d = decode("ab\xFF", DecodeOptions{std::nullopt, true});
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, "invalid_utf8");
}

TEST(DecodeTest, BinaryInputIsNotText) {
  EXPECT_EQ(decode(std::string_view("\x89PNG\r\n\x1a\n\0\0", 10), {}).error->code, "not_text");
  EXPECT_EQ(decode(std::string_view("text\0more", 9), {}).error->code, "not_text");
  EXPECT_EQ(decode("\x7f" "ELF\x02\x01", {}).error->code, "not_text");
}

TEST(DecodeTest, ValidatesEveryClassOfInvalidUtf8) {
  EXPECT_TRUE(is_valid_utf8("한국어 text €"));
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\x80"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xED\x95"));          // truncated at the end
  EXPECT_FALSE(is_valid_utf8("\x80"));              // stray continuation
  EXPECT_FALSE(is_valid_utf8("\xFE"));
}

}  // namespace
}  // namespace news
