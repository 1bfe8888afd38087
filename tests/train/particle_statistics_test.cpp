#include "train/particle_statistics.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/lexicon.h"
#include "testing.h"

namespace news {
namespace {

Particles particle_lexicon() {
  const std::filesystem::path file = testing::source_path("data/particles.txt");
  return Particles::parse(testing::read_file(file), file.string());
}

// The splitter with the statistics of `files`, as if read from a folder.
Particles with_statistics(const StatisticsFiles& files) {
  Particles particles = particle_lexicon();
  particles.set_statistics(Lexicon::parse(files.contexts, "particle_contexts.txt", 2, 2),
                           Lexicon::parse(files.noun_stems, "noun_stems.txt", 0, 1));
  return particles;
}

std::vector<ConlluWord> two_sentences() {
  std::istringstream in(
      "1\t삼겹살이\t삼겹살+이\tNOUN\tNNG+JKS\t_\t0\troot\t_\t_\n"
      "\n"
      "1\t알트먼이\t알트먼+이\tPROPN\tNNP+JKS\t_\t0\troot\t_\t_\n"
      "2\t가까운\t가깝+ㄴ\tADJ\tVA+ETM\t_\t1\tamod\t_\t_\n");
  return read_conllu(in);
}

TEST(ParticleStatisticsTest, AFoldsStatisticsNeverSeeItsSentences) {
  const Particles lexicon = particle_lexicon();
  ParticleStatistics without_first;
  without_first.add(two_sentences(), lexicon, SentenceFolds(2, 0));
  EXPECT_EQ(without_first.words, 2u) << "알트먼이 and 가까운, not 삼겹살이";
  EXPECT_EQ(without_first.stems.count("삼겹살"), 0u);
  EXPECT_EQ(without_first.stems.count("알트먼"), 1u);

  ParticleStatistics all;
  all.add(two_sentences(), lexicon, SentenceFolds());
  EXPECT_EQ(all.words, 3u);
  EXPECT_EQ(all.stems.count("삼겹살"), 1u);
}

TEST(ParticleStatisticsTest, AFoldIsMeasuredOnItsSentencesOnly) {
  const Particles particles =
      with_statistics(render_statistics(ParticleStatistics(), 1, SentenceFolds()));
  const ParticleSplitScore first =
      measure_particle_splits(two_sentences(), particles, SentenceFolds(2, 0));
  EXPECT_EQ(first.with, 1u);
  EXPECT_EQ(first.without, 0u);
  const ParticleSplitScore second =
      measure_particle_splits(two_sentences(), particles, SentenceFolds(2, 1));
  EXPECT_EQ(second.with, 1u);
  EXPECT_EQ(second.without, 1u) << "가까운";
}

TEST(ParticleStatisticsTest, AFoldsFilesSaySoAndDataFilesDoNot) {
  ParticleStatistics statistics;
  statistics.add(two_sentences(), particle_lexicon(), SentenceFolds());
  const StatisticsFiles data = render_statistics(statistics, 1, SentenceFolds());
  EXPECT_EQ(data.contexts.rfind("# Particle-split statistics", 0), 0u);
  EXPECT_EQ(data.noun_stems.rfind("# Stems seen before a particle", 0), 0u);
  const std::string note = "# Cross-validation: made from the sentences outside fold 1 of 5.\n";
  const StatisticsFiles fold = render_statistics(statistics, 1, SentenceFolds(5, 1));
  EXPECT_EQ(fold.contexts.rfind(note, 0), 0u);
  EXPECT_EQ(fold.noun_stems.rfind(note, 0), 0u);
  EXPECT_EQ(fold.contexts.substr(note.size()), data.contexts);
  EXPECT_NE(fold.noun_stems.find("삼겹살\t1\n"), std::string::npos);
}

// The figure of issue 14 in docs/text-layer.md: five folds of UD Korean GSD
// train, each measured by statistics made from the other four (a quarter
// of a second in a release build).
TEST(ParticleStatisticsTest, CrossValidatedOnTrainSplitsAsWellAsTheTarget) {
  const auto train = testing::shared_path("data/ud-korean-gsd/ko_gsd-ud-train.conllu");
  if (!train) GTEST_SKIP() << "../shared/data/ud-korean-gsd not present";
  std::ifstream in(*train);
  const std::vector<ConlluWord> words = read_conllu(in);
  const Particles lexicon = particle_lexicon();
  constexpr int kFolds = 5;
  ParticleSplitScore pooled;
  for (int k = 0; k < kFolds; ++k) {
    const SentenceFolds folds(kFolds, k);
    ParticleStatistics statistics;
    statistics.add(words, lexicon, folds);
    pooled.add(measure_particle_splits(
        words, with_statistics(render_statistics(statistics, 1, folds)), folds));
  }
  const ParticleSplitScore whole = measure_particle_splits(words, lexicon, SentenceFolds());
  EXPECT_EQ(pooled.with + pooled.without + pooled.skipped,
            whole.with + whole.without + whole.skipped)
      << "the folds together measure every word once";
  EXPECT_GE(pooled.split_accuracy(), 97.0);
  EXPECT_LE(pooled.false_split_rate(), 2.0);
}

}  // namespace
}  // namespace news
