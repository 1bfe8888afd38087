#include "names/name_lexicons.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace news {
namespace {

TEST(NameLexiconsTest, LoadsTheShippedFiles) {
  const NameLexicons lex = NameLexicons::load(ANALYZE_SOURCE_DIR "/data");
  ASSERT_NE(lex.known("마이크로소프트"), nullptr);
  EXPECT_EQ(lex.known("마이크로소프트")->type, NameType::kOrganization);
  ASSERT_NE(lex.known("MS"), nullptr);
  EXPECT_EQ(lex.known("MS")->canonical, "마이크로소프트");
  ASSERT_NE(lex.title("CEO"), nullptr);
  EXPECT_EQ(lex.title("씨")->title_class, TitleClass::kHonorific);
  EXPECT_TRUE(lex.is_surname("김"));
  EXPECT_TRUE(lex.is_given_name("샘"));
  ASSERT_NE(lex.cue("법무법인"), nullptr);
  EXPECT_TRUE(lex.cue("법무법인")->legal_form);
  EXPECT_FALSE(lex.cue("주가")->legal_form);
}

TEST(NameLexiconsTest, OrganizationSuffixKeepsItsMinimumPrefix) {
  const NameLexicons lex = NameLexicons::load(ANALYZE_SOURCE_DIR "/data");
  std::size_t suffix = 0;
  const std::string* kind = lex.org_suffix_kind("한빛전자", &suffix);
  ASSERT_NE(kind, nullptr);
  EXPECT_EQ(*kind, "company");
  EXPECT_EQ(suffix, std::string("전자").size());
  EXPECT_EQ(lex.org_suffix_kind("전자"), nullptr);  // a bare suffix is no name
  ASSERT_NE(lex.org_suffix_kind("서울중앙지법"), nullptr);
  EXPECT_EQ(*lex.org_suffix_kind("서울중앙지법"), "government");
}

TEST(NameLexiconsTest, UserLexiconAddsNamesWithAliases) {
  NameLexicons lex;
  lex.add_user_lexicon(
      Lexicon::parse("# mine\n노바텍\torganization\tcompany\tNovatek|NVT\n홍길동\tperson\n",
                     "user.txt"),
      "user.txt");
  ASSERT_NE(lex.known("NVT"), nullptr);
  EXPECT_EQ(lex.known("NVT")->canonical, "노바텍");
  EXPECT_EQ(lex.known("NVT")->kind, "company");
  ASSERT_NE(lex.known("홍길동"), nullptr);
  EXPECT_EQ(lex.known("홍길동")->type, NameType::kPerson);
}

TEST(NameLexiconsTest, MalformedUserLineNamesFileAndLine) {
  NameLexicons lex;
  try {
    lex.add_user_lexicon(Lexicon::parse("노바텍\torganization\n홍길동\tpeople\n", "user.txt"),
                         "user.txt");
    FAIL() << "expected a LexiconError";
  } catch (const LexiconError& e) {
    EXPECT_NE(std::string(e.what()).find("user.txt:2:"), std::string::npos) << e.what();
  }
}

TEST(NameLexiconsTest, DerivedLexiconsCanBeDropped) {
  NameLexicons lex = NameLexicons::load(ANALYZE_SOURCE_DIR "/data");
  lex.drop_derived();
  EXPECT_NE(lex.known("마이크로소프트"), nullptr);  // curated stays
  EXPECT_EQ(lex.person_odds("알트먼"), 0.0);
}

TEST(NameLexiconsTest, GivenNameOddsSeparateNamesFromWords) {
  const NameLexicons lex = NameLexicons::load(ANALYZE_SOURCE_DIR "/data");
  EXPECT_GT(lex.given_name_odds("김민준"), lex.given_name_odds("이사회"));
}

TEST(NameLexiconsTest, UnseenGivenNameSyllablesCountWhatTheCallerSays) {
  const NameLexicons lex = NameLexicons::load(ANALYZE_SOURCE_DIR "/data");
  // 뷁 and 꿹 are in no name of the statistics.
  EXPECT_EQ(lex.given_name_odds("김뷁꿹"), 0.0);
  EXPECT_EQ(lex.given_name_odds("김뷁꿹", -2.0), -4.0);
}

TEST(NameLexiconsTest, VerbEndingsAreNoNames) {
  for (const char* verb : {"확대해서", "왔으며", "주관한", "소환된", "이뤄진", "안겨준", "나눠준"})
    EXPECT_TRUE(has_verb_ending(verb)) << verb;
  for (const char* word : {"알트먼", "김민준", "나델라", "석포제련소"})
    EXPECT_FALSE(has_verb_ending(word)) << word;
}

TEST(NameLexiconsTest, RoleTitleWrittenOnToAWorkplace) {
  const NameLexicons lex = NameLexicons::load(ANALYZE_SOURCE_DIR "/data");
  EXPECT_EQ(lex.attached_role_title("석포제련소장"), "소장");
  EXPECT_EQ(lex.attached_role_title("서울시장"), "시장");      // a known place
  EXPECT_EQ(lex.attached_role_title("서울중앙지검장"), "지검장");
  EXPECT_EQ(lex.attached_role_title("주식시장"), "") << "시장 is also a market";
  EXPECT_EQ(lex.attached_role_title("전통시장"), "");
  EXPECT_EQ(lex.attached_role_title("시장"), "") << "the title alone is no workplace";
  EXPECT_EQ(lex.attached_role_title("CEO"), "");
}

TEST(NameLexiconsTest, AttachedTitleEndsAgreeWithTheTitles) {
  // may_end_with_attached_title() is a filter: it must be true whenever some
  // suffix of the word is a title that attaches (김철수씨, 이재용회장).
  const NameLexicons lex = NameLexicons::load(ANALYZE_SOURCE_DIR "/data");
  const Lexicon titles = Lexicon::load(ANALYZE_SOURCE_DIR "/data/person_titles.txt", 1, 2);
  const std::vector<std::string> words = {"김철수씨", "이재용회장", "홍길동", "바나나", "A씨",
                                          "사과", "김씨", "CEO", "최고경영자", "한빛전자"};
  std::size_t attached = 0;
  for (const std::string& word : words) {
    bool some_suffix = false;
    for (const LexiconEntry& entry : titles.entries()) {
      const bool attaches =
          entry.fields.size() > 1 && entry.fields[1].find("attaches") != std::string::npos;
      some_suffix |= attaches && std::string_view(word).ends_with(entry.key);
    }
    if (some_suffix) {
      ++attached;
      EXPECT_TRUE(lex.may_end_with_attached_title(word)) << word;
    }
  }
  EXPECT_GE(attached, 3u);  // 김철수씨, A씨, 김씨 at least
  EXPECT_FALSE(lex.may_end_with_attached_title(""));
  EXPECT_TRUE(lex.may_end_with_attached_title("김철수씨"));
}

TEST(NameLexiconsTest, WordIndexKnowsPhraseHeads) {
  const NameLexicons lex = NameLexicons::load(ANALYZE_SOURCE_DIR "/data");
  // 조디악 에어로스페이스 is a known organization of two words.
  ASSERT_TRUE(lex.starts_known_phrase("조디악"));
  const WordInfo* head = lex.word("조디악");
  ASSERT_NE(head, nullptr);
  EXPECT_TRUE(head->phrase_head);
  if (const WordInfo* single = lex.word("마이크로소프트")) {
    EXPECT_EQ(single->phrase_head, lex.starts_known_phrase("마이크로소프트"));
  }
}

TEST(NameLexiconsTest, SyllableTablesAgreeWithTheSets) {
  // is_surname() and org_suffix_kind() answer one Hangul syllable from a bit
  // table built at load; other input and unloaded lexicons use the hash sets.
  const NameLexicons lex = NameLexicons::load(ANALYZE_SOURCE_DIR "/data");
  const Lexicon surnames = Lexicon::load(ANALYZE_SOURCE_DIR "/data/surnames.txt", 0, 0);
  for (const LexiconEntry& entry : surnames.entries()) EXPECT_TRUE(lex.is_surname(entry.key));
  EXPECT_TRUE(lex.is_surname("김"));
  EXPECT_FALSE(lex.is_surname("갂"));
  EXPECT_FALSE(lex.is_surname("A"));
  EXPECT_FALSE(lex.is_surname(""));
  EXPECT_EQ(lex.org_suffix_kind("갂"), nullptr);
  ASSERT_NE(lex.org_suffix_kind("한빛전자"), nullptr);

  const NameLexicons empty;
  EXPECT_FALSE(empty.is_surname("김"));
  EXPECT_EQ(empty.org_suffix_kind("한빛전자"), nullptr);
  EXPECT_EQ(empty.particles_ending_like("브록만도"), nullptr);
  EXPECT_FALSE(empty.may_end_with_attached_title("김철수씨"));
}

TEST(NameLexiconsTest, ParticlesByLastSyllable) {
  const NameLexicons lex = NameLexicons::load(ANALYZE_SOURCE_DIR "/data");
  // Every particle is listed under its own last code point, longest first.
  for (const std::string& particle : lex.particles()) {
    const std::vector<std::string>* list = lex.particles_ending_like("알트먼" + particle);
    ASSERT_NE(list, nullptr) << particle;
    EXPECT_NE(std::find(list->begin(), list->end(), particle), list->end()) << particle;
    for (std::size_t k = 1; k < list->size(); ++k)
      EXPECT_GE((*list)[k - 1].size(), (*list)[k].size());
  }
}

}  // namespace
}  // namespace news
