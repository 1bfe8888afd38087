// Benchmarks of the structure stages: dedup must stay near-linear even when
// 10^4 paragraphs are almost identical (the shingle index caps its posting
// lists), roles cost one pass of the patterns per paragraph.
//
//   cmake -S . -B build -DANALYZE_BUILD_BENCH=ON && cmake --build build -j1 --target news_bench
//   nice build/news_bench --benchmark_filter='Collapse|Roles|Seed'
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline.h"
#include "structure/dedup.h"
#include "resources.h"
#include "structure/roles.h"

namespace {

namespace fs = std::filesystem;

const news::Resources& resources() {
  static const news::Resources loaded =
      news::Resources::load(fs::path(ANALYZE_SOURCE_DIR) / "data", /*with_ner_model=*/false);
  return loaded;
}

// A made-up Hangul word that differs with `n`: 가나, 가다, …
std::string word(std::size_t n) {
  std::string out;
  for (int i = 0; i < 3; ++i) {
    const char32_t c = U'\uAC00' + static_cast<char32_t>(
                                       (n * 7919 + static_cast<std::size_t>(i) * 104729) % 11172);
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

std::vector<news::Paragraph> paragraphs(std::size_t count, bool numbered) {
  std::vector<news::Paragraph> out;
  for (std::size_t i = 0; i < count; ++i) {
    news::Paragraph p;
    p.text = numbered ? "제" + std::to_string(i + 1) +
                            "조 이 규칙은 공포한 날부터 시행하며 시행 전의 행위에도 적용한다."
                      : "시청은 내년 예산을 올해보다 늘리겠다고 " + word(i) +
                            " 밝혔다. 늘어난 예산은 주로 복지에 쓰인다.";
    p.first_line = p.last_line = static_cast<int>(i) + 1;
    out.push_back(std::move(p));
  }
  return out;
}

// N paragraphs each one word away from the first: all collapse (near).
void BM_CollapseNearIdentical(benchmark::State& state) {
  const auto input = paragraphs(static_cast<std::size_t>(state.range(0)), false);
  for (auto _ : state) benchmark::DoNotOptimize(news::collapse_repeats(input, resources().roles));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_CollapseNearIdentical)
    ->RangeMultiplier(10)
    ->Range(100, 10000)
    ->Complexity()
    ->Unit(benchmark::kMillisecond);

// N paragraphs alike but for their number: none collapses, every one is
// compared with the capped candidates.
void BM_CollapseDistinctNumbered(benchmark::State& state) {
  const auto input = paragraphs(static_cast<std::size_t>(state.range(0)), true);
  for (auto _ : state) benchmark::DoNotOptimize(news::collapse_repeats(input, resources().roles));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_CollapseDistinctNumbered)
    ->RangeMultiplier(10)
    ->Range(100, 10000)
    ->Complexity()
    ->Unit(benchmark::kMillisecond);

void BM_AssignRoles(benchmark::State& state) {
  auto input = paragraphs(static_cast<std::size_t>(state.range(0)), false);
  for (auto _ : state) {
    news::assign_roles(input, resources().roles);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AssignRoles)->Arg(100)->Unit(benchmark::kMillisecond);

// The whole pipeline on the seed article (../shared/seed), bytes per second.
void BM_AnalyzeSeed(benchmark::State& state) {
  const fs::path seed = fs::path(ANALYZE_SHARED_DIR) / "seed" / "openai-altman-ko.txt";
  std::ifstream in(seed, std::ios::binary);
  if (!in) {
    state.SkipWithError("../shared/seed/openai-altman-ko.txt is absent");
    return;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string text = bytes.str();
  for (auto _ : state) {
    benchmark::DoNotOptimize(news::analyze(text, news::Source{}, news::Options{}, resources()));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_AnalyzeSeed)->Unit(benchmark::kMillisecond);

}  // namespace
