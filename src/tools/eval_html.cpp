// analyze-eval-html — scores the HTML reader (src/html/) on saved web pages.
//
// ../shared/data/html-extraction (docs/html.md):
//   zyte-dev/          per page token precision, recall and F1 of the
//                      extracted body against the annotated article body
//                      (lowercased \w+ tokens, bag overlap; both empty = 1),
//                      mean and median. Ids sorted as strings: the first 60
//                      are the dev split the reader was tuned on, the last 30
//                      are held out and only reported. The 13 anchors'
//                      published outputs are scored the same way beside it.
//   trafilatura-eval/  its "with"/"without" snippet checks (precision,
//                      recall, F-score as trafilatura counts them) and
//                      title/author/date accuracy; never used for tuning.
//   ko-pages/          body token F1, title, author, date, captions.
//
//   build/analyze-eval-html [--data DIR] [--worst N] [--skip-trafilatura]
#include <unicode/uchar.h>
#include <zlib.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/utf8.h"
#include "pipeline.h"
#include "resources.h"
#include "shared_corpus.h"

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

std::optional<std::string> read_gzip(const fs::path& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return std::nullopt;
  std::string out;
  char buffer[1 << 16];
  int n = 0;
  while ((n = gzread(file, buffer, sizeof buffer)) > 0)
    out.append(buffer, static_cast<std::size_t>(n));
  gzclose(file);
  return out;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// What analyze prints for the page, read as HTML: the lexicons without the
// model (the names stage does not change the text scored here).
const news::Resources* g_resources = nullptr;

news::Document read_page_bytes(const std::string& bytes) {
  news::Options options;
  options.input_format = news::InputFormat::kHtml;
  return news::analyze(bytes, news::Source{}, options, *g_resources);
}

// The extracted article's text without its title (the benchmarks' bodies
// have none), each collapsed repeat counted again: what is scored is the
// extraction, not the dedup stage after it (a recipe's repeated "1 cup").
std::string body_text(const news::Document& page) {
  std::string text;
  for (const auto& paragraph : page.paragraphs) {
    if (paragraph.role == news::Role::kTitle) continue;
    for (std::size_t copy = 0; copy <= paragraph.duplicates.size(); ++copy) {
      if (!text.empty()) text += "\n\n";
      text += paragraph.text;
    }
  }
  return text;
}

// Python's \w over lowercased text: letters, digits, numerals, underscore.
std::vector<std::string> word_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const char32_t c = news::utf8::decode_at(text, i, length);
    const auto type = u_charType(static_cast<UChar32>(c));
    const bool word = c == '_' || u_isalpha(static_cast<UChar32>(c)) ||
                      type == U_DECIMAL_DIGIT_NUMBER || type == U_LETTER_NUMBER ||
                      type == U_OTHER_NUMBER;
    if (word) {
      const auto lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      news::utf8::append(current, lower);
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
    i += length;
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
};

Prf token_prf(std::string_view predicted, std::string_view truth) {
  std::unordered_map<std::string, int> counts;
  const auto truth_tokens = word_tokens(truth);
  const auto predicted_tokens = word_tokens(predicted);
  for (const auto& t : truth_tokens) ++counts[t];
  std::size_t overlap = 0;
  for (const auto& t : predicted_tokens) {
    auto found = counts.find(t);
    if (found != counts.end() && found->second > 0) {
      --found->second;
      ++overlap;
    }
  }
  if (truth_tokens.empty() && predicted_tokens.empty()) return {1, 1, 1};
  if (truth_tokens.empty() || predicted_tokens.empty() || overlap == 0) return {0, 0, 0};
  Prf prf;
  prf.precision = static_cast<double>(overlap) / predicted_tokens.size();
  prf.recall = static_cast<double>(overlap) / truth_tokens.size();
  prf.f1 = 2 * prf.precision * prf.recall / (prf.precision + prf.recall);
  return prf;
}

double mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / v.size();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Scored {
  std::string id;
  Prf prf;
};

void print_row(const std::string& name, const std::vector<Scored>& pages) {
  std::vector<double> f1, p, r;
  for (const auto& s : pages) {
    f1.push_back(s.prf.f1);
    p.push_back(s.prf.precision);
    r.push_back(s.prf.recall);
  }
  std::printf("| %-24s | %5zu | %.3f | %.3f | %.3f | %.3f |\n", name.c_str(), pages.size(), mean(p),
              mean(r), mean(f1), median(f1));
}

std::string article_body_of(const Json& entry) {
  auto found = entry.find("articleBody");
  return found != entry.end() && found->is_string() ? found->get<std::string>() : std::string();
}

void evaluate_zyte(const fs::path& dir, int worst) {
  const Json truth = Json::parse(read_file(dir / "ground-truth.json"));
  std::vector<std::string> ids;
  for (auto it = truth.begin(); it != truth.end(); ++it) ids.push_back(it.key());
  std::sort(ids.begin(), ids.end());
  constexpr std::size_t kDevPages = 60;
  std::map<std::string, std::vector<Scored>> ours;  // split → pages
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const std::string& id = ids[k];
    auto bytes = read_gzip(dir / "html" / (id + ".html.gz"));
    if (!bytes) continue;
    const news::Document page = read_page_bytes(*bytes);
    ours[k < kDevPages ? "dev" : "held-out"].push_back(
        {id, token_prf(body_text(page), article_body_of(truth[id]))});
  }
  std::printf(
      "\nZyte article-extraction benchmark, %zu pages (token P/R/F1 per page; dev = first %zu "
      "ids)\n\n",
      ids.size(), kDevPages);
  std::printf("| system                   | pages | P mean | R mean | F1 mean | F1 median |\n");
  std::printf("|---|---|---|---|---|---|\n");
  for (const char* split : {"dev", "held-out"})
    print_row(std::string("analyze, ") + split, ours[split]);
  std::vector<Scored> all = ours["dev"];
  all.insert(all.end(), ours["held-out"].begin(), ours["held-out"].end());
  print_row("analyze, all", all);
  // The anchors on the same splits.
  std::error_code ec;
  std::vector<fs::path> anchors;
  for (const auto& entry : fs::directory_iterator(dir / "anchors", ec))
    anchors.push_back(entry.path());
  std::sort(anchors.begin(), anchors.end());
  for (const fs::path& path : anchors) {
    Json output = Json::parse(read_file(path), nullptr, false);
    if (output.is_discarded()) continue;
    if (output.contains("output")) output = output["output"];
    for (const char* split : {"dev", "held-out"}) {
      std::vector<Scored> scored;
      const std::size_t from = std::string(split) == "dev" ? 0 : kDevPages;
      const std::size_t to =
          std::string(split) == "dev" ? std::min(kDevPages, ids.size()) : ids.size();
      for (std::size_t k = from; k < to; ++k) {
        const std::string predicted =
            output.contains(ids[k]) ? article_body_of(output[ids[k]]) : "";
        scored.push_back({ids[k], token_prf(predicted, article_body_of(truth[ids[k]]))});
      }
      print_row(path.stem().string() + ", " + split, scored);
    }
  }
  if (worst > 0) {
    std::sort(all.begin(), all.end(),
              [](const Scored& a, const Scored& b) { return a.prf.f1 < b.prf.f1; });
    std::printf("\nworst pages:\n");
    for (int k = 0; k < worst && k < static_cast<int>(all.size()); ++k) {
      std::printf("  %.3f P %.3f R %.3f  %s\n", all[k].prf.f1, all[k].prf.precision,
                  all[k].prf.recall, all[k].id.c_str());
    }
  }
}

