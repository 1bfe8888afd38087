// analyze — prints the JSON analysis of scraped news articles.
//
// Exit codes: 0 every input analyzed; 1 some inputs failed (each still has
// an error record on stdout and one line on stderr); 2 usage error; 3 the
// data files could not be loaded; 128+N stopped by signal N (Ctrl-C: 130),
// after finishing and writing every record already begun.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "batch/near_duplicates.h"
#include "batch_run.h"
#include "huge_pages.h"
#include "pipeline.h"
#include "resources.h"
#include "settings.h"
#include "structure/metadata.h"

namespace {

using analyze_cli::kExitUsage;
constexpr int kExitData = 3;

constexpr const char* kExamples = R"(
Examples:
  analyze article.txt                     one article, pretty JSON on a terminal
  analyze article.txt | jq -r .metadata.title
  analyze a.txt b.txt > out.jsonl         several articles, one JSON object per line
  analyze corpus/ > out.jsonl             every *.txt under corpus/, in sorted order
  analyze -j4 --glob '*.html.txt' corpus/ a folder on 4 threads, other file names
  analyze corpus/ --output-dir out/       one out/corpus/….txt.json per article
  analyze corpus/ --output-dir out/ --resume   go on after an interrupted run
  analyze --dedup-articles corpus/        mark copies of the same story (duplicate_of)
  find corpus -name '*.txt' | analyze --files-from -
  cat article.txt | analyze -             read standard input
  analyze --jsonl articles.jsonl          one {"id","text","published"?} record per line
  parallel --pipe --keep-order -N100 analyze -j1 --jsonl - < in.jsonl > out.jsonl
  analyze --published 2023-11-18 a.txt    anchor relative dates when the text has none
  analyze --format html a.txt > a.html    the article as a page, entities highlighted
  analyze --format html --output-dir out/ corpus/   a page per article and out/index.html

Exit codes: 0 all analyzed, 1 some inputs failed (each has an error record),
2 usage error, 3 data files missing or malformed, 130 interrupted (Ctrl-C).)";

// Set by SIGINT/SIGTERM: take no new input, finish what was begun. A second
// signal ends the process at once (the default action).
std::atomic<bool> stop_requested{false};
std::atomic<int> stop_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

