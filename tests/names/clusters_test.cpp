// Clustering mentions into people, organizations and places, and what is
// read beside a person (src/names/clusters.cpp). The articles are made up;
// the patterns are the ones real articles show (issue 14).
#include "names/clusters.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "names/names_testing.h"

namespace news {
namespace {

using names_testing::names_of;
using names_testing::find;
using names_testing::has;

TEST(ClustersTest, OnePlaceWrittenSeveralWaysIsOnePlace) {
  const Entities e = names_of(
      "10일 대구 동구의 한 공장에서 불이 났다.\n"
      "대구시 동구 관계자는 \"대구시 동구 방촌동 일대에 대피령을 내렸다\"고 말했다.\n"
      "동구는 피해 조사에 나섰다. 서울 강남구와 서울에서도 지원했다.");
  const NamedEntity* place = find(e.locations, "대구시 동구 방촌동");
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(place->mentions.size(), 4u);
  EXPECT_TRUE(has(place->aliases, "대구 동구"));
  EXPECT_TRUE(has(place->aliases, "대구시 동구"));
  EXPECT_TRUE(has(place->aliases, "동구"));
  // A city alone is not its district: 서울 and 서울 강남구 stay apart.
  EXPECT_NE(find(e.locations, "서울"), nullptr);
  EXPECT_NE(find(e.locations, "서울 강남구"), nullptr);
}

TEST(ClustersTest, AgeOrCareerInParenthesesKeepsTheTitle) {
  const Entities e =
      names_of("장민수(47·사법연수원 30기) 서울중앙지법 부장판사는 이날 영장을 발부했다.");
  const NamedEntity* judge = find(e.people, "장민수");
  ASSERT_NE(judge, nullptr);
  EXPECT_TRUE(has(judge->roles, "부장판사"));
  EXPECT_TRUE(has(judge->organizations, "서울중앙지법"));
}

TEST(ClustersTest, SharedBylineGivesEveryNameTheRole) {
  const Entities e = names_of("시장은 하락했다.\n이가람·정나래 기자");
  for (const char* name : {"이가람", "정나래"}) {
    const NamedEntity* reporter = find(e.people, name);
    ASSERT_NE(reporter, nullptr) << name;
    EXPECT_TRUE(has(reporter->roles, "기자")) << name;
  }
}

}  // namespace
}  // namespace news
