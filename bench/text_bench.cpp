// Throughput of the text layer on real Korean news (../shared/data/corpus/ko):
// decode → normalize + split lines → tokenize (with the article's own
// evidence), each stage alone and all together; sentences apart.
//
//   cmake -S . -B build -DANALYZE_BUILD_BENCH=ON && cmake --build build -j1
//   nice build/news_bench --benchmark_filter=Text
//
// A deterministic sample of the corpus (every 8th file in path order, about
// 9 MB) is read once; bytes_per_second is of raw input bytes.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "text/decode.h"
#include "resources.h"
#include "text/segment.h"
#include "text/sentences.h"
#include "text/tokenize.h"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> articles = [] {
    std::vector<std::string> out;
    const fs::path root = fs::path(ANALYZE_SHARED_DIR) / "data" / "corpus" / "ko";
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return out;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt")
        paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (std::size_t i = 0; i < paths.size(); i += 8) {
      std::ifstream in(paths[i], std::ios::binary);
      std::ostringstream buffer;
      buffer << in.rdbuf();
      out.push_back(buffer.str());
    }
    return out;
  }();
  return articles;
}

const news::Resources& resources() {
  static const news::Resources loaded =
      news::Resources::load(fs::path(ANALYZE_SOURCE_DIR) / "data", /*with_ner_model=*/false);
  return loaded;
}

std::int64_t total_bytes(const std::vector<std::string>& articles) {
  std::int64_t n = 0;
  for (const std::string& a : articles) n += static_cast<std::int64_t>(a.size());
  return n;
}

std::vector<news::Paragraph> paragraphs_of(const std::string& text) {
  std::vector<news::Paragraph> paragraphs;
  for (news::Line& line : news::split_lines(text)) {
    news::Paragraph p;
    p.text = std::move(line.text);
    p.first_line = p.last_line = line.number;
    paragraphs.push_back(std::move(p));
  }
  return paragraphs;
}

// Runs `body` over every article; reports input bytes per second.
template <typename Body>
void run(benchmark::State& state, Body body) {
  const std::vector<std::string>& articles = corpus();
  if (articles.empty()) {
    state.SkipWithError("no corpus at ../shared/data/corpus/ko");
    return;
  }
  for (auto _ : state) {
    for (const std::string& article : articles) body(article);
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(articles));
  state.counters["articles"] = static_cast<double>(articles.size());
}

void BM_TextDecode(benchmark::State& state) {
  run(state, [](const std::string& a) { benchmark::DoNotOptimize(news::decode(a, {})); });
}

void BM_TextNormalizeLines(benchmark::State& state) {
  std::vector<std::string> decoded;
  for (const std::string& a : corpus()) decoded.push_back(news::decode(a, {}).text);
  std::size_t i = 0;
  run(state, [&](const std::string&) {
    benchmark::DoNotOptimize(news::split_lines(decoded[i++ % decoded.size()]));
  });
}

void BM_TextTokenize(benchmark::State& state) {
  std::vector<std::vector<news::Paragraph>> articles;
  for (const std::string& a : corpus()) articles.push_back(paragraphs_of(news::decode(a, {}).text));
  const news::Resources& r = resources();
  std::size_t i = 0;
  run(state, [&](const std::string&) {
    news::tokenize_article(articles[i++ % articles.size()], r.particles);
  });
}

void BM_TextSentences(benchmark::State& state) {
  std::vector<std::vector<news::Paragraph>> articles;
  for (const std::string& a : corpus()) articles.push_back(paragraphs_of(news::decode(a, {}).text));
  const news::Resources& r = resources();
  std::size_t i = 0;
  run(state, [&](const std::string&) {
    news::split_article(articles[i++ % articles.size()], r.abbreviations);
  });
}

// The whole text layer, as analyze() runs it for one article.
void BM_TextLayer(benchmark::State& state) {
  const news::Resources& r = resources();
  run(state, [&](const std::string& a) {
    const news::Decoded decoded = news::decode(a, {});
    std::vector<news::Paragraph> paragraphs = paragraphs_of(decoded.text);
    news::tokenize_article(paragraphs, r.particles);
    benchmark::DoNotOptimize(paragraphs);
  });
}

// The text layer with sentences too.
void BM_TextLayerWithSentences(benchmark::State& state) {
  const news::Resources& r = resources();
  run(state, [&](const std::string& a) {
    const news::Decoded decoded = news::decode(a, {});
    std::vector<news::Paragraph> paragraphs = paragraphs_of(decoded.text);
    news::split_article(paragraphs, r.abbreviations);
    news::tokenize_article(paragraphs, r.particles);
    benchmark::DoNotOptimize(paragraphs);
  });
}

BENCHMARK(BM_TextDecode)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextNormalizeLines)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextTokenize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextSentences)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextLayer)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextLayerWithSentences)->Unit(benchmark::kMillisecond);

}  // namespace
