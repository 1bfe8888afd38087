// values/value_words.h — the words around a number that the value scan
// needs (data/value-words.txt): approximations (약 16조원, 10억원 가량),
// what may follow a counter in its word (3명씩, 10명 이상), machines that
// make 50대 a count rather than an age bracket, and sign words (영하 5도).
//
// Loaded once into Resources; everything the scan asks is prepared at load
// time (first bytes, first syllables) so that a question costs a few
// comparisons. The numeral system itself (일이삼…, 십백천만억조경) stays in
// values/numbers.cpp: it is the language's, not a list to edit.
//
// Thread-safety: immutable once loaded; share freely.
#pragma once

#include <bitset>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace news {

// ▲ 0.5%, 영하 5도: a word or mark before a number that gives its sign.
struct SignWord {
  std::string text;
  bool negative = false;
  bool temperature = false;  // 영하 5도: a temperature (degrees) follows, else a percentage
};

struct ValueWords {
  // Before an amount, part of the record: "약 ", "about ", "more than ",
  // each with the space that must follow it, and forms allowed without the
  // space ("약": 약16조원). ASCII letters are lower case (compared folded).
  std::vector<std::string> approximate_before;
  std::bitset<256> approximate_before_firsts;  // first bytes of the above
  // After an amount, not part of the record: 가량, 정도, 이상, 여.
  std::vector<std::string> approximate_after;
  // What may follow a counter in its word besides a particle: 씩, 째, 가량.
  std::vector<std::string> counter_suffixes;
  // 차량 50대, 50대의 차량: nouns of machines and vehicles.
  std::vector<std::string> machines;
  std::vector<SignWord> signs;
  // The first syllables of the words that may begin a value (약, 영하),
  // one bit per Hangul syllable from U+AC00, for the scan's start test.
  std::bitset<0xD7A3 - 0xAC00 + 1> first_syllables;

  // Reads data/value-words.txt. Throws LexiconError naming the file and
  // line of an unknown section or a malformed entry.
  static ValueWords load(const std::filesystem::path& path);
  // Parses `text` as if it were the file `name` (tests).
  static ValueWords parse(std::string_view text, const std::string& name);
};

}  // namespace news
