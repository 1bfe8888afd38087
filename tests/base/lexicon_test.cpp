#include "base/lexicon.h"

#include <gtest/gtest.h>

#include "resources.h"
#include "testing.h"

namespace news {
namespace {

TEST(LexiconTest, ReadsEntriesAndFieldsSkippingComments) {
  const Lexicon lexicon = Lexicon::parse("# header\n\n달러\tUSD\n엔\tJPY\tyen\n", "money.txt", 1, 2);
  ASSERT_EQ(lexicon.size(), 2u);
  const LexiconEntry* dollar = lexicon.find("달러");
  ASSERT_NE(dollar, nullptr);
  EXPECT_EQ(dollar->fields, std::vector<std::string>{"USD"});
  EXPECT_EQ(dollar->line, 3);
  EXPECT_TRUE(lexicon.contains("엔"));
  EXPECT_FALSE(lexicon.contains("원"));
}

TEST(LexiconTest, MalformedLineNamesFileAndLine) {
  try {
    Lexicon::parse("# header\n달러\tUSD\n원\n", "money.txt", 1, 1);
    FAIL() << "expected a LexiconError";
  } catch (const LexiconError& e) {
    EXPECT_NE(std::string(e.what()).find("money.txt:3:"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Lexicon::parse("\tUSD\n", "x.txt"), LexiconError);
  EXPECT_THROW(Lexicon::parse("bad \xFF utf8\n", "x.txt"), LexiconError);
  EXPECT_THROW(Lexicon::load("/nonexistent/lexicon.txt"), LexiconError);
}

TEST(LexiconTest, ShippedDataLoads) {
  EXPECT_NO_THROW(Resources::load(testing::source_path("data")));
}

}  // namespace
}  // namespace news
