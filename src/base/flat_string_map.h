// base/flat_string_map.h — a hash map from strings to values in flat arrays,
// for lexicons that are filled once and then only read (news/name_lexicons.h).
// Takes string views as keys (no std::string is built to look one up); gives
// pointers to the values.
//
// Why not std::unordered_map: a look-up there walks a bucket list of
// separately allocated nodes (two or three cache misses), and the name
// lexicons are asked several times for every word of every article. Here a
// look-up hashes the key once, probes an array of (hash, index) slots and
// compares one key. Entries keep their insertion order and their addresses
// until the next insertion or erasure, so a pointer to a value stays valid
// while the map is only read (the lexicons hand out such pointers).
//
// Thread-safety: const member functions may be called from many threads.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news {

template <typename Value>
class FlatStringMap {
 public:
  using Entry = std::pair<std::string, Value>;

  // The value of `key`, inserted as Value{} when absent.
  Value& operator[](std::string_view key) {
    const std::uint64_t h = hash(key);
    if (const std::size_t found = lookup(key, h); found != kAbsent) return entries_[found].second;
    return insert(std::string(key), h, Value{}).second;
  }
  // Inserts `key` with `value` unless present; true when inserted.
  bool emplace(std::string_view key, Value value) {
    const std::uint64_t h = hash(key);
    if (lookup(key, h) != kAbsent) return false;
    insert(std::string(key), h, std::move(value));
    return true;
  }
  const Value* find(std::string_view key) const {
    const std::size_t found = lookup(key, hash(key));
    return found == kAbsent ? nullptr : &entries_[found].second;
  }
  bool contains(std::string_view key) const { return lookup(key, hash(key)) != kAbsent; }
  std::size_t size() const { return entries_.size(); }
  // Room for `count` entries without moving or rehashing any (start-up fills
  // maps of 10^4–10^5 words: growing step by step moved each entry ~twice).
  void reserve(std::size_t count) {
    entries_.reserve(count);
    if (count * 2 > slots_.size()) rebuild(count * 2);
  }
  void clear() {
    entries_.clear();
    slots_.clear();
  }
  // Entries in insertion order.
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }
  // Removes every entry for which keep_out(entry) is true; the others keep their order.
  template <typename Predicate>
  void erase_if(Predicate keep_out) {
    std::erase_if(entries_, keep_out);
    rebuild(slots_.size());
  }

 private:
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  struct Slot {
    std::uint32_t hash = 0;   // the high bits of the key's hash
    std::uint32_t index = 0;  // 1 + the entry's index; 0: empty
  };

  static std::uint64_t hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
  static std::uint32_t tag(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }

  std::size_t lookup(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return kAbsent;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.index == 0) return kAbsent;
      if (slot.hash == tag(h) && entries_[slot.index - 1].first == key) return slot.index - 1;
    }
  }

  Entry& insert(std::string key, std::uint64_t h, Value value) {
    entries_.emplace_back(std::move(key), std::move(value));
    if (entries_.size() * 2 > slots_.size()) {
      rebuild(slots_.empty() ? 16 : slots_.size() * 2);  // at most half full
    } else {
      place(h, entries_.size() - 1);
    }
    return entries_.back();
  }

  void place(std::uint64_t h, std::size_t index) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i].index != 0) i = (i + 1) & mask;
    slots_[i] = Slot{tag(h), static_cast<std::uint32_t>(index + 1)};
  }

  void rebuild(std::size_t capacity) {
    capacity = std::bit_ceil(std::max({capacity, entries_.size() * 2, std::size_t{16}}));
    slots_.assign(capacity, Slot{});
    for (std::size_t k = 0; k < entries_.size(); ++k) place(hash(entries_[k].first), k);
  }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;  // a power of two
};

}  // namespace news
