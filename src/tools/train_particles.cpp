// analyze-train-particles — makes the particle splitter's statistics.
//
//   build/analyze-train-particles ../shared/data/ud-korean-gsd/ko_gsd-ud-train.conllu
//
// Reads UD Korean GSD *train* (never dev: dev measures the result) and the
// particle lexicon data/particles.txt, and writes beside the lexicon:
//   particle_contexts.txt  for every context key of every candidate split
//                          (news::Particles::context_keys), how many of the
//                          train words with that candidate really split
//                          there, out of how many (all, or those seen --min-seen times)
//   noun_stems.txt         every stem seen before a particle in train
// Run it again whenever data/particles.txt changes.
//
// Cross-validation (train/folds.h, docs/text-layer.md):
//   build/analyze-train-particles TRAIN --folds 5 --out build/particle-folds
// writes the statistics of each fold k, made from the sentences outside it,
// to build/particle-folds/fold-k/ (--fold K: only fold K, straight into
// --out) for analyze-eval-particles --folds; data/ is left alone.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "resources.h"
#include "shared_corpus.h"
#include "text/tokenize.h"
#include "train/conllu.h"
#include "train/folds.h"
#include "train/particle_statistics.h"

int main(int argc, char** argv) {
  CLI::App app{"Makes data/particle_contexts.txt and data/noun_stems.txt from UD Korean GSD train"};
  std::vector<std::string> inputs;
  std::string data_dir;
  std::string out_dir;
  int min_seen = 1;
  int fold_count = 0;
  int fold = -1;
  app.add_option("train", inputs, "CoNLL-U training files (UD Korean GSD train)")->required();
  app.add_option("--data-dir", data_dir, "where particles.txt is and the output goes");
  app.add_option("--min-seen", min_seen, "keep contexts seen at least this often");
  app.add_option("--out", out_dir, "write the statistics here instead (required with --folds)");
  app.add_option("--folds", fold_count, "cross-validation: deal the sentences into N folds");
  app.add_option("--fold", fold, "with --folds: make only fold K's statistics (default: all)");
  CLI11_PARSE(app, argc, argv);

  try {
    if (fold_count > 0 && out_dir.empty())
      throw std::invalid_argument("--folds writes to a scratch folder: give --out");
    if (fold_count == 0 && fold >= 0) throw std::invalid_argument("--fold needs --folds");
    const std::filesystem::path dir = news::tools::data_dir_or_default(data_dir);
    // The lexicon alone: the statistics being made must not shape the tokens.
    std::ifstream lexicon_in(dir / "particles.txt");
    const std::string lexicon_text((std::istreambuf_iterator<char>(lexicon_in)),
                                   std::istreambuf_iterator<char>());
    const news::Particles particles =
        news::Particles::parse(lexicon_text, (dir / "particles.txt").string());

    std::vector<std::vector<news::ConlluWord>> files;
    for (const std::string& input : inputs) {
      std::ifstream in(input);
      if (!in) {
        std::fprintf(stderr, "%s: cannot read\n", input.c_str());
        return 1;
      }
      files.push_back(news::read_conllu(in));
    }

    // What to make: data/'s statistics, one fold's, or every fold's.
    std::vector<std::pair<news::SentenceFolds, std::filesystem::path>> runs;
    const std::filesystem::path out = out_dir.empty() ? dir : std::filesystem::path(out_dir);
    if (fold_count == 0) {
      runs.emplace_back(news::SentenceFolds(), out);
    } else if (fold >= 0) {
      runs.emplace_back(news::SentenceFolds(fold_count, fold), out);
    } else {
      for (int k = 0; k < fold_count; ++k) {
        const news::SentenceFolds folds(fold_count, k);
        runs.emplace_back(folds, out / folds.folder_name());
      }
    }
    for (const auto& [folds, run_dir] : runs) {
      news::ParticleStatistics statistics;
      for (const std::vector<news::ConlluWord>& file : files)
        statistics.add(file, particles, folds);
      const news::StatisticsFiles rendered = news::render_statistics(statistics, min_seen, folds);
      std::filesystem::create_directories(run_dir);
      std::ofstream contexts_out(run_dir / "particle_contexts.txt");
      contexts_out << rendered.contexts;
      std::ofstream stems_out(run_dir / "noun_stems.txt");
      stems_out << rendered.noun_stems;
      if (!contexts_out || !stems_out)
        throw std::runtime_error(run_dir.string() + ": cannot write");
      if (folds.active()) std::printf("%s: ", run_dir.string().c_str());
      std::printf("%zu words, %zu contexts kept of %zu, %zu stems\n", statistics.words,
                  rendered.contexts_kept, statistics.contexts.size(), statistics.stems.size());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
