// settings.h — what the command line asked for (filled by main.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace analyze_cli {

struct Settings {
  std::vector<std::string> files;  // files and folders, in the order given
  std::string jsonl;               // --jsonl FILE|-
  std::string files_from;          // --files-from FILE|-
  bool pretty = false;
  bool compact = false;
  std::string published;
  std::string encoding;
  std::string input_format = "auto";  // --input-format auto|text|html
  bool strict = false;
  bool tokens = false;
  std::string data_dir;
  std::vector<std::string> lexicons;  // --lexicon FILE: user name lexicons (issue 6)
  bool no_model = false;              // --no-model: names from the rules alone (issue 7)
  std::string format = "json";        // --format json|html: the record or a page to look at

  // Batches (issue 8).
  unsigned jobs = 0;  // 0: the number of cores
  std::vector<std::string> globs;
  bool follow = false;
  // A news article is kilobytes; a file of hundreds of megabytes is a dump or
  // a mistake, and reading it whole would break the memory bound.
  std::uint64_t max_bytes = 256ull << 20;  // 0: no limit
  // A news article takes milliseconds; a minute is a hostile input (or a
  // bug), and one file must not hold a batch for ever. 0: no limit.
  double max_article_seconds = 60;
  bool no_progress = false;
  bool quiet = false;
  std::string output_dir;
  bool resume = false;
  bool dedup_articles = false;
  double dedup_threshold = 0;
};

}  // namespace analyze_cli
