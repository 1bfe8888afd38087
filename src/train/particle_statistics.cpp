#include "train/particle_statistics.h"

#include <sstream>
#include <string_view>

namespace news {

void ParticleStatistics::add(const std::vector<ConlluWord>& treebank_words,
                             const Particles& lexicon, const SentenceFolds& folds) {
  for (const ConlluWord& word : treebank_words) {
    if (!folds.trains_on(word.sentence)) continue;
    const ParticleSplitGold gold = gold_particle_split(word);
    if (gold.kind == ParticleSplitGold::Kind::kSkipped) continue;
    ++words;
    const std::vector<Token> tokens = tokenize(word.form, lexicon);
    if (tokens.empty()) continue;
    const Token& last = tokens.back();
    if (!may_have_particle(last.kind) || last.end != word.form.size()) continue;
    const bool word_start = starts_word(tokens, tokens.size() - 1);
    const std::string_view token = std::string_view(word.form).substr(last.start);
    const bool has_particle = gold.kind == ParticleSplitGold::Kind::kParticle;
    if (has_particle && gold.stem_bytes > last.start) {
      ++stems[std::string(token.substr(0, gold.stem_bytes - last.start))];
    }
    for (const Particles::Candidate& candidate : lexicon.candidates(token)) {
      const bool right = has_particle && last.start + candidate.stem_bytes == gold.stem_bytes;
      for (const std::string& key : Particles::context_keys(token.substr(0, candidate.stem_bytes),
                                                            candidate.particle, word_start)) {
        Counts& counts = contexts[key];
        counts.split += right ? 1 : 0;
        ++counts.seen;
      }
    }
  }
}

StatisticsFiles render_statistics(const ParticleStatistics& statistics, int min_seen,
                                  const SentenceFolds& folds) {
  // A fold's files say so first, so they are never mistaken for data/'s.
  const std::string fold_note = folds.active()
                                    ? "# Cross-validation: made from the sentences outside fold " +
                                          std::to_string(folds.held_out()) + " of " +
                                          std::to_string(folds.count()) + ".\n"
                                    : "";
  StatisticsFiles files;
  std::ostringstream contexts;
  contexts << fold_note
           << "# Particle-split statistics: how often a candidate particle is a real one,\n"
              "# by the ending of the stem before it. Made by analyze-train-particles from\n"
              "# UD Korean GSD train (CC BY-SA 4.0; "
           << statistics.words
           << " words) and data/particles.txt; do not edit,\n"
              "# run the tool again. Columns: key, real splits, candidates seen.\n"
              "# Key `^회|의`: the stem is exactly 회 (회의 is one word); `사회|의`: the stem\n"
              "# ends in 사회 (이사회의 = 이사회 + 의); `~|는`: the stem ends in a Latin letter\n"
              "# or digit (오픈AI는); `|는`: any stem. Kept when seen at least "
           << min_seen << " times.\n";
  for (const auto& [key, counts] : statistics.contexts) {
    if (counts.seen < min_seen) continue;
    contexts << key << '\t' << counts.split << '\t' << counts.seen << '\n';
    ++files.contexts_kept;
  }
  std::ostringstream stems;
  stems << fold_note
        << "# Stems seen before a particle in UD Korean GSD train (CC BY-SA 4.0), with\n"
           "# their counts: known nouns, so 삼겹살이 splits as 삼겹살 + 이. Made by\n"
           "# analyze-train-particles; do not edit, run the tool again.\n";
  for (const auto& [stem, count] : statistics.stems) stems << stem << '\t' << count << '\n';
  files.contexts = contexts.str();
  files.noun_stems = stems.str();
  return files;
}

void ParticleSplitScore::add(const ParticleSplitScore& other) {
  with += other.with;
  with_right += other.with_right;
  without += other.without;
  without_right += other.without_right;
  skipped += other.skipped;
}

ParticleSplitScore measure_particle_splits(const std::vector<ConlluWord>& words,
                                           const Particles& particles, const SentenceFolds& folds,
                                           ParticleSplitErrors* errors) {
  ParticleSplitScore score;
  for (const ConlluWord& word : words) {
    if (!folds.measures(word.sentence)) continue;
    const ParticleSplitGold gold = gold_particle_split(word);
    if (gold.kind == ParticleSplitGold::Kind::kSkipped) {
      ++score.skipped;
      continue;
    }
    const std::vector<Token> tokens = tokenize(word.form, particles);
    std::size_t stem = word.form.size();
    if (!tokens.empty() && tokens.back().end == word.form.size() && tokens.back().has_particle()) {
      stem = tokens.back().stem_end;
    }
    const bool right = stem == gold.stem_bytes;
    if (gold.kind == ParticleSplitGold::Kind::kParticle) {
      ++score.with;
      score.with_right += right;
    } else {
      ++score.without;
      score.without_right += right;
    }
    if (!right && errors) {
      ++(*errors)[word.form + "\tgold " + word.form.substr(0, gold.stem_bytes) + "\tgot " +
                  word.form.substr(0, stem)];
    }
  }
  return score;
}

}  // namespace news
