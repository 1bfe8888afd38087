// batch/near_duplicates.h — the same article twice in a batch (MinHash/LSH).
//
// A scraper often stores one wire story twice: from two sites, or twice from
// one site with a corrected word, a dropped photo caption, a new headline.
// article_fingerprint() reduces an article to a MinHash signature of the set
// of its 5-character shingles (letters and digits only, lower-cased, so
// spacing and punctuation edits do not count: "AI 안전성 vs 수익" →
// "ai안전성", "i안전성v", …). The signature is made by one permutation
// hashing: each shingle's hash picks one of 128 bins and competes for its
// minimum; bins a short article leaves empty borrow from filled ones
// (densification). Two signatures agree in a bin with probability equal to
// the Jaccard similarity of the two shingle sets, so the share of agreeing
// bins estimates it (±0.04 at 0.8 with 128 bins).
//
// NearDuplicateIndex finds, for each article added in input order, an earlier
// first copy whose estimated similarity is at least the threshold: candidate
// pairs come from locality-sensitive hashing (32 bands of 4 positions: a
// pair at similarity 0.8 shares a band with probability 1 − 10⁻⁷), then the
// full signatures are compared. Only first copies are indexed, so every copy
// points at the original, never at another copy. Deterministic: fixed hash
// seeds, and the earliest of equally similar originals wins.
//
// Memory: about 2 KB per distinct article indexed (signature + band keys).
// Thread-safety: article_fingerprint() is a pure function; an index is used
// by one thread at a time (the one that sees results in input order).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "news/document.h"

namespace news {

inline constexpr std::size_t kMinHashSize = 128;  // signature positions
inline constexpr std::size_t kShingleLength = 5;  // code points per shingle
// Fewer shingles than this: too little text to call two articles copies.
inline constexpr std::size_t kMinShingles = 50;
// Estimated Jaccard similarity from which a later article is a copy (see
// docs/batch.md for how it was chosen and its precision/recall).
inline constexpr double kDefaultNearDuplicateThreshold = 0.7;

// A MinHash signature; empty when the article has too little text.
struct ArticleFingerprint {
  std::vector<std::uint32_t> minhash;
};

// The fingerprint of an article's text given as its paragraphs.
ArticleFingerprint article_fingerprint(const std::vector<std::string_view>& paragraphs);
// The fingerprint of an analyzed article: its paragraphs after repeats were
// collapsed, title included, bylines and boilerplate left out.
ArticleFingerprint fingerprint_of(const Document& document);

// Estimated Jaccard similarity of two fingerprints (0 if either is empty).
double estimated_similarity(const ArticleFingerprint& a, const ArticleFingerprint& b);

class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(double threshold = kDefaultNearDuplicateThreshold);

  struct Match {
    std::size_t original = 0;  // the number add() gave the first copy
    double similarity = 0;     // estimated, rounded to 3 decimals
  };

  // Adds the next article (numbered 0, 1, 2, … in call order). Returns the
  // earlier first copy it duplicates, if any; otherwise indexes it as a
  // first copy. An empty fingerprint is neither matched nor indexed.
  std::optional<Match> add(ArticleFingerprint fingerprint);

  std::size_t size() const { return added_; }

 private:
  double threshold_;
  std::size_t added_ = 0;
  std::unordered_map<std::size_t, ArticleFingerprint> originals_;  // by number
  std::unordered_map<std::uint64_t, std::size_t> bands_;           // band key → first original
};

}  // namespace news
