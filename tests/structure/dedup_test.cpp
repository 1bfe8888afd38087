#include "structure/dedup.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace news {
namespace {

const RolePatterns& patterns() {
  static const RolePatterns loaded =
      RolePatterns::load(std::filesystem::path(ANALYZE_SOURCE_DIR) / "data" / "roles.txt");
  return loaded;
}

// Paragraphs numbered by line, roles assigned as the pipeline does.
std::vector<Paragraph> article(const std::vector<std::string>& texts) {
  std::vector<Paragraph> paragraphs;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Paragraph p;
    p.text = texts[i];
    p.role = i == 0 ? Role::kTitle : Role::kBody;
    p.first_line = p.last_line = static_cast<int>(i) + 1;
    paragraphs.push_back(std::move(p));
  }
  assign_roles(paragraphs, patterns());
  return paragraphs;
}

std::vector<int> lines_of(const Collapsed& c) {
  std::vector<int> lines;
  for (const Paragraph& p : c.paragraphs) lines.push_back(p.first_line);
  return lines;
}

const std::string kTitle = "시청, 내년 예산 10% 늘린다";
const std::string kA =
    "시청은 내년 예산을 올해보다 10% 늘리겠다고 20일 밝혔다. 늘어난 예산은 주로 복지에 쓰인다.";
const std::string kB =
    "시의회는 다음 달 예산안을 심사한다. 의원들은 사업별 효과를 따져 보겠다는 입장이다.";
const std::string kC = "시민단체는 예산 증액을 환영하면서도 집행 과정을 지켜보겠다고 했다.";
const std::string kD =
    "전문가들은 늘어난 복지 예산이 실제로 필요한 곳에 닿도록 해야 한다고 조언했다.";

TEST(DedupTest, ExactRepeatCollapsesIntoTheFirst) {
  const Collapsed c = collapse_repeats(article({kTitle, kA, kB, kA}), patterns());
  EXPECT_EQ(lines_of(c), (std::vector<int>{1, 2, 3}));
  ASSERT_EQ(c.paragraphs[1].duplicates.size(), 1u);
  EXPECT_EQ(c.paragraphs[1].duplicates[0].first_line, 4);
  EXPECT_DOUBLE_EQ(c.paragraphs[1].duplicates[0].similarity, 1.0);
  EXPECT_EQ(c.stats.exact, 1);
  EXPECT_EQ(c.stats.near, 0);
  EXPECT_EQ(c.stats.paragraphs_in, 4);
  EXPECT_EQ(c.stats.paragraphs_out, 3);
}

TEST(DedupTest, ChangedWordIsANearRepeat) {
  const std::string changed =
      "시청은 내년 예산을 올해보다 10% 늘리겠다고 20일 발표했다. 늘어난 예산은 주로 복지에 쓰인다.";
  const Collapsed c = collapse_repeats(article({kTitle, kA, kB, changed}), patterns());
  EXPECT_EQ(lines_of(c), (std::vector<int>{1, 2, 3}));
  ASSERT_EQ(c.paragraphs[1].duplicates.size(), 1u);
  EXPECT_LT(c.paragraphs[1].duplicates[0].similarity, 1.0);
  EXPECT_GE(c.paragraphs[1].duplicates[0].similarity, DedupOptions{}.near_threshold);
  EXPECT_EQ(c.stats.near, 1);
}

