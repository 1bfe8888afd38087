// values/quantities.h — counters after a number: 16명, 2개, 30세, 세 차례.
//
// Takes paragraph text, the byte offset where a number ended and the counter
// lexicon (data/counters.txt, Resources::counters); gives the counter that
// follows (directly, or after one space: 두 번째, 세 차례), longest first
// (번째 before 번). Latin counters (kg, km) must end at a word boundary.
//
// Thread-safety: pure function; the lexicon is read-only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/lexicon.h"

namespace news {

struct CounterMatch {
  std::string counter;  // as written in the lexicon: 명, 번째, kg
  std::size_t start = 0;
  std::size_t end = 0;
  bool spaced = false;  // a space stood between the number and the counter
};

std::optional<CounterMatch> counter_after(std::string_view text, std::size_t pos,
                                          const Lexicon& counters);

}  // namespace news
