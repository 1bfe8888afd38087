// The Analyzer: Resources loaded once behind a small interface, and the
// exceptions of the loaders turned into the two documented error types.
#include "news/analyzer.h"

#include <cstdint>
#include <utility>

#include "batch/input.h"
#include "news/json.h"
#include "pipeline.h"
#include "resources.h"
#include "structure/metadata.h"

namespace news {

struct Analyzer::State {
  std::filesystem::path data_dir;
  Resources resources;
};

Analyzer::Analyzer(const AnalyzerConfig& config) : state_(std::make_unique<State>()) {
  try {
    state_->data_dir = find_data_dir(config.data_dir);
  } catch (const LexiconError& e) {
    throw DataError(e.what(), /*missing=*/true);
  }
  try {
    state_->resources = Resources::load(state_->data_dir, config.use_model);
    for (const std::filesystem::path& file : config.user_lexicons) {
      state_->resources.names.add_user_lexicon(Lexicon::load(file, 1, 3), file.string());
    }
  } catch (const LexiconError& e) {
    throw DataError(e.what(), /*missing=*/false);
  } catch (const NerModelError& e) {
    throw DataError(e.what(), /*missing=*/false);
  }
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const std::filesystem::path& Analyzer::data_dir() const {
  return state_->data_dir;
}

namespace {

// The command line refuses a --published it cannot read (exit 2); so does
// the library, rather than analyzing without the anchor the caller meant.
void check(const Options& options) {
  if (options.published && !parse_timestamp(*options.published)) {
    throw OptionsError("published \"" + *options.published + "\": not an ISO 8601 date or time");
  }
}

}  // namespace

Document Analyzer::analyze(std::string_view text, const Options& options,
                           std::optional<std::string> id) const {
  check(options);
  Source source;
  source.id = std::move(id);
  return news::analyze(text, std::move(source), options, state_->resources);
}

Document Analyzer::analyze_file(const std::filesystem::path& path, const Options& options,
                                PathOrigin origin) const {
  check(options);
  // The command line's default --max-bytes: a larger file is a too_large
  // error record, unread, as `analyze PATH` gives.
  constexpr std::uint64_t kMaxBytes = 256ull << 20;
  const bool from_folder = origin == PathOrigin::kFromFolder;
  // Reading too is inside the article's error boundary, as in the CLI's batch.
  Source identity;
  identity.path = path.string();
  Document document = within_error_boundary(identity, [&] {
    return news::analyze_file(path, options, state_->resources, kMaxBytes,
                              /*regular_only=*/from_folder);
  });
  // As the command line's batch says of a walked file deleted meanwhile.
  if (from_folder && document.error && document.error->code == "not_found") {
    document.error = Error{"vanished", "vanished during the run (listed, then gone)"};
  }
  return document;
}

std::string Analyzer::analyze_json(std::string_view text, const Options& options,
                                   std::optional<std::string> id) const {
  return to_json(analyze(text, options, std::move(id)), options.tokens);
}

std::string Analyzer::analyze_file_json(const std::filesystem::path& path, const Options& options,
                                        PathOrigin origin) const {
  return to_json(analyze_file(path, options, origin), options.tokens);
}

std::string Analyzer::to_json(const Document& document, bool tokens) {
  std::string out;
  write_json(document, JsonOptions{tokens}, out);
  return out;
}

}  // namespace news
