// train/particle_statistics.h — making and measuring the particle splitter's
// statistics (text/tokenize.h) on UD Korean GSD.
//
// ParticleStatistics counts, for every context key (Particles::context_keys)
// of every candidate split of the treebank's words, how often it was the
// real split, and the stems seen before particles; render_statistics()
// writes them as data/particle_contexts.txt and data/noun_stems.txt.
// measure_particle_splits() scores a splitter against the treebank's gold
// stems. Both take SentenceFolds (train/folds.h), so statistics made
// without a fold can measure it. Used by analyze-train-particles,
// analyze-eval-particles and the cross-validation test.
//
// Thread-safety: pure functions; a ParticleStatistics is filled by one thread.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "text/tokenize.h"
#include "train/conllu.h"
#include "train/folds.h"

namespace news {

struct ParticleStatistics {
  struct Counts {
    int split = 0;  // candidates that were the real split
    int seen = 0;   // candidates
  };
  std::map<std::string, Counts> contexts;  // ordered: a stable, diffable file
  std::map<std::string, int> stems;        // stem → times seen before a particle
  std::size_t words = 0;                   // words counted (not skipped)

  // Counts the words of the sentences `folds` trains on. `lexicon` is the
  // particle list alone (Particles::parse): statistics being made must not
  // shape the tokens they are made from.
  void add(const std::vector<ConlluWord>& words, const Particles& lexicon,
           const SentenceFolds& folds);
};

// The two statistics files, as analyze-train-particles writes them.
struct StatisticsFiles {
  std::string contexts;    // particle_contexts.txt
  std::string noun_stems;  // noun_stems.txt
  std::size_t contexts_kept = 0;
};

// Keeps the contexts seen at least `min_seen` times. A fold's files say
// which fold they were made without in a first comment line.
StatisticsFiles render_statistics(const ParticleStatistics& statistics, int min_seen,
                                  const SentenceFolds& folds);

// How a splitter did on a treebank.
struct ParticleSplitScore {
  std::size_t with = 0, with_right = 0;        // words ending in particles; stem right
  std::size_t without = 0, without_right = 0;  // words without; left whole
  std::size_t skipped = 0;                     // morphemes do not spell the word, or only particles

  double split_accuracy() const { return with ? 100.0 * with_right / with : 0; }
  double whole_accuracy() const { return without ? 100.0 * without_right / without : 0; }
  // Words without a particle that were split (100 - whole_accuracy()).
  double false_split_rate() const {
    return without ? 100.0 * (without - without_right) / without : 0;
  }
  void add(const ParticleSplitScore& other);
};

// "word \t gold stem \t got stem" → how often.
using ParticleSplitErrors = std::map<std::string, int>;

// Scores the words of the sentences `folds` measures, each tokenized alone:
// a word ending in particles must come back with its gold stem (스타벅스가 →
// 스타벅스), any other word whole (가까운). Adds the misses to `errors`
// when given.
ParticleSplitScore measure_particle_splits(const std::vector<ConlluWord>& words,
                                           const Particles& particles, const SentenceFolds& folds,
                                           ParticleSplitErrors* errors = nullptr);

}  // namespace news
