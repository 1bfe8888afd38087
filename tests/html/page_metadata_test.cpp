#include "html/page_metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "html/parsed_page.h"

namespace news::html {
namespace {

Metadata metadata_of(const std::string& page) {
  const ParsedPage parsed(page);
  return read_page_metadata(flatten(parsed.root()));
}

TEST(HtmlMetadataTest, JsonLdGivesTheArticleFields) {
  const Metadata m = metadata_of(R"(<html lang="en-US"><head>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Example"},
      {"@type":["NewsArticle"],"headline":"Plant opens","datePublished":"2024-05-07T01:15:00Z",
       "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
       "articleSection":["Business"],"publisher":{"name":"Example News"}}]}</script>
    </head><body><h1>Plant opens</h1></body></html>)");
  EXPECT_EQ(m.title, "Plant opens");
  EXPECT_EQ(m.author, "Jane Roe, John Doe");
  EXPECT_EQ(m.section, "Business");
  EXPECT_EQ(m.published, "2024-05-07T01:15:00Z");
  EXPECT_EQ(m.site_name, "Example News");
  EXPECT_EQ(m.language, "en-US");
}

TEST(HtmlMetadataTest, BrokenJsonLdIsIgnored) {
  const Metadata m = metadata_of(R"(<script type="application/ld+json">{"headline": </script>
    <title>Only the title</title>)");
  EXPECT_EQ(m.title, "Only the title");
  EXPECT_EQ(m.published, std::nullopt);
}

TEST(HtmlMetadataTest, MetaTagsCanonicalAndTheSiteSuffix) {
  const Metadata m = metadata_of(R"(<head><title>정부, 예산안 발표 - 가상일보</title>
    <meta property="og:site_name" content="가상일보">
    <meta property="article:published_time" content="2024-05-07 10:15">
    <meta name="author" content="홍길동 기자">
    <link rel="canonical" href="https://news.example.kr/1"></head><body></body>)");
  EXPECT_EQ(m.title, "정부, 예산안 발표");
  EXPECT_EQ(m.author, "홍길동 기자");    // the pipeline cuts `기자` with the role patterns
  EXPECT_EQ(m.published, "2024-05-07");  // no zone and no Korean <html lang>: the date only
  EXPECT_EQ(m.canonical_url, "https://news.example.kr/1");
}

TEST(HtmlMetadataTest, AVisibleStampLineOnAKoreanPage) {
  const Metadata m = metadata_of(R"(<html lang="ko"><body><h1>제목</h1>
    <div class="byline">홍길동 기자</div><span>입력 2024.05.07 10:15</span><p>본문</p></body></html>)");
  EXPECT_EQ(m.title, "제목");
  EXPECT_EQ(m.author, "홍길동 기자");
  EXPECT_EQ(m.published, "2024-05-07T10:15:00+09:00");
}

TEST(HtmlMetadataTest, TimestampsBecomeTheContractsForm) {
  EXPECT_EQ(iso_timestamp("2025-05-15T20:00:52+09:00", false), "2025-05-15T20:00:52+09:00");
  EXPECT_EQ(iso_timestamp("2025-05-15T20:00:52.123+0900", false), "2025-05-15T20:00:52+09:00");
  EXPECT_EQ(iso_timestamp("2025-05-15 20:00", true), "2025-05-15T20:00:00+09:00");
  EXPECT_EQ(iso_timestamp("2025-05-15 20:00", false), "2025-05-15");
  EXPECT_EQ(iso_timestamp("20250515", false), "2025-05-15");
  EXPECT_EQ(iso_timestamp("yesterday", false), std::nullopt);
}

TEST(HtmlMetadataTest, SuffixesThatDoNotNameTheSiteStay) {
  EXPECT_EQ(without_site_suffix("A - B: the talks", "Example"), "A - B: the talks");
  EXPECT_EQ(without_site_suffix("Talks end | Example News", "Example News"), "Talks end");
}

}  // namespace
}  // namespace news::html

namespace news::html {
namespace {

TEST(HtmlMetadataTest, AGluedSiteNameAndSectionAreCut) {
  EXPECT_EQ(without_site_suffix("장동혁, 부담 커졌다-정치ㅣ한국일보", "한국일보"),
            "장동혁, 부담 커졌다");
  EXPECT_EQ(without_site_suffix("제목 : 가상일보", "가상일보"), "제목");
  EXPECT_EQ(without_site_suffix("한국일보가 본 세상", "한국일보"), "한국일보가 본 세상");
}

}  // namespace
}  // namespace news::html
