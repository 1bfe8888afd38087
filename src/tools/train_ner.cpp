// analyze-train-ner — trains the NER model shipped in data/ner-model.bin.
//
//   analyze-train-ner --klue ../shared/data/klue-ner/train.first5000.jsonl
//       --multiconer ../shared/data/multiconer-ko/train.jsonl --out data/ner-model.bin
//
// Method: an averaged structured perceptron over character BIO tags (see
// news/ner_model.h for the features and the decoding). KLUE sentences whose
// 0-based line number % 10 == 0 are the hold-out and are never trained on.
// MultiCoNER annotates persons, locations and organizations only, and often
// leaves the particle inside the span (살레르노도); it is used as partial
// annotation: its "gold" is the best tagging the model finds among those the
// annotation allows (dates, times and quantities may be anywhere outside its
// spans, a trailing particle may be in or out), the latent-variable
// perceptron.
//
// Four perceptrons are trained over different shuffles and the shipped
// weights are the mean of their averaged weights (`--runs`): a single pass
// order moves the F1 by about a point, the mean is better than each.
//
// Deterministic: one thread, input order, a fixed seed for the per-epoch
// shuffle (our own Fisher–Yates over mt19937_64, whose output the C++
// standard fixes), so the same data and options give the same bytes.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "base/lexicon.h"
#include "train/ner_corpus.h"
#include "names/ner_model.h"
#include "train/ner_tables.h"

namespace {

using namespace news;
using ner::kFeaturesPerChar;
using ner::kRowWidth;
using ner::kTagCount;

// Endings that MultiCoNER leaves inside entity spans and KLUE leaves out.
// Longest first. 서울에서 → 서울 + 에서.
const std::vector<std::u32string> kParticles = {
    U"에서는", U"으로는", U"에서의", U"이라는", U"에게서", U"으로", U"에서", U"에게",
    U"까지",   U"부터",   U"와의",   U"과의",   U"에는",   U"이다", U"이며", U"이고",
    U"이나",   U"라는",   U"와",     U"과",     U"의",     U"은",   U"는",   U"이",
    U"가",     U"을",     U"를",     U"에",     U"로",     U"도",   U"만",   U"나"};

struct Instance {
  std::vector<std::uint32_t> slots;    // n × kFeaturesPerChar table rows
  std::vector<int> gold;               // n tags (KLUE), empty for partial annotation
  std::vector<std::uint16_t> allowed;  // n masks (MultiCoNER), empty for full annotation
  std::size_t length = 0;
  float step = 1.0f;        // update size: how much this corpus counts
  bool own_domain = false;  // also scored by the corpus's own weights (see Perceptron)
};

constexpr std::uint16_t bit(int tag) {
  return static_cast<std::uint16_t>(1u << tag);
}

Instance make_instance(const AnnotatedSentence& sentence, int table_bits, float step,
                       bool own_domain, const ner::FeatureTables& tables) {
  Instance instance;
  instance.own_domain = own_domain;
  const ner::CodePoints points = ner::decode(sentence.text);
  const std::size_t n = points.chars.size();
  instance.length = n;
  instance.step = step;
  std::vector<std::uint64_t> hashes;
  ner::extract_features(points.chars, hashes, tables);
  instance.slots.resize(hashes.size());
  for (std::size_t i = 0; i < hashes.size(); ++i) {
    instance.slots[i] = static_cast<std::uint32_t>(ner::slot_of(hashes[i], table_bits));
  }
  if (sentence.annotation == Annotation::kKlue) {
    instance.gold.assign(n, 0);
    for (const GoldEntity& e : sentence.entities) {
      instance.gold[e.start] = ner::begin_tag(e.type);
      for (std::size_t i = e.start + 1; i < e.end; ++i) instance.gold[i] = ner::inside_tag(e.type);
    }
    return instance;
  }
  // Partial annotation: outside the spans, O or any type it does not annotate.
  const auto known = known_types(sentence.annotation);
  std::uint16_t unannotated = bit(0);
  for (int t = 0; t < kNerTypeCount; ++t) {
    if (!known[t]) unannotated |= bit(1 + 2 * t) | bit(2 + 2 * t);
  }
  instance.allowed.assign(n, unannotated);
  for (const GoldEntity& e : sentence.foreign) {
    for (std::size_t i = e.start; i < e.end; ++i) instance.allowed[i] = bit(0);
  }
  for (const GoldEntity& e : sentence.entities) {
    const int b = ner::begin_tag(e.type), in = ner::inside_tag(e.type);
    instance.allowed[e.start] = bit(b);
    for (std::size_t i = e.start + 1; i < e.end; ++i) instance.allowed[i] = bit(in);
    // A particle at the end of the span may belong to it or not.
    const bool at_word_end = e.end == n || points.chars[e.end] == U' ';
    if (!at_word_end) continue;
    for (const std::u32string& particle : kParticles) {
      if (e.end - e.start <= particle.size()) continue;
      if (std::u32string(
              points.chars.begin() + static_cast<std::ptrdiff_t>(e.end - particle.size()),
              points.chars.begin() + static_cast<std::ptrdiff_t>(e.end)) != particle) {
        continue;
      }
      for (std::size_t i = e.end - particle.size(); i < e.end; ++i) instance.allowed[i] |= bit(0);
      break;
    }
  }
  return instance;
}

class Perceptron {
 public:
  explicit Perceptron(int table_bits)
      : table_bits_(table_bits),
        weights_((std::size_t{1} << table_bits) * kRowWidth, 0.0),
        totals_(weights_.size(), 0.0),
        domain_weights_(weights_.size(), 0.0),
        domain_totals_(weights_.size(), 0.0),
        transitions_((kTagCount + 1) * kTagCount, 0.0),
        transition_totals_(transitions_.size(), 0.0) {}

