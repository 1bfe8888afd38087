// analyze-eval-metadata — compares metadata.author with the real bylines.
//
// Each source folder of ../shared/data/corpus/ko has an index.tsv (file, url,
// title, byline, pubDate, …) taken from the site's RSS feed. For every article
// listed there, runs the whole pipeline (news::analyze) and compares:
//   author  the names in the byline (`인천=이현준 기자` → 이현준; an opinion
//           writer's bare name) with metadata.author: right when it is one
//           of them (`조유미 기자, 이병호 교수` → 조유미 or 이병호);
//   title   the RSS title with metadata.title (white space folded).
// Reports per folder: articles, how many name an author in the text at all
// (the byline's name occurs somewhere in it), authors found, right, wrong.
//
//   build/analyze-eval-metadata [--corpus DIR] [--show]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline.h"
#include "resources.h"
#include "text/segment.h"
#include "shared_corpus.h"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = line.find(separator, begin);
    fields.push_back(
        line.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  return fields;
}

// `인천=이현준 기자` → 이현준; `김명일 기자` → 김명일; `고승덕` → 고승덕;
// `홍길동·김철수 기자` → 홍길동 (the first of a team); `임성택 대표변호사(…)` → 임성택.
std::string byline_name(std::string byline) {
  if (const std::size_t eq = byline.rfind('='); eq != std::string::npos)
    byline = byline.substr(eq + 1);
  byline = news::fold_whitespace(byline);
  for (const char* title : {" 기자", " 특파원", " 논설위원", " 선임기자"}) {
    if (const std::size_t at = byline.find(title); at != std::string::npos)
      byline = byline.substr(0, at);
  }
  if (const std::size_t dot = byline.find("\xC2\xB7"); dot != std::string::npos)
    byline = byline.substr(0, dot);
  if (const std::size_t comma = byline.find(','); comma != std::string::npos)
    byline = byline.substr(0, comma);
  byline = news::fold_whitespace(byline);
  // `임성택 대표변호사(법무법인 지평)` → 임성택: the name is the first word.
  return byline.substr(0, std::min(byline.find(' '), byline.find('(')));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Compares metadata.author and metadata.title with the RSS bylines of the corpus."};
  std::string corpus = news::tools::default_korean_corpus().string();
  std::string data_dir;
  bool show = false;
  app.add_option("--corpus", corpus, "folder whose subfolders hold index.tsv and the articles");
  app.add_option("--data-dir", data_dir, "data/ folder (default: found like analyze does)");
  app.add_flag("--show", show, "print each wrong or missed author");
  CLI11_PARSE(app, argc, argv);

  news::Resources resources;
  try {
    resources = news::Resources::load(news::tools::data_dir_or_default(data_dir),
                                      /*with_ner_model=*/false);
  } catch (const std::exception& e) {
    std::cerr << "analyze-eval-metadata: " << e.what() << "\n";
    return 2;
  }
  std::vector<fs::path> folders;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(corpus, ec)) {
    if (entry.is_directory() && fs::is_regular_file(entry.path() / "index.tsv"))
      folders.push_back(entry.path());
  }
  if (folders.empty()) {
    std::cerr << "analyze-eval-metadata: no index.tsv under " << corpus << "\n";
    return 2;
  }
  std::sort(folders.begin(), folders.end());
  std::printf("%-24s %8s %10s %8s %8s %8s %8s %8s\n", "folder", "articles", "name-in-text", "found",
              "right", "wrong", "recall", "precision");
  for (const fs::path& folder : folders) {
    std::ifstream index(folder / "index.tsv");
    std::string line;
    std::getline(index, line);  // header
    std::size_t articles = 0, in_text = 0, found = 0, right = 0, wrong = 0, titles = 0,
                titles_right = 0;
    while (std::getline(index, line)) {
      const auto fields = split(line, '\t');
      if (fields.size() < 5) continue;
      const fs::path path = folder / fields[0];
      if (!fs::is_regular_file(path)) continue;
      const std::string bytes = read_file(path);
      ++articles;
      // Every name of the byline: `조유미 기자, 이병호 공주교대 교수` has two writers.
      std::vector<std::string> names;
      for (const std::string& part : split(fields[3], ',')) {
        if (std::string name = byline_name(part); !name.empty()) names.push_back(name);
      }
      const std::string expected = names.empty() ? std::string() : names.front();
      const bool named = !expected.empty() && bytes.find(expected) != std::string::npos;
      in_text += named;
      const news::Document document =
          news::analyze(bytes, news::Source{}, news::Options{}, resources);
      const auto& author = document.metadata.author;
      if (author) {
        ++found;
        if (std::find(names.begin(), names.end(), *author) != names.end()) {
          ++right;
        } else {
          ++wrong;
          if (show)
            std::cout << "WRONG " << path.string() << ": " << *author << " (byline " << fields[3]
                      << ")\n";
        }
      } else if (show && named) {
        std::cout << "MISSED " << path.string() << ": byline " << fields[3] << "\n";
      }
      ++titles;
      titles_right +=
          document.metadata.title && *document.metadata.title == news::fold_whitespace(fields[2]);
    }
    std::printf("%-24s %8zu %10zu %8zu %8zu %8zu %8.3f %8.3f   titles %zu/%zu\n",
                folder.filename().string().c_str(), articles, in_text, found, right, wrong,
                in_text ? static_cast<double>(right) / static_cast<double>(in_text) : 0.0,
                found ? static_cast<double>(right) / static_cast<double>(found) : 0.0, titles_right,
                titles);
  }
  return 0;
}
