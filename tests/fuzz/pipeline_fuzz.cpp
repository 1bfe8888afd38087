// libFuzzer target: the whole pipeline on arbitrary bytes must never crash,
// hang or produce JSON that does not parse.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "pipeline.h"
#include "news/json.h"

namespace {

const news::Resources& resources() {
  static const news::Resources loaded = news::Resources::load(news::find_data_dir(std::nullopt));
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  news::Options options;
  options.published = "2023-11-18T19:32:00+09:00";
  options.tokens = true;
  const news::Document document = news::analyze(bytes, news::Source{}, options, resources());
  const std::string text = news::to_json(document, news::JsonOptions{true}).dump();
  if (nlohmann::json::parse(text, nullptr, false).is_discarded()) __builtin_trap();
  return 0;
}