  std::vector<int> decode(const Instance& x, bool constrained) const {
    std::vector<float> emissions(x.length * kTagCount, 0.0f);
    for (std::size_t i = 0; i < x.length; ++i) {
      for (int f = 0; f < kFeaturesPerChar; ++f) {
        const std::size_t row = std::size_t{x.slots[i * kFeaturesPerChar + f]} * kRowWidth;
        if (row == 0) continue;  // an absent feature (ner::kAbsent)
        for (int y = 0; y < kTagCount; ++y) {
          emissions[i * kTagCount + y] += static_cast<float>(
              weights_[row + y] + (x.own_domain ? domain_weights_[row + y] : 0.0));
        }
      }
    }
    std::vector<float> transitions(transitions_.begin(), transitions_.end());
    return ner::best_tags(emissions, x.length, transitions,
                          constrained ? x.allowed : std::vector<std::uint16_t>{});
  }

  // One perceptron step on `x`; returns whether the prediction was wrong.
  bool train(const Instance& x) {
    ++clock_;
    const std::vector<int> predicted = decode(x, false);
    std::vector<int> gold = x.gold;
    if (gold.empty()) {
      bool consistent = true;
      for (std::size_t i = 0; i < x.length && consistent; ++i) {
        consistent = (x.allowed[i] >> predicted[i]) & 1;
      }
      if (consistent) return false;
      gold = decode(x, true);
    }
    if (gold == predicted) return false;
    const double step = x.step;
    for (std::size_t i = 0; i < x.length; ++i) {
      const int previous_gold = i == 0 ? kTagCount : gold[i - 1];
      const int previous_predicted = i == 0 ? kTagCount : predicted[i - 1];
      if (gold[i] != predicted[i]) {
        for (int f = 0; f < kFeaturesPerChar; ++f) {
          const std::size_t row = std::size_t{x.slots[i * kFeaturesPerChar + f]} * kRowWidth;
          if (row == 0) continue;  // row 0 stays zero: absent features (ner::kAbsent) read it
          add(weights_, totals_, row + gold[i], step);
          add(weights_, totals_, row + predicted[i], -step);
          if (x.own_domain) {
            add(domain_weights_, domain_totals_, row + gold[i], step);
            add(domain_weights_, domain_totals_, row + predicted[i], -step);
          }
        }
      }
      if (gold[i] != predicted[i] || previous_gold != previous_predicted) {
        add(transitions_, transition_totals_, previous_gold * kTagCount + gold[i], step);
        add(transitions_, transition_totals_, previous_predicted * kTagCount + predicted[i], -step);
      }
    }
    return true;
  }

