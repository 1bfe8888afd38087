#include "base/lexicon.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

#include "text/decode.h"

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
  // One read of the whole file into one string (start-up reads about 1 MB
  // of lexicons; a stream copy doubled the work).
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw LexiconError(path.string() + ": cannot read the file");
  const std::streamoff size = in.tellg();
  std::string text;
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
  } else {
    std::ostringstream buffer;  // not a regular file (a pipe): its size is unknown
    in.seekg(0);
    buffer << in.rdbuf();
    text = buffer.str();
  }
  return parse(text, path.string(), min_fields, max_fields);
}

Lexicon Lexicon::parse(std::string_view text, const std::string& name, std::size_t min_fields,
                       std::size_t max_fields) {
  if (!is_valid_utf8(text)) throw LexiconError(name + ": the file is not valid UTF-8");
  Lexicon lexicon;
  lexicon.entries_.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
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
    const std::size_t first_tab = line.find('\t');
    entry.key = std::string(trim(line.substr(0, first_tab)));
    if (first_tab != std::string_view::npos) {
      std::size_t field_begin = first_tab + 1;
      while (true) {
        const std::size_t tab = line.find('\t', field_begin);
        entry.fields.emplace_back(trim(line.substr(field_begin, tab - field_begin)));
        if (tab == std::string_view::npos) break;
        field_begin = tab + 1;
      }
    }
    if (entry.key.empty() || entry.fields.size() < min_fields || entry.fields.size() > max_fields) {
      const auto where = name + ":" + std::to_string(number) + ": ";
      if (entry.key.empty()) throw LexiconError(where + "the line has an empty first column");
      throw LexiconError(where + "expected " + std::to_string(min_fields) +
                         (min_fields == max_fields ? "" : " to " + std::to_string(max_fields)) +
                         " tab-separated fields after the entry, found " +
                         std::to_string(entry.fields.size()));
    }
    lexicon.entries_.push_back(std::move(entry));
  }
  std::size_t capacity = 16;
  while (capacity < lexicon.entries_.size() * 2) capacity *= 2;
  lexicon.slots_.assign(capacity, 0);
  for (std::size_t i = 0; i < lexicon.entries_.size(); ++i) lexicon.index(i);
  return lexicon;
}

void Lexicon::index(std::size_t entry) {
  if ((entries_.size()) * 2 > slots_.size()) {
    // Grow: every entry so far goes into a table twice the size.
    std::size_t capacity = slots_.empty() ? 16 : slots_.size();
    while (capacity < entries_.size() * 2) capacity *= 2;
    slots_.assign(capacity, 0);
    for (std::size_t i = 0; i < entry; ++i) index(i);
  }
  const std::string& key = entries_[entry].key;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = std::hash<std::string_view>{}(key) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == 0) {
      slots_[i] = static_cast<std::uint32_t>(entry + 1);
      return;
    }
    if (entries_[slots_[i] - 1].key == key) return;  // the first entry with a key wins
  }
}

const LexiconEntry* Lexicon::find(std::string_view key) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = std::hash<std::string_view>{}(key) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == 0) return nullptr;
    const LexiconEntry& entry = entries_[slots_[i] - 1];
    if (entry.key == key) return &entry;
  }
}

void Lexicon::merge(const Lexicon& other) {
  for (const LexiconEntry& entry : other.entries_) {
    entries_.push_back(entry);
    index(entries_.size() - 1);
  }
}

}  // namespace news
