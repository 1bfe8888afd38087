#include "batch/near_duplicates.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <utf8proc.h>

namespace news {
namespace {

constexpr std::size_t kBands = 32;
constexpr std::size_t kRowsPerBand = kMinHashSize / kBands;
static_assert(kBands * kRowsPerBand == kMinHashSize);

// splitmix64: a fixed, portable 64-bit mixer (std::hash differs between
// libraries, and a fingerprint must not).
constexpr std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Letters and digits of the text, lower-cased, as code points: what the
// shingles are made of.
void append_letters(std::string_view text, std::vector<std::int32_t>& out) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t at = 0;
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (at < size) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(bytes + at, size - at, &cp);
    if (n <= 0) {  // invalid byte: skip it
      ++at;
      continue;
    }
    at += n;
    switch (utf8proc_category(cp)) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
      case UTF8PROC_CATEGORY_ND:
      case UTF8PROC_CATEGORY_NL:
      case UTF8PROC_CATEGORY_NO:
        out.push_back(utf8proc_tolower(cp));
        break;
      default:
        break;
    }
  }
}

std::uint64_t band_key(const ArticleFingerprint& fingerprint, std::size_t band) {
  std::uint64_t key = mix(band + 1);
  for (std::size_t row = 0; row < kRowsPerBand; ++row) {
    key = mix(key ^ fingerprint.minhash[band * kRowsPerBand + row]);
  }
  return key;
}

}  // namespace

ArticleFingerprint article_fingerprint(const std::vector<std::string_view>& paragraphs) {
  std::vector<std::int32_t> letters;
  for (std::string_view paragraph : paragraphs) append_letters(paragraph, letters);
  ArticleFingerprint fingerprint;
  if (letters.size() < kShingleLength || letters.size() - kShingleLength + 1 < kMinShingles) {
    return fingerprint;
  }
  // One permutation hashing: each shingle's 64-bit hash picks a bin (its
  // top 7 bits) and competes for that bin's minimum (its low 32 bits) — one
  // hash per shingle instead of 128, with the same estimate of the Jaccard
  // similarity (Li, Owen & Zhang 2012).
  constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
  std::array<std::uint32_t, kMinHashSize> minimum;
  minimum.fill(kEmpty);
  static_assert(kMinHashSize == 128, "the bin is the top 7 bits of the hash");
  for (std::size_t i = 0; i + kShingleLength <= letters.size(); ++i) {
    std::uint64_t shingle = 0xCBF29CE484222325ULL;
    for (std::size_t k = 0; k < kShingleLength; ++k) {
      shingle = mix(shingle ^ static_cast<std::uint32_t>(letters[i + k]));
    }
    const std::size_t bin = shingle >> 57;
    minimum[bin] = std::min(minimum[bin], static_cast<std::uint32_t>(shingle) & 0xFFFFFFFEU);
  }
  // A short article leaves bins empty: each borrows the value of a filled
  // bin chosen by a fixed hash of (bin, attempt), the same for every article,
  // so equal texts still agree ("optimal densification", Shrivastava 2017).
  // The borrowed value is marked (lowest bit set) so it only matches a
  // value borrowed the same way.
  std::array<std::uint32_t, kMinHashSize> densified = minimum;
  for (std::size_t bin = 0; bin < kMinHashSize; ++bin) {
    if (minimum[bin] != kEmpty) continue;
    for (std::uint64_t attempt = 1;; ++attempt) {
      const std::size_t donor = mix(bin * 0x100000001B3ULL + attempt) >> 57;
      if (minimum[donor] != kEmpty) {
        densified[bin] = minimum[donor] | 1U;
        break;
      }
    }
  }
  fingerprint.minhash.assign(densified.begin(), densified.end());
  return fingerprint;
}

ArticleFingerprint fingerprint_of(const Document& document) {
  std::vector<std::string_view> paragraphs;
  paragraphs.reserve(document.paragraphs.size());
  for (const Paragraph& paragraph : document.paragraphs) {
    // A site's bylines and boilerplate (a column's author footer, 무단 전재
    // 금지) are the same under different stories: they would pair them up.
    if (paragraph.role == Role::kByline || paragraph.role == Role::kBoilerplate) continue;
    paragraphs.emplace_back(paragraph.text);
  }
  return article_fingerprint(paragraphs);
}

double estimated_similarity(const ArticleFingerprint& a, const ArticleFingerprint& b) {
  if (a.minhash.empty() || a.minhash.size() != b.minhash.size()) return 0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < a.minhash.size(); ++i) equal += a.minhash[i] == b.minhash[i];
  return static_cast<double>(equal) / static_cast<double>(a.minhash.size());
}

NearDuplicateIndex::NearDuplicateIndex(double threshold) : threshold_(threshold) {}

std::optional<NearDuplicateIndex::Match> NearDuplicateIndex::add(ArticleFingerprint fingerprint) {
  const std::size_t number = added_++;
  if (fingerprint.minhash.size() != kMinHashSize) return std::nullopt;
  std::array<std::uint64_t, kBands> keys{};
  std::optional<Match> best;
  for (std::size_t band = 0; band < kBands; ++band) {
    keys[band] = band_key(fingerprint, band);
    const auto found = bands_.find(keys[band]);
    if (found == bands_.end()) continue;
    const std::size_t candidate = found->second;
    const double similarity = estimated_similarity(fingerprint, originals_.at(candidate));
    if (similarity < threshold_) continue;
    if (!best || similarity > best->similarity ||
        (similarity == best->similarity && candidate < best->original)) {
      best = Match{candidate, similarity};
    }
  }
  if (best) {
    best->similarity = std::round(best->similarity * 1000) / 1000;
    return best;
  }
  for (std::size_t band = 0; band < kBands; ++band) bands_.try_emplace(keys[band], number);
  originals_.emplace(number, std::move(fingerprint));
  return std::nullopt;
}

}  // namespace news
