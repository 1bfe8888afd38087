// values/values.h — every value in an article: dates, money, percentages,
// durations and quantities, one record per occurrence.
//
// Takes the article's paragraphs (raw text; no tokenizer needed: particles
// after a value — 130억 달러를 — end the match), its publication time
// (ISO 8601, may be absent) and the lexicons in Resources; appends to the
// value lists of `entities` in reading order. A parenthesized conversion
// right after an amount — 130억 달러(약 16조8천500억원) — links the second
// record to the first (MoneyEntity::converted_from).
//
// The scan looks only at digits, numeral syllables at a word start, currency
// symbols and date words, and parses locally: no regular expressions over
// whole paragraphs (≥ 20 MB/s, see bench/values_bench.cpp).
//
// Thread-safety: a pure function of its arguments; no state between
// articles.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "news/document.h"
#include "resources.h"

namespace news {

void extract_values(const std::vector<Paragraph>& paragraphs,
                    const std::optional<std::string>& published, const Resources& resources,
                    Entities& entities);

}  // namespace news
