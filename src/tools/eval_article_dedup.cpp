// analyze-eval-article-dedup — precision and recall of --dedup-articles on
// edited copies of real articles injected into a corpus.
//
// Reads every *.txt under CORPUS (e.g. ../shared/data/corpus/ko), analyzes
// and fingerprints each one as `analyze --dedup-articles` does, then makes
// edited copies of N articles drawn with a fixed seed — the edits a second
// scrape of the same wire story shows: an exact copy, a new headline and a
// credit line, 5% or 15% of the words changed, a paragraph dropped and a
// boilerplate line added, or only the first half kept. The corpus, then the
// copies, go through NearDuplicateIndex in that order, for several
// thresholds. A copy is found when it is marked a duplicate of its own
// original (or of the article its original itself copies, or of an earlier
// copy of the same original). Pairs flagged
// inside the corpus itself are counted apart, since the corpus may hold
// real repeats; a sample is printed for checking by eye.
//
// Usage: analyze-eval-article-dedup CORPUS [--copies N] [--seed S]
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pipeline.h"
#include "batch/input.h"
#include "batch/near_duplicates.h"
#include "resources.h"
#include "batch/walk.h"
#include "shared_corpus.h"

namespace {

// A small deterministic generator (std distributions differ by library).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t x = (state_ += 0x9E3779B97F4A7C15ULL);
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(double p) { return static_cast<double>(next() >> 11) / 9007199254740992.0 < p; }

 private:
  std::uint64_t state_;
};

const char* const kEdits[] = {"exact",       "new_headline",      "words_5pct",
                              "words_15pct", "paragraph_dropped", "first_half"};
constexpr std::size_t kEditKinds = sizeof kEdits / sizeof kEdits[0];

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// The text of an edited copy of an article given as its paragraphs.
std::string edited_copy(std::vector<std::string> paragraphs, std::size_t edit, Random& random) {
  const auto change_words = [&](double share) {
    std::vector<std::string> vocabulary;
    for (const std::string& p : paragraphs) {
      for (std::string& w : split_words(p)) vocabulary.push_back(std::move(w));
    }
    if (vocabulary.empty()) return;
    for (std::string& p : paragraphs) {
      std::string out;
      for (const std::string& w : split_words(p)) {
        if (random.chance(share / 2)) continue;  // dropped
        out += (out.empty() ? "" : " ") +
               (random.chance(share / 2) ? vocabulary[random.below(vocabulary.size())] : w);
      }
      p = out;
    }
  };
  switch (edit) {
    case 0:
      break;
    case 1:
      if (!paragraphs.empty())
        paragraphs[0] = "[종합] " + paragraphs[0].substr(0, paragraphs[0].size() / 2);
      paragraphs.push_back("(서울=연합뉴스) 기자 = 무단 전재 및 재배포 금지");
      break;
    case 2:
      change_words(0.05);
      break;
    case 3:
      change_words(0.15);
      break;
    case 4:
      if (paragraphs.size() > 2)
        paragraphs.erase(paragraphs.begin() + 1 +
                         static_cast<long>(random.below(paragraphs.size() - 1)));
      paragraphs.push_back("ⓒ 뉴스 무단 전재 및 재배포 금지. 구독 신청은 홈페이지에서.");
      break;
    case 5:
      paragraphs.resize((paragraphs.size() + 1) / 2);
      break;
  }
  std::string text;
  for (const std::string& p : paragraphs) text += p + "\n";
  return text;
}

struct Article {
  std::string name;
  std::string title;
  news::ArticleFingerprint fingerprint;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Precision and recall of --dedup-articles on injected edited copies"};
  std::string corpus;
  std::size_t copies = 1000;
  std::uint64_t seed = 8;
  std::string data_dir;
  double shown_threshold = news::kDefaultNearDuplicateThreshold;
  app.add_option("corpus", corpus, "Folder of *.txt articles")->required();
  app.add_option("--copies", copies, "Edited copies to inject");
  app.add_option("--seed", seed, "Seed of the draw and the edits");
  app.add_option("--data-dir", data_dir, "Where the lexicons are");
  app.add_option("--show", shown_threshold,
                 "Threshold whose corpus pairs are listed (default: the default)");
  CLI11_PARSE(app, argc, argv);

  const news::Resources resources =
      news::Resources::load(news::tools::data_dir_or_default(data_dir),
                            /*with_ner_model=*/false);
  const news::Options options;

  // 1. The corpus, in the order `analyze --dedup-articles CORPUS` sees it.
  std::vector<Article> articles;
  std::vector<std::vector<std::string>> paragraphs;  // of each article
  news::InputWalker walker({corpus}, {});
  while (auto entry = walker.next()) {
    const news::Document document = news::analyze_file(entry->path, options, resources);
    Article article;
    article.name = entry->path.string();
    std::vector<std::string> texts;
    if (!document.error) {
      article.fingerprint = news::fingerprint_of(document);
      article.title = document.metadata.title.value_or("");
      for (const news::Paragraph& p : document.paragraphs) texts.push_back(p.text);
    }
    articles.push_back(std::move(article));
    paragraphs.push_back(std::move(texts));
  }
  const std::size_t corpus_size = articles.size();
  std::vector<std::size_t> eligible;
  for (std::size_t i = 0; i < corpus_size; ++i) {
    if (!articles[i].fingerprint.minhash.empty()) eligible.push_back(i);
  }
  std::printf("corpus: %zu articles under %s (%zu with enough text to compare)\n", corpus_size,
              corpus.c_str(), eligible.size());
  if (eligible.empty()) return 1;

