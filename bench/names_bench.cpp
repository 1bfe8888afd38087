// Speed of the name stage (news/names.h) on real Korean articles: bytes of
// paragraph text per second on one core. Reads up to 300 articles of
// ../shared/data/corpus/ko at start; skips when they are absent.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "names/names.h"
#include "resources.h"
#include "text/segment.h"

namespace {

std::vector<std::vector<news::Paragraph>> load_articles(std::size_t& bytes) {
  std::vector<std::filesystem::path> files;
  const std::filesystem::path dir = ANALYZE_SHARED_DIR "/data/corpus/ko";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return {};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.size() > 300) files.resize(300);
  std::vector<std::vector<news::Paragraph>> articles;
  bytes = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<news::Paragraph> paragraphs;
    for (const news::Line& line : news::split_lines(text)) {
      news::Paragraph p;
      p.text = line.text;
      bytes += p.text.size();
      paragraphs.push_back(std::move(p));
    }
    articles.push_back(std::move(paragraphs));
  }
  return articles;
}

void BM_ExtractNames(benchmark::State& state) {
  static const news::Resources resources = news::Resources::load(ANALYZE_SOURCE_DIR "/data");
  std::size_t bytes = 0;
  static const auto articles = load_articles(bytes);
  if (articles.empty()) {
    state.SkipWithError("no corpus in ../shared/data/corpus/ko");
    return;
  }
  std::size_t total = 0;
  for (const auto& a : articles)
    for (const auto& p : a) total += p.text.size();
  for (auto _ : state) {
    for (const auto& article : articles) {
      news::Entities entities;
      news::extract_names(article, resources.names, nullptr, entities);
      benchmark::DoNotOptimize(entities);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(total));
}
BENCHMARK(BM_ExtractNames)->Unit(benchmark::kMillisecond);

}  // namespace
