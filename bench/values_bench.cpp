// Throughput of the value stage (dates, money, percentages, durations,
// quantities) alone, and of the whole analyze() pipeline that includes it.
//
//   cmake -S . -B build-bench -DANALYZE_BUILD_BENCH=ON && cmake --build build-bench -j1
//   nice build-bench/news_bench --benchmark_filter=Values
//
// The input is 300 Korean articles from ../shared/data/corpus/ko when they
// are present, else a built-in article repeated; both report bytes/second.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline.h"
#include "values/values.h"

namespace {

const news::Resources& resources() {
  static const news::Resources loaded =
      news::Resources::load(ANALYZE_SOURCE_DIR "/data", /*with_ner_model=*/false);
  return loaded;
}

// Our own sentences, used when ../shared is absent.
const char* kFallbackArticle =
    "MS, 오픈AI에 130억 달러(약 16조8천500억원) 투자\n"
    "마이크로소프트는 17일(현지시간) 오픈AI 지분 49%를 보유하고 있다고 밝혔다.\n"
    "주가는 장 마감 30분 전 1% 넘게 하락했다. 올해 10월 기준 직원은 770명이다.\n"
    "2021년 10월부터 3년 동안 세 차례 협상이 이어졌고, 2조5000억원 규모의 계약이 오후 3시 30분 "
    "체결됐다.\n"
    "관계자는 \"지난해 매출은 전년 대비 12.5% 늘었다\"며 \"다음 달 5일 발표한다\"고 말했다.\n";

std::vector<std::string> articles() {
  std::vector<std::string> out;
  const std::filesystem::path corpus = ANALYZE_SHARED_DIR "/data/corpus/ko";
  std::error_code ec;
  if (std::filesystem::is_directory(corpus, ec)) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus, ec)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());  // the same sample on every run
    for (std::size_t i = 0; i < files.size() && out.size() < 300;
         i += std::max<std::size_t>(1, files.size() / 300)) {
      std::ifstream in(files[i], std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      out.push_back(s.str());
    }
  }
  if (out.empty()) out.assign(300, kFallbackArticle);
  return out;
}

const std::vector<std::string>& sample() {
  static const std::vector<std::string> loaded = articles();
  return loaded;
}

std::int64_t total_bytes() {
  std::int64_t n = 0;
  for (const auto& a : sample()) n += static_cast<std::int64_t>(a.size());
  return n;
}

// The whole pipeline, value stage included.
void BM_AnalyzeWithValues(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& a : sample()) {
      news::Document d = news::analyze(a, news::Source{}, news::Options{}, resources());
      benchmark::DoNotOptimize(d);
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes());
}
BENCHMARK(BM_AnalyzeWithValues)->Unit(benchmark::kMillisecond);

// The value stage alone, on the paragraphs analyze() produced.
void BM_ValuesStage(benchmark::State& state) {
  std::vector<news::Document> documents;
  for (const auto& a : sample())
    documents.push_back(news::analyze(a, news::Source{}, news::Options{}, resources()));
  const std::optional<std::string> published = "2023-11-18T19:32:00+09:00";
  for (auto _ : state) {
    for (const auto& d : documents) {
      news::Entities entities;
      news::extract_values(d.paragraphs, d.metadata.published ? d.metadata.published : published,
                           resources(), entities);
      benchmark::DoNotOptimize(entities);
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes());
}
BENCHMARK(BM_ValuesStage)->Unit(benchmark::kMillisecond);

}  // namespace