  // 2. Edited copies of randomly drawn articles.
  Random random(seed);
  std::vector<std::size_t> source_of;  // copy → original article
  std::vector<std::size_t> edit_of;
  for (std::size_t c = 0; c < copies; ++c) {
    const std::size_t original = eligible[random.below(eligible.size())];
    const std::size_t edit = c % kEditKinds;
    const std::string text = edited_copy(paragraphs[original], edit, random);
    news::Source source;
    source.path = "copy-" + std::to_string(c) + "-" + kEdits[edit];
    const news::Document document = news::analyze(text, source, options, resources);
    Article copy;
    copy.name = *source.path;
    copy.fingerprint = news::fingerprint_of(document);
    articles.push_back(std::move(copy));
    source_of.push_back(original);
    edit_of.push_back(edit);
  }
  std::printf(
      "copies: %zu (seed %llu), %zu of each edit: exact, new_headline, words_5pct, words_15pct, "
      "paragraph_dropped, first_half\n\n",
      copies, static_cast<unsigned long long>(seed), copies / kEditKinds);

  // 3. Every threshold: the index in batch order, then the score.
  std::printf("threshold  precision  recall   found/copies  wrong  corpus pairs | recall by edit:");
  for (const char* edit : kEdits) std::printf(" %s", edit);
  std::printf("\n");
  std::vector<std::pair<std::size_t, std::size_t>> corpus_pairs_at_default;
  std::vector<double> corpus_similarity_at_default;
  std::vector<double> thresholds = {0.5, 0.6, 0.7, 0.8, 0.9};
  if (std::find(thresholds.begin(), thresholds.end(), shown_threshold) == thresholds.end()) {
    thresholds.push_back(shown_threshold);
  }
  for (const double threshold : thresholds) {
    news::NearDuplicateIndex index(threshold);
    std::vector<std::size_t> root(articles.size());
    std::size_t found = 0, wrong = 0, corpus_pairs = 0;
    std::size_t found_by_edit[kEditKinds] = {}, copies_by_edit[kEditKinds] = {};
    for (std::size_t i = 0; i < articles.size(); ++i) {
      const auto match = index.add(articles[i].fingerprint);
      root[i] = match ? root[match->original] : i;
      if (i < corpus_size) {
        if (match) {
          ++corpus_pairs;
          if (threshold == shown_threshold) {
            corpus_pairs_at_default.emplace_back(match->original, i);
            corpus_similarity_at_default.push_back(match->similarity);
          }
        }
        continue;
      }
      const std::size_t c = i - corpus_size;
      ++copies_by_edit[edit_of[c]];
      if (!match) continue;
      // Right when it points at the same story: its original, the article
      // its original copies, or an earlier copy of the same original.
      const std::size_t matched = match->original;
      const std::size_t matched_story =
          matched < corpus_size ? root[matched] : root[source_of[matched - corpus_size]];
      if (matched_story == root[source_of[c]]) {
        ++found;
        ++found_by_edit[edit_of[c]];
      } else {
        ++wrong;
        if (threshold == shown_threshold) {
          std::printf("  wrong: %s (a copy of %s | %s) → %s | %s\n", articles[i].name.c_str(),
                      articles[source_of[c]].name.c_str(), articles[source_of[c]].title.c_str(),
                      articles[match->original].name.c_str(),
                      articles[match->original].title.c_str());
        }
      }
    }
    const double precision =
        found + wrong > 0 ? static_cast<double>(found) / static_cast<double>(found + wrong) : 1;
    std::printf("%9.2f  %9.4f  %6.4f  %6zu/%-6zu %6zu  %12zu |", threshold, precision,
                static_cast<double>(found) / static_cast<double>(copies), found, copies, wrong,
                corpus_pairs);
    for (std::size_t e = 0; e < kEditKinds; ++e) {
      std::printf(" %.3f", copies_by_edit[e] ? static_cast<double>(found_by_edit[e]) /
                                                   static_cast<double>(copies_by_edit[e])
                                             : 0.0);
    }
    std::printf("\n");
  }

  // 4. Pairs the default threshold flags inside the corpus: real repeats?
  std::printf("\ncorpus pairs flagged at threshold %.2f: %zu", shown_threshold,
              corpus_pairs_at_default.size());
  std::size_t same_title = 0;
  for (const auto& [first, later] : corpus_pairs_at_default)
    same_title += articles[first].title == articles[later].title;
  std::printf(" (%zu with the same title)\n", same_title);
  std::map<int, std::size_t> histogram;
  for (double s : corpus_similarity_at_default) ++histogram[static_cast<int>(s * 10)];
  for (const auto& [bucket, n] : histogram)
    std::printf("  similarity %.1f–%.1f: %zu\n", bucket / 10.0, (bucket + 1) / 10.0, n);
  const std::size_t step = std::max<std::size_t>(1, corpus_pairs_at_default.size() / 16);
  for (std::size_t k = 0; k < corpus_pairs_at_default.size(); k += step) {
    const auto& [first, later] = corpus_pairs_at_default[k];
    std::printf("  %.3f  %s | %s\n         %s | %s\n", corpus_similarity_at_default[k],
                articles[first].name.c_str(), articles[first].title.c_str(),
                articles[later].name.c_str(), articles[later].title.c_str());
  }
  return 0;
}
