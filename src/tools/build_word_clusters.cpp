// analyze-build-word-clusters — word clusters from unlabeled Korean news, for the NER model.
//
//   analyze-build-word-clusters --corpus ../shared/data/corpus/ko --out build/ner-word-clusters.txt
//
// Every eojeol is cut to its stem (news::ner::stem_of: 알트먼이 → 알트먼 + 이).
// A stem is described by the company it keeps — its particles, the stems
// before and after it, their particles — counted over the corpus and hashed
// into a fixed-size vector; the most frequent stems are grouped by spherical
// k-means. Names that never occur in the labelled data then share a cluster
// with names that do (나델라 with 머스크, 피차이), and the model learns from
// the cluster. Deterministic: sorted files, fixed initialization, sequential
// sums.
//
// Output: a data file (news::Lexicon format), one stem a line:
//   stem<TAB>cluster<TAB>count
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "names/ner_model.h"

namespace {

namespace fs = std::filesystem;
using news::ner::stem_key;
using news::ner::stem_of;

struct Occurrence {
  std::uint64_t stem = 0;      // 0: a word without letters
  std::uint64_t particle = 0;  // 0: none
};

std::string encode(const char32_t* chars, std::size_t length) {
  std::string out;
  for (std::size_t i = 0; i < length; ++i) {
    const char32_t c = chars[i];
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ULL)) * 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Cluster the word stems of an unlabeled corpus (features of the NER model)."};
  std::string corpus, out_path;
  std::size_t vocabulary = 60000, context_vocabulary = 3000, min_count = 5;
  int clusters = 400, dims = 256, iterations = 12;
  app.add_option("--corpus", corpus, "Folder of .txt articles (searched recursively)")->required();
  app.add_option("--out", out_path, "Where to write the clusters")->required();
  app.add_option("--vocabulary", vocabulary, "How many of the most frequent stems to cluster")
      ->capture_default_str();
  app.add_option("--context-vocabulary", context_vocabulary,
                 "How many frequent stems are contexts by name (the rest by kind)")
      ->capture_default_str();
  app.add_option("--min-count", min_count, "Ignore stems seen fewer times")->capture_default_str();
  app.add_option("--clusters", clusters, "Number of clusters")->capture_default_str();
  app.add_option("--dims", dims, "Size of the hashed context vectors")->capture_default_str();
  app.add_option("--iterations", iterations, "k-means iterations")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  // Pass 1: the corpus as a sequence of (stem, particle), lines separated by {0, 0}.
  std::vector<Occurrence> text;
  std::unordered_map<std::uint64_t, std::size_t> counts;
  std::unordered_map<std::uint64_t, std::string> surfaces;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      const news::ner::CodePoints points = news::ner::decode(line);
      const auto& c = points.chars;
      std::size_t i = 0;
      while (i < c.size()) {
        while (i < c.size() && (c[i] == U' ' || c[i] == U'\t' || c[i] == 0x3000 || c[i] == 0xA0))
          ++i;
        std::size_t j = i;
        while (j < c.size() && !(c[j] == U' ' || c[j] == U'\t' || c[j] == 0x3000 || c[j] == 0xA0))
          ++j;
        if (j == i) break;
        const news::ner::StemRange stem = stem_of(&c[i], j - i);
        Occurrence o;
        if (stem.begin < stem.end) {
          o.stem = stem_key(&c[i + stem.begin], stem.end - stem.begin);
          if (++counts[o.stem] == 1)
            surfaces[o.stem] = encode(&c[i + stem.begin], stem.end - stem.begin);
        }
        if (stem.end < stem.particle_end)
          o.particle = stem_key(&c[i + stem.end], stem.particle_end - stem.end);
        text.push_back(o);
        i = j;
      }
      text.push_back({});
    }
  }
  std::fprintf(stderr, "%zu files, %zu words, %zu distinct stems\n", files.size(), text.size(),
               counts.size());

  // The stems to cluster and the stems that are contexts by name.
  std::vector<std::pair<std::size_t, std::uint64_t>> ranked;  // (count, key)
  for (const auto& [key, count] : counts) {
    if (count >= min_count) ranked.emplace_back(count, key);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (ranked.size() > vocabulary) ranked.resize(vocabulary);
  std::unordered_map<std::uint64_t, std::size_t> row_of;
  for (std::size_t r = 0; r < ranked.size(); ++r) row_of[ranked[r].second] = r;
  auto context = [&](std::uint64_t stem) -> std::uint64_t {
    const auto it = row_of.find(stem);
    return it != row_of.end() && it->second < context_vocabulary ? stem : 1;  // 1: a rare stem
  };

  // Pass 2: hashed context counts per stem.
  const std::size_t V = ranked.size(), D = static_cast<std::size_t>(dims);
  std::vector<float> vectors(V * D, 0.0f);
  auto add = [&](std::size_t row, std::uint64_t kind, std::uint64_t value) {
    vectors[row * D + mix(kind, value) % D] += 1.0f;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i].stem == 0) continue;
    const auto it = row_of.find(text[i].stem);
    if (it == row_of.end()) continue;
    const std::size_t row = it->second;
    const Occurrence none{};
    const Occurrence& before = i > 0 ? text[i - 1] : none;
    const Occurrence& after = i + 1 < text.size() ? text[i + 1] : none;
    add(row, 1, text[i].particle);
    add(row, 2, context(before.stem));
    add(row, 3, before.particle);
    add(row, 4, context(after.stem));
    add(row, 5, after.particle);
    add(row, 6, mix(context(after.stem), text[i].particle));
  }
  for (std::size_t r = 0; r < V; ++r) {
    double norm = 0;
    for (std::size_t d = 0; d < D; ++d) {
      vectors[r * D + d] = std::sqrt(vectors[r * D + d]);
      norm += static_cast<double>(vectors[r * D + d]) * vectors[r * D + d];
    }
    const float scale = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
    for (std::size_t d = 0; d < D; ++d) vectors[r * D + d] *= scale;
  }

  // Spherical k-means, initialized with stems spread over the frequency ranks.
  const std::size_t K = std::min<std::size_t>(static_cast<std::size_t>(clusters), V);
  std::vector<float> centroids(K * D);
  for (std::size_t k = 0; k < K; ++k) {
    std::copy_n(&vectors[(k * V / K) * D], D, &centroids[k * D]);
  }
  std::vector<std::uint16_t> assignment(V, 0);
  for (int iteration = 0; iteration < iterations; ++iteration) {
    std::size_t moved = 0;
    for (std::size_t r = 0; r < V; ++r) {
      float best = -2.0f;
      std::size_t best_k = 0;
      for (std::size_t k = 0; k < K; ++k) {
        float dot = 0.0f;
        for (std::size_t d = 0; d < D; ++d) dot += vectors[r * D + d] * centroids[k * D + d];
        if (dot > best) {
          best = dot;
          best_k = k;
        }
      }
      if (assignment[r] != best_k || iteration == 0) ++moved;
      assignment[r] = static_cast<std::uint16_t>(best_k);
    }
    std::fill(centroids.begin(), centroids.end(), 0.0f);
    for (std::size_t r = 0; r < V; ++r) {
      for (std::size_t d = 0; d < D; ++d) centroids[assignment[r] * D + d] += vectors[r * D + d];
    }
    for (std::size_t k = 0; k < K; ++k) {
      double norm = 0;
      for (std::size_t d = 0; d < D; ++d)
        norm += static_cast<double>(centroids[k * D + d]) * centroids[k * D + d];
      const float scale = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
      for (std::size_t d = 0; d < D; ++d) centroids[k * D + d] *= scale;
    }
    std::fprintf(stderr, "iteration %d: %zu stems moved\n", iteration + 1, moved);
  }

  std::ofstream out(out_path, std::ios::binary);
  out << "# Word clusters for the NER model, built from unlabeled Korean news by\n"
         "# analyze-build-word-clusters (src/tools/build_word_clusters.cpp); the trainer\n"
         "# copies them into data/ner-model.bin. Do not edit by hand: rebuild, then retrain.\n"
         "# stem<TAB>cluster (1-"
      << K << ")<TAB>count in the corpus\n";
  for (std::size_t r = 0; r < V; ++r) {
    out << surfaces[ranked[r].second] << '\t' << assignment[r] + 1 << '\t' << ranked[r].first
        << '\n';
  }
  if (!out) {
    std::fprintf(stderr, "analyze-build-word-clusters: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %zu stems in %zu clusters to %s\n", V, K, out_path.c_str());
  return 0;
}
