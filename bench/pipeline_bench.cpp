// Whole-pipeline benchmark over real articles, with a baseline measured in
// the same run: the time to UTF-8-validate the same bytes. bench/report.py
// turns the figures into MB/s, articles/s and the ratio to the baseline.
//
// Input: the first ANALYZE_BENCH_FILES (default 1000) articles of
// ../shared/data/corpus/ko (sorted paths, all sources) and all of
// ../shared/data/corpus/en; without ../shared, the bundled samples.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline.h"
#include "text/decode.h"
#include "structure/dedup.h"
#include "news/json.h"
#include "structure/metadata.h"
#include "text/segment.h"

namespace {
namespace fs = std::filesystem;

struct Corpus {
  std::vector<std::string> articles;
  std::size_t bytes = 0;
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Corpus load(const std::string& language) {
  const fs::path root = fs::path(ANALYZE_SHARED_DIR) / "data" / "corpus" / language;
  std::size_t limit = 1000;
  if (const char* env = std::getenv("ANALYZE_BENCH_FILES")) limit = std::strtoul(env, nullptr, 10);
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(root, ec)) {
    for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); ++it) {
      if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    files.push_back(fs::path(ANALYZE_SOURCE_DIR) / "data" / "samples" /
                    (language == "ko" ? "ko-battery-plant.txt" : "en-robotics-plant.txt"));
  } else if (files.size() > limit) {
    // An even spread over the sorted list, so every source is represented.
    std::vector<fs::path> spread;
    for (std::size_t i = 0; i < limit; ++i) spread.push_back(files[i * files.size() / limit]);
    files = std::move(spread);
  }
  Corpus corpus;
  for (const auto& file : files) {
    corpus.articles.push_back(read(file));
    corpus.bytes += corpus.articles.back().size();
  }
  return corpus;
}

const Corpus& corpus(const std::string& language) {
  static const Corpus ko = load("ko");
  static const Corpus en = load("en");
  return language == "ko" ? ko : en;
}

const news::Resources& resources() {
  static const news::Resources loaded = news::Resources::load(fs::path(ANALYZE_SOURCE_DIR) / "data");
  return loaded;
}

void account(benchmark::State& state, const Corpus& c) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.articles.size()));
}

void BM_Baseline_Utf8Validate(benchmark::State& state, const std::string& language) {
  const Corpus& c = corpus(language);
  for (auto _ : state) {
    for (const auto& a : c.articles) benchmark::DoNotOptimize(news::is_valid_utf8(a));
  }
  account(state, c);
}

void BM_Stage_Decode(benchmark::State& state, const std::string& language) {
  const Corpus& c = corpus(language);
  for (auto _ : state) {
    for (const auto& a : c.articles) benchmark::DoNotOptimize(news::decode(a, {}));
  }
  account(state, c);
}

void BM_Stage_DecodeSegmentHeaderDedup(benchmark::State& state, const std::string& language) {
  const Corpus& c = corpus(language);
  for (auto _ : state) {
    for (const auto& a : c.articles) {
      const auto decoded = news::decode(a, {});
      const auto lines = news::split_lines(decoded.text);
      const auto header = news::read_header(lines, resources().sections);
      std::vector<news::Paragraph> paragraphs;
      for (const auto& line : lines) {
        news::Paragraph p;
        p.text = line.text;
        p.first_line = p.last_line = line.number;
        paragraphs.push_back(std::move(p));
      }
      benchmark::DoNotOptimize(news::collapse_repeats(std::move(paragraphs)));
      benchmark::DoNotOptimize(header);
    }
  }
  account(state, c);
}

void BM_EndToEnd_Analyze(benchmark::State& state, const std::string& language) {
  const Corpus& c = corpus(language);
  const news::Options options;
  for (auto _ : state) {
    for (const auto& a : c.articles) {
      benchmark::DoNotOptimize(news::analyze(a, news::Source{}, options, resources()));
    }
  }
  account(state, c);
}

void BM_EndToEnd_AnalyzeAndJson(benchmark::State& state, const std::string& language) {
  const Corpus& c = corpus(language);
  const news::Options options;
  for (auto _ : state) {
    for (const auto& a : c.articles) {
      const auto document = news::analyze(a, news::Source{}, options, resources());
      std::string line;  // what `analyze` writes for a JSON Lines record
      news::write_json(document, news::JsonOptions{}, line);
      benchmark::DoNotOptimize(line);
    }
  }
  account(state, c);
}

void BM_Startup_LoadResources(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(news::Resources::load(fs::path(ANALYZE_SOURCE_DIR) / "data"));
  }
}

}  // namespace

BENCHMARK_CAPTURE(BM_Baseline_Utf8Validate, ko, std::string("ko"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage_Decode, ko, std::string("ko"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage_DecodeSegmentHeaderDedup, ko, std::string("ko"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_EndToEnd_Analyze, ko, std::string("ko"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_EndToEnd_AnalyzeAndJson, ko, std::string("ko"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Baseline_Utf8Validate, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_EndToEnd_AnalyzeAndJson, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Startup_LoadResources)->Unit(benchmark::kMillisecond);
