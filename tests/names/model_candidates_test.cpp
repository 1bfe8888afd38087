// The trained model as a proposer of names, and how it combines with the
// rules (src/model_candidates.cpp). The shipped model is used as is: the
// sentences are our own and their names are ones any sensible tagger finds.
#include <gtest/gtest.h>

#include <algorithm>

#include "names/candidates.h"
#include "names/names.h"
#include "resources.h"
#include "testing.h"

namespace news {
namespace {

const Resources& resources() {
  static const Resources loaded = Resources::load(ANALYZE_SOURCE_DIR "/data");
  return loaded;
}

using testing::paragraphs_of;

std::string surface(const std::vector<Paragraph>& ps, const NameCandidate& c) {
  return ps[static_cast<std::size_t>(c.paragraph)].text.substr(c.start, c.end - c.start);
}

// The surfaces of the people the model proposes in `ps`.
std::vector<std::string> people_from_model(const std::vector<Paragraph>& ps) {
  const auto tokens = name_tokens(ps, resources().names);
  std::vector<std::string> people;
  for (const NameCandidate& c :
       propose_from_model(ps, tokens, *resources().ner_model, resources().names)) {
    if (c.type == NameType::kPerson) people.push_back(surface(ps, c));
  }
  return people;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

NameCandidate candidate(int paragraph, std::size_t start, std::size_t end, NameType type,
                        double score, const char* evidence) {
  NameCandidate c;
  c.paragraph = paragraph;
  c.start = start;
  c.end = end;
  c.type = type;
  c.score = score;
  c.evidence = evidence;
  return c;
}

TEST(ModelCandidatesTest, ShippedModelIsLoadedWithTheResources) {
  ASSERT_TRUE(resources().ner_model.has_value());
  EXPECT_FALSE(Resources::load(ANALYZE_SOURCE_DIR "/data", false).ner_model.has_value());
}

TEST(ModelCandidatesTest, ModelSpansBecomeCandidatesWithoutParticles) {
  const auto ps = paragraphs_of({"사티아 나델라 마이크로소프트 최고경영자는 이날 성명을 냈다."});
  const auto tokens = name_tokens(ps, resources().names);
  const auto found = propose_from_model(ps, tokens, *resources().ner_model, resources().names);
  bool person = false;
  for (const NameCandidate& c : found) {
    EXPECT_EQ(c.evidence, "model");
    // Above a curated lexicon hit (0.95): where the two disagree on a span,
    // the model has read the sentence (북한 acting is a state, 충남
    // 아산경찰서 one police station); where they agree both count.
    EXPECT_GE(c.score, 0.96);
    EXPECT_LE(c.score, 0.99);
    EXPECT_EQ(tokens[0][c.first_token].start, c.start);  // starts where a word starts
    if (c.type == NameType::kPerson) person |= surface(ps, c) == "사티아 나델라";
    EXPECT_NE(surface(ps, c), "마이크로소프트 최고경영자는");
  }
  EXPECT_TRUE(person);
}

TEST(ModelCandidatesTest, SurnameBeforeATitleIsAPersonAndANameIsNotCutShort) {
  const auto ps = paragraphs_of(
      {"조 전 부사장은 지난해 12월 뉴욕에서 대한항공 여객기에 탑승했다.",
       "이날 오픈AI 공동창업자이자 이사회 임원인 일리야 수츠케버가 자리했다."});
  const auto tokens = name_tokens(ps, resources().names);
  const auto found = propose_from_model(ps, tokens, *resources().ner_model, resources().names);
  bool surname = false;
  for (const NameCandidate& c : found) {
    if (c.type != NameType::kPerson) continue;
    surname |= c.paragraph == 0 && surface(ps, c) == "조";
    // [일리야 수츠]케버가: a person's name does not stop inside a word.
    EXPECT_NE(surface(ps, c), "일리야 수츠");
  }
  EXPECT_TRUE(surname) << "조 전 부사장: the surname alone names the person";
}

TEST(ModelCandidatesTest, StopWordSurnameBeforeAFormerTitleIsAPerson) {
  // 이, 한, 전 are also "this", "a", "former"; before 전 + a title they are
  // surnames (이 전 의원, 한 전 대표), and 전 전 대통령 is President 전.
  const auto ps = paragraphs_of({"검찰은 이 전 의원이 청탁성 전화를 한 것인지 조사할 예정이다.",
                                 "한편 한 전 대표는 이날 기자회견을 열었다."});
  const std::vector<std::string> people = people_from_model(ps);
  EXPECT_TRUE(contains(people, "이"));
  EXPECT_TRUE(contains(people, "한"));
}

TEST(ModelCandidatesTest, OneSyllableWithAnHonorificIsAPerson) {
  // 이군이 (the honorific written on) and 쑨 씨 (a surname the list lacks).
  const auto ps = paragraphs_of({"3일 경찰은 이군이 흉기를 갖고 등교했다고 밝혔다.",
                                 "중국 매체들은 쑨 씨가 부대 안에서 무술 시범을 보였다고 전했다."});
  const std::vector<std::string> people = people_from_model(ps);
  EXPECT_TRUE(contains(people, "이"));
  EXPECT_TRUE(contains(people, "쑨"));
}

TEST(ModelCandidatesTest, KoreanFullNameWrittenOnToTheNextWordKeepsItsCut) {
  // Reviews and comments glue a name to what follows (김동화선생님의); a
  // surname + two name-like syllables is the name, a foreign name cut
  // short ([일리야 수츠]케버가, above) is not.
  EXPECT_TRUE(contains(people_from_model(paragraphs_of({"어제 김동화선생님의 만화를 다시 봤다."})),
                       "김동화"));
}

TEST(ModelCandidatesTest, OrganizationWordBeforeAKnownOrganizationDescribesIt) {
  const auto ps = paragraphs_of({"그는 프랑스 항공우주그룹 조디악 에어로스페이스에서 일했다."});
  const auto tokens = name_tokens(ps, resources().names);
  for (const NameCandidate& c :
       propose_from_model(ps, tokens, *resources().ner_model, resources().names)) {
    EXPECT_EQ(std::string(surface(ps, c)).find("항공우주그룹"), std::string::npos);
  }
}

TEST(ModelCandidatesTest, CandidatesStartAtAWordNotAMark) {
  // Photo credits glue a slash to the source: the model may take it in.
  const auto ps = paragraphs_of({"다음 달 개통을 앞두고 마무리 공사 중인 부산 제2대교. /부산시청",
                                 "청라하늘대교 조감도. /인천경제청", "사진=인천경제청/연합뉴스",
                                 "《사진=수원지검》", "일러스트=한빛디자인랩",
                                 "(서울=연합뉴스) 김민수 기자 = 인천경제청은 밝혔다."});
  const auto tokens = name_tokens(ps, resources().names);
  for (const NameCandidate& c :
       propose_from_model(ps, tokens, *resources().ner_model, resources().names)) {
    const std::string s = surface(ps, c);
    ASSERT_FALSE(s.empty());
    EXPECT_TRUE(std::string("/([=").find(s[0]) == std::string::npos) << s;
    EXPECT_EQ(s.find('='), std::string::npos) << s;
  }
}

TEST(ModelCandidatesTest, ModelReadsKoreanTextParagraphsOnly) {
  auto ps =
      paragraphs_of({"Satya Nadella met Sam Altman.", "나델라 대표가 말했다.", "사진=연합뉴스"});
  ps[2].role = Role::kByline;
  EXPECT_FALSE(model_reads(ps[0]));  // trained on Korean
  EXPECT_TRUE(model_reads(ps[1]));
  EXPECT_FALSE(model_reads(ps[2]));  // credits and bylines are the metadata's job
  const auto tokens = name_tokens(ps, resources().names);
  for (const NameCandidate& c :
       propose_from_model(ps, tokens, *resources().ner_model, resources().names)) {
    EXPECT_EQ(c.paragraph, 1);
  }
}

TEST(ModelCandidatesTest, AgreementRaisesTheRuleAndKeepsOneCandidate) {
  const auto ps = paragraphs_of({"김영수 대표가 말했다."});
  std::vector<NameCandidate> rules = {candidate(0, 0, 9, NameType::kPerson, 0.85, "title")};
  std::vector<NameCandidate> model = {candidate(0, 0, 9, NameType::kPerson, 0.90, "model"),
                                      candidate(0, 10, 16, NameType::kOrganization, 0.82, "model")};
  const auto combined = combine_candidates(ps, rules, model);
  ASSERT_EQ(combined.size(), 2u);
  EXPECT_EQ(combined[0].evidence, "title+model");
  EXPECT_DOUBLE_EQ(combined[0].score, 1.0);  // max(0.85, 0.90) + 0.1, capped
  EXPECT_EQ(combined[1].evidence, "model");
}

TEST(ModelCandidatesTest, WeakRuleGuessesNeedTheModelWhereItRead) {
  const auto ps = paragraphs_of({"한마디로 재미있었다.", "Harbor Robotics said so."});
  std::vector<NameCandidate> rules = {
      candidate(0, 0, 9, NameType::kPerson, 0.5, "syllables"),
      candidate(1, 0, 15, NameType::kOrganization, 0.6, "cue:said")};
  const auto combined = combine_candidates(ps, rules, {});
  ASSERT_EQ(combined.size(), 1u);  // the Korean guess goes; the model never read the English
  EXPECT_EQ(combined[0].paragraph, 1);
}

TEST(ModelCandidatesTest, ModelFindsANameTheRulesMiss) {
  // A foreign name with no title and no lexicon entry: the rules alone miss it.
  std::vector<Paragraph> ps =
      paragraphs_of({"존 매커리는 공장 착공식에서 일자리 2천개가 생길 것이라고 말했다."});
  Entities rules_only, combined;
  extract_names(ps, resources().names, nullptr, rules_only);
  extract_names(ps, resources().names, &*resources().ner_model, combined);
  const auto named = [](const Entities& e, const std::string& name) {
    return std::any_of(e.people.begin(), e.people.end(),
                       [&](const NamedEntity& p) { return p.name == name; });
  };
  EXPECT_FALSE(named(rules_only, "존 매커리"));
  EXPECT_TRUE(named(combined, "존 매커리"));
}

TEST(ModelCandidatesTest, PersonSpansStopBeforeATitle) {
  const auto ps = paragraphs_of({"독일 메르켈 총리의 난민 정책에 대한 반대 목소리도 높아졌다."});
  Entities combined;
  extract_names(ps, resources().names, &*resources().ner_model, combined);
  ASSERT_EQ(combined.people.size(), 1u);
  EXPECT_EQ(combined.people[0].name, "메르켈");
  EXPECT_EQ(combined.people[0].roles, std::vector<std::string>{"총리"});
}

TEST(ModelCandidatesTest, LawsAreNoOrganizationsButShortCourtsAre) {
  const auto ps = paragraphs_of(
      {"미국 인플레이션감축법과 공정거래법 개정안, 중대재해처벌법안이 이날 함께 논의됐다.",
       "서울중앙지법과 서울고법은 이날 판결을 미뤘다."});
  const auto tokens = name_tokens(ps, resources().names);
  for (const NameCandidate& c :
       propose_from_model(ps, tokens, *resources().ner_model, resources().names)) {
    const std::string s = surface(ps, c);
    EXPECT_FALSE(c.type == NameType::kOrganization && s.ends_with("법") && s.size() > 6 &&
                 !s.ends_with("지법") && !s.ends_with("고법"))
        << s;
    EXPECT_FALSE(s.ends_with("법안")) << s;
  }
}

}  // namespace
}  // namespace news
