// English names from capitalized runs (src/names/candidates.cpp,
// propose_capitalized_runs): made-up sentences, names no lexicon holds.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "names/names.h"
#include "names/names_testing.h"
#include "resources.h"

namespace news {
namespace {

using names_testing::names_of;
using names_testing::find;
using names_testing::resources;

bool named(const std::vector<NamedEntity>& list, const std::string& name) {
  return std::any_of(list.begin(), list.end(), [&](const NamedEntity& e) { return e.name == name; });
}

TEST(EnglishNamesTest, APersonAfterATitleOrARole) {
  const Entities e = names_of(
      "The deal was welcomed by chief executive Maria Okafor and by Mr Tevita Langi, who said "
      "talks had gone well.");
  EXPECT_TRUE(named(e.people, "Maria Okafor"));
  EXPECT_TRUE(named(e.people, "Tevita Langi"));
  EXPECT_FALSE(named(e.people, "Mr Tevita Langi")) << "the honorific stays outside";
}

TEST(EnglishNamesTest, ASurnameAloneJoinsTheFullName) {
  const Entities e = names_of(
      "Shares rose after sprinter Odalys Brenneke won.\nLater Brenneke said she was tired.");
  const auto it = std::find_if(e.people.begin(), e.people.end(),
                               [](const NamedEntity& p) { return p.name == "Odalys Brenneke"; });
  ASSERT_NE(it, e.people.end());
  EXPECT_EQ(it->mentions.size(), 2u);
}

TEST(EnglishNamesTest, AMiddleInitialStaysInsideTheName) {
  const Entities e = names_of(
      "The case was heard by Judge Sidney H. Stein in Manhattan.\n"
      "Stein said the trial would begin in March.");
  const NamedEntity* judge = find(e.people, "Sidney H. Stein");
  ASSERT_NE(judge, nullptr);
  EXPECT_EQ(judge->mentions.size(), 2u);
  EXPECT_EQ(find(e.people, "Sidney H"), nullptr);
}

TEST(EnglishNamesTest, TheLastWordSaysPlaceOrOrganization) {
  const Entities e = names_of(
      "The firm moved to offices in Kentish Town last year.\n"
      "A study by the Brookings Institute found little change.");
  EXPECT_NE(find(e.locations, "Kentish Town"), nullptr);
  EXPECT_NE(find(e.organizations, "Brookings Institute"), nullptr);
  EXPECT_EQ(find(e.people, "Kentish Town"), nullptr);
}

TEST(EnglishNamesTest, CompaniesFromTheWordsAroundThem) {
  const Entities e = names_of(
      "Insurance giant Quarvell bought the unit. Quarvell chief executive Ana Ruiz said the "
      "Harbin Valley Trust would also gain, as would Delmont Group.");
  EXPECT_TRUE(named(e.organizations, "Quarvell"));
  EXPECT_TRUE(named(e.organizations, "Harbin Valley Trust"));
  EXPECT_TRUE(named(e.organizations, "Delmont Group"));
  EXPECT_FALSE(named(e.people, "Quarvell"));
}

TEST(EnglishNamesTest, ThePossessiveStaysOutside) {
  const Entities e = names_of("It was Brackwell Holdings' year, and Fenwick's shares fell in Ostrava.");
  EXPECT_TRUE(named(e.organizations, "Fenwick"));
}

TEST(EnglishNamesTest, SentenceStartsWorksAndAdjectivesAreNoPeople) {
  const Entities e = names_of(
      "Yesterday the game sold well. The Silver Harbour was named best film, and Halo Dunes 2 "
      "sold more; a Swedish official, said Swedish papers, agreed. Many Norwegian fans came.");
  EXPECT_FALSE(named(e.people, "Yesterday"));
  EXPECT_FALSE(named(e.people, "Silver Harbour")) << "a title of a work, after 'the'";
  EXPECT_FALSE(named(e.people, "Halo Dunes")) << "a numbered title";
  EXPECT_FALSE(named(e.people, "Swedish"));
}

TEST(EnglishNamesTest, KoreanParagraphsAreLeftToTheKoreanRules) {
  const Entities e = names_of("삼성전자는 Galaxy Note 신제품을 공개했다.");
  EXPECT_FALSE(named(e.people, "Galaxy Note"));
}

}  // namespace
}  // namespace news
