#include "batch/near_duplicates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace news {
namespace {

// Three short stories written for this test.
const std::vector<std::string_view> kStoryA = {
    "서울시, 내년부터 심야 버스 노선 12개 늘린다",
    "서울시는 내년 1월부터 심야 시간대 버스 노선을 12개 늘리고 배차 간격을 평균 15분으로 줄인다고 "
    "밝혔다. 시는 택시 승차난이 심한 강남과 홍대, 종로 일대를 우선 연결할 계획이다.",
    "시 관계자는 \"밤늦게 귀가하는 시민의 교통 불편을 덜기 위해 예산 80억 원을 배정했다\"고 "
    "말했다."};
const std::vector<std::string_view> kStoryB = {
    "부산 앞바다서 멸종위기 바다거북 구조",
    "부산 해운대 앞바다에서 그물에 걸린 푸른바다거북 한 마리가 어민에게 발견돼 구조됐다. "
    "해양수산부는 "
    "거북을 국립해양생물자원관으로 옮겨 치료한 뒤 방류할 예정이라고 전했다.",
    "푸른바다거북은 국제자연보전연맹이 지정한 멸종위기종으로, 국내 해역에서는 드물게 관찰된다."};

// The wire story of kStoryA as a second site stored it: a new headline, a
// word changed, spacing and punctuation edited, a credit line added.
const std::vector<std::string_view> kStoryACopy = {
    "[종합] 서울시 심야버스 노선 12개 확대",
    "서울시는 내년 1월부터 심야 시간대 버스 노선을 12개 늘리고 배차 간격을 평균 15분으로 줄인다고 "
    "9일 밝혔다. 시는 택시 승차난이 심한 강남과 홍대, 종로 일대를 우선 연결할 계획이다.",
    "시 관계자는 “밤늦게 귀가하는 시민의 교통불편을 덜기 위해 예산 80억원을 배정했다”고 말했다.",
    "연합뉴스"};

TEST(NearDuplicatesTest, IdenticalTextIsSimilarityOne) {
  const ArticleFingerprint a = article_fingerprint(kStoryA);
  ASSERT_EQ(a.minhash.size(), kMinHashSize);
  EXPECT_DOUBLE_EQ(estimated_similarity(a, article_fingerprint(kStoryA)), 1.0);
}

TEST(NearDuplicatesTest, EditedCopyIsCloseAndOtherStoryIsFar) {
  const ArticleFingerprint a = article_fingerprint(kStoryA);
  EXPECT_GE(estimated_similarity(a, article_fingerprint(kStoryACopy)),
            kDefaultNearDuplicateThreshold);
  EXPECT_LT(estimated_similarity(a, article_fingerprint(kStoryB)), 0.1);
}

TEST(NearDuplicatesTest, SpacingAndPunctuationDoNotCount) {
  const ArticleFingerprint spaced = article_fingerprint(
      {"서울시는 내년 1월부터 심야 시간대 버스 노선을 12개 늘린다.",
       "시는 강남과 홍대, 종로 일대를 우선 연결할 계획이다.", "예산은 80억 원이다."});
  const ArticleFingerprint packed = article_fingerprint(
      {"서울시는내년1월부터, 심야시간대 버스노선을 12개 늘린다!!",
       "시는 강남과 홍대 종로일대를 “우선” 연결할 계획이다", "예산은 80억원이다"});
  ASSERT_FALSE(spaced.minhash.empty());
  EXPECT_DOUBLE_EQ(estimated_similarity(spaced, packed), 1.0);
}

TEST(NearDuplicatesTest, TooLittleTextHasNoFingerprint) {
  EXPECT_TRUE(article_fingerprint({"짧은 기사"}).minhash.empty());
  EXPECT_TRUE(article_fingerprint(std::vector<std::string_view>{}).minhash.empty());
}

TEST(NearDuplicatesTest, IndexPointsEveryCopyAtTheFirstCopy) {
  NearDuplicateIndex index;
  EXPECT_FALSE(index.add(article_fingerprint(kStoryA)));          // 0: first copy
  EXPECT_FALSE(index.add(article_fingerprint(kStoryB)));          // 1: another story
  EXPECT_FALSE(index.add(article_fingerprint({"짧은 기사"})));    // 2: too short
  const auto copy = index.add(article_fingerprint(kStoryACopy));  // 3
  ASSERT_TRUE(copy);
  EXPECT_EQ(copy->original, 0u);
  EXPECT_GE(copy->similarity, kDefaultNearDuplicateThreshold);
  const auto again = index.add(article_fingerprint(kStoryA));  // 4: exact copy
  ASSERT_TRUE(again);
  EXPECT_EQ(again->original, 0u);
  EXPECT_DOUBLE_EQ(again->similarity, 1.0);
  const auto b = index.add(article_fingerprint(kStoryB));  // 5
  ASSERT_TRUE(b);
  EXPECT_EQ(b->original, 1u);
  EXPECT_EQ(index.size(), 6u);
}

TEST(NearDuplicatesTest, AHighThresholdKeepsEditedCopiesApart) {
  NearDuplicateIndex strict(0.99);
  EXPECT_FALSE(strict.add(article_fingerprint(kStoryA)));
  EXPECT_FALSE(strict.add(article_fingerprint(kStoryACopy)));
  EXPECT_TRUE(strict.add(article_fingerprint(kStoryA)));
}

}  // namespace
}  // namespace news
