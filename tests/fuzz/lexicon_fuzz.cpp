// libFuzzer target: a lexicon file of any content loads or throws
// LexiconError; nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const news::Lexicon lexicon = news::Lexicon::parse(text, "fuzz.txt", 0, 3);
    for (const auto& entry : lexicon.entries()) {
      if (entry.key.empty() || entry.fields.size() > 3) __builtin_trap();
    }
  } catch (const news::LexiconError&) {
  }
  return 0;
}
