// Throughput of the HTML reader (src/html/) on the Zyte benchmark's saved
// pages (../shared/data/html-extraction/zyte-dev, 90 pages, 16.3 MB of
// HTML): gumbo's parse alone (the floor), the parse flattened, and the whole
// read — parse, metadata, article extraction — per MB of HTML.
//
//   make bench   or   nice build-bench/news_bench --benchmark_filter=Html
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "html/page.h"
#include "html/page_tree.h"
#include "html/parsed_page.h"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& pages() {
  static const std::vector<std::string> loaded = [] {
    std::vector<std::string> out;
    const fs::path root =
        fs::path(ANALYZE_SHARED_DIR) / "data" / "html-extraction" / "zyte-dev" / "html";
    std::error_code ec;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(root, ec)) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const fs::path& path : paths) {
      gzFile file = gzopen(path.c_str(), "rb");
      if (file == nullptr) continue;
      std::string page;
      char buffer[1 << 16];
      int n = 0;
      while ((n = gzread(file, buffer, sizeof buffer)) > 0)
        page.append(buffer, static_cast<std::size_t>(n));
      gzclose(file);
      out.push_back(std::move(page));
    }
    return out;
  }();
  return loaded;
}

std::int64_t total_bytes() {
  std::int64_t n = 0;
  for (const std::string& page : pages()) n += static_cast<std::int64_t>(page.size());
  return n;
}

template <typename Read>
void run(benchmark::State& state, Read read) {
  if (pages().empty()) {
    state.SkipWithError("../shared/data/html-extraction/zyte-dev not found");
    return;
  }
  for (auto _ : state) {
    for (const std::string& page : pages()) read(page);
  }
  state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_HtmlGumboParse(benchmark::State& state) {
  run(state, [](const std::string& page) {
    news::html::ParsedPage parsed(page);
    benchmark::DoNotOptimize(parsed.root());
  });
}
BENCHMARK(BM_HtmlGumboParse)->Unit(benchmark::kMillisecond);

void BM_HtmlParseAndFlatten(benchmark::State& state) {
  run(state, [](const std::string& page) {
    news::html::ParsedPage parsed(page);
    auto nodes = news::html::flatten(parsed.root());
    benchmark::DoNotOptimize(nodes.data());
  });
}
BENCHMARK(BM_HtmlParseAndFlatten)->Unit(benchmark::kMillisecond);

void BM_HtmlReadPage(benchmark::State& state) {
  run(state, [](const std::string& page) {
    news::html::Page read = news::html::read_page(page);
    benchmark::DoNotOptimize(read.blocks.data());
  });
}
BENCHMARK(BM_HtmlReadPage)->Unit(benchmark::kMillisecond);

}  // namespace
