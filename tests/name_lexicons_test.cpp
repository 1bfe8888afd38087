#include "news/name_lexicons.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace news