TEST(DedupTest, SpacingQuotesAndCreditsDoNotMakeADifferentParagraph) {
  const std::string spaced =
      "시청은 내년예산을 올해보다 10% 늘리겠다고 20일 밝혔다. 늘어난 예산은 주로 복지에 쓰인다.";
  const std::string quoted = "\"" + kB + "\"";
  const std::string credited = kC + " (사진=시청 제공)";
  const Collapsed c =
      collapse_repeats(article({kTitle, kA, kB, kC, spaced, quoted, credited}), patterns());
  EXPECT_EQ(lines_of(c), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(c.stats.near, 3);
  for (std::size_t i = 1; i < c.paragraphs.size(); ++i) {
    ASSERT_EQ(c.paragraphs[i].duplicates.size(), 1u) << c.paragraphs[i].text;
    EXPECT_DOUBLE_EQ(c.paragraphs[i].duplicates[0].similarity, 1.0);  // equal once normalized
  }
}

TEST(DedupTest, DifferentNumbersAreDifferentParagraphs) {
  // 183차 / 184차: the same schedule line for two different hearings.
  const Collapsed c = collapse_repeats(
      article({kTitle, "-서울중앙지법, '뇌물 등 혐의' 홍길동 전 시장 외 4명 183차 공판(오전 10시)",
               "-서울중앙지법, '뇌물 등 혐의' 홍길동 전 시장 외 4명 184차 공판(오전 10시)"}),
      patterns());
  EXPECT_EQ(c.paragraphs.size(), 3u);
}

TEST(DedupTest, DistinctParagraphsStayApart) {
  const Collapsed c = collapse_repeats(article({kTitle, kA, kB, kC, kD}), patterns());
  EXPECT_EQ(c.paragraphs.size(), 5u);
  EXPECT_EQ(c.stats.exact + c.stats.near, 0);
}

TEST(DedupTest, ShortLinesMustBeEqual) {
  // Two link lines one character apart are two links.
  const Collapsed c = collapse_repeats(
      article({kTitle, kA, "https://example.com/a1b2c", "https://example.com/a1b2d"}), patterns());
  EXPECT_EQ(c.paragraphs.size(), 4u);
}

TEST(DedupTest, ALedeRestatingTheTitleIsKept) {
  const Collapsed c = collapse_repeats(
      article({"시청, 내년 예산 10% 늘린다", "시청이 내년 예산 10% 늘린다"}), patterns());
  EXPECT_EQ(c.paragraphs.size(), 2u);
}

TEST(DedupTest, RepeatedStructureLinesStayWhereTheyStand) {
  // Two graphics, each with its credit: both credits stay.
  const Collapsed c = collapse_repeats(
      article({kTitle, kA, "그래픽=홍길동 기자", kB, "그래픽=홍길동 기자", kC}), patterns());
  EXPECT_EQ(lines_of(c), (std::vector<int>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(c.stats.exact, 0);
}

TEST(DedupTest, StructureLinesInsideARepeatedBlockCollapse) {
  const Collapsed c = collapse_repeats(
      article({kTitle, kA, "☞ 기사보기 ☜", kB, kA, "☞ 기사보기 ☜", kB}), patterns());
  EXPECT_EQ(lines_of(c), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(c.stats.exact, 3);
}

TEST(DedupTest, SecondCopyWithSubheadingsKeepsThemBeforeWhatTheyHead) {
  // The seed's shape: the whole article twice; the second copy adds a
  // subheading and lacks the first copy's caption.
  const std::string caption = "시의회 본회의장 모습. (사진=시의회 제공)";
  const std::string heading = "시민단체 \"집행 지켜볼 것\"";
  const Collapsed c = collapse_repeats(article({kTitle, kA, kB, caption, kC, kD,  // 1..6
                                                kA, kB, heading, kC, kD}),        // 7..11
                                       patterns());
  EXPECT_EQ(lines_of(c), (std::vector<int>{1, 2, 3, 4, 9, 5, 6}));
  EXPECT_EQ(c.paragraphs[4].role, Role::kSubheading);
  EXPECT_EQ(c.stats.exact, 4);
  EXPECT_EQ(c.stats.paragraphs_out, 7);
}

TEST(DedupTest, SubheadingOpeningTheSecondCopyHeadsItsFirstParagraph) {
  const std::string heading = "예산은 어디에 쓰이나";
  const Collapsed c =
      collapse_repeats(article({kTitle, kA, kB, kC, heading, kA, kB, kC}), patterns());
  EXPECT_EQ(lines_of(c), (std::vector<int>{1, 5, 2, 3, 4}));
}

TEST(DedupTest, NewEndingAfterARepeatedBlockStaysAtTheEnd) {
  const Collapsed c = collapse_repeats(article({kTitle, kA, kB, kC, kA, kB, kC, kD}), patterns());
  EXPECT_EQ(lines_of(c), (std::vector<int>{1, 2, 3, 4, 8}));
}

TEST(DedupTest, ALoneRepeatDoesNotPullLaterParagraphsBack) {
  // A B A' C D C' is not a block: C and D stay after B.
  const Collapsed c = collapse_repeats(article({kTitle, kA, kB, kA, kC, kD, kC}), patterns());
  EXPECT_EQ(lines_of(c), (std::vector<int>{1, 2, 3, 5, 6}));
}

TEST(DedupTest, AnArticleThatQuotesItselfKeepsItsOrder) {
  // A report, then the letter it paraphrases printed in full: three of the
  // letter's paragraphs are near repeats of the report's, no block is a copy,
  // so the letter's own paragraphs stay after the report, in their order.
  const std::string a2 =
      "시청은 내년 예산을 올해보다 10% 늘리겠다고 20일 알렸다. 늘어난 예산은 주로 복지에 쓰인다.";
  const std::string b2 =
      "시의회는 다음 달 예산안을 심의한다. 의원들은 사업별 효과를 따져 보겠다는 입장이다.";
  const std::string c2 = "시민단체는 예산 증액을 반기면서도 집행 과정을 지켜보겠다고 했다.";
  const std::string opening = "시민 여러분께 드리는 글입니다. 내년 살림살이를 말씀드리겠습니다.";
  const std::string middle = "어려운 때일수록 꼭 필요한 곳부터 챙기겠다는 약속을 드립니다.";
  const std::string closing = "여러분의 의견을 언제든 시청 누리집에 남겨 주시기 바랍니다.";
  const std::string signature = "시장 드림. 늘 고맙습니다, 그리고 건강하십시오.";
  const Collapsed c =
      collapse_repeats(article({kTitle, kA, kB, kC, kD,                             // 1..5
                                opening, a2, middle, b2, closing, c2, signature}),  // 6..12
                       patterns());
  EXPECT_EQ(lines_of(c), (std::vector<int>{1, 2, 3, 4, 5, 6, 8, 10, 12}));
  EXPECT_EQ(c.stats.near, 3);
}

TEST(DedupTest, ManyAlmostIdenticalParagraphsCollapseIntoOne) {
  // 10^4 copies with one word changed each: linear work, one paragraph left.
  std::vector<std::string> texts{kTitle, kA};
  const std::string words[] = {"발표했다", "말했다", "설명했다", "전했다"};
  for (int i = 0; i < 10000; ++i) {
    texts.push_back("시청은 내년 예산을 올해보다 10% 늘리겠다고 20일 " + words[i % 4] +
                    ". 늘어난 예산은 주로 복지에 쓰인다.");
  }
  const Collapsed c = collapse_repeats(article(texts), patterns());
  EXPECT_EQ(c.paragraphs.size(), 2u);
  EXPECT_EQ(c.stats.exact + c.stats.near, 10000);
}

TEST(DedupTest, ManyDistinctNumberedParagraphsStayApart) {
  // 10^4 lines alike but for their number (제N조): none is a repeat, and the
  // capped index keeps this from being quadratic.
  std::vector<std::string> texts{kTitle};
  for (int i = 0; i < 10000; ++i) {
    texts.push_back("제" + std::to_string(i + 1) +
                    "조 이 규칙은 공포한 날부터 시행하며 시행 전의 행위에도 적용한다.");
  }
  const Collapsed c = collapse_repeats(article(texts), patterns());
  EXPECT_EQ(c.paragraphs.size(), texts.size());
}

TEST(DedupTest, Deterministic) {
  const auto input = article({kTitle, kA, kB, kA, kC, kB + " /뉴스1", kD});
  const Collapsed first = collapse_repeats(input, patterns());
  const Collapsed second = collapse_repeats(input, patterns());
  ASSERT_EQ(lines_of(first), lines_of(second));
  EXPECT_EQ(first.stats.near, second.stats.near);
}

TEST(DedupTest, SimilarityIsOneMinusEditDistanceOverLength) {
  EXPECT_DOUBLE_EQ(similarity(U"가나다라마", U"가나다라마"), 1.0);
  EXPECT_DOUBLE_EQ(similarity(U"가나다라마", U"가나다라바"), 0.8);
  EXPECT_DOUBLE_EQ(similarity(U"가나다라마", U"바사아자차", 0.5), 0.0);  // below the floor
  EXPECT_EQ(comparable_text("국민 “여러분”", RolePatterns{}), U"국민여러분");
  EXPECT_EQ(comparable_text("시민들이 걷고 있다. /뉴스1", patterns()), U"시민들이걷고있다.");
}

}  // namespace
}  // namespace news

namespace news {
namespace {

// ASCII and Hangul take a path without utf8proc; anything else takes
// utf8proc's NFKC case folding. Both must agree on what they share.
TEST(DedupTest, ComparableTextFoldsCaseWidthAndSpaceOnBothPaths) {
  EXPECT_EQ(comparable_text("OpenAI 'CEO' 알트먼·나델라", RolePatterns{}),
            U"openaiceo알트먼·나델라");
  // Full-width letters and … need NFKC: the general path.
  EXPECT_EQ(comparable_text("ＯｐｅｎＡＩ 알트먼…", RolePatterns{}), U"openai알트먼...");
  EXPECT_EQ(comparable_text("Straße\tSTRASSE", RolePatterns{}), U"strassestrasse");
}

}  // namespace
}  // namespace news
