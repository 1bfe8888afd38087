#include "train/folds.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace news {
namespace {

TEST(SentenceFoldsTest, FoldKTakesEveryCountthSentenceFromK) {
  const SentenceFolds fold(5, 2);
  std::vector<std::size_t> measured;
  for (std::size_t sentence = 0; sentence < 20; ++sentence) {
    if (fold.measures(sentence)) measured.push_back(sentence);
  }
  EXPECT_EQ(measured, (std::vector<std::size_t>{2, 7, 12, 17}));
  EXPECT_EQ(fold.folder_name(), "fold-2");
}

TEST(SentenceFoldsTest, EverySentenceIsMeasuredOnceByStatisticsThatNeverSawIt) {
  constexpr int kFolds = 5;
  for (std::size_t sentence = 0; sentence < 23; ++sentence) {
    int measured_by = 0;
    for (int k = 0; k < kFolds; ++k) {
      const SentenceFolds fold(kFolds, k);
      EXPECT_NE(fold.measures(sentence), fold.trains_on(sentence))
          << "sentence " << sentence << ", fold " << k;
      measured_by += fold.measures(sentence);
    }
    EXPECT_EQ(measured_by, 1) << "sentence " << sentence;
  }
}

TEST(SentenceFoldsTest, WithoutFoldsEverySentenceIsTrainedOnAndMeasured) {
  const SentenceFolds none;
  EXPECT_FALSE(none.active());
  for (std::size_t sentence : {0u, 1u, 4u, 1000u}) {
    EXPECT_TRUE(none.trains_on(sentence));
    EXPECT_TRUE(none.measures(sentence));
  }
}

TEST(SentenceFoldsTest, RejectsAFoldOutsideTheCount) {
  EXPECT_THROW(SentenceFolds(1, 0), std::invalid_argument);
  EXPECT_THROW(SentenceFolds(5, 5), std::invalid_argument);
  EXPECT_THROW(SentenceFolds(5, -1), std::invalid_argument);
  EXPECT_NO_THROW(SentenceFolds(5, 4));
}

}  // namespace
}  // namespace news
