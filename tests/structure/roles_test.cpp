#include "structure/roles.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace news {
namespace {

const RolePatterns& patterns() {
  static const RolePatterns loaded =
      RolePatterns::load(std::filesystem::path(ANALYZE_SOURCE_DIR) / "data" / "roles.txt");
  return loaded;
}

Paragraph paragraph(std::string text, Role role = Role::kBody) {
  Paragraph p;
  p.text = std::move(text);
  p.role = role;
  return p;
}

std::vector<Role> roles_of(std::vector<std::string> texts) {
  std::vector<Paragraph> paragraphs;
  paragraphs.push_back(paragraph("시험용 기사 제목", Role::kTitle));
  for (std::string& text : texts) paragraphs.push_back(paragraph(std::move(text)));
  assign_roles(paragraphs, patterns());
  std::vector<Role> roles;
  for (std::size_t i = 1; i < paragraphs.size(); ++i) roles.push_back(paragraphs[i].role);
  return roles;
}

TEST(RolesTest, CaptionsEndInACreditOrAreOne) {
  EXPECT_EQ(patterns().match("시장이 기자회견을 하고 있다. (사진=시청 제공)"), Role::kCaption);
  EXPECT_EQ(patterns().match("새로 문을 연 도서관 전경 《사진=연합뉴스》"), Role::kCaption);
  EXPECT_EQ(patterns().match("시민들이 광장을 지나고 있다. /뉴스1"), Role::kCaption);
  EXPECT_EQ(patterns().match("그래픽=홍길동 기자"), Role::kCaption);
  EXPECT_EQ(patterns().match("/연합뉴스"), Role::kCaption);
  EXPECT_EQ(patterns().match("강변 산책로 풍경/김철수 기자"), Role::kCaption);
}

TEST(RolesTest, BoilerplateIsRightsNoticesAndLinkLines) {
  EXPECT_EQ(patterns().match("<저작권자 ⓒ 예시신문, 무단전재 및 재배포 금지>"), Role::kBoilerplate);
  EXPECT_EQ(patterns().match("ⓒ 예시일보"), Role::kBoilerplate);
  EXPECT_EQ(patterns().match("☞ 기사보기 ☜"), Role::kBoilerplate);
  EXPECT_EQ(patterns().match("Copyright 2023 Example News. All rights reserved."),
            Role::kBoilerplate);
}

TEST(RolesTest, BylinesNameTheWriter) {
  EXPECT_EQ(patterns().match("홍길동 기자 gildong@example.co.kr"), Role::kByline);
  EXPECT_EQ(patterns().author("홍길동 기자 gildong@example.co.kr", Role::kByline), "홍길동");
  EXPECT_EQ(patterns().author("/홍길동 기자", Role::kByline), "홍길동");
  EXPECT_EQ(patterns().author("부산=홍길동 기자", Role::kByline), "홍길동");
  EXPECT_EQ(patterns().author("By Jane Doe", Role::kByline), "Jane Doe");
  EXPECT_EQ(
      patterns().author("(서울=예시통신) 홍길동 기자 = 시청은 오늘 새 계획을 내놨다.", Role::kBody),
      "홍길동");
  EXPECT_EQ(patterns().author("시청은 오늘 새 계획을 내놨다.", Role::kBody), std::nullopt);
}

TEST(RolesTest, ShortLineWithoutSentenceEndingHeadsTheNextBlock) {
  const auto roles = roles_of({"시청은 올해 예산을 크게 늘렸다고 밝혔다.", "예산은 어디에 쓰이나",
                               "늘어난 예산의 절반은 복지 사업에 쓰인다고 시청은 설명했다."});
  EXPECT_EQ(roles, (std::vector<Role>{Role::kBody, Role::kSubheading, Role::kBody}));
}

TEST(RolesTest, SubheadingWithQuotesIsStillASubheading) {
  // 이사회 "…" vs. 알트먼 "…": the closing quote hides no sentence ending.
  const auto roles = roles_of({"위원회 \"원칙 우선\" vs. 시장 \"속도도 중요\"",
                               "위원회와 시장은 사업 속도를 두고 한 달째 맞서고 있다."});
  EXPECT_EQ(roles.front(), Role::kSubheading);
}

TEST(RolesTest, MarkersOpenSubheadings) {
  EXPECT_EQ(patterns().match("◇ 쟁점은 무엇인가"), Role::kSubheading);
}

TEST(RolesTest, ALastShortLineIsNotASubheading) {
  const auto roles = roles_of({"시청은 올해 예산을 크게 늘렸다고 밝혔다.", "다음 회의는 내년 봄"});
  EXPECT_EQ(roles.back(), Role::kBody);
}

TEST(RolesTest, ClosingSignatureIsAByline) {
  const auto roles =
      roles_of({"형사사법의 원칙을 법에 적어 둘 때가 되었다.", "홍길동 변호사(법무법인 예시)"});
  EXPECT_EQ(roles.back(), Role::kByline);
  EXPECT_EQ(patterns().author("홍길동 변호사(법무법인 예시)", Role::kByline), "홍길동");
}

TEST(RolesTest, CreditLineUnderACaptionIsPartOfIt) {
  const auto roles = roles_of(
      {"시민들이 광장을 지나고 있다. /뉴스1", "/김철수 기자", "본문은 여기서 시작된다고 한다."});
  EXPECT_EQ(roles[1], Role::kCaption);
}

TEST(RolesTest, SentenceEndings) {
  EXPECT_TRUE(ends_like_sentence("밝혔다."));
  EXPECT_TRUE(ends_like_sentence("“그렇게 하겠다”"));
  EXPECT_TRUE(ends_like_sentence("그는 떠났다"));
  EXPECT_TRUE(ends_like_sentence("Why?"));
  EXPECT_FALSE(ends_like_sentence("임시 대표 맡은 김철수는 누구"));
  EXPECT_FALSE(ends_like_sentence("시장 \"속도도 중요\""));
}

TEST(RolesTest, BadPatternNamesFileAndLine) {
  const Lexicon lexicon = Lexicon::parse("# header\ncaption\t(unclosed\n", "roles.txt", 1, 1);
  try {
    RolePatterns::compile(lexicon, "roles.txt");
    FAIL() << "expected a LexiconError";
  } catch (const LexiconError& e) {
    EXPECT_NE(std::string(e.what()).find("roles.txt:2"), std::string::npos) << e.what();
  }
  const Lexicon unknown = Lexicon::parse("footer\tx\n", "roles.txt", 1, 1);
  EXPECT_THROW(RolePatterns::compile(unknown, "roles.txt"), LexiconError);
}

TEST(RolesTest, CreditStartIsWhereTheTrailingCreditBegins) {
  const std::string text = "시장이 말했다. (사진=시청 제공)";
  EXPECT_EQ(text.substr(patterns().credit_start(text)), " (사진=시청 제공)");
  const std::string plain = "시장이 말했다.";
  EXPECT_EQ(patterns().credit_start(plain), plain.size());
}

}  // namespace
}  // namespace news
