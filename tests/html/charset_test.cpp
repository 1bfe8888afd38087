#include "html/charset.h"

#include <gtest/gtest.h>

namespace news::html {
namespace {

TEST(HtmlCharsetTest, MetaCharsetAndHttpEquivAreRead) {
  EXPECT_EQ(declared_charset("<html><head><meta charset=\"EUC-KR\"></head>"), "euc-kr");
  EXPECT_EQ(declared_charset("<meta charset=utf-8>"), "utf-8");
  EXPECT_EQ(declared_charset(
                "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ks_c_5601-1987\">"),
            "ks_c_5601-1987");
  EXPECT_EQ(
      declared_charset("<meta content='text/html;charset=windows-1252' http-equiv='content-type'>"),
      "windows-1252");
}

TEST(HtmlCharsetTest, CommentsAndOtherMetaTagsDeclareNothing) {
  EXPECT_EQ(
      declared_charset("<!-- <meta charset=\"euc-kr\"> --><meta name=\"author\" content=\"x\">"),
      std::nullopt);
  EXPECT_EQ(declared_charset("<meta http-equiv=\"refresh\" content=\"5; charset=euc-kr\">"),
            std::nullopt);
  EXPECT_EQ(declared_charset("no tags at all"), std::nullopt);
  EXPECT_EQ(declared_charset("<meta charset=\"unterminated"), std::nullopt);
}

TEST(HtmlCharsetTest, LabelsMapAsBrowsersMapThem) {
  EXPECT_EQ(converter_for("EUC-KR"), "windows-949");
  EXPECT_EQ(converter_for("ks_c_5601-1987"), "windows-949");
  EXPECT_EQ(converter_for("iso-8859-1"), "windows-1252");
  EXPECT_EQ(converter_for("Shift_JIS"), "shift_jis");
}

TEST(HtmlCharsetTest, ValidUtf8WinsOverAStaleLabel) {
  // Saved pages are often transcoded and keep their old label.
  EXPECT_EQ(page_encoding("<meta charset=\"euc-kr\"><p>한국어</p>"), std::nullopt);
  EXPECT_EQ(page_encoding("<meta charset=\"euc-kr\"><p>\xC7\xD1\xB1\xB9</p>"), "windows-949");
  EXPECT_EQ(page_encoding("<p>\xC7\xD1\xB1\xB9</p>"), std::nullopt);  // undeclared: detection
}

}  // namespace
}  // namespace news::html
