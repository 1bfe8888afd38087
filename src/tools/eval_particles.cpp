// analyze-eval-particles — how well the tokenizer splits particles.
//
//   build/analyze-eval-particles ../shared/data/ud-korean-gsd/ko_gsd-ud-dev.conllu
//
// For every word (어절) of UD Korean GSD whose tags end in particles (J…) and
// whose morphemes spell it, the stem the tokenizer gives (the word up to its
// last token's particle) must be the word minus its trailing particles:
// 스타벅스가 → 스타벅스, 경기관광공사와 → 경기관광공사, 1.2배에서 → 1.2배. For
// every word without a trailing particle (가까운, 주관하고, 있지) nothing may be
// split. Prints both figures per file; --errors N lists the commonest misses.
//
// Cross-validation (train/folds.h, docs/text-layer.md): after
// analyze-train-particles TRAIN --folds 5 --out build/particle-folds,
//   build/analyze-eval-particles TRAIN --folds 5 --stats-dir build/particle-folds
// measures each fold k with the statistics of fold-k/ (made without it),
// then all folds pooled, with the false-split rate (words without a
// particle that were split); --fold K measures fold K alone with the
// statistics in --stats-dir. --stats-dir without --folds measures whole
// files with other statistics than data/'s.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "resources.h"
#include "shared_corpus.h"
#include "text/tokenize.h"
#include "train/conllu.h"
#include "train/folds.h"
#include "train/particle_statistics.h"

namespace {

void print_errors(const news::ParticleSplitErrors& errors, int show_errors) {
  std::vector<std::pair<int, std::string>> sorted;
  for (const auto& [what, count] : errors) sorted.emplace_back(-count, what);
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < show_errors && i < static_cast<int>(sorted.size()); ++i) {
    std::printf("  %4d  %s\n", -sorted[i].first, sorted[i].second.c_str());
  }
}

// One row of the cross-validation table.
void print_fold_row(const std::string& name, const news::ParticleSplitScore& score) {
  std::printf("  %-5s %6.2f%% (%5zu / %5zu)  %6.2f%% (%5zu / %5zu)  %5.2f%% (%4zu)  %4zu\n",
              name.c_str(), score.split_accuracy(), score.with_right, score.with,
              score.whole_accuracy(), score.without_right, score.without, score.false_split_rate(),
              score.without - score.without_right, score.skipped);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Particle-split accuracy against UD Korean GSD"};
  std::vector<std::string> inputs;
  std::string data_dir;
  std::string statistics_dir;
  int show_errors = 0;
  int fold_count = 0;
  int fold = -1;
  app.add_option("files", inputs, "CoNLL-U files")->required();
  app.add_option("--data-dir", data_dir, "the data directory (default: as analyze finds it)");
  app.add_option("--errors", show_errors, "list the N commonest errors of each file");
  app.add_option("--stats-dir", statistics_dir,
                 "read particle_contexts.txt and noun_stems.txt from here (with --folds: "
                 "from its fold-K/ folders)");
  app.add_option("--folds", fold_count, "cross-validation: deal the sentences into N folds");
  app.add_option("--fold", fold, "with --folds: measure only fold K (default: all, and pooled)");
  CLI11_PARSE(app, argc, argv);

  try {
    if (fold_count > 0 && statistics_dir.empty())
      throw std::invalid_argument("--folds needs --stats-dir (analyze-train-particles --folds)");
    if (fold_count == 0 && fold >= 0) throw std::invalid_argument("--fold needs --folds");
    const std::filesystem::path dir = news::tools::data_dir_or_default(data_dir);
    const std::filesystem::path particles_file = dir / "particles.txt";
    if (fold_count > 0) {
      // Every fold measured by the statistics made without it.
      std::vector<news::SentenceFolds> runs;
      if (fold >= 0) {
        runs.emplace_back(fold_count, fold);
      } else {
        for (int k = 0; k < fold_count; ++k) runs.emplace_back(fold_count, k);
      }
      bool all_met = true;
      for (const std::string& input : inputs) {
        std::ifstream in(input);
        if (!in) {
          std::fprintf(stderr, "%s: cannot read\n", input.c_str());
          return 1;
        }
        const std::vector<news::ConlluWord> words = news::read_conllu(in);
        std::printf("%s, %d folds by sentence index\n", input.c_str(), fold_count);
        std::printf(
            "  fold   ends in particles: stem right  no particle: left whole   false "
            "splits  skipped\n");
        news::ParticleSplitScore pooled;
        news::ParticleSplitErrors errors;
        for (const news::SentenceFolds& folds : runs) {
          const std::filesystem::path fold_statistics =
              fold >= 0 ? std::filesystem::path(statistics_dir)
                        : std::filesystem::path(statistics_dir) / folds.folder_name();
          const news::Particles particles = news::Particles::load(particles_file, fold_statistics);
          const news::ParticleSplitScore score = news::measure_particle_splits(
              words, particles, folds, show_errors > 0 ? &errors : nullptr);
          print_fold_row(std::to_string(folds.held_out()), score);
          pooled.add(score);
        }
        if (runs.size() > 1) print_fold_row("all", pooled);
        all_met = all_met && pooled.split_accuracy() >= 97.0 && pooled.false_split_rate() <= 2.0;
        if (show_errors > 0) print_errors(errors, show_errors);
      }
      std::printf("target (>= 97%% stems right, <= 2%% false splits): %s\n",
                  all_met ? "met" : "NOT met");
      return 0;
    }

    const news::Particles particles = statistics_dir.empty()
                                          ? news::Particles::load(particles_file)
                                          : news::Particles::load(particles_file, statistics_dir);
    bool all_met = true;
    for (const std::string& input : inputs) {
      std::ifstream in(input);
      if (!in) {
        std::fprintf(stderr, "%s: cannot read\n", input.c_str());
        return 1;
      }
      news::ParticleSplitErrors errors;
      const news::ParticleSplitScore score =
          news::measure_particle_splits(news::read_conllu(in), particles, news::SentenceFolds(),
                                        show_errors > 0 ? &errors : nullptr);
      std::printf("%s\n", input.c_str());
      std::printf("  words ending in particles: %zu, stem right: %zu (%.2f%%)\n", score.with,
                  score.with_right, score.split_accuracy());
      std::printf("  words without particles:   %zu, left whole: %zu (%.2f%%)\n", score.without,
                  score.without_right, score.whole_accuracy());
      std::printf("  skipped (morphemes do not spell the word, or only particles): %zu\n",
                  score.skipped);
      all_met = all_met && score.split_accuracy() >= 97.0 && score.whole_accuracy() >= 97.0;
      if (show_errors > 0) print_errors(errors, show_errors);
    }
    std::printf("target (>= 97%% for both): %s\n", all_met ? "met" : "NOT met");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
