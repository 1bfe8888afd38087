// A web page through the whole pipeline: the article's metadata, body,
// caption and entities, nothing of the page around it; an EUC-KR page; hostile
// pages that must neither crash nor hang.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

#include "html/page.h"
#include "pipeline.h"
#include "testing.h"

namespace news {
namespace {

const Resources& resources() {
  static const Resources loaded = Resources::load(testing::source_path("data"));
  return loaded;
}

Document analyze_page(const std::string& bytes, const std::string& path = "page.html") {
  Source source;
  source.path = path;
  return analyze(bytes, source, Options{}, resources());
}

std::string korean_page() {
  return testing::read_file(testing::source_path("tests/html/pages/ko-news.html"));
}

std::string all_text(const Document& d) {
  std::string text;
  for (const Paragraph& p : d.paragraphs) text += p.text + "\n";
  return text;
}

TEST(HtmlArticleTest, AKoreanNewsPageGivesItsArticleAndNothingElse) {
  const Document d = analyze_page(korean_page());
  ASSERT_FALSE(d.error);
  EXPECT_EQ(d.source.format, "html");
  EXPECT_EQ(d.language, "ko");
  EXPECT_EQ(d.metadata.title, "한빛전자, 평택에 2조원 반도체 공장 짓는다");
  EXPECT_EQ(d.metadata.author, "김민수");
  EXPECT_EQ(d.metadata.section, "경제");
  EXPECT_EQ(d.metadata.published, "2024-05-07T10:15:00+09:00");
  EXPECT_EQ(d.metadata.site_name, "가상일보");
  EXPECT_EQ(d.metadata.canonical_url, "https://news.example.kr/article/20240507001");
  EXPECT_EQ(d.metadata.language, "ko");

  ASSERT_EQ(d.paragraphs.size(), 8u);
  EXPECT_EQ(d.paragraphs[0].role, Role::kTitle);
  EXPECT_EQ(d.paragraphs[2].role, Role::kCaption);
  EXPECT_EQ(d.paragraphs[2].text, "경기 평택에 들어설 한빛전자 반도체 공장 조감도. 한빛전자 제공");
  EXPECT_EQ(d.paragraphs[4].role, Role::kSubheading);
  EXPECT_EQ(d.paragraphs[7].text,
            "한빛전자 주가는 이날 3.5% 오른 18만3500원에 거래를 마쳤다.");  // after <br><br>
  EXPECT_EQ(d.paragraphs[1].first_line, 37);                                // the page's own line
  const std::string text = all_text(d);
  for (const char* furniture :
       {"정치", "검색", "광고", "페이스북", "관련 기사", "1분기 영업이익", "댓글", "독자1",
        "많이 본", "대표전화", "Copyright", "무단전재", "김민수 기자", "입력 2024", "not text"}) {
    EXPECT_EQ(text.find(furniture), std::string::npos) << furniture;
  }

  ASSERT_TRUE(d.entities);
  ASSERT_FALSE(d.entities->people.empty());
  EXPECT_EQ(d.entities->people[0].name, "박준호");
  bool company = false;
  for (const NamedEntity& org : d.entities->organizations)
    company = company || org.name == "한빛전자";
  EXPECT_TRUE(company);
  ASSERT_FALSE(d.entities->money.empty());
  EXPECT_EQ(d.entities->money[0].amount, "2000000000000");
  EXPECT_EQ(d.entities->money[0].currency, "KRW");
}

std::string to_cp949(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n =
      ucnv_convert("windows-949", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                   utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

TEST(HtmlArticleTest, AnEucKrPageIsReadByItsDeclaration) {
  std::string page = korean_page();
  const std::string utf8_meta = "<meta charset=\"utf-8\">";
  page.replace(page.find(utf8_meta), utf8_meta.size(),
               "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">");
  const Document d = analyze_page(to_cp949(page));
  ASSERT_FALSE(d.error);
  EXPECT_EQ(d.metadata.title, "한빛전자, 평택에 2조원 반도체 공장 짓는다");
  EXPECT_EQ(d.paragraphs.size(), 8u);
  EXPECT_TRUE(d.warnings.empty());
  EXPECT_NE(d.source.encoding, "UTF-8");
}

TEST(HtmlArticleTest, PlainTextIsNotReadAsAPage) {
  const Document d =
      analyze_page("한빛전자, 2조원 투자\n\n본문에 <b>굵게</b> 쓴 말.\n", "article.txt");
  EXPECT_EQ(d.source.format, std::nullopt);
  ASSERT_FALSE(d.paragraphs.empty());
  EXPECT_EQ(d.paragraphs.back().text, "본문에 <b>굵게</b> 쓴 말.");
  Options as_text;
  as_text.input_format = InputFormat::kText;
  const Document forced = analyze(korean_page(), Source{}, as_text, resources());
  EXPECT_EQ(forced.source.format, std::nullopt);
}

TEST(HtmlArticleTest, TheProgramDetectsPagesAndObeysInputFormat) {
  const std::string page = testing::quote(testing::source_path("tests/html/pages/ko-news.html"));
  const auto detected = testing::run("'" ANALYZE_BINARY "' --compact --no-model " + page);
  ASSERT_EQ(detected.exit_code, 0) << detected.err;
  EXPECT_NE(detected.out.find("\"format\":\"html\""), std::string::npos);
  EXPECT_NE(detected.out.find("\"site_name\":\"가상일보\""), std::string::npos);
  const auto as_text =
      testing::run("'" ANALYZE_BINARY "' --compact --no-model --input-format text " + page);
  ASSERT_EQ(as_text.exit_code, 0) << as_text.err;
  EXPECT_EQ(as_text.out.find("\"format\":\"html\""), std::string::npos);
  EXPECT_NE(as_text.out.find("<!DOCTYPE html>"),
            std::string::npos);  // read as it was, markup and all
  const auto piped = testing::run("'" ANALYZE_BINARY "' --compact --no-model -", korean_page());
  EXPECT_NE(piped.out.find("\"format\":\"html\""), std::string::npos);  // stdin: by content alone
  EXPECT_EQ(testing::run("'" ANALYZE_BINARY "' --input-format pdf " + page).exit_code, 2);
}

TEST(HtmlArticleTest, TheVisualReportOfAPageShowsItsArticle) {
  const std::string page = testing::quote(testing::source_path("tests/html/pages/ko-news.html"));
  const auto report = testing::run("'" ANALYZE_BINARY "' --no-model --format html " + page);
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.out.find("조감도"), std::string::npos);  // the caption
  EXPECT_NE(report.out.find("협력사 일자리"), std::string::npos);  // the subheading
  EXPECT_EQ(report.out.find("많이 본 뉴스"), std::string::npos);  // the page's sidebar
  EXPECT_EQ(report.out.find("독자1"), std::string::npos);  // its comments
}

TEST(HtmlArticleTest, HostilePagesNeitherCrashNorHang) {
  const std::string deep = "<html><body>" + [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "<div>";
    s += "deep text";
    for (int i = 0; i < 100000; ++i) s += "</div>";
    return s;
  }() + "</body></html>";
  const html::Page nested = html::read_page(deep);
  ASSERT_EQ(nested.blocks.size(), 1u);
  EXPECT_EQ(nested.blocks[0].text, "deep text");

  std::string formatting = "<html><body>";
  for (int i = 0; i < 100000; ++i) formatting += "<b><a href=x>";
  EXPECT_EQ(html::read_page(formatting + "words").blocks.size(), 1u);

  const std::string huge_attribute = "<html><body><div title=\"" + std::string(50'000'000, 'x') +
                                     "\"><p>Hello there.</p></div></body></html>";
  const html::Page attribute_page = html::read_page(huge_attribute);
  ASSERT_EQ(attribute_page.blocks.size(), 1u);
  EXPECT_EQ(attribute_page.blocks[0].text, "Hello there.");

  std::string scripts = "<html><head>";
  for (int i = 0; i < 10000; ++i) scripts += "<script>document.write('<p>x</p>');</script>";
  const Document only_scripts = analyze_page(scripts + "</head></html>");
  ASSERT_TRUE(only_scripts.error);
  EXPECT_EQ(only_scripts.error->code, "empty");

  for (const char* broken : {"<html><body><p>Unclosed <b>bold <i>both</p> text</b></div></table>",
                             "<<<>>><!--", "<script>", "<html><body><table><td>cell<tr><p>x",
                             "<svg><p>inside svg</p></svg>", "<html \xFF\xFE><body>\x80</body>"}) {
    const Document d = analyze_page(broken);
    EXPECT_TRUE(d.error || !d.paragraphs.empty()) << broken;
  }
}

TEST(HtmlArticleTest, TheSharedKoreanPagesGiveTheirTitleAndTime) {
  const auto gold = testing::shared_path("data/html-extraction/ko-pages/gold.jsonl");
  if (!gold) GTEST_SKIP() << "../shared/data/html-extraction not present";
  // The mk.co.kr pages, stored gzipped, are read by analyze-eval-html; here
  // the uncompressed htmldate page (a UTF-8 page that declares euc-kr).
  const auto page = testing::shared_path("data/html-extraction/ko-pages/htmldate/1538026996.html");
  if (!page) GTEST_SKIP() << "page not present";
  const Document d = analyze_page(testing::read_file(*page));
  ASSERT_FALSE(d.error);
  EXPECT_EQ(d.source.encoding, "UTF-8");
  EXPECT_EQ(d.language, "ko");
  EXPECT_FALSE(d.paragraphs.empty());
}

}  // namespace
}  // namespace news
