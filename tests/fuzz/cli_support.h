// tests/fuzz/cli_support.h — what the whole-program fuzz targets share: the
// CLI's resources (lexicons and the model), its output path, and the check
// that the fast JSON writer gives the same bytes as the tree and parses.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "news/json.h"
#include "pipeline.h"

namespace cli_support {

inline const news::Resources& resources() {
  static const news::Resources loaded = news::Resources::load(news::find_data_dir(std::nullopt));
  return loaded;
}

// The options the CLI passes by default (tokens on: more output to check).
inline news::Options cli_options() {
  news::Options options;
  options.published = "2023-11-18T19:32:00+09:00";
  options.tokens = true;
  return options;
}

// What the CLI prints for `document` (JSON Lines, write_json) must be the
// tree's bytes and valid JSON with the record's promises: a source, and
// either an error or paragraphs whose locations lie inside their text.
inline void check_output(const news::Document& document) {
  const news::JsonOptions json_options{true};
  std::string line;
  news::write_json(document, json_options, line);
  if (line != news::to_json(document, json_options).dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace))
    __builtin_trap();
  const nlohmann::json parsed = nlohmann::json::parse(line, nullptr, false);
  if (parsed.is_discarded() || !parsed.contains("source")) __builtin_trap();
  if (document.error) return;
  for (const news::Paragraph& paragraph : document.paragraphs) {
    for (const news::Token& token : paragraph.tokens) {
      if (token.start > token.end || token.end > paragraph.text.size() ||
          token.stem_end < token.start || token.stem_end > token.end)
        __builtin_trap();
    }
  }
}

}  // namespace cli_support
