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

#include <nlohmann/json.hpp>

#include "news/document.h"
#include "news/export.h"

namespace news {

inline constexpr int kSchemaVersion = 1;

struct JsonOptions {
  bool tokens = false;  // include each paragraph's tokens
};

// Fields keep the contract's order (ordered_json).
NEWS_EXPORT nlohmann::ordered_json to_json(const Document& document, const JsonOptions& options = {});

// Appends exactly to_json(document, options).dump() (compact: one line, no
// spaces; invalid UTF-8 replaced as nlohmann does) to `out`, without building
// the tree: the fast path for JSON Lines output. A field added to to_json()
// must be added here too (tests/json_test.cpp compares the two).
NEWS_EXPORT void write_json(const Document& document, const JsonOptions& options, std::string& out);

}  // namespace news
