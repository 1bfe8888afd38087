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
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "train/conllu.h"
#include "resources.h"
#include "text/tokenize.h"
#include "shared_corpus.h"

namespace {

struct Counts {
  int split = 0;
  int seen = 0;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Makes data/particle_contexts.txt and data/noun_stems.txt from UD Korean GSD train"};
  std::vector<std::string> inputs;
  std::string data_dir;
  int min_seen = 1;
  app.add_option("train", inputs, "CoNLL-U training files (UD Korean GSD train)")->required();
  app.add_option("--data-dir", data_dir, "where particles.txt is and the output goes");
  app.add_option("--min-seen", min_seen, "keep contexts seen at least this often");
  CLI11_PARSE(app, argc, argv);

  try {
    const std::filesystem::path dir = news::tools::data_dir_or_default(data_dir);
    // The lexicon alone: the statistics being made must not shape the tokens.
    std::ifstream lexicon_in(dir / "particles.txt");
    const std::string lexicon_text((std::istreambuf_iterator<char>(lexicon_in)),
                                   std::istreambuf_iterator<char>());
    const news::Particles particles =
        news::Particles::parse(lexicon_text, (dir / "particles.txt").string());

    std::map<std::string, Counts> contexts;  // ordered: a stable, diffable file
    std::map<std::string, int> stems;
    std::size_t words = 0;
    for (const std::string& input : inputs) {
      std::ifstream in(input);
      if (!in) {
        std::fprintf(stderr, "%s: cannot read\n", input.c_str());
        return 1;
      }
      for (const news::ConlluWord& word : news::read_conllu(in)) {
        const news::ParticleSplitGold gold = news::gold_particle_split(word);
        if (gold.kind == news::ParticleSplitGold::Kind::kSkipped) continue;
        ++words;
        const std::vector<news::Token> tokens = news::tokenize(word.form, particles);
        if (tokens.empty()) continue;
        const news::Token& last = tokens.back();
        if (!news::may_have_particle(last.kind) || last.end != word.form.size()) continue;
        const bool word_start = news::starts_word(tokens, tokens.size() - 1);
        const std::string_view token = std::string_view(word.form).substr(last.start);
        const bool has_particle = gold.kind == news::ParticleSplitGold::Kind::kParticle;
        if (has_particle && gold.stem_bytes > last.start) {
          ++stems[std::string(token.substr(0, gold.stem_bytes - last.start))];
        }
        for (const news::Particles::Candidate& candidate : particles.candidates(token)) {
          const bool right = has_particle && last.start + candidate.stem_bytes == gold.stem_bytes;
          for (const std::string& key : news::Particles::context_keys(
                   token.substr(0, candidate.stem_bytes), candidate.particle, word_start)) {
            Counts& counts = contexts[key];
            counts.split += right ? 1 : 0;
            ++counts.seen;
          }
        }
      }
    }

    std::ofstream contexts_out(dir / "particle_contexts.txt");
    contexts_out
        << "# Particle-split statistics: how often a candidate particle is a real one,\n"
           "# by the ending of the stem before it. Made by analyze-train-particles from\n"
           "# UD Korean GSD train (CC BY-SA 4.0; "
        << words
        << " words) and data/particles.txt; do not edit,\n"
           "# run the tool again. Columns: key, real splits, candidates seen.\n"
           "# Key `^회|의`: the stem is exactly 회 (회의 is one word); `사회|의`: the stem\n"
           "# ends in 사회 (이사회의 = 이사회 + 의); `~|는`: the stem ends in a Latin letter\n"
           "# or digit (오픈AI는); `|는`: any stem. Kept when seen at least "
        << min_seen << " times.\n";
    std::size_t kept = 0;
    for (const auto& [key, counts] : contexts) {
      if (counts.seen < min_seen) continue;
      contexts_out << key << '\t' << counts.split << '\t' << counts.seen << '\n';
      ++kept;
    }
    std::ofstream stems_out(dir / "noun_stems.txt");
    stems_out << "# Stems seen before a particle in UD Korean GSD train (CC BY-SA 4.0), with\n"
                 "# their counts: known nouns, so 삼겹살이 splits as 삼겹살 + 이. Made by\n"
                 "# analyze-train-particles; do not edit, run the tool again.\n";
    for (const auto& [stem, count] : stems) stems_out << stem << '\t' << count << '\n';
    std::printf("%zu words, %zu contexts kept of %zu, %zu stems\n", words, kept, contexts.size(),
                stems.size());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
