// base/lexicon.h — plain-text data files that people edit: lexicons, lists.
//
// Format, the same for every file in data/:
//   # comment lines and blank lines are ignored
//   entry<TAB>field<TAB>field…
// The first non-comment column is the entry; further tab-separated columns
// are fields whose meaning the file's header comment gives. A file is read
// once at start-up; a malformed line is a LexiconError that names the file
// and the line (a bad dictionary must never abort the process).
//
// Thread-safety: a loaded Lexicon is immutable; share it freely.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace news {

class LexiconError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LexiconEntry {
  std::string key;
  std::vector<std::string> fields;
  int line = 0;  // 1-based line in the file
};

class Lexicon {
 public:
  Lexicon() = default;

  // Reads `path`. Each line must have between `min_fields` and `max_fields`
  // tab-separated fields after the key; otherwise LexiconError.
  static Lexicon load(const std::filesystem::path& path, std::size_t min_fields = 0,
                      std::size_t max_fields = 16);
  // Parses `text` as if it were the file `name` (tests, fuzzing).
  static Lexicon parse(std::string_view text, const std::string& name, std::size_t min_fields = 0,
                       std::size_t max_fields = 16);

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  // The first entry with this key, or nullptr.
  const LexiconEntry* find(std::string_view key) const;
  std::size_t size() const { return entries_.size(); }

  // Adds the entries of `other` after this lexicon's (a user lexicon).
  void merge(const Lexicon& other);

 private:
  // Adds entries_[entry] to the index unless an earlier entry has its key.
  void index(std::size_t entry);

  std::vector<LexiconEntry> entries_;
  // Open addressing over entries_, keyed by the entry's key (no copy of
  // it): 1 + the index of the first entry with a key, 0 for an empty slot.
  // A power of two, at most half full.
  std::vector<std::uint32_t> slots_;
};

}  // namespace news
