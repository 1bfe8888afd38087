// Shared by the value tests: the lexicons from data/ and a one-call runner.
#pragma once

#include <string>
#include <vector>

#include "resources.h"
#include "values/values.h"

namespace news::testing {

inline const Resources& resources() {
  static const Resources loaded =
      Resources::load(ANALYZE_SOURCE_DIR "/data", /*with_ner_model=*/false);
  return loaded;
}

// The values of a one-paragraph article published at `published`.
inline Entities values_of(const std::string& text,
                          std::optional<std::string> published = std::nullopt) {
  Paragraph paragraph;
  paragraph.text = text;
  Entities entities;
  extract_values({paragraph}, published, resources(), entities);
  return entities;
}

}  // namespace news::testing
