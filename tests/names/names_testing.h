// What the names tests share: the shipped data, loaded once, and the names
// the stage finds in a text given as paragraphs, one per line.
#pragma once

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "names/names.h"
#include "resources.h"

namespace news::names_testing {

inline const Resources& resources() {
  static const Resources loaded = Resources::load(ANALYZE_SOURCE_DIR "/data");
  return loaded;
}

inline Entities names_of(const std::string& text) {
  std::vector<Paragraph> paragraphs;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    Paragraph p;
    p.text = line;
    paragraphs.push_back(p);
  }
  Entities entities;
  extract_names(paragraphs, resources().names, nullptr, entities);
  return entities;
}

// The entity of a list with this name, or nullptr.
inline const NamedEntity* find(const std::vector<NamedEntity>& list, const std::string& name) {
  const auto it =
      std::find_if(list.begin(), list.end(), [&](const NamedEntity& e) { return e.name == name; });
  return it == list.end() ? nullptr : &*it;
}

inline bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace news::names_testing
