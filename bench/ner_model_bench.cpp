// NER model throughput on real Korean news: NerModel::label over every line
// of the first ANALYZE_BENCH_NER_FILES (default 300) articles of
// ../shared/data/corpus/ko (an even spread over the sorted paths); without
// ../shared, the bundled Korean sample. Bytes processed are the UTF-8 bytes
// labelled, so the counter reads as MB/s on one core. Also the load time of
// data/ner-model.bin (or the file ANALYZE_BENCH_NER_MODEL names).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "names/ner_model.h"

namespace {
namespace fs = std::filesystem;

std::vector<std::string> korean_lines() {
  const fs::path root = fs::path(ANALYZE_SHARED_DIR) / "data" / "corpus" / "ko";
  std::size_t limit = 300;
  if (const char* env = std::getenv("ANALYZE_BENCH_NER_FILES"))
    limit = std::strtoul(env, nullptr, 10);
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(root, ec)) {
    for (auto it = fs::recursive_directory_iterator(root, ec);
         it != fs::recursive_directory_iterator(); ++it) {
      if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    files.push_back(fs::path(ANALYZE_SOURCE_DIR) / "data" / "samples" / "ko-battery-plant.txt");
  } else if (files.size() > limit) {
    std::vector<fs::path> spread;
    for (std::size_t i = 0; i < limit; ++i) spread.push_back(files[i * files.size() / limit]);
    files = std::move(spread);
  }
  std::vector<std::string> lines;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty()) lines.push_back(line);
    }
  }
  return lines;
}

// ANALYZE_BENCH_NER_MODEL names another model file (comparing candidates).
fs::path model_path() {
  if (const char* env = std::getenv("ANALYZE_BENCH_NER_MODEL")) return env;
  return fs::path(ANALYZE_SOURCE_DIR) / "data" / "ner-model.bin";
}
const fs::path kModel = model_path();

void BM_NerLabelKorean(benchmark::State& state) {
  const news::NerModel model = news::NerModel::load(kModel);
  const std::vector<std::string> lines = korean_lines();
  std::size_t bytes = 0;
  for (const std::string& line : lines) bytes += line.size();
  std::size_t spans = 0;
  for (auto _ : state) {
    for (const std::string& line : lines) spans += model.label(line).size();
    benchmark::DoNotOptimize(spans);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["lines"] = static_cast<double>(lines.size());
}
BENCHMARK(BM_NerLabelKorean)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_NerModelLoad(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(news::NerModel::load(kModel));
}
BENCHMARK(BM_NerModelLoad)->Unit(benchmark::kMillisecond);

}  // namespace
