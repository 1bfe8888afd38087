#include "structure/metadata.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline.h"
#include "resources.h"

namespace news {
namespace {

namespace fs = std::filesystem;

const Resources& resources() {
  static const Resources loaded =
      Resources::load(fs::path(ANALYZE_SOURCE_DIR) / "data", /*with_ner_model=*/false);
  return loaded;
}

Document analyze_text(const std::string& text) {
  return analyze(text, Source{}, Options{}, resources());
}

TEST(MetadataTest, KoreanTimeStamps) {
  EXPECT_EQ(parse_timestamp("2023.11.18 19:32"), "2023-11-18T19:32:00+09:00");
  EXPECT_EQ(parse_timestamp("2023-11-18 오후 7:32"), "2023-11-18T19:32:00+09:00");
  EXPECT_EQ(parse_timestamp("입력 2023.11.18. 오전 9:05"), "2023-11-18T09:05:00+09:00");
  EXPECT_EQ(parse_timestamp("기사입력 2023-11-18 19:32"), "2023-11-18T19:32:00+09:00");
  EXPECT_EQ(parse_timestamp("2023년 11월 18일 (토) 19시 32분"), "2023-11-18T19:32:00+09:00");
  EXPECT_EQ(parse_timestamp("2023.11.18."), "2023-11-18");
  EXPECT_EQ(parse_timestamp("2023.13.18 19:32"), std::nullopt);
  EXPECT_EQ(parse_timestamp("오늘 오후"), std::nullopt);
}

TEST(MetadataTest, EnglishTimeStamps) {
  EXPECT_EQ(parse_timestamp("Published 18 November 2023"), "2023-11-18");
  EXPECT_EQ(parse_timestamp("Nov. 18, 2023 7:32 p.m. ET"), "2023-11-18T19:32:00-05:00");
  EXPECT_EQ(parse_timestamp("July 4, 2023 9:15 a.m. ET"),
            "2023-07-04T09:15:00-04:00");  // daylight time
  EXPECT_EQ(parse_timestamp("Updated: 18 November 2023, 14:05 GMT"), "2023-11-18T14:05:00+00:00");
  EXPECT_EQ(parse_timestamp("November 18, 2023 19:32"), "2023-11-18T19:32:00");  // no zone named
  EXPECT_EQ(parse_timestamp("Smarch 18, 2023"), std::nullopt);
}

TEST(MetadataTest, HeaderWithInputAndUpdateOnOneLine) {
  const Document d = analyze_text(
      "시청, 내년 예산 10% 늘린다\n홍길동 기자\n입력 2023.11.18. 오후 7:32 수정 2023.11.19. 오전 "
      "9:00\n"
      "시청은 내년 예산을 올해보다 10% 늘리겠다고 밝혔다.\n");
  EXPECT_EQ(d.metadata.title, "시청, 내년 예산 10% 늘린다");
  EXPECT_EQ(d.metadata.author, "홍길동");
  EXPECT_EQ(d.metadata.published, "2023-11-18T19:32:00+09:00");
  EXPECT_EQ(d.metadata.updated, "2023-11-19T09:00:00+09:00");
  EXPECT_EQ(d.paragraphs.size(), 2u);  // title + body: the header lines became metadata
}

TEST(MetadataTest, ReporterLineAtTheEndIsTheAuthor) {
  const Document d = analyze_text(
      "시청, 내년 예산 10% 늘린다\n시청은 내년 예산을 올해보다 10% 늘리겠다고 밝혔다.\n"
      "시의회는 다음 달 예산안을 심사한다.\n김영희 기자 younghee@example.co.kr\n<저작권자 ⓒ "
      "예시일보, 무단전재 및 재배포 금지>\n");
  EXPECT_EQ(d.metadata.author, "김영희");
  ASSERT_EQ(d.paragraphs.size(), 5u);
  EXPECT_EQ(d.paragraphs[3].role, Role::kByline);
  EXPECT_EQ(d.paragraphs[4].role, Role::kBoilerplate);
}

TEST(MetadataTest, DatelineNamesTheAuthor) {
  const Document d = analyze_text(
      "시청, 내년 예산 10% 늘린다\n(서울=예시통신) 박철수 기자 = 시청은 내년 예산을 올해보다 10% "
      "늘리겠다고 밝혔다.\n");
  EXPECT_EQ(d.metadata.author, "박철수");
}

TEST(MetadataTest, AHeadlineEndingWithAFullStopIsTheTitleWhenABlankLineFollows) {
  // The corpus format: a title line, a blank line, the body. Opinion pieces
  // have `제목 - 부제.` titles; news headlines end with an ellipsis.
  const Document column = analyze_text(
      "예산 이야기 : (3) 나라 살림 - 늘어난 복지 예산은 제대로 쓰이고 있는지 따져 본다.\n\n"
      "시청은 내년 예산을 올해보다 10% 늘리겠다고 밝혔다.\n시의회는 다음 달 예산안을 심사한다.\n");
  EXPECT_EQ(column.metadata.title,
            "예산 이야기 : (3) 나라 살림 - 늘어난 복지 예산은 제대로 쓰이고 있는지 따져 본다.");
  EXPECT_EQ(column.paragraphs[0].role, Role::kTitle);
  const Document headline = analyze_text(
      "복권 1천 장 사서 긁었더니 당첨금이...\n\n시민 한 명이 복권을 샀다.\n당첨금은 적었다.\n");
  EXPECT_EQ(headline.metadata.title, "복권 1천 장 사서 긁었더니 당첨금이...");
  // Without the blank line a first line that ends a sentence is the body's.
  const Document body = analyze_text(
      "시청은 내년 예산을 올해보다 10% 늘리겠다고 밝혔다.\n시의회는 다음 달 예산안을 심사한다.\n");
  EXPECT_EQ(body.metadata.title, std::nullopt);
  EXPECT_EQ(body.paragraphs[0].role, Role::kBody);
}

TEST(MetadataTest, PhotoCreditAtTheTopIsNotTheAuthor) {
  const Document d = analyze_text(
      "시청, 내년 예산 10% 늘린다\n/최사진 기자\n시청 앞 광장에 시민들이 모여 있다.\n"
      "시청은 내년 예산을 올해보다 10% 늘리겠다고 밝혔다.\n");
  EXPECT_EQ(d.metadata.author, std::nullopt);
}

TEST(MetadataTest, EnglishByline) {
  const Document d = analyze_text(
      "City to raise its budget by 10%\nBy Jane Doe\nPublished 18 November 2023\n"
      "The city said on Monday it would raise next year's budget by 10%.\n");
  EXPECT_EQ(d.metadata.author, "Jane Doe");
  EXPECT_EQ(d.metadata.published, "2023-11-18");
}

TEST(MetadataTest, StampInTheBody) {
  const Document d = analyze_text(
      "시청, 내년 예산 10% 늘린다\n시청은 내년 예산을 올해보다 10% 늘리겠다고 밝혔다.\n"
      "기사입력 2023-11-18 19:32 | 최종수정 2023-11-19 09:00\n");
  EXPECT_EQ(d.metadata.published, "2023-11-18T19:32:00+09:00");
  EXPECT_EQ(d.metadata.updated, "2023-11-19T09:00:00+09:00");
}

TEST(MetadataTest, SuppliedPublicationTimeOnlyWhenTheArticleHasNone) {
  Options options;
  options.published = "2024-01-02T03:04:05+09:00";
  const Document without =
      analyze("제목\n본문은 날짜를 말하지 않는다.\n", Source{}, options, resources());
  EXPECT_EQ(without.metadata.published, "2024-01-02T03:04:05+09:00");
  const Document with =
      analyze("제목\n홍길동 기자\n2023.11.18 19:32\n본문이다.\n", Source{}, options, resources());
  EXPECT_EQ(with.metadata.published, "2023-11-18T19:32:00+09:00");
}

// The seed article (../shared/seed): a scraped page printed twice, the
// second copy with three subheadings added and one caption missing.
TEST(SeedStructureTest, OpenAiAltmanArticleStructure) {
  const fs::path seed = fs::path(ANALYZE_SHARED_DIR) / "seed" / "openai-altman-ko.txt";
  if (!fs::is_regular_file(seed)) GTEST_SKIP() << seed << " is absent";
  std::ifstream in(seed, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const Document d = analyze(bytes.str(), Source{}, Options{}, resources());
  ASSERT_FALSE(d.error);
  EXPECT_EQ(d.metadata.title, "오픈AI, 왜 알트먼 쫓아냈나…AI 안전성 vs 수익 갈등");
  EXPECT_EQ(d.metadata.author, "자유인150");
  EXPECT_EQ(d.metadata.section, "IT과학");
  EXPECT_EQ(d.metadata.published, "2023-11-18T19:32:00+09:00");

  ASSERT_EQ(d.paragraphs.size(), 31u);  // the title and 30 paragraphs
  EXPECT_EQ(d.paragraphs[0].role, Role::kTitle);
  EXPECT_EQ(d.dedup.paragraphs_in, 56);
  EXPECT_EQ(d.dedup.paragraphs_out, 31);

  // The three subheadings of the second copy (lines 38, 50, 56), each
  // directly before the paragraph it heads (lines 39, 51, 57 repeat 12, 24, 29).
  const std::pair<int, int> headings[] = {{38, 12}, {50, 24}, {56, 29}};
  for (const auto& [heading_line, headed_line] : headings) {
    std::size_t at = 0;
    while (at < d.paragraphs.size() && d.paragraphs[at].first_line != heading_line) ++at;
    ASSERT_LT(at + 1, d.paragraphs.size()) << "line " << heading_line;
    EXPECT_EQ(d.paragraphs[at].role, Role::kSubheading) << d.paragraphs[at].text;
    EXPECT_EQ(d.paragraphs[at + 1].first_line, headed_line) << d.paragraphs[at].text;
  }
  // Every (사진=…) paragraph is a caption, and only those here.
  int captions = 0;
  for (const Paragraph& p : d.paragraphs) {
    const bool photo = p.text.find("(사진=") != std::string::npos;
    EXPECT_EQ(p.role == Role::kCaption, photo) << p.text;
    captions += photo;
  }
  EXPECT_EQ(captions, 6);  // lines 10, 15, 18, 22, 25, 30
  // Each paragraph once, in first-seen order apart from the placed subheadings.
  int last_line = 0;
  for (const Paragraph& p : d.paragraphs) {
    if (p.role == Role::kSubheading) continue;
    EXPECT_GT(p.first_line, last_line) << p.text;
    last_line = p.first_line;
  }
}

}  // namespace
}  // namespace news