extern "C" void on_stop_signal(int signal_number) {
  if (stop_requested.load()) {
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
    return;
  }
  stop_signal.store(signal_number);
  stop_requested.store(true);
}

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  analyze_cli::prefer_huge_pages();
  CLI::App app{
      "analyze — a news-article analyzer for Korean and English text.\n"
      "Prints the article's metadata, its paragraphs with repeats collapsed, and\n"
      "the entities in it (people, organizations, places, dates, money, …), as\n"
      "JSON (schema_version 1).\n"
      "Folders are walked; many inputs give JSON Lines in input order."};
  app.footer(kExamples);
  app.set_version_flag("--version",
                       std::string("analyze ") + ANALYZE_VERSION + " (schema_version 1)");
  analyze_cli::Settings s;
  app.add_option("files", s.files, "Articles and folders to analyze; - reads standard input");
  app.add_option("--jsonl", s.jsonl, "Read one JSON article per line from FILE (- for stdin)")
      ->type_name("FILE");
  app.add_option("--files-from", s.files_from,
                 "Also read input paths from FILE, one per line (- for stdin)")
      ->type_name("FILE");
  auto* pretty = app.add_flag("--pretty", s.pretty,
                              "Indented JSON (the default for one article on a terminal)");
  app.add_flag("--compact", s.compact, "One line per object (the default when piped)")
      ->excludes(pretty);
  app.add_option("--published", s.published,
                 "Publication time (ISO 8601) for articles that name none; anchors relative dates")
      ->type_name("TIME");
  app.add_option("--encoding", s.encoding,
                 "Read the input in this encoding instead of detecting it")
      ->type_name("NAME");
  app.add_option("--input-format", s.input_format,
                 "auto (default: a web page is recognized by its markup), text, or html")
      ->check(CLI::IsMember({"auto", "text", "html"}))
      ->type_name("FORMAT");
  app.add_flag("--strict", s.strict, "Invalid UTF-8 is an error record, not replaced with U+FFFD");
  app.add_flag("--tokens", s.tokens, "Add each paragraph's tokens to the output");
  app.add_option("--format", s.format,
                 "json (the default) or html: one self-contained page per article with its "
                 "entities highlighted; with --output-dir also OUT/index.html")
      ->type_name("json|html")
      ->check(CLI::IsMember({"json", "html"}));
  app.add_option("--data-dir", s.data_dir, "Where the lexicons are (default: found automatically)")
      ->type_name("DIR");
  app.add_option("--lexicon", s.lexicons,
                 "A user lexicon of names: "
                 "name<TAB>person|organization|location[<TAB>kind[<TAB>alias|alias]]")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_flag("--no-model", s.no_model,
               "Find names with the lexicons and rules alone, without the trained model "
               "(data/ner-model.bin): faster, fewer names found");

  const std::string batch = "Batches";
  app.add_option("-j,--jobs", s.jobs, "Worker threads (default: the number of cores)")
      ->type_name("N")
      ->check(CLI::Range(0u, 1024u))
      ->group(batch);
  app.add_option("--glob", s.globs, "File names to take inside folders (repeatable; default *.txt)")
      ->type_name("PATTERN")
      ->allow_extra_args(false)  // `--glob '*.md' corpus/`: corpus/ is an input
      ->group(batch);
  app.add_flag("--follow", s.follow, "Follow symbolic links inside folders (loops are detected)")
      ->group(batch);
  app.add_option("--max-bytes", s.max_bytes,
                 "Inputs larger than this are error records (default 256MiB; 0: no limit)")
      ->type_name("SIZE")
      ->transform(CLI::AsSizeValue(true))
      ->group(batch);
  app.add_option("--max-article-seconds", s.max_article_seconds,
                 "Give up on an article after this long: an error record \"timeout\", the batch "
                 "goes on (default 60; 0: no limit)")
      ->type_name("SECONDS")
      ->check(CLI::NonNegativeNumber)
      ->group(batch);
  app.add_flag("--no-progress", s.no_progress,
               "No progress line on stderr (shown only on a terminal)")
      ->group(batch);
  app.add_flag("-q,--quiet", s.quiet,
               "Neither progress nor the summary line; failures are still reported")
      ->group(batch);
  auto* output_dir = app.add_option("--output-dir", s.output_dir,
                                    "Write one OUT/<input path>.json per input instead of stdout")
                         ->type_name("OUT")
                         ->group(batch);
  app.add_flag("--resume", s.resume,
               "With --output-dir: skip inputs whose output is already complete")
      ->needs(output_dir)
      ->group(batch);
  auto* dedup = app.add_flag("--dedup-articles", s.dedup_articles,
                             "Mark later copies of the same article (duplicate_of, similarity)")
                    ->group(batch);
  app.add_option("--dedup-threshold", s.dedup_threshold,
                 "Estimated Jaccard similarity from which an article is a copy (default " +
                     std::to_string(news::kDefaultNearDuplicateThreshold).substr(0, 3) + ")")
      ->type_name("X")
      ->check(CLI::Range(0.01, 1.0))
      ->needs(dedup)
      ->group(batch);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (s.files.empty() && s.jsonl.empty() && s.files_from.empty()) {
    std::fprintf(
        stderr,
        "analyze: no input; give FILE or FOLDER..., - for stdin, or --jsonl FILE (see --help)\n");
    return kExitUsage;
  }
  if (!s.jsonl.empty() && (!s.files.empty() || !s.files_from.empty())) {
    std::fprintf(stderr, "analyze: give either FILE... or --jsonl, not both\n");
    return kExitUsage;
  }
  if (!s.output_dir.empty()) {
    bool reads_stdin = !s.jsonl.empty();
    for (const std::string& file : s.files) reads_stdin |= file == "-";
    if (reads_stdin) {
      std::fprintf(stderr,
                   "analyze: --output-dir names outputs after input files; it does not take "
                   "--jsonl or - (write stdout instead)\n");
      return kExitUsage;
    }
  }
  if (s.format == "html" && s.output_dir.empty()) {
    std::error_code ec;  // a link to itself is an error record later, not a throw here
    const bool one_file = s.jsonl.empty() && s.files_from.empty() && s.files.size() == 1 &&
                          (s.files[0] == "-" || !std::filesystem::is_directory(s.files[0], ec));
    if (!one_file) {
      std::fprintf(stderr,
                   "analyze: --format html prints one page for one article; for several, "
                   "give --output-dir OUT (a page each and OUT/index.html)\n");
      return kExitUsage;
    }
  }
  news::Options options;
  if (!s.published.empty()) {
    if (!news::parse_timestamp(s.published)) {
      std::fprintf(stderr, "analyze: --published %s: not an ISO 8601 date or time\n",
                   s.published.c_str());
      return kExitUsage;
    }
    options.published = s.published;
  }
  if (!s.encoding.empty()) options.encoding = s.encoding;
  options.strict = s.strict;
  options.tokens = s.tokens;
  if (s.input_format == "text") options.input_format = news::InputFormat::kText;
  if (s.input_format == "html") options.input_format = news::InputFormat::kHtml;
  // The first stop signal is seen inside long loops too (base/budget.h).
  options.limits.stop = &stop_requested;
  options.limits.max_seconds = s.max_article_seconds;

  news::Resources resources;
  try {
    const auto dir = news::find_data_dir(
        s.data_dir.empty() ? std::nullopt : std::optional<std::filesystem::path>(s.data_dir));
    resources = news::Resources::load(dir, !s.no_model);
    for (const std::string& file : s.lexicons) {
      resources.names.add_user_lexicon(news::Lexicon::load(file, 1, 3), file);
    }
  } catch (const news::LexiconError& e) {
    std::fprintf(stderr, "analyze: %s\n", e.what());
    return kExitData;
  } catch (const news::NerModelError& e) {
    std::fprintf(stderr, "analyze: %s\n", e.what());
    return kExitData;
  }

  install_stop_handlers();
  static char output_buffer[1 << 20];
  std::setvbuf(stdout, output_buffer, _IOFBF, sizeof output_buffer);
  return analyze_cli::run_inputs(s, options, resources, stop_requested, stop_signal);
}
