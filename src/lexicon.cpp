#include "news/lexicon.h"

#include <fstream>
#include <sstream>

#include "news/decode.h"

namespace news {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Lexicon Lexicon::load(const std::filesystem::path& path, std::size_t min_fields,
                      std::size_t max_fields) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LexiconError(path.string() + ": cannot read the file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse(buffer.str(), path.string(), min_fields, max_fields);
}

Lexicon Lexicon::parse(std::string_view text, const std::string& name, std::size_t min_fields,
                       std::size_t max_fields) {
  if (!is_valid_utf8(text)) throw LexiconError(name + ": the file is not valid UTF-8");
  Lexicon lexicon;
  int number = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    std::string_view line = trim(text.substr(begin, end - begin));
    begin = end + 1;
    if (line.empty() || line.front() == '#') continue;

    LexiconEntry entry;
    entry.line = number;
    std::size_t field_begin = 0;
    bool first = true;
    while (true) {
      const std::size_t tab = line.find('\t', field_begin);
      std::string_view field = trim(line.substr(field_begin, tab - field_begin));
      if (first) {
        entry.key = std::string(field);
        first = false;
      } else {
        entry.fields.emplace_back(field);
      }
      if (tab == std::string_view::npos) break;
      field_begin = tab + 1;
    }
    const auto where = name + ":" + std::to_string(number) + ": ";
    if (entry.key.empty()) throw LexiconError(where + "the line has an empty first column");
    if (entry.fields.size() < min_fields || entry.fields.size() > max_fields) {
      throw LexiconError(where + "expected " + std::to_string(min_fields) +
                         (min_fields == max_fields ? "" : " to " + std::to_string(max_fields)) +
                         " tab-separated fields after the entry, found " +
                         std::to_string(entry.fields.size()));
    }
    lexicon.index_.emplace(entry.key, lexicon.entries_.size());
    lexicon.entries_.push_back(std::move(entry));
  }
  return lexicon;
}

const LexiconEntry* Lexicon::find(std::string_view key) const {
  const auto it = index_.find(std::string(key));
  return it == index_.end() ? nullptr : &entries_[it->second];
}

void Lexicon::merge(const Lexicon& other) {
  for (const LexiconEntry& entry : other.entries_) {
    index_.emplace(entry.key, entries_.size());
    entries_.push_back(entry);
  }
}

}  // namespace news
