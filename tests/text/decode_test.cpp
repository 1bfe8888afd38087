#include "text/decode.h"

#include <string>

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "pipeline.h"
#include "resources.h"

namespace news {
namespace {

// A Korean article of our own, with CRLF line ends as Windows archives have.
const std::string kArticle =
    "오픈AI 이사회, 알트먼 해임\r\n"
    "\r\n"
    "오픈AI 이사회가 샘 알트먼 최고경영자(CEO)를 해임했다고 17일 밝혔다.\r\n"
    "마이크로소프트는 \"협력을 이어가겠다\"고 전했다. 주가는 1.5% 내렸다.\r\n";

// `utf8` encoded with ICU's converter `name` (the bytes a legacy archive has).
std::string encode(const std::string& utf8, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << name;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string out(utf8.size() * 4 + 8, '\0');
  const int32_t length =
      text.extract(out.data(), static_cast<int32_t>(out.size()), converter, status);
  ucnv_close(converter);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(length);
  return out;
}

const Resources& resources() {
  static const Resources loaded =
      Resources::load(std::string(ANALYZE_SOURCE_DIR) + "/data", /*with_ner_model=*/false);
  return loaded;
}

std::vector<std::string> paragraph_texts(const Document& d) {
  std::vector<std::string> out;
  for (const Paragraph& p : d.paragraphs) out.push_back(p.text);
  return out;
}

TEST(DecodeTest, EucKrFileGivesTheSameParagraphsAsItsUtf8Twin) {
  const std::string euc_kr = encode(kArticle, "EUC-KR");
  ASSERT_FALSE(is_valid_utf8(euc_kr));
  const Document twin = analyze(kArticle, Source{}, Options{}, resources());
  const Document legacy = analyze(euc_kr, Source{}, Options{}, resources());
  ASSERT_FALSE(legacy.error) << legacy.error->message;
  EXPECT_EQ(legacy.source.encoding, "EUC-KR");
  EXPECT_TRUE(legacy.warnings.empty()) << legacy.warnings[0];
  EXPECT_EQ(paragraph_texts(legacy), paragraph_texts(twin));
  EXPECT_EQ(paragraph_texts(twin).size(), 3u);
}

TEST(DecodeTest, NamesCp949WhenItsExtraSyllablesAreUsed) {
  // 똠 and 햏 are not in EUC-KR (KS X 1001); CP949 encodes them.
  const Decoded d = decode(encode("똠방각하와 햏자가 만났다\n", "windows-949"), {});
  ASSERT_FALSE(d.error);
  EXPECT_EQ(d.encoding, "CP949");
  EXPECT_EQ(d.text, "똠방각하와 햏자가 만났다\n");
}

TEST(DecodeTest, ReadsUtf16WithAByteOrderMark) {
  for (const char* name : {"UTF-16LE", "UTF-16BE"}) {
    const std::string bom = std::string(name) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    const Decoded d = decode(bom + encode(kArticle, name), {});
    ASSERT_FALSE(d.error) << name << ": " << d.error->message;  // NUL bytes, yet text
    EXPECT_EQ(d.encoding, name);
    EXPECT_EQ(d.text, decode(kArticle, {}).text);
    EXPECT_TRUE(d.warnings.empty());
  }
}

TEST(DecodeTest, RecognizesUtf16WithoutAByteOrderMarkWhenClearlySo) {
  const Decoded d = decode(encode(kArticle, "UTF-16LE"), {});
  ASSERT_FALSE(d.error);
  EXPECT_EQ(d.encoding, "UTF-16LE");
  EXPECT_EQ(d.text, decode(kArticle, {}).text);
  ASSERT_EQ(d.warnings.size(), 1u);  // said, since it is inferred
}

TEST(DecodeTest, ForcedEncodingSkipsDetection) {
  const std::string euc_kr = encode(kArticle, "EUC-KR");
  const Decoded d = decode(euc_kr, DecodeOptions{"EUC-KR", false});
  ASSERT_FALSE(d.error);
  EXPECT_EQ(d.encoding, "EUC-KR");
  EXPECT_EQ(d.text, decode(kArticle, {}).text);
  const Decoded unknown = decode(kArticle, DecodeOptions{"no-such-encoding", false});
  ASSERT_TRUE(unknown.error);
  EXPECT_EQ(unknown.error->code, "unknown_encoding");
}

TEST(DecodeTest, MostlyUtf8WithStraysStaysUtf8) {
  // A Latin-1 é pasted into a UTF-8 Korean article.
  const Decoded d = decode(kArticle + "caf\xE9\n", {});
  ASSERT_FALSE(d.error);
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_NE(d.text.find("caf\xEF\xBF\xBD"), std::string::npos);
  ASSERT_FALSE(d.warnings.empty());
}

TEST(DecodeTest, GuessedLegacyEncodingSaysItIsAGuess) {
  const Decoded d = decode("caf\xE9 na\xEFve r\xE9sum\xE9 in plain English text.\n", {});
  ASSERT_FALSE(d.error);
  EXPECT_EQ(d.text, "café naïve résumé in plain English text.\n");
  EXPECT_NE(d.encoding, "UTF-8");
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].find("guess"), std::string::npos) << d.warnings[0];
}

TEST(DecodeTest, StripsByteOrderMarkAndNormalizesLineEndings) {
  const Decoded d = decode("\xEF\xBB\xBF제목\r\n본문\r마지막", {});
  EXPECT_FALSE(d.error);
  EXPECT_EQ(d.text, "제목\n본문\n마지막");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_TRUE(d.warnings.empty());
}

TEST(DecodeTest, ReplacesInvalidBytesAndSaysWhere) {
  const Decoded d = decode(
      "ab\xFF"
      "c\xC0\xAF",
      {});
  ASSERT_FALSE(d.error);
  EXPECT_EQ(d.text,
            "ab\xEF\xBF\xBD"
            "c\xEF\xBF\xBD\xEF\xBF\xBD");
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].find("3 invalid UTF-8 bytes"), std::string::npos) << d.warnings[0];
  EXPECT_NE(d.warnings[0].find("byte offset 2"), std::string::npos) << d.warnings[0];
}

TEST(DecodeTest, StrictModeMakesInvalidBytesAnError) {
  const Decoded d = decode("ab\xFF", DecodeOptions{std::nullopt, true});
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, "invalid_utf8");
}

TEST(DecodeTest, BinaryInputIsNotText) {
  EXPECT_EQ(decode(std::string_view("\x89PNG\r\n\x1a\n\0\0", 10), {}).error->code, "not_text");
  EXPECT_EQ(decode(std::string_view("text\0more", 9), {}).error->code, "not_text");
  EXPECT_EQ(decode("\x7f"
                   "ELF\x02\x01",
                   {})
                .error->code,
            "not_text");
}

TEST(DecodeTest, ValidatesEveryClassOfInvalidUtf8) {
  EXPECT_TRUE(is_valid_utf8("한국어 text €"));
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\x80"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xED\x95"));          // truncated at the end
  EXPECT_FALSE(is_valid_utf8("\x80"));              // stray continuation
  EXPECT_FALSE(is_valid_utf8("\xFE"));
}

}  // namespace
}  // namespace news
