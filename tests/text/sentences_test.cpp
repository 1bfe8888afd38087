#include "text/sentences.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/lexicon.h"

namespace news {
namespace {

const Lexicon& abbreviations() {
  static const Lexicon lexicon =
      Lexicon::load(std::string(ANALYZE_SOURCE_DIR) + "/data/abbreviations.txt", 0, 0);
  return lexicon;
}

std::vector<std::string> sentences_of(const std::string& text) {
  std::vector<std::string> out;
  for (const Sentence& s : split_sentences(text, abbreviations())) {
    out.push_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

using Sentences = std::vector<std::string>;

TEST(SentencesTest, SplitsKoreanSentencesAtTheirEnds) {
  EXPECT_EQ(sentences_of("이사회가 회의를 열었다. 그는 자리를 떠났다. 주가는 하락했다."),
            (Sentences{"이사회가 회의를 열었다.", "그는 자리를 떠났다.", "주가는 하락했다."}));
  EXPECT_EQ(sentences_of("정말인가? 그렇다!"), (Sentences{"정말인가?", "그렇다!"}));
}

TEST(SentencesTest, CharactersOutsideTheBasicPlaneKeepByteOffsets) {
  // ICU reads UTF-16: an emoji is two units there and four bytes here.
  EXPECT_EQ(sentences_of("좋다😀. 다음 문장이다. 𠀀자도 있다."),
            (Sentences{"좋다😀.", "다음 문장이다.", "𠀀자도 있다."}));
}

TEST(SentencesTest, KeepsAQuotationFollowedByAConnectiveInOneSentence) {
  EXPECT_EQ(
      sentences_of("그는 “회사는 변했다. 이제 떠난다”며 “후회는 없다”고 말했다. 다음 날 떠났다."),
      (Sentences{"그는 “회사는 변했다. 이제 떠난다”며 “후회는 없다”고 말했다.",
                 "다음 날 떠났다."}));
  EXPECT_EQ(sentences_of("대표는 \"시간이 좋았다. 다음 계획을 알리겠다.\"라고 밝혔다. 끝이다."),
            (Sentences{"대표는 \"시간이 좋았다. 다음 계획을 알리겠다.\"라고 밝혔다.", "끝이다."}));
}

TEST(SentencesTest, BreaksInsideAQuotationThatEndsTheSentence) {
  EXPECT_EQ(sentences_of("그가 말했다. \"좋다.\" 모두 웃었다."),
            (Sentences{"그가 말했다.", "\"좋다.\"", "모두 웃었다."}));
}

TEST(SentencesTest, KeepsAParentheticalCreditWithItsSentence) {
  EXPECT_EQ(sentences_of("대표가 사임 소식을 알렸다. (사진=X 캡처)"),
            (Sentences{"대표가 사임 소식을 알렸다. (사진=X 캡처)"}));
  EXPECT_EQ(sentences_of("대표가 떠났다. (사진=연합뉴스) 회사는 침묵했다."),
            (Sentences{"대표가 떠났다. (사진=연합뉴스)", "회사는 침묵했다."}));
}

TEST(SentencesTest, AbbreviationsAndDecimalsEndNoSentence) {
  EXPECT_EQ(sentences_of("Mr. Altman met Ms. Murati on Nov. 17 in the U.S. Capitol. It was "
                         "OpenAI vs. Microsoft. J. K. Rowling agreed."),
            (Sentences{"Mr. Altman met Ms. Murati on Nov. 17 in the U.S. Capitol.",
                       "It was OpenAI vs. Microsoft.", "J. K. Rowling agreed."}));
  EXPECT_EQ(sentences_of("주가는 3.5% 하락했다. 1.2배 늘었다."),
            (Sentences{"주가는 3.5% 하락했다.", "1.2배 늘었다."}));
}

TEST(SentencesTest, OffsetsAreBytesOfTheTextWithoutTrailingSpaces) {
  const std::string text = "첫 문장이다.  둘째 문장.";
  const std::vector<Sentence> s = split_sentences(text, abbreviations());
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].start, 0u);
  EXPECT_EQ(text.substr(s[0].start, s[0].end - s[0].start), "첫 문장이다.");
  EXPECT_EQ(text.substr(s[1].start, s[1].end - s[1].start), "둘째 문장.");
  EXPECT_EQ(s[1].end, text.size());
  EXPECT_TRUE(split_sentences("", abbreviations()).empty());
  EXPECT_EQ(sentences_of("마침표 없는 제목"), (Sentences{"마침표 없는 제목"}));
}

}  // namespace
}  // namespace news
