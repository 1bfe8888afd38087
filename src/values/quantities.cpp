#include "values/quantities.h"

#include "base/text.h"
#include "values/numbers.h"

namespace news {
namespace {

const LexiconEntry* longest_counter(std::string_view text, std::size_t pos,
                                    const Lexicon& counters) {
  const LexiconEntry* best = nullptr;
  if (pos >= text.size()) return nullptr;
  for (const LexiconEntry& entry : counters.entries()) {
    const std::string& c = entry.key;
    if (c[0] != text[pos]) continue;
    if (best && c.size() <= best->key.size()) continue;
    if (text.compare(pos, c.size(), c) != 0) continue;
    // kg, m, t: a Latin counter must not run into a longer word (3 months).
    if (is_ascii_alpha(c.back()) && pos + c.size() < text.size() &&
        is_ascii_alpha(text[pos + c.size()]))
      continue;
    best = &entry;
  }
  return best;
}

}  // namespace

std::optional<CounterMatch> counter_after(std::string_view text, std::size_t pos,
                                          const Lexicon& counters) {
  std::size_t at = pos;
  const LexiconEntry* entry = longest_counter(text, at, counters);
  if (!entry) {
    at = skip_spaces(text, pos);
    if (at == pos || at - pos > 2) return std::nullopt;
    entry = longest_counter(text, at, counters);
  }
  if (!entry) return std::nullopt;
  return CounterMatch{entry->key, at, at + entry->key.size(), at != pos};
}

}  // namespace news
