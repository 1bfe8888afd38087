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
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "train/conllu.h"
#include "resources.h"
#include "text/tokenize.h"
#include "shared_corpus.h"

int main(int argc, char** argv) {
  CLI::App app{"Particle-split accuracy against UD Korean GSD"};
  std::vector<std::string> inputs;
  std::string data_dir;
  int show_errors = 0;
  app.add_option("files", inputs, "CoNLL-U files")->required();
  app.add_option("--data-dir", data_dir, "the data directory (default: as analyze finds it)");
  app.add_option("--errors", show_errors, "list the N commonest errors of each file");
  CLI11_PARSE(app, argc, argv);

  try {
    const std::filesystem::path dir = news::tools::data_dir_or_default(data_dir);
    const news::Particles particles = news::Particles::load(dir / "particles.txt");
    bool all_met = true;
    for (const std::string& input : inputs) {
      std::ifstream in(input);
      if (!in) {
        std::fprintf(stderr, "%s: cannot read\n", input.c_str());
        return 1;
      }
      std::size_t with = 0, with_right = 0, without = 0, without_right = 0, skipped = 0;
      std::map<std::string, int> errors;
      for (const news::ConlluWord& word : news::read_conllu(in)) {
        const news::ParticleSplitGold gold = news::gold_particle_split(word);
        if (gold.kind == news::ParticleSplitGold::Kind::kSkipped) {
          ++skipped;
          continue;
        }
        const std::vector<news::Token> tokens = news::tokenize(word.form, particles);
        std::size_t stem = word.form.size();
        if (!tokens.empty() && tokens.back().end == word.form.size() &&
            tokens.back().has_particle()) {
          stem = tokens.back().stem_end;
        }
        const bool right = stem == gold.stem_bytes;
        if (gold.kind == news::ParticleSplitGold::Kind::kParticle) {
          ++with;
          with_right += right;
        } else {
          ++without;
          without_right += right;
        }
        if (!right && show_errors > 0) {
          ++errors[word.form + "\tgold " + word.form.substr(0, gold.stem_bytes) + "\tgot " +
                   word.form.substr(0, stem)];
        }
      }
      const double split_accuracy = with ? 100.0 * with_right / with : 0;
      const double whole_accuracy = without ? 100.0 * without_right / without : 0;
      std::printf("%s\n", input.c_str());
      std::printf("  words ending in particles: %zu, stem right: %zu (%.2f%%)\n", with, with_right,
                  split_accuracy);
      std::printf("  words without particles:   %zu, left whole: %zu (%.2f%%)\n", without,
                  without_right, whole_accuracy);
      std::printf("  skipped (morphemes do not spell the word, or only particles): %zu\n", skipped);
      all_met = all_met && split_accuracy >= 97.0 && whole_accuracy >= 97.0;
      if (show_errors > 0) {
        std::vector<std::pair<int, std::string>> sorted;
        for (const auto& [what, count] : errors) sorted.emplace_back(-count, what);
        std::sort(sorted.begin(), sorted.end());
        for (int i = 0; i < show_errors && i < static_cast<int>(sorted.size()); ++i) {
          std::printf("  %4d  %s\n", -sorted[i].first, sorted[i].second.c_str());
        }
      }
    }
    std::printf("target (>= 97%% for both): %s\n", all_met ? "met" : "NOT met");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
