// libFuzzer target: the HTML reader on arbitrary bytes must never crash or
// hang, and what it gives must keep its promises: blocks are non-empty,
// valid UTF-8 (the page was decoded first), without leading or trailing
// spaces, and their roles are body, subheading or caption. Then the whole
// pipeline, forced to read the bytes as a page, must give JSON that parses.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "html/page.h"
#include "news/json.h"
#include "pipeline.h"
#include "text/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const news::Decoded decoded = news::decode(bytes, news::DecodeOptions{});
  if (!decoded.error) {
    fuzz_support::asked_text = decoded.text;
    const news::html::Page page = news::html::read_page(decoded.text);
    for (const news::html::Block& block : page.blocks) {
      if (block.text.empty()) fuzz_support::broken("a block is not empty", __LINE__);
      if (block.text.front() == ' ' || block.text.back() == ' ')
        fuzz_support::broken("a block has no outer spaces", __LINE__);
      if (!news::is_valid_utf8(block.text)) fuzz_support::broken("a block is UTF-8", __LINE__);
      if (block.role != news::Role::kBody && block.role != news::Role::kSubheading &&
          block.role != news::Role::kCaption) {
        fuzz_support::broken("a block is body, subheading or caption", __LINE__);
      }
    }
  }
  news::Options options;
  options.input_format = news::InputFormat::kHtml;
  const news::Document document =
      news::analyze(bytes, news::Source{}, options, fuzz_support::resources());
  const std::string text = news::to_json(document, news::JsonOptions{true}).dump();
  if (nlohmann::json::parse(text, nullptr, false).is_discarded()) __builtin_trap();
  return 0;
}