  // The averaged weights, with weights smaller than `prune` set to zero.
  ner::ModelParameters averaged(double prune, float confidence_scale,
                                const ner::FeatureTables& tables) const {
    ner::ModelParameters p;
    p.clusters = tables.clusters;
    p.lexicon = tables.lexicon;
    p.gazetteer = tables.gazetteer;
    p.table_bits = table_bits_;
    p.confidence_scale = confidence_scale;
    const double c = static_cast<double>(clock_ + 1);
    p.weights.resize(weights_.size());
    for (std::size_t i = 0; i < weights_.size(); ++i) {
      const double w = weights_[i] - totals_[i] / c;
      p.weights[i] = std::fabs(w) < prune ? 0.0f : static_cast<float>(w);
    }
    p.transitions.resize(transitions_.size());
    for (std::size_t i = 0; i < transitions_.size(); ++i) {
      p.transitions[i] = static_cast<float>(transitions_[i] - transition_totals_[i] / c);
    }
    return p;
  }

 private:
  // The averaging trick: totals_ holds Σ clock × update, so that the average
  // over all steps is weights − totals / (clock + 1).
  void add(std::vector<double>& w, std::vector<double>& total, std::size_t i, double v) const {
    w[i] += v;
    total[i] += static_cast<double>(clock_) * v;
  }

