// libFuzzer target: the NER model on any bytes. Labelling never crashes and
// gives ordered spans inside the text; a model file of any content loads or
// throws NerModelError, nothing else.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "names/ner_model.h"
#include "resources.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const news::NerModel model =
      news::NerModel::load(news::find_data_dir(std::nullopt) / "ner-model.bin");
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty() && bytes[0] == 'N') {
    try {
      news::NerModel::parse(bytes, "fuzz.bin");
    } catch (const news::NerModelError&) {
    }
    return 0;
  }
  std::size_t previous_end = 0;
  for (const news::NerSpan& span : model.label(bytes)) {
    if (span.start < previous_end || span.start >= span.end || span.end > size) __builtin_trap();
    if (!(span.confidence > 0.0 && span.confidence < 1.0)) __builtin_trap();
    previous_end = span.end;
  }
  return 0;
}
