#include "values/value_words.h"

#include <gtest/gtest.h>

#include "base/lexicon.h"
#include "values_test_support.h"

namespace news {
namespace {

TEST(ValueWordsTest, TheDataFileLoadsEverySection) {
  const ValueWords& words = testing::resources().value_words;
  EXPECT_FALSE(words.approximate_before.empty());
  EXPECT_FALSE(words.approximate_after.empty());
  EXPECT_FALSE(words.counter_suffixes.empty());
  EXPECT_FALSE(words.machines.empty());
  EXPECT_EQ(words.signs.size(), 4u);
  EXPECT_TRUE(words.first_syllables.test(U'약' - 0xAC00));
  EXPECT_TRUE(words.first_syllables.test(U'영' - 0xAC00));
}

TEST(ValueWordsTest, ParsesSectionsAndPreparesTheScan) {
  const ValueWords words = ValueWords::parse(
      "# a comment\n"
      "약\tapproximate_before\tglued\n"
      "About\tapproximate_before\n"
      "가량\tapproximate_after\n"
      "씩\tcounter_suffix\n"
      "버스\tmachine\n"
      "영하\tsign\tnegative\ttemperature\n",
      "value-words.txt");
  // Spaced forms, then the glued one; Latin words folded to lower case.
  EXPECT_EQ(words.approximate_before, (std::vector<std::string>{"약 ", "약", "about "}));
  EXPECT_TRUE(words.approximate_before_firsts.test('a'));
  EXPECT_FALSE(words.approximate_before_firsts.test('A'));
  EXPECT_EQ(words.approximate_after, std::vector<std::string>{"가량"});
  EXPECT_EQ(words.counter_suffixes, std::vector<std::string>{"씩"});
  EXPECT_EQ(words.machines, std::vector<std::string>{"버스"});
  ASSERT_EQ(words.signs.size(), 1u);
  EXPECT_TRUE(words.signs[0].negative);
  EXPECT_TRUE(words.signs[0].temperature);
  EXPECT_TRUE(words.first_syllables.test(U'약' - 0xAC00));
  EXPECT_TRUE(words.first_syllables.test(U'영' - 0xAC00));
  EXPECT_FALSE(words.first_syllables.test(U'가' - 0xAC00));  // after an amount only
}

// A bad line is a LexiconError that names the file and the line, never a crash.
TEST(ValueWordsTest, AMalformedLineNamesFileAndLine) {
  const struct {
    const char* text;
    const char* line;
  } cases[] = {
      {"약\tapproximate_before\n쯤\tapproximate_later\n", "value-words.txt:2:"},  // unknown section
      {"# header\n\n약\n", "value-words.txt:3:"},                                 // no section
      {"영하\tsign\tnegative\n", "value-words.txt:1:"},                           // half a sign
      {"영하\tsign\tbelow\ttemperature\n", "value-words.txt:1:"},
      {"약\tapproximate_before\tspaced\n", "value-words.txt:1:"},
      {"x\tmachine\n차량\tmachine\textra\n", "value-words.txt:2:"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    try {
      ValueWords::parse(c.text, "value-words.txt");
      ADD_FAILURE() << "expected a LexiconError";
    } catch (const LexiconError& e) {
      EXPECT_NE(std::string(e.what()).find(c.line), std::string::npos) << e.what();
    }
  }
}

// The scan follows the words given: a new approximation word needs no code.
TEST(ValueWordsTest, TheScanFollowsTheWordsGiven) {
  Resources resources = testing::resources();
  resources.value_words =
      ValueWords::parse("거의\tapproximate_before\n트랙터\tmachine\n", "value-words.txt");
  Paragraph paragraph;
  paragraph.text = "거의 100명, 트랙터 30대";
  Entities e;
  extract_values({paragraph}, std::nullopt, resources, e);
  ASSERT_EQ(e.quantities.size(), 2u);
  EXPECT_EQ(e.quantities[0].where.text, "거의 100명");
  EXPECT_TRUE(e.quantities[0].approximate);
  EXPECT_EQ(e.quantities[1].where.text, "30대");
  EXPECT_EQ(e.quantities[1].unit, "대");  // 30 tractors, not people in their thirties
}

}  // namespace
}  // namespace news
