// analyze — prints the JSON analysis of scraped news articles.
//
// Exit codes: 0 every input analyzed; 1 some inputs failed (each still has
// an error record on stdout and one line on stderr); 2 usage error; 3 the
// data files could not be loaded.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "news/analyze.h"
#include "news/input.h"
#include "news/json.h"
#include "news/metadata.h"
#include "news/resources.h"

namespace {

constexpr int kExitFailedInputs = 1;
constexpr int kExitUsage = 2;
constexpr int kExitData = 3;

constexpr const char* kExamples = R"(
Examples:
  analyze article.txt                     one article, pretty JSON on a terminal
  analyze article.txt | jq -r .metadata.title
  analyze a.txt b.txt > out.jsonl         several articles, one JSON object per line
  cat article.txt | analyze -             read standard input
  analyze --jsonl articles.jsonl          one {"id","text","published"?} record per line
  analyze --published 2023-11-18 a.txt    anchor relative dates when the text has none

Exit codes: 0 all analyzed, 1 some inputs failed (each has an error record),
2 usage error, 3 data files missing or malformed.)";

struct Settings {
  std::vector<std::string> files;
  std::string jsonl;
  bool pretty = false;
  bool compact = false;
  std::string published;
  std::string encoding;
  bool strict = false;
  bool tokens = false;
  std::string data_dir;
  std::vector<std::string> lexicons;  // --lexicon: user name lexicons
};

class Printer {
 public:
  Printer(bool pretty, const news::JsonOptions& json) : pretty_(pretty), json_(json) {}

  // Prints one record; reports a failed one on stderr. Returns false for a
  // failed record.
  bool print(const news::Document& document) {
    const std::string text = news::to_json(document, json_).dump(
        pretty_ ? 2 : -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
    if (!document.error) return true;
    const std::string name = document.source.path ? *document.source.path
                             : document.source.id ? "record " + *document.source.id
                                                  : std::string("input");
    std::fprintf(stderr, "analyze: %s: %s\n", name.c_str(), document.error->message.c_str());
    return false;
  }

 private:
  bool pretty_;
  news::JsonOptions json_;
};

int run_jsonl(const Settings& settings, const news::Options& options,
              const news::Resources& resources, Printer& printer) {
  std::FILE* in = settings.jsonl == "-" ? stdin : std::fopen(settings.jsonl.c_str(), "rb");
  if (in == nullptr) {
    std::fprintf(stderr, "analyze: %s: cannot open: %s\n", settings.jsonl.c_str(), std::strerror(errno));
    return kExitUsage;
  }
  bool all_ok = true;
  std::string line;
  std::size_t number = 0;
  char* buffer = nullptr;
  std::size_t capacity = 0;
  ssize_t n = 0;
  while ((n = getline(&buffer, &capacity, in)) >= 0) {
    ++number;
    std::string_view view(buffer, static_cast<std::size_t>(n));
    while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
    if (view.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank line
    all_ok &= printer.print(news::analyze_record(view, number, options, resources));
  }
  std::free(buffer);
  if (in != stdin) std::fclose(in);
  return all_ok ? 0 : kExitFailedInputs;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"analyze — a news-article analyzer for Korean and English text.\n"
               "Prints the article's metadata, its paragraphs with repeats collapsed, and\n"
               "(as the pipeline grows) the entities in it, as JSON (schema_version 1)."};
  app.footer(kExamples);
  app.set_version_flag("--version", std::string("analyze ") + ANALYZE_VERSION + " (schema_version 1)");
  Settings s;
  app.add_option("files", s.files, "Articles to analyze; - reads standard input");
  app.add_option("--jsonl", s.jsonl, "Read one JSON article per line from FILE (- for stdin)")
      ->type_name("FILE");
  auto* pretty = app.add_flag("--pretty", s.pretty, "Indented JSON (the default on a terminal)");
  app.add_flag("--compact", s.compact, "One line per object (the default when piped)")->excludes(pretty);
  app.add_option("--published", s.published,
                 "Publication time (ISO 8601) for articles that name none; anchors relative dates")
      ->type_name("TIME");
  app.add_option("--encoding", s.encoding, "Read the input in this encoding instead of detecting it")
      ->type_name("NAME");
  app.add_flag("--strict", s.strict, "Invalid UTF-8 is an error record, not replaced with U+FFFD");
  app.add_flag("--tokens", s.tokens, "Add each paragraph's tokens to the output");
  app.add_option("--data-dir", s.data_dir, "Where the lexicons are (default: found automatically)")
      ->type_name("DIR");
  app.add_option("--lexicon", s.lexicons,
                 "A user lexicon of names: name<TAB>person|organization|location[<TAB>kind[<TAB>alias|alias]]")
      ->type_name("FILE")
      ->allow_extra_args(false);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (s.files.empty() && s.jsonl.empty()) {
    std::fprintf(stderr, "analyze: no input; give FILE..., - for stdin, or --jsonl FILE (see --help)\n");
    return kExitUsage;
  }
  if (!s.files.empty() && !s.jsonl.empty()) {
    std::fprintf(stderr, "analyze: give either FILE... or --jsonl, not both\n");
    return kExitUsage;
  }
  news::Options options;
  if (!s.published.empty()) {
    if (!news::parse_timestamp(s.published)) {
      std::fprintf(stderr, "analyze: --published %s: not an ISO 8601 date or time\n", s.published.c_str());
      return kExitUsage;
    }
    options.published = s.published;
  }
  if (!s.encoding.empty()) options.encoding = s.encoding;
  options.strict = s.strict;
  options.tokens = s.tokens;

  news::Resources resources;
  try {
    const auto dir = news::find_data_dir(s.data_dir.empty() ? std::nullopt
                                                            : std::optional<std::filesystem::path>(s.data_dir));
    resources = news::Resources::load(dir);
    for (const std::string& file : s.lexicons) {
      resources.names.add_user_lexicon(news::Lexicon::load(file, 1, 3), file);
    }
  } catch (const news::LexiconError& e) {
    std::fprintf(stderr, "analyze: %s\n", e.what());
    return kExitData;
  }

  const bool single = s.jsonl.empty() && s.files.size() == 1;
  const bool pretty_output = s.pretty || (!s.compact && single && isatty(STDOUT_FILENO));
  Printer printer(pretty_output, news::JsonOptions{options.tokens});
  if (!s.jsonl.empty()) return run_jsonl(s, options, resources, printer);

  bool all_ok = true;
  for (const std::string& file : s.files) {
    if (file == "-") {
      const std::string bytes = news::read_all(stdin);
      all_ok &= printer.print(news::analyze(bytes, news::Source{}, options, resources));
    } else {
      all_ok &= printer.print(news::analyze_file(file, options, resources));
    }
  }
  return all_ok ? 0 : kExitFailedInputs;
}
