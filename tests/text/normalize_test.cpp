#include "text/normalize.h"

#include <string>

#include <gtest/gtest.h>

#include "text/segment.h"

namespace news {
namespace {

TEST(NormalizeTest, FoldsEveryKindOfSpaceAndTrims) {
  EXPECT_EQ(normalize_line("  오픈AI\t\t이사회가 "), "오픈AI 이사회가");
  EXPECT_EQ(normalize_line("샘\xC2\xA0\xC2\xA0알트먼"), "샘 알트먼");  // U+00A0
  EXPECT_EQ(normalize_line("샘\xE3\x80\x80알트먼"), "샘 알트먼");      // U+3000
  EXPECT_EQ(normalize_line("샘\xE2\x80\x83알트먼\xE2\x80\xAF씨"),
            "샘 알트먼 씨");  // em space, U+202F
  EXPECT_EQ(normalize_line("\xC2\xA0 \t"), "");
}

TEST(NormalizeTest, DropsInvisibleCharacters) {
  EXPECT_EQ(normalize_line("\xEF\xBB\xBF제목"), "제목");                      // U+FEFF at the start
  EXPECT_EQ(normalize_line("알트\xE2\x80\x8B먼"), "알트먼");                  // U+200B
  EXPECT_EQ(normalize_line("알트\xE2\x80\x8C먼\xE2\x80\x8D이"), "알트먼이");  // U+200C, U+200D
  EXPECT_EQ(normalize_line("마이크로\xC2\xAD소프트"), "마이크로소프트");      // soft hyphen
  EXPECT_EQ(normalize_line("a\x01"
                           "b\x7F"
                           "c"),
            "abc");  // control characters
}

TEST(NormalizeTest, KeepsTheJoinerInsideAnEmojiSequence) {
  const std::string technologist = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB";  // 👩‍💻
  EXPECT_EQ(normalize_line(technologist), technologist);
}

TEST(NormalizeTest, MapsFullWidthAsciiButKeepsCjkPunctuation) {
  EXPECT_EQ(normalize_line("ＡＢＣ１２３"), "ABC123");
  EXPECT_EQ(normalize_line("（주）삼성전자！　３～５일"), "(주)삼성전자! 3~5일");
  EXPECT_EQ(normalize_line("￦1,000"), "₩1,000");
  EXPECT_EQ(normalize_line("「오픈AI」、『챗GPT』。"), "「오픈AI」、『챗GPT』。");
}

TEST(NormalizeTest, KeepsQuotesAsWritten) {
  EXPECT_EQ(normalize_line("“좋았다” ‘정말’ \"그렇다\" 'yes'"), "“좋았다” ‘정말’ \"그렇다\" 'yes'");
  EXPECT_EQ(fold_quotes("“좋았다” ‘정말’"), "\"좋았다\" '정말'");
}

TEST(NormalizeTest, ComposesToNfc) {
  // 한 as conjoining jamo (U+1112 U+1161 U+11AB) and é as e + U+0301.
  EXPECT_EQ(normalize_line("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB국"), "한국");
  // 하 precomposed, then a conjoining final ㄴ (U+11AB): NFC makes 한.
  EXPECT_EQ(normalize_line("\xED\x95\x98\xE1\x86\xAB국"), "한국");
  EXPECT_EQ(normalize_line("cafe\xCC\x81"), "caf\xC3\xA9");
  EXPECT_TRUE(is_nfc("한국 café"));
  EXPECT_FALSE(is_nfc("cafe\xCC\x81"));
  EXPECT_EQ(to_nfc("한국어"), "한국어");
}

TEST(NormalizeTest, SplitLinesCleansEachLine) {
  const std::vector<Line> lines =
      split_lines("\xEF\xBB\xBF제목\n\n  본문\xC2\xA0첫 줄\t\n\xE2\x80\x8B\n끝");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "제목");
  EXPECT_EQ(lines[1].text, "본문 첫 줄");
  EXPECT_EQ(lines[1].number, 3);
  EXPECT_EQ(lines[2].text, "끝");
  EXPECT_EQ(lines[2].number, 5);
}

}  // namespace
}  // namespace news