  int table_bits_;
  std::vector<double> weights_, totals_;
  // "Frustratingly easy" domain adaptation (Daumé 2007): MultiCoNER sentences
  // are scored by the shared weights plus a copy of their own, which absorbs
  // what is peculiar to them (particles inside spans, Wikipedia style) and is
  // not shipped; the shared weights keep what both corpora agree on.
  std::vector<double> domain_weights_, domain_totals_;
  std::vector<double> transitions_, transition_totals_;
  std::uint64_t clock_ = 0;
};

NerScore evaluate(const NerModel& model, const std::vector<AnnotatedSentence>& sentences) {
  NerScore score;
  for (const AnnotatedSentence& s : sentences) score.add(s, predict(model, s));
  return score;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the character-level NER model (averaged structured perceptron)."};
  std::string klue_path, multiconer_path, out_path, clusters_path, data_dir = "data";
  bool use_lexicon = true;
  int epochs = 10, table_bits = 18, dev_fold = -1, runs = 4, gazetteer_folds = 10;
  double gazetteer_share = 0.25;
  std::uint64_t seed = 20231118;
  double multiconer_step = 0.5, prune = 0.0;
  float confidence_scale = 25.0f;
  bool domain_adaptation = true;
  app.add_option("--klue", klue_path, "KLUE NER JSONL (lines with index % 10 == 0 are held out)")
      ->required();
  app.add_option("--multiconer", multiconer_path, "MultiCoNER Korean train JSONL (optional)");
  app.add_option("--out", out_path, "Where to write the model file")->required();
  app.add_option("--clusters", clusters_path,
                 "Word clusters (build/ner-word-clusters.txt), copied into the model");
  app.add_option("--data", data_dir,
                 "Folder of the name lists the stem lexicon is built from (copied into the model)")
      ->capture_default_str();
  app.add_option("--lexicon", use_lexicon, "Use the stem lexicon features")->capture_default_str();
  app.add_option("--gazetteer-folds", gazetteer_folds,
                 "Jackknife folds of the gazetteer of training spans (0: no gazetteer)")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  app.add_option("--gazetteer-share", gazetteer_share,
                 "A gazetteer word keeps a type it had in at least this share of its occurrences")
      ->capture_default_str();
  app.add_option("--epochs", epochs, "Passes over the data")->capture_default_str();
  app.add_option("--seed", seed, "Seed of the per-epoch shuffle")->capture_default_str();
  app.add_option("--runs", runs,
                 "Train this many perceptrons (seeds seed, seed + 1, …) and ship their mean")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  app.add_option("--table-bits", table_bits, "log2 of the feature table rows")
      ->capture_default_str()
      ->check(CLI::Range(12, 24));
  app.add_option("--multiconer-step", multiconer_step, "Update size for MultiCoNER sentences")
      ->capture_default_str();
  app.add_option("--domain-adaptation", domain_adaptation,
                 "Give MultiCoNER its own copy of the weights (not shipped)")
      ->capture_default_str();
  app.add_option("--prune", prune, "Drop averaged weights smaller than this")
      ->capture_default_str();
  app.add_option("--confidence-scale", confidence_scale, "Margin that gives confidence 0.73")
      ->capture_default_str();
  app.add_option("--dev-fold", dev_fold,
                 "Also hold out KLUE lines with index % 10 == this and report on them each epoch "
                 "(tuning; the shipped model uses none)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  try {
    const auto started = std::chrono::steady_clock::now();
    ner::WordClusters clusters;
    if (!clusters_path.empty()) {
      std::vector<std::pair<std::uint64_t, std::uint16_t>> entries;
      const Lexicon lexicon = Lexicon::load(clusters_path, 1, 2);
      for (const LexiconEntry& entry : lexicon.entries()) {
        const ner::CodePoints stem = ner::decode(entry.key);
        const long id = std::strtol(entry.fields[0].c_str(), nullptr, 10);
        if (id < 1 || id > 65535) {
          throw std::runtime_error(clusters_path + ":" + std::to_string(entry.line) +
                                   ": bad cluster id");
        }
        entries.emplace_back(ner::stem_key(stem.chars.data(), stem.chars.size()),
                             static_cast<std::uint16_t>(id));
      }
      clusters = ner::WordClusters(std::move(entries));
    }
    ner::FeatureTables tables;
    tables.clusters = std::move(clusters);
    if (use_lexicon) tables.lexicon = ner::build_stem_lexicon(data_dir);
    // The training sentences, in input order (the shuffles depend on it).
    struct Source {
      AnnotatedSentence sentence;
      float step = 1.0f;
      bool own_domain = false;
    };
    std::vector<Source> sources;
    std::vector<AnnotatedSentence> dev;
    std::size_t klue_used = 0, multiconer_used = 0;
    for (AnnotatedSentence& s : read_annotated(klue_path, Annotation::kKlue)) {
      if (s.line % 10 == 0) continue;  // the hold-out: never trained on
      if (dev_fold >= 0 && static_cast<int>(s.line % 10) == dev_fold) {
        dev.push_back(std::move(s));
        continue;
      }
      sources.push_back({std::move(s), 1.0f, false});
      ++klue_used;
    }
    if (!multiconer_path.empty()) {
      for (AnnotatedSentence& s : read_annotated(multiconer_path, Annotation::kMultiConer)) {
        sources.push_back(
            {std::move(s), static_cast<float>(multiconer_step), domain_adaptation});
        ++multiconer_used;
      }
    }
    // The gazetteer, jackknifed: sentence i is featurized with the gazetteer
    // of the sentences in the other folds (i % folds differs), so a hit on it
    // is as informative as a hit on unseen text; the model keeps the whole one.
    std::vector<Instance> instances(sources.size());
    if (gazetteer_folds > 0) {
      const auto folds = static_cast<std::size_t>(gazetteer_folds);
      std::vector<ner::GazetteerCounts> per_fold(folds);
      for (std::size_t i = 0; i < sources.size(); ++i)
        ner::count_gazetteer(sources[i].sentence, per_fold[i % folds], &tables.lexicon);
      ner::GazetteerCounts whole;
      for (const auto& fold : per_fold) ner::add_counts(fold, whole);
      for (std::size_t f = 0; f < folds; ++f) {
        ner::GazetteerCounts others;
        for (std::size_t g = 0; g < folds; ++g) {
          if (g != f) ner::add_counts(per_fold[g], others);
        }
        tables.gazetteer = ner::build_gazetteer(others, gazetteer_share, tables.lexicon);
        for (std::size_t i = f; i < sources.size(); i += folds) {
          instances[i] = make_instance(sources[i].sentence, table_bits, sources[i].step,
                                       sources[i].own_domain, tables);
        }
      }
      tables.gazetteer = ner::build_gazetteer(whole, gazetteer_share, tables.lexicon);
      std::fprintf(stderr, "gazetteer: %zu keys, %d folds\n", tables.gazetteer.entries().size(),
                   gazetteer_folds);
    } else {
      for (std::size_t i = 0; i < sources.size(); ++i) {
        instances[i] = make_instance(sources[i].sentence, table_bits, sources[i].step,
                                     sources[i].own_domain, tables);
      }
    }
    std::fprintf(stderr, "training on %zu KLUE + %zu MultiCoNER sentences, %d epochs, 2^%d rows\n",
                 klue_used, multiconer_used, epochs, table_bits);

    // `runs` perceptrons, each over its own shuffles (seed, seed + 1, …), and
    // the mean of their averaged weights: one linear model with less of the
    // variance a single pass order gives (see docs/ner-model.md).
    ner::ModelParameters combined;
    for (int run = 0; run < runs; ++run) {
      Perceptron perceptron(table_bits);
      std::mt19937_64 random(seed + static_cast<std::uint64_t>(run));
      std::vector<std::size_t> order(instances.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      for (int epoch = 1; epoch <= epochs; ++epoch) {
        for (std::size_t i = order.size(); i > 1; --i) {
          std::swap(order[i - 1], order[random() % i]);
        }
        std::size_t wrong = 0;
        for (std::size_t index : order) wrong += perceptron.train(instances[index]) ? 1 : 0;
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::fprintf(stderr, "run %d epoch %2d: %zu of %zu sentences wrong (%.0f s)", run + 1,
                     epoch, wrong, instances.size(), seconds);
        if (!dev.empty()) {
          const NerModel model = NerModel::parse(
              ner::serialize(perceptron.averaged(prune, confidence_scale, tables)),
              "dev");
          const NerScore score = evaluate(model, dev);
          std::fprintf(stderr, "  dev micro F1 %.4f  PS %.4f  OG %.4f  LC %.4f", score.micro().f1(),
                       score.by_type[0].f1(), score.by_type[1].f1(), score.by_type[2].f1());
        }
        std::fprintf(stderr, "\n");
      }
      ner::ModelParameters one = perceptron.averaged(prune, confidence_scale, tables);
      if (run == 0) {
        combined = std::move(one);
        continue;
      }
      for (std::size_t i = 0; i < combined.weights.size(); ++i)
        combined.weights[i] += one.weights[i];
      for (std::size_t i = 0; i < combined.transitions.size(); ++i)
        combined.transitions[i] += one.transitions[i];
    }
    if (runs > 1) {
      const float share = 1.0f / static_cast<float>(runs);
      for (float& w : combined.weights) w *= share;
      for (float& t : combined.transitions) t *= share;
    }
    const std::string bytes = ner::serialize(combined);
    std::ofstream out(out_path, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error(out_path + ": cannot write");
    out.close();
    const NerModel model = NerModel::parse(bytes, out_path);
    std::fprintf(stderr, "wrote %s: %zu bytes, %zu rows\n", out_path.c_str(), bytes.size(),
                 model.stored_rows());
    if (!dev.empty()) std::cout << "dev fold " << dev_fold << ":\n" << evaluate(model, dev).table();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "analyze-train-ner: %s\n", e.what());
    return 1;
  }
  return 0;
}
