#include "train/conllu.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

namespace news {
namespace {

// Three sentences as UD Korean GSD writes them: comments, a multiword-token
// range (not a word), two blank lines after the second sentence and none
// after the last.
constexpr const char* kThreeSentences =
    "# sent_id = 1\n"
    "1\t스타벅스가\t스타벅스+가\tPROPN\tNNP+JKS\t_\t0\troot\t_\t_\n"
    "2\t문을\t문+을\tNOUN\tNNG+JKO\t_\t1\tobj\t_\t_\n"
    "\n"
    "# sent_id = 2\n"
    "1-2\t열었다\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\t열었다\t열+었+다\tVERB\tVV+EP+EF\t_\t0\troot\t_\t_\n"
    "\n"
    "\n"
    "# sent_id = 3\n"
    "1\t서울로\t서울+로\tPROPN\tNNP+JKB\t_\t0\troot\t_\t_\n";

TEST(ConlluTest, WordsKnowTheirSentence) {
  std::istringstream in(kThreeSentences);
  const std::vector<ConlluWord> words = read_conllu(in);
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(words[0].form, "스타벅스가");
  EXPECT_EQ(words[0].sentence, 0u);
  EXPECT_EQ(words[1].sentence, 0u);
  EXPECT_EQ(words[2].form, "열었다");
  EXPECT_EQ(words[2].sentence, 1u);
  EXPECT_EQ(words[3].form, "서울로");
  EXPECT_EQ(words[3].sentence, 2u) << "two blank lines end one sentence, not two";
}

}  // namespace
}  // namespace news
