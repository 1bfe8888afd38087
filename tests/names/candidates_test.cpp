#include "names/candidates.h"

#include <gtest/gtest.h>

#include "resources.h"
#include "testing.h"

namespace news {
namespace {

const NameLexicons& lexicons() {
  static const NameLexicons loaded = NameLexicons::load(ANALYZE_SOURCE_DIR "/data");
  return loaded;
}

using testing::paragraphs_of;

std::string stem_of(const Paragraph& p, const Token& t) {
  return p.text.substr(t.start, t.stem_end - t.start);
}

TEST(CandidatesTest, FallbackSplitterTakesParticlesOff) {
  const auto ps = paragraphs_of({"오픈AI는 알트먼에게서 답을 들었다."});
  const auto tokens = name_tokens(ps, lexicons());
  ASSERT_GE(tokens[0].size(), 3u);
  EXPECT_EQ(stem_of(ps[0], tokens[0][0]), "오픈AI");
  EXPECT_EQ(stem_of(ps[0], tokens[0][1]), "알트먼");
}

TEST(CandidatesTest, AStemSeenWithAnotherParticleStaysWhole) {
  // 브록만도 shows 브록만 is a stem, so a bare 브록만 keeps its 만.
  const auto ps = paragraphs_of({"그렉 브록만도 떠났다.", "그렉 브록만 사장이 말했다."});
  const auto tokens = name_tokens(ps, lexicons());
  EXPECT_EQ(stem_of(ps[1], tokens[1][1]), "브록만");
}

TEST(CandidatesTest, UsesTheTokenizerWhenItRan) {
  auto ps = paragraphs_of({"알트먼이 왔다"});
  ps[0].tokens = {Token{0, 12, TokenKind::kHangul, 9}, Token{13, 19, TokenKind::kHangul, 19}};
  const auto tokens = name_tokens(ps, lexicons());
  ASSERT_EQ(tokens[0].size(), 2u);
  EXPECT_EQ(tokens[0][0].stem_end, 9u);
}

TEST(CandidatesTest, CandidatesCarryEvidence) {
  const auto ps = paragraphs_of({"김영수 대표가 노바텍 측 입장을 전했다."});
  const auto tokens = name_tokens(ps, lexicons());
  const auto candidates = propose_names(ps, tokens, lexicons());
  bool person = false, organization = false;
  for (const NameCandidate& c : candidates) {
    const std::string surface = ps[0].text.substr(c.start, c.end - c.start);
    if (c.type == NameType::kPerson && surface == "김영수") person = c.evidence == "title";
    if (c.type == NameType::kOrganization && surface == "노바텍")
      organization = c.evidence == "cue:측";
  }
  EXPECT_TRUE(person);
  EXPECT_TRUE(organization);
}

TEST(CandidatesTest, SelectionKeepsOneReadingAndAddsLaterMentions) {
  const auto ps =
      paragraphs_of({"에릭 하트먼 노바텍 CEO가 왔다.", "하트먼은 노바텍 주가를 걱정했다."});
  const auto tokens = name_tokens(ps, lexicons());
  const auto mentions =
      select_mentions(propose_names(ps, tokens, lexicons()), ps, tokens, lexicons());
  std::vector<std::string> seen;
  for (const NameCandidate& c : mentions)
    seen.push_back(ps[c.paragraph].text.substr(c.start, c.end - c.start));
  EXPECT_EQ(seen, (std::vector<std::string>{"에릭 하트먼", "노바텍", "하트먼", "노바텍"}));
  for (std::size_t i = 1; i < mentions.size(); ++i) {
    EXPECT_TRUE(mentions[i - 1].paragraph < mentions[i].paragraph ||
                mentions[i - 1].end <= mentions[i].start);
  }
}

}  // namespace
}  // namespace news
