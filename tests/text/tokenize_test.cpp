#include "text/tokenize.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace news {
namespace {

const Particles& particles() {
  static const Particles loaded =
      Particles::load(std::string(ANALYZE_SOURCE_DIR) + "/data/particles.txt");
  return loaded;
}

// "stem+particle" for a split token, the token's text otherwise.
std::vector<std::string> shown(const std::string& text, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    std::string s = text.substr(t.start, t.stem_end - t.start);
    if (t.has_particle()) s.append("+").append(text, t.stem_end, t.end - t.stem_end);
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> shown(const std::string& text) {
  return shown(text, tokenize(text, particles()));
}

using Shown = std::vector<std::string>;

TEST(TokenizeTest, SplitsParticlesFromNames) {
  EXPECT_EQ(shown("알트먼이"), Shown{"알트먼+이"});
  EXPECT_EQ(shown("오픈AI는"), Shown{"오픈AI+는"});
  EXPECT_EQ(shown("마이크로소프트가"), Shown{"마이크로소프트+가"});
  EXPECT_EQ(shown("알트먼으로부터"), Shown{"알트먼+으로부터"});
  EXPECT_EQ(shown("수츠케버에게"), Shown{"수츠케버+에게"});
  EXPECT_EQ(shown("회사는"), Shown{"회사+는"});
  EXPECT_EQ(shown("이사회의"), Shown{"이사회+의"});
  EXPECT_EQ(shown("GPT-4와"), Shown{"GPT-4+와"});
}

TEST(TokenizeTest, LeavesWordsThatOnlyLookLikeTheyEndInAParticle) {
  EXPECT_EQ(shown("이사회"), Shown{"이사회"});
  EXPECT_EQ(shown("나델라"), Shown{"나델라"});
  EXPECT_EQ(shown("테슬라"), Shown{"테슬라"});
  EXPECT_EQ(shown("회사"), Shown{"회사"});
  EXPECT_EQ(shown("회의"), Shown{"회의"});
  EXPECT_EQ(shown("주관하고 있는 했다는"), (Shown{"주관하고", "있는", "했다는"}));
}

TEST(TokenizeTest, FollowsTheSoundRuleOfEachParticle) {
  // 이 follows a final consonant, 가 a vowel: 나이 is not 나 + 이.
  EXPECT_EQ(shown("나이"), Shown{"나이"});
  // 으로 never follows ㄹ: 서울으로 is no split, 서울로 is.
  EXPECT_EQ(shown("서울로"), Shown{"서울+로"});
}

TEST(TokenizeTest, UsesTheArticleAsEvidence) {
  // 나델라는 alone looks like …라는; the article shows 나델라 bare.
  std::vector<Paragraph> paragraphs(2);
  paragraphs[0].text = "사티아 나델라 CEO가 말했다.";
  paragraphs[1].text = "나델라는 무라티도 만났다. 무라티 CTO와 함께였다.";
  tokenize_article(paragraphs, particles());
  const Shown second = shown(paragraphs[1].text, paragraphs[1].tokens);
  EXPECT_EQ(second[0], "나델라+는");
  EXPECT_EQ(second[1], "무라티+도");
  EXPECT_EQ(shown(paragraphs[0].text, paragraphs[0].tokens)[2], "CEO+가");
}

TEST(TokenizeTest, GivesKindsAndByteOffsets) {
  const std::string text = "오픈AI, 챗GPT와 GPT-4를 1,234.5달러(약 16조8천억원)에 OpenAI 49%";
  const std::vector<Token> tokens = tokenize(text, particles());
  std::vector<std::string> texts;
  std::vector<TokenKind> kinds;
  for (const Token& t : tokens) {
    texts.push_back(text.substr(t.start, t.end - t.start));
    kinds.push_back(t.kind);
  }
  EXPECT_EQ(texts, (Shown{"오픈AI", ",", "챗GPT와", "GPT-4를", "1,234.5", "달러", "(", "약",
                          "16조8천억원", ")", "에", "OpenAI", "49", "%"}));
  using K = TokenKind;
  EXPECT_EQ(kinds,
            (std::vector<K>{K::kMixed, K::kPunctuation, K::kMixed, K::kMixed, K::kNumber,
                            K::kHangul, K::kPunctuation, K::kHangul, K::kMixed, K::kPunctuation,
                            K::kHangul, K::kLatin, K::kNumber, K::kSymbol}));
  // A particle right after a closing bracket or a number has an empty stem.
  const Token& after_bracket = tokens[10];
  EXPECT_TRUE(after_bracket.has_particle());
  EXPECT_EQ(after_bracket.stem_end, after_bracket.start);
}

TEST(TokenizeTest, NumbersGluedToCountersAreTwoTokens) {
  EXPECT_EQ(shown("16명이"), (Shown{"16", "명+이"}));
  EXPECT_EQ(shown("8로"), (Shown{"8", "+로"}));
  EXPECT_EQ(shown("30도"), (Shown{"30", "도"}));
  EXPECT_EQ(shown("13만"), (Shown{"13", "만"}));
}

TEST(TokenizeTest, ReportsAMalformedLexiconLine) {
  try {
    Particles::parse("이\tconsonant\n가\tsometimes\n", "particles.txt");
    FAIL() << "expected a LexiconError";
  } catch (const LexiconError& e) {
    EXPECT_NE(std::string(e.what()).find("particles.txt:2"), std::string::npos) << e.what();
  }
}

TEST(TokenizeTest, WorksWithTheLexiconAlone) {
  const Particles bare = Particles::parse("이\tconsonant\n는\tvowel\n", "test");
  const std::string text = "알트먼이 회사는";
  EXPECT_EQ(shown(text, tokenize(text, bare)), (Shown{"알트먼+이", "회사+는"}));
}

}  // namespace
}  // namespace news
