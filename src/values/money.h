// values/money.h — currencies around an amount: 130억 달러, $13bn, EUR 20.
//
// Takes paragraph text, a byte offset and the currency lexicon
// (data/currencies.txt, loaded into Resources::currencies); gives the
// currency written right after an amount (skipping one space: 130억 달러)
// or right before one ($13bn, US$ 4.7 billion), with its ISO 4217 code.
// The longest surface wins (홍콩달러 → HKD before 달러 → USD). Particles
// after the currency (달러를) are not part of the match.
//
// Thread-safety: pure functions; the lexicon is read-only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/lexicon.h"
#include "values/numbers.h"

namespace news {

struct CurrencyMatch {
  std::string iso;        // ISO 4217 code
  std::size_t start = 0;  // byte offsets of the surface form
  std::size_t end = 0;
  int exponent = 0;                // a sub-unit: 10센트 = 10 × 10^-2 USD
  std::optional<Decimal> minimum;  // smallest amount this form is money for
};

// The currency written at `pos` or after one space, for an amount that ends
// at `pos`. Only entries placed `after` or `both`.
std::optional<CurrencyMatch> currency_after(std::string_view text, std::size_t pos,
                                            const Lexicon& currencies);

// The currency written at `pos`, before an amount: $, US$, EUR, ₩. The
// match's `end` is where the amount may start (one space skipped).
std::optional<CurrencyMatch> currency_before(std::string_view text, std::size_t pos,
                                             const Lexicon& currencies);

// The amount in the currency's main unit: 10센트 → 0.1. nullopt on overflow
// or when the amount is below the form's minimum (3불 is not money).
std::optional<Decimal> amount_in(const CurrencyMatch& currency, const Decimal& amount);

}  // namespace news
