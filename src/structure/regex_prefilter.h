// structure/regex_prefilter.h — a cheap test that rules out a regular expression
// before ICU runs it.
//
// Most paragraphs match none of the role patterns of data/roles.txt, and
// running ICU on each (a UTF-16 copy, a matcher, a scan) was the largest
// single cost of the pipeline. Many patterns need a character that few
// paragraphs contain: `[.)]\s?/\s?…$` needs `/`, `[ⓒ©]…` needs ⓒ or ©,
// `^【…】$` needs a text that starts with 【. prefilter_for() reads an ICU
// pattern and keeps what every match must contain; may_match() is false only
// when a match is impossible, so running the regex only when it is true
// changes no result.
//
// Takes an ICU regular expression (its syntax, not checked here: ICU compiles
// it too); gives a RegexPrefilter. Conservative: only the top level of the
// pattern is read (literal characters and bracket sets of literal characters
// that are not optional, and for an anchored pattern the code points a match
// can start with); a pattern it does not fully understand (a top-level
// `|`, flags other than a leading `(?i)`, escapes such as \x or \Q) gets an
// empty filter that lets everything through.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news {

// A text and the code points it contains, as a 4096-bit Bloom filter, with
// its first one: made in one pass over the text. A prefilter asks the
// filter first and searches the text only for a word whose code points may
// all be there (a byline pattern lists twenty words: searching the text for
// each in every paragraph cost more than ICU itself). Keeps a view of `text`.
class TextSignature {
 public:
  explicit TextSignature(std::string_view text);
  // False only when `cp` is not in the text.
  bool may_have(char32_t cp) const {
    const std::uint32_t bit = slot(cp);
    return (bits_[bit >> 6] >> (bit & 63)) & 1;
  }
  // Whether the text contains `word` (UTF-8), exactly.
  bool contains(std::string_view word) const;
  char32_t first() const { return first_; }
  bool empty() const { return text_.empty(); }

 private:
  static std::uint32_t slot(char32_t cp) {
    return (static_cast<std::uint32_t>(cp) * 0x9E3779B1u) >> 20;
  }
  std::string_view text_;
  std::array<std::uint64_t, 64> bits_{};
  char32_t first_ = 0;
};

struct RegexPrefilter {
  // Every group must be met: the text contains at least one of its strings
  // (each one code point in UTF-8).
  std::vector<std::vector<std::string>> required;
  // When not empty (a pattern anchored with `^`): the text's first code
  // point is in one of these ranges (from the literals, sets and groups of
  // alternatives before the first required atom: `^\[?(?:관련|함께)` → [ 관 함).
  std::vector<std::pair<char32_t, char32_t>> first;

  // False only when no match of the pattern is possible in `text`.
  bool may_match(std::string_view text) const { return may_match(TextSignature(text)); }
  bool may_match(const TextSignature& text) const;
  bool empty() const { return required.empty() && first.empty(); }
};

RegexPrefilter prefilter_for(std::string_view pattern);

}  // namespace news
