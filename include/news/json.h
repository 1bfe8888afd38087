// news/json.h — the JSON form of a Document (schema_version 1).
//
// The contract is docs/output.md (JSON Schema: docs/schema.json). Byte
// offsets inside the library become Unicode code-point offsets here, so
// `.paragraphs[p].text[start:end]` in jq or Python gives the surface.
//
// Thread-safety: pure functions.
#pragma once

#include <functional>
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

// Appends the record to `out` as one line of compact JSON (no spaces; fields
// in the contract's order; invalid UTF-8, as in a file name, replaced by
// U+FFFD): the form of JSON Lines output.
NEWS_EXPORT void write_json(const Document& document, const JsonOptions& options, std::string& out);

// Receives a record in pieces (each a run of whole JSON tokens); may take
// the piece's contents.
using JsonSink = std::function<void(std::string& piece)>;

// The same bytes as write_json() above, handed to `sink` in pieces of about
// 1 MiB as they are written: the record of a huge article (millions of
// mentions) is never held whole.
NEWS_EXPORT void write_json(const Document& document, const JsonOptions& options,
                            const JsonSink& sink);

// The same record as a tree (a parse of write_json()'s bytes), for callers
// that edit or pretty-print it.
NEWS_EXPORT nlohmann::ordered_json to_json(const Document& document,
                                           const JsonOptions& options = {});

}  // namespace news
