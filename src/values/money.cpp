#include "values/money.h"

#include <charconv>

#include "base/text.h"

namespace news {
namespace {

// Latin surfaces match case-insensitively (20 Euros, 20 EURO) and must end
// at a word boundary.
bool matches_at(std::string_view text, std::size_t pos, std::string_view surface) {
  if (pos + surface.size() > text.size()) return false;
  bool latin = false;
  for (std::size_t i = 0; i < surface.size(); ++i) {
    char a = text[pos + i], b = surface[i];
    if (is_ascii_alpha(b)) {
      latin = true;
      a = static_cast<char>(a | 0x20);
      b = static_cast<char>(b | 0x20);
    }
    if (a != b) return false;
  }
  const std::size_t end = pos + surface.size();
  if (latin && is_ascii_alpha(surface.back()) && end < text.size() && is_ascii_alpha(text[end]))
    return false;
  return true;
}

bool placed(const LexiconEntry& entry, bool after) {
  const std::string_view position =
      entry.fields.size() > 1 ? std::string_view(entry.fields[1]) : std::string_view("after");
  return position == "both" || position == (after ? "after" : "before");
}

CurrencyMatch match_from(const LexiconEntry& entry, std::size_t start) {
  CurrencyMatch m;
  m.iso = entry.fields.empty() ? std::string() : entry.fields[0];
  m.start = start;
  m.end = start + entry.key.size();
  if (entry.fields.size() > 2) {
    const std::string& e = entry.fields[2];
    std::from_chars(e.data(), e.data() + e.size(), m.exponent);
  }
  if (entry.fields.size() > 3) m.minimum = Decimal::parse(entry.fields[3]);
  return m;
}

std::optional<CurrencyMatch> longest(std::string_view text, std::size_t pos,
                                     const Lexicon& currencies, bool after) {
  const LexiconEntry* best = nullptr;
  if (pos >= text.size()) return std::nullopt;
  const char first = static_cast<char>(text[pos] | (is_ascii_alpha(text[pos]) ? 0x20 : 0));
  for (const LexiconEntry& entry : currencies.entries()) {
    // Cheap first-byte test before the full comparison: this runs at every
    // number in the article.
    const char key_first =
        static_cast<char>(entry.key[0] | (is_ascii_alpha(entry.key[0]) ? 0x20 : 0));
    if (key_first != first) continue;
    if (best && entry.key.size() <= best->key.size()) continue;
    // The text first (it fails at the second byte of most Hangul keys), then
    // the position field.
    if (matches_at(text, pos, entry.key) && placed(entry, after)) best = &entry;
  }
  if (!best) return std::nullopt;
  return match_from(*best, pos);
}

}  // namespace

std::optional<CurrencyMatch> currency_after(std::string_view text, std::size_t pos,
                                            const Lexicon& currencies) {
  if (auto m = longest(text, pos, currencies, true)) return m;
  const std::size_t spaced = skip_spaces(text, pos);
  if (spaced == pos || spaced - pos > 2) return std::nullopt;
  return longest(text, spaced, currencies, true);
}

std::optional<CurrencyMatch> currency_before(std::string_view text, std::size_t pos,
                                             const Lexicon& currencies) {
  // Currencies written before an amount are symbols and Latin codes, never
  // Hangul: skip the lookup at the start of every Korean word.
  if (pos >= text.size() || is_hangul_syllable(code_point_at(text, pos).first)) return std::nullopt;
  auto m = longest(text, pos, currencies, false);
  if (!m) return std::nullopt;
  // A Latin code glued to a preceding word (ABCUSD) is not a currency.
  if (pos > 0 && is_ascii_alpha(text[pos - 1]) && is_ascii_alpha(text[pos])) return std::nullopt;
  m->end = skip_spaces(text, m->end);
  return m;
}

std::optional<Decimal> amount_in(const CurrencyMatch& currency, const Decimal& amount) {
  if (currency.minimum && amount < *currency.minimum) return std::nullopt;
  return times_power_of_ten(amount, currency.exponent);
}

}  // namespace news
