// news/analyzer.h — the library's entry point: open the data once, analyze
// many articles.
//
//   news::Analyzer analyzer;                        // the installed data
//   news::Document doc = analyzer.analyze(text);    // plain values (news/document.h)
//   std::string line = analyzer.analyze_json(text); // the CLI's compact record
//
// An Analyzer reads data/ (lexicons, the NER model: a few MB, about a
// second) when it is constructed and never again. Failures of one article
// (binary input, invalid UTF-8 under `strict`, an unreadable file) are not
// exceptions: they come back in `Document::error`, and as the "error" field
// of the JSON record, exactly as the command line prints them. Exceptions
// are for the caller's mistakes and a broken installation:
//   DataError     the data directory is missing or a file in it is malformed
//                 (the message names the file and line);
//   OptionsError  an option is invalid (a `published` that is not ISO 8601).
//
// Thread-safety: every const method may be called from many threads at once
// on one Analyzer; nothing is shared between articles. Moving an Analyzer
// while another thread uses it is not allowed; a moved-from Analyzer may
// only be destroyed or assigned to.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"
#include "news/export.h"
#include "news/options.h"

namespace news {

// The data directory is missing, or a lexicon or the model in it cannot be
// read or is malformed. `missing()` tells the first case from the second.
class NEWS_EXPORT DataError : public std::runtime_error {
 public:
  DataError(const std::string& message, bool missing)
      : std::runtime_error(message), missing_(missing) {}
  bool missing() const { return missing_; }

 private:
  bool missing_;
};

// An argument the caller gave is invalid (the message says which and why).
class NEWS_EXPORT OptionsError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// How an Analyzer is opened; a default one finds the installed data and
// uses the model, as `analyze` does with no flags.
struct AnalyzerConfig {
  // Where the lexicons are (--data-dir). Absent: $ANALYZE_DATA, else
  // share/analyze/data beside the installed program or library, else the
  // source tree the library was built from.
  std::optional<std::filesystem::path> data_dir;
  // false: find names with the lexicons and rules alone (--no-model).
  bool use_model = true;
  // User lexicons of names (--lexicon; format in docs/names.md).
  std::vector<std::filesystem::path> user_lexicons;
};

class NEWS_EXPORT Analyzer {
 public:
  // Loads the data. Throws DataError.
  explicit Analyzer(const AnalyzerConfig& config = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // The directory the data was read from.
  const std::filesystem::path& data_dir() const;

  // Analyzes one article: `text` is its raw bytes (UTF-8, or any encoding
  // the command line detects). `id`, if given, is echoed as source.id (as a
  // --jsonl record's). Throws OptionsError for invalid options.
  Document analyze(std::string_view text, const Options& options = {},
                   std::optional<std::string> id = std::nullopt) const;

  // Reads and analyzes the file at `path`; source.path is `path` as given,
  // so the record equals `analyze PATH`'s. A file that cannot be read is an
  // error record (not_found, permission_denied, …), not an exception.
  // `origin` kFromFolder: `path` was listed from a folder, and is treated as
  // the command line treats a walked file (a FIFO, socket or device is a
  // not_regular_file record instead of a read that may block; a file gone
  // since the listing is "vanished").
  enum class PathOrigin { kGiven, kFromFolder };
  Document analyze_file(const std::filesystem::path& path, const Options& options = {},
                        PathOrigin origin = PathOrigin::kGiven) const;

  // The compact one-line JSON record (no newline) that the command line
  // prints for this article; the same bytes.
  std::string analyze_json(std::string_view text, const Options& options = {},
                           std::optional<std::string> id = std::nullopt) const;
  std::string analyze_file_json(const std::filesystem::path& path, const Options& options = {},
                                PathOrigin origin = PathOrigin::kGiven) const;

  // The JSON record of a document (what analyze_json() returns for it);
  // `tokens`: include each paragraph's tokens, as Options::tokens does.
  static std::string to_json(const Document& document, bool tokens = false);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace news
