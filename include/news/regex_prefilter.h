// news/regex_prefilter.h — a cheap test that rules out a regular expression
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

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news {

struct RegexPrefilter {
  // Every group must be met: the text contains at least one of its strings
  // (each one code point in UTF-8).
  std::vector<std::vector<std::string>> required;
  // When not empty (a pattern anchored with `^`): the text's first code
  // point is in one of these ranges (from the literals, sets and groups of
  // alternatives before the first required atom: `^\[?(?:관련|함께)` → [ 관 함).
  std::vector<std::pair<char32_t, char32_t>> first;

  // False only when no match of the pattern is possible in `text`.
  bool may_match(std::string_view text) const;
  bool empty() const { return required.empty() && first.empty(); }
};

RegexPrefilter prefilter_for(std::string_view pattern);

}  // namespace news