std::string folded(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string string_field(const Json& entry, const char* name) {
  auto found = entry.find(name);
  return found != entry.end() && found->is_string() ? found->get<std::string>() : std::string();
}

void evaluate_trafilatura(const fs::path& dir) {
  const Json data = Json::parse(read_file(dir / "evaldata.json"));
  long tp = 0, fn = 0, fp = 0, tn = 0;
  int titles = 0, titles_right = 0, authors = 0, authors_right = 0, dates = 0, dates_right = 0;
  for (auto it = data.begin(); it != data.end(); ++it) {
    const Json& entry = it.value();
    const std::string file = string_field(entry, "file");
    auto bytes = read_gzip(dir / "cache" / (file + ".gz"));
    if (!bytes) bytes = read_gzip(dir / "eval" / (file + ".gz"));
    if (!bytes) continue;
    const news::Document page = read_page_bytes(*bytes);
    const std::string text = folded(body_text(page));
    for (const Json& snippet : entry.value("with", Json::array())) {
      if (!snippet.is_string()) continue;
      (text.find(folded(snippet.get<std::string>())) != std::string::npos ? tp : fn)++;
    }
    for (const Json& snippet : entry.value("without", Json::array())) {
      if (!snippet.is_string()) continue;
      (text.find(folded(snippet.get<std::string>())) != std::string::npos ? fp : tn)++;
    }
    const news::Metadata& m = page.metadata;
    if (const std::string title = string_field(entry, "title"); !title.empty()) {
      ++titles;
      titles_right += m.title && folded(*m.title) == folded(title);
    }
    if (const std::string author = string_field(entry, "author"); !author.empty()) {
      ++authors;
      authors_right += m.author && folded(*m.author) == folded(author);
    }
    if (const std::string date = string_field(entry, "date"); !date.empty()) {
      ++dates;
      dates_right += m.published && m.published->substr(0, 10) == date;
    }
  }
  const double precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
  const double recall = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
  const double accuracy = static_cast<double>(tp + tn) / std::max(1L, tp + tn + fp + fn);
  const double f = 2.0 * tp / std::max(1.0, 2.0 * tp + fp + fn);
  std::printf(
      "\ntrafilatura evaluation set, %zu pages (snippets: with %ld found / %ld missed, without %ld "
      "found / %ld absent)\n\n",
      data.size(), tp, fn, fp, tn);
  std::printf("| system | precision | recall | accuracy | F-score |\n|---|---|---|---|---|\n");
  std::printf("| analyze | %.3f | %.3f | %.3f | %.3f |\n", precision, recall, accuracy, f);
  std::printf("\nmetadata: title %d/%d (%.3f), author %d/%d (%.3f), date %d/%d (%.3f) exact\n",
              titles_right, titles, titles ? static_cast<double>(titles_right) / titles : 0,
              authors_right, authors, authors ? static_cast<double>(authors_right) / authors : 0,
              dates_right, dates, dates ? static_cast<double>(dates_right) / dates : 0);
}

void evaluate_korean(const fs::path& dir) {
  std::ifstream in(dir / "gold.jsonl");
  std::string line;
  std::printf(
      "\nKorean news pages (ko-pages)\n\n| page | body F1 | title | author | published | captions "
      "|\n|---|---|---|---|---|---|\n");
  std::vector<double> f1s;
  while (std::getline(in, line)) {
    const Json gold = Json::parse(line, nullptr, false);
    if (gold.is_discarded()) continue;
    const std::string file = string_field(gold, "file");
    auto bytes = file.ends_with(".gz") ? read_gzip(dir / file)
                                       : std::optional<std::string>(read_file(dir / file));
    if (!bytes) continue;
    const news::Document page = read_page_bytes(*bytes);
    const news::Metadata& m = page.metadata;
    std::string body = string_field(gold, "body_text");
    std::string f1 = "–";
    if (!body.empty()) {
      const Prf prf = token_prf(body_text(page), body);
      f1s.push_back(prf.f1);
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "%.3f", prf.f1);
      f1 = buffer;
    }
    auto mark = [](bool known, bool right) { return !known ? "–" : right ? "yes" : "no"; };
    const std::string title = string_field(gold, "title");
    std::string author;
    if (gold.contains("authors") && gold["authors"].is_array() && !gold["authors"].empty() &&
        gold["authors"][0].is_string()) {
      author = gold["authors"][0].get<std::string>();
    }
    std::string date = string_field(gold, "published");
    if (date.empty()) date = string_field(gold, "published_date");
    int captions = 0, found = 0;
    for (const Json& caption : gold.value("captions", Json::array())) {
      if (!caption.is_string()) continue;
      ++captions;
      for (const auto& block : page.paragraphs) {
        if (block.role == news::Role::kCaption &&
            folded(block.text).find(folded(caption.get<std::string>())) != std::string::npos) {
          ++found;
          break;
        }
      }
    }
    std::printf(
        "| %s | %s | %s | %s | %s | %d/%d |\n", string_field(gold, "id").c_str(), f1.c_str(),
        mark(!title.empty(), m.title && folded(*m.title) == folded(title)),
        mark(!author.empty(),
             m.author && m.author->find(author.substr(0, author.find(' '))) != std::string::npos),
        mark(!date.empty(), m.published && m.published->substr(0, 10) == date.substr(0, 10)), found,
        captions);
  }
  std::printf("\nbody token F1 mean %.3f, median %.3f over %zu pages\n", mean(f1s), median(f1s),
              f1s.size());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Scores the HTML reader on ../shared/data/html-extraction"};
  std::string data = "../shared/data/html-extraction";
  int worst = 0;
  bool skip_trafilatura = false;
  app.add_option("--data", data, "the html-extraction folder");
  app.add_option("--worst", worst, "list the N worst Zyte pages");
  app.add_flag("--skip-trafilatura", skip_trafilatura, "only the Zyte and Korean pages (fast)");
  CLI11_PARSE(app, argc, argv);
  const fs::path dir(data);
  const news::Resources resources =
      news::Resources::load(news::tools::data_dir_or_default(""), /*with_ner_model=*/false);
  g_resources = &resources;
  if (!fs::is_directory(dir / "zyte-dev")) {
    std::cerr << "analyze-eval-html: " << (dir / "zyte-dev").string() << " not found\n";
    return 2;
  }
  evaluate_zyte(dir / "zyte-dev", worst);
  evaluate_korean(dir / "ko-pages");
  if (!skip_trafilatura) evaluate_trafilatura(dir / "trafilatura-eval");
  return 0;
}
