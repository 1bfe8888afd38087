// news/json.h — the JSON form of a Document (schema_version 1).
//
// The contract is docs/output.md (JSON Schema: docs/schema.json). Byte
// offsets inside the library become Unicode code-point offsets here, so
// `.paragraphs[p].text[start:end]` in jq or Python gives the surface.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "news/document.h"

namespace news {

inline constexpr int kSchemaVersion = 1;

struct JsonOptions {
  bool tokens = false;  // include each paragraph's tokens
};

// Fields keep the contract's order (ordered_json).
nlohmann::ordered_json to_json(const Document& document, const JsonOptions& options = {});

// Appends exactly to_json(document, options).dump() (compact: one line, no
// spaces; invalid UTF-8 replaced as nlohmann does) to `out`, without building
// the tree: the fast path for JSON Lines output. A field added to to_json()
// must be added here too (tests/json_test.cpp compares the two).
void write_json(const Document& document, const JsonOptions& options, std::string& out);

// Code-point length of the UTF-8 prefix text[0, byte_offset).
std::size_t code_points(std::string_view text, std::size_t byte_offset);

// Byte offset → code-point offset for one text, in time independent of the
// offset: a paragraph of megabytes with thousands of mentions must not cost
// a scan from its start per mention. Keeps a view of `text`.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  std::size_t operator()(std::size_t byte_offset) const;

 private:
  static constexpr std::size_t kStride = 256;
  std::string_view text_;
  std::vector<std::size_t> checkpoints_;  // code points before byte k * kStride
};

}  // namespace news
