#include "structure/regex_prefilter.h"

#include <gtest/gtest.h>
#include <unicode/regex.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/lexicon.h"

namespace news {
namespace {

using Groups = std::vector<std::vector<std::string>>;

TEST(RegexPrefilterTest, KeepsRequiredLiteralsAndSets) {
  EXPECT_EQ(prefilter_for("[.)]\\s?/\\s?[^/\\s.][^/]{0,40}$").required,
            (Groups{{".", ")"}, {"/"}}));
  EXPECT_EQ(prefilter_for("[ⓒ©](?!.{0,24}기자\\s*$)").required, (Groups{{"ⓒ", "©"}}));
  EXPECT_EQ(prefilter_for("무단\\s*전재").required, (Groups{{"무"}, {"단"}, {"전"}, {"재"}}));
  // 기사 보기 ☜: ☜ is optional.
  EXPECT_EQ(prefilter_for("기사\\s*보기\\s*☜?$").required,
            (Groups{{"기"}, {"사"}, {"보"}, {"기"}}));
  EXPECT_EQ(prefilter_for("a{0}b{00,3}c{1,2}").required, (Groups{{"c"}}));
}

TEST(RegexPrefilterTest, AnchoredPatternsTestTheFirstCharacter) {
  const RegexPrefilter subheading = prefilter_for("^【[^】]{2,40}】$");
  using Ranges = std::vector<std::pair<char32_t, char32_t>>;
  EXPECT_EQ(subheading.first, (Ranges{{U'【', U'【'}}));
  EXPECT_TRUE(subheading.may_match("【쟁점은】"));
  EXPECT_FALSE(subheading.may_match("오늘 【쟁점은】"));
  EXPECT_TRUE(prefilter_for("^<?저작권자").may_match("저작권자 ⓒ 예시신문"));
  // Optional atoms add to the set until a required one closes it.
  EXPECT_EQ(prefilter_for("^<?저작권자").first, (Ranges{{U'<', U'<'}, {U'저', U'저'}}));
  // Groups of alternatives and ranges give their first code points.
  EXPECT_EQ(prefilter_for("^\\[?(?:관련\\s*기사|함께 보면)\\]?").first,
            (Ranges{{U'[', U'['}, {U'관', U'관'}, {U'함', U'함'}}));
  EXPECT_EQ(prefilter_for("^([가-힣]{2,4})\\s?기자$").first, (Ranges{{U'가', U'힣'}}));
  EXPECT_FALSE(prefilter_for("^([가-힣]{2,4})\\s?기자$").may_match("A 기자"));
  EXPECT_FALSE(prefilter_for("^(?:https?://)\\S+$").may_match("기사 https://example.com"));
  // What may match nothing, or starts with a class, gives no first set.
  EXPECT_TRUE(prefilter_for("^\\s*기자").first.empty());
  EXPECT_TRUE(prefilter_for("^(?:가|)나").first.empty());
  EXPECT_TRUE(prefilter_for("^[^가]").first.empty());
  // A lookahead consumes nothing: the atom after it decides.
  EXPECT_EQ(prefilter_for("^(?!가)[나다]").first, (Ranges{{U'나', U'나'}, {U'다', U'다'}}));
}

TEST(RegexPrefilterTest, CaseInsensitivePatternsKeepOnlyCaselessCharacters) {
  const RegexPrefilter photo = prefilter_for("(?i)\\((?:photo|image)\\s*:?[^)]{0,40}\\)\\s*$");
  EXPECT_EQ(photo.required, (Groups{{"("}, {")"}}));
  // Letters stand for both cases; l and s are dropped (ﬂ folds to fl, ſ to s).
  EXPECT_TRUE(prefilter_for("(?i)all rights reserved").may_match("ALL RIGHTS RESERVED"));
  EXPECT_FALSE(prefilter_for("(?i)all rights reserved").may_match("저작권 보호"));
  EXPECT_TRUE(prefilter_for("(?i)ⓒ").empty());  // ⓒ matches Ⓒ
  // An anchored letter: both cases, unless another character folds to it (K: Kelvin sign).
  EXPECT_TRUE(prefilter_for("(?i)^copyright").may_match("COPYRIGHT 2023"));
  EXPECT_FALSE(prefilter_for("(?i)^copyright").may_match("(c) 2023"));
  EXPECT_TRUE(prefilter_for("(?i)^kbs").first.empty());
  EXPECT_TRUE(prefilter_for("(?i)^(?:photo|image)").first.empty());
}

TEST(RegexPrefilterTest, GivesUpOnWhatItDoesNotRead) {
  EXPECT_TRUE(prefilter_for("abc|xyz").empty());
  EXPECT_TRUE(prefilter_for("(?x) a b c").empty());
  EXPECT_TRUE(prefilter_for("\\x41BC").empty());
  EXPECT_TRUE(prefilter_for("\\QA.B\\E").empty());
  EXPECT_TRUE(prefilter_for("(abc").empty());
  EXPECT_TRUE(prefilter_for("[a-z]+@").required == (Groups{{"@"}}));
  // Alternatives of plain text: one of them is in every match.
  EXPECT_TRUE(prefilter_for("(?:a|b)c").required == (Groups{{"a", "b"}, {"c"}}));
  EXPECT_TRUE(prefilter_for("(?:기자|특파원)$").required == (Groups{{"기자", "특파원"}}));
  EXPECT_TRUE(prefilter_for("(?:기자|특\\S원)$").required.empty());
}

// The promise that matters: whenever the filter says no, ICU finds no match.
// Every pattern of data/roles.txt against texts that do and do not match.
TEST(RegexPrefilterTest, NeverRulesOutAMatchOfTheRolePatterns) {
  const Lexicon roles =
      Lexicon::load(std::filesystem::path(ANALYZE_SOURCE_DIR) / "data" / "roles.txt", 1, 1);
  const std::vector<std::string> texts = {
      "시장이 기자회견을 하고 있다. (사진=시청 제공)",
      "새로 문을 연 도서관 전경 《사진=연합뉴스》",
      "시민들이 광장을 지나고 있다. /뉴스1",
      "그래픽=홍길동 기자",
      "/연합뉴스",
      "강변 산책로 풍경/김철수 기자",
      "<저작권자 ⓒ 예시신문, 무단전재 및 재배포 금지>",
      "ⓒ 예시일보",
      "☞ 기사보기 ☜",
      "Copyright 2023 Example News. All rights reserved.",
      "홍길동 기자 gildong@example.co.kr",
      "부산=홍길동 기자",
      "By Jane Doe",
      "(서울=예시통신) 홍길동 기자 = 시청은 오늘 새 계획을 내놨다.",
      "【서울=예시통신】 홍길동 기자 = 시청은",
      "◇ 쟁점은",
      "<쟁점 정리>",
      "【쟁점은】",
      "차호동 대검찰청 검찰연구관",
      "김종민 변호사(전 광주지검 순천지청장)",
      "입력 2023.11.18 19:32",
      "▶ 관련 기사 바로가기",
      "[관련기사]",
      "https://example.com/a",
      "Related:",
      "PHOTO: Jane Doe",
      "시청은 오늘 새 계획을 내놨다.",
      "그는 \"괜찮다\"고 말했다.",
      "",
      "a",
      "ⓒ",
      "관련기사",
      "[관련 기사]",
      "함께 보면 좋은 기사",
      "많이 본 뉴스",
      "COPYRIGHT 2023",
      "RELATED:",
      "Read more",
      "사진=연합뉴스",
      "그래픽=김하경 기자",
      "이미지: 예시",
      "홍길동 변호사(법무법인 예시)",
      "홍길동(예시대 교수)",
      "기사입력 2023-11-18",
      "http://example.com/x",
      "<2023.11.18>",
      "By JANE DOE"};
  int checked = 0;
  for (const LexiconEntry& entry : roles.entries()) {
    const std::string& source = entry.fields[0];
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    std::unique_ptr<icu::RegexPattern> regex(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), parse_error, status));
    ASSERT_TRUE(U_SUCCESS(status)) << source;
    const RegexPrefilter filter = prefilter_for(source);
    for (const std::string& text : texts) {
      std::unique_ptr<icu::RegexMatcher> matcher(
          regex->matcher(icu::UnicodeString::fromUTF8(text), status));
      const bool found = matcher->find(status);
      if (found) {
        EXPECT_TRUE(filter.may_match(text)) << source << " on " << text;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 25);  // most texts match some pattern
}

}  // namespace
}  // namespace news
