// The C API (news/c.h) over news::Analyzer. Every entry point catches
// everything: a C caller cannot handle a C++ exception, so failures become
// a message (open) or an error record (analyze).
#include "news/c.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "news/analyzer.h"
#include "news/json.h"

struct news_analyzer {
  news::Analyzer analyzer;
};

namespace {

// A malloc'd copy for the caller to news_free; NULL when memory runs out.
char* copy_out(const std::string& text) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy != nullptr) std::memcpy(copy, text.data(), text.size() + 1);
  return copy;
}

// The record of an article that was not analyzed, in the CLI's error shape.
char* error_record(std::optional<std::string> id, const std::string& code,
                   const std::string& message) noexcept {
  try {
    news::Document document;
    document.source.id = std::move(id);
    document.error = news::Error{code, message};
    return copy_out(news::Analyzer::to_json(document));
  } catch (...) {
    return nullptr;  // out of memory
  }
}

struct ParsedOptions {
  news::Options options;
  std::optional<std::string> id;
};

// Reads options_json; throws news::OptionsError naming what is wrong.
ParsedOptions parse_options(const char* options_json) {
  ParsedOptions parsed;
  if (options_json == nullptr) return parsed;
  const nlohmann::json object = nlohmann::json::parse(options_json, nullptr, false);
  if (object.is_discarded() || !object.is_object()) {
    throw news::OptionsError("options are not a JSON object");
  }
  for (const auto& [key, value] : object.items()) {
    const auto string_value = [&, &key = key, &value = value]() {
      if (!value.is_string()) throw news::OptionsError("option \"" + key + "\" is not a string");
      return value.get<std::string>();
    };
    const auto bool_value = [&, &key = key, &value = value]() {
      if (!value.is_boolean()) throw news::OptionsError("option \"" + key + "\" is not true/false");
      return value.get<bool>();
    };
    if (key == "published") {
      if (!value.is_null()) parsed.options.published = string_value();
    } else if (key == "id") {
      // A --jsonl record's id may be a number; it is echoed as its digits.
      if (value.is_number()) {
        parsed.id = value.dump();
      } else if (!value.is_null()) {
        parsed.id = string_value();
      }
    } else if (key == "encoding") {
      if (!value.is_null()) parsed.options.encoding = string_value();
    } else if (key == "input_format") {
      const std::string name = string_value();
      if (name == "auto") {
        parsed.options.input_format = news::InputFormat::kAuto;
      } else if (name == "text") {
        parsed.options.input_format = news::InputFormat::kText;
      } else if (name == "html") {
        parsed.options.input_format = news::InputFormat::kHtml;
      } else {
        throw news::OptionsError("option \"input_format\" must be auto, text or html");
      }
    } else if (key == "tokens") {
      parsed.options.tokens = bool_value();
    } else if (key == "strict") {
      parsed.options.strict = bool_value();
    } else {
      throw news::OptionsError("unknown option \"" + key +
                               "\" (published, id, tokens, strict, encoding, input_format)");
    }
  }
  return parsed;
}

}  // namespace

extern "C" {

news_analyzer* news_analyzer_open(const char* data_dir, char** error) {
  if (error != nullptr) *error = nullptr;
  try {
    news::AnalyzerConfig config;
    if (data_dir != nullptr) config.data_dir = data_dir;
    return new news_analyzer{news::Analyzer(config)};
  } catch (const std::exception& e) {
    if (error != nullptr) *error = copy_out(e.what());
  } catch (...) {
    if (error != nullptr) *error = copy_out("unknown error while opening the analyzer");
  }
  return nullptr;
}

char* news_analyze(const news_analyzer* analyzer, const char* text, size_t length,
                   const char* options_json) {
  if (analyzer == nullptr || (text == nullptr && length > 0)) return nullptr;
  const std::string_view bytes(text == nullptr ? "" : text, length);
  std::optional<std::string> id;
  try {
    ParsedOptions parsed = parse_options(options_json);
    id = parsed.id;
    return copy_out(analyzer->analyzer.analyze_json(bytes, parsed.options, std::move(parsed.id)));
  } catch (const news::OptionsError& e) {
    return error_record(std::move(id), "bad_options", e.what());
  } catch (const std::bad_alloc&) {
    return nullptr;
  } catch (const std::exception& e) {
    // A bug, not the input's fault; still one record, as the CLI's batch.
    return error_record(std::move(id), "internal", e.what());
  } catch (...) {
    return error_record(std::move(id), "internal", "unknown exception");
  }
}

void news_free(char* string) {
  std::free(string);
}

void news_analyzer_close(news_analyzer* analyzer) {
  delete analyzer;
}

}  // extern "C"
