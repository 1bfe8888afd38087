#include "html/detect.h"

#include <gtest/gtest.h>

#include <string>

namespace news::html {
namespace {

TEST(HtmlDetectTest, PagesOpenWithADoctypeOrARootTag) {
  EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>"));
  EXPECT_TRUE(looks_like_html("\xEF\xBB\xBF\n  <!doctype HTML>\n<title>t</title>"));
  EXPECT_TRUE(looks_like_html("<html lang=\"ko\"><head></head></html>"));
  EXPECT_TRUE(looks_like_html("<?xml version=\"1.0\"?>\n<!-- saved -->\n<html>"));
  EXPECT_TRUE(looks_like_html("<head><meta charset=\"euc-kr\"></head>"));
}

TEST(HtmlDetectTest, ArticlesThatQuoteATagStayText) {
  EXPECT_FALSE(looks_like_html("한빛전자, 2조원 투자\n\n본문에 <b>굵게</b> 쓴 말이 하나 있다.\n"));
  EXPECT_FALSE(looks_like_html("The <html> element is the root of a page, the tutorial said.\n"));
  EXPECT_FALSE(looks_like_html("<b>속보</b> 한빛전자 2조원 투자\n본문\n"));
  EXPECT_FALSE(looks_like_html(""));
}

TEST(HtmlDetectTest, DenseTagsWithoutARootAreAPageFragment) {
  std::string fragment;
  for (int i = 0; i < 30; ++i)
    fragment += "<div class=\"row\"><p>문단 " + std::to_string(i) + "</p></div>\n";
  EXPECT_TRUE(looks_like_html(fragment));
}

TEST(HtmlDetectTest, TheFileNameIsOnlyAHint) {
  const std::string body = "<p>첫 문단</p><p>둘째 문단</p><p>셋째 문단</p>";
  EXPECT_FALSE(looks_like_html(body, "article.txt"));
  EXPECT_TRUE(looks_like_html(body, "saved/article.HTML"));
  EXPECT_FALSE(looks_like_html("plain words only", "page.html"));
}

}  // namespace
}  // namespace news::html
