// The article the project was founded on: a scraped Korean report that
// prints itself twice (../shared/seed, absent in a plain clone: skipped).
#include <gtest/gtest.h>

#include <set>

#include "pipeline.h"
#include "text/segment.h"
#include "testing.h"

namespace news {
namespace {

class SeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = testing::shared_path("seed/openai-altman-ko.txt");
    if (!path) GTEST_SKIP() << "../shared is absent";
    bytes_ = testing::read_file(*path);
    resources_ = Resources::load(testing::source_path("data"));
    document_ = analyze(bytes_, Source{}, Options{}, resources_);
  }

  std::string bytes_;
  Resources resources_;
  Document document_;
};

TEST_F(SeedTest, HeaderBecomesMetadata) {
  ASSERT_FALSE(document_.error);
  EXPECT_EQ(document_.metadata.title, "오픈AI, 왜 알트먼 쫓아냈나…AI 안전성 vs 수익 갈등");
  EXPECT_EQ(document_.metadata.published, "2023-11-18T19:32:00+09:00");
  EXPECT_EQ(document_.metadata.section, "IT과학");
  EXPECT_EQ(document_.metadata.author, "자유인150");
  EXPECT_EQ(document_.language, "ko");
}

TEST_F(SeedTest, FiftyFiveBodyLinesCollapseToThirtyDistinctParagraphs) {
  const auto lines = split_lines(bytes_);
  ASSERT_EQ(lines.size(), 61u);
  // Lines 7..61 are the body; list the distinct ones in first-seen order.
  std::vector<std::string> distinct;
  std::set<std::string> seen;
  for (std::size_t i = 6; i < lines.size(); ++i) {
    if (seen.insert(lines[i].text).second) distinct.push_back(lines[i].text);
  }
  ASSERT_EQ(distinct.size(), 30u);

  const auto& paragraphs = document_.paragraphs;
  ASSERT_EQ(paragraphs.size(), 31u);
  EXPECT_EQ(paragraphs[0].role, Role::kTitle);
  EXPECT_EQ(paragraphs[0].first_line, 1);
  std::multiset<std::string> body;
  for (std::size_t i = 1; i < paragraphs.size(); ++i) body.insert(paragraphs[i].text);
  EXPECT_EQ(body, std::multiset<std::string>(distinct.begin(), distinct.end()));

  // Reading order is first-seen order; a subheading of the second copy may
  // move to stand before the paragraph it heads, so compare the others.
  std::vector<std::string> kept;
  for (std::size_t i = 1; i < paragraphs.size(); ++i) {
    if (paragraphs[i].role != Role::kSubheading) kept.push_back(paragraphs[i].text);
  }
  std::vector<std::string> expected;
  for (const auto& text : distinct) {
    if (std::find(kept.begin(), kept.end(), text) != kept.end()) expected.push_back(text);
  }
  EXPECT_EQ(kept, expected);

  EXPECT_EQ(document_.dedup.paragraphs_in, 56);
  EXPECT_EQ(document_.dedup.paragraphs_out, 31);
  EXPECT_EQ(document_.dedup.exact + document_.dedup.near, 25);
  int duplicates = 0;
  for (const auto& p : paragraphs) duplicates += static_cast<int>(p.duplicates.size());
  EXPECT_EQ(duplicates, 25);
}

}  // namespace
}  // namespace news
