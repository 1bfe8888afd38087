#include "names/ner_model.h"

#include "base/hash.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace news {

const char* to_string(NerType type) {
  switch (type) {
    case NerType::kPerson:
      return "person";
    case NerType::kOrganization:
      return "organization";
    case NerType::kLocation:
      return "location";
    case NerType::kDate:
      return "date";
    case NerType::kTime:
      return "time";
    case NerType::kQuantity:
      return "quantity";
  }
  return "unknown";
}

namespace ner {

// So that what the model learned about one spelling holds for all: “” and ‘’
// → " and ', fullwidth ASCII → ASCII, the middle dots ㆍ and ・ → ·.
char32_t normalize(char32_t c) {
  if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F) return U'"';
  if (c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B) return U'\'';
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;
  if (c == 0x318D || c == 0x30FB || c == 0x2027) return 0x00B7;
  return c;
}

namespace {

constexpr float kImpossible = -std::numeric_limits<float>::infinity();

// ---- characters -----------------------------------------------------------

// What kind of character a code point is; features combine these classes so
// that unseen names still share evidence (any Hangul syllable, any digit).
enum CharClass : std::uint64_t {
  kSpace = 1,
  kHangul,
  kJamo,
  kUpper,
  kLower,
  kDigit,
  kHan,
  kOpen,
  kClose,
  kQuote,
  kDot,
  kComma,
  kDash,
  kSymbol,
  kOtherLetter,
  kBoundary
};

CharClass class_of(char32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0) return kSpace;
  if (c >= 0xAC00 && c <= 0xD7A3) return kHangul;
  if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F)) return kJamo;
  if ((c >= 'A' && c <= 'Z') || (c >= 0xFF21 && c <= 0xFF3A)) return kUpper;
  if ((c >= 'a' && c <= 'z') || (c >= 0xFF41 && c <= 0xFF5A)) return kLower;
  if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) return kDigit;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) return kHan;
  switch (c) {
    case '(':
    case '[':
    case '{':
    case '<':
    case 0x300A:
    case 0x3008:
    case 0x300C:
    case 0x300E:
    case 0x3010:
    case 0x201C:
    case 0x2018:
    case 0xFF08:
      return kOpen;
    case ')':
    case ']':
    case '}':
    case '>':
    case 0x300B:
    case 0x3009:
    case 0x300D:
    case 0x300F:
    case 0x3011:
    case 0x201D:
    case 0x2019:
    case 0xFF09:
      return kClose;
    case '"':
    case '\'':
    case '`':
      return kQuote;
    case '.':
    case 0x2026:
    case 0x00B7:
    case 0x318D:
      return kDot;
    case ',':
      return kComma;
    case '-':
    case 0x2013:
    case 0x2014:
    case '~':
    case 0x223C:
      return kDash;
    default:
      break;
  }
  if (c < 0x80 || (c >= 0x2000 && c <= 0x2BFF)) return kSymbol;
  return kOtherLetter;
}

bool is_space(char32_t c) {
  return class_of(c) == kSpace;
}

// A quote at the edge of a span is never part of the name (“알트먼 → 알트먼).
bool is_quote(char32_t c) {
  const char32_t n = normalize(c);
  return n == U'"' || n == U'\'' || n == U'`';
}

// ---- hashing ----------------------------------------------------------------

// mix64 (hash.h) is fixed and platform-independent: the model file must mean
// the same thing on every build.
inline std::uint64_t step(std::uint64_t h, std::uint64_t v) {
  h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}
// A feature's hash: each part multiplied by its own odd constant (so order
// matters), folded and mixed once more so that the top bits, which pick the
// table row, depend on every part. Independent multiplies, not a chain: the
// features of a character are hashed in parallel.
inline std::uint64_t rotate(std::uint64_t v, int r) {
  return v << r | v >> (64 - r);
}
inline std::uint64_t feature(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b = 0,
                             std::uint64_t c = 0) {
  std::uint64_t h = (tmpl + 1) * 0xD6E8FEB86659FD93ULL ^ a * 0x9E3779B97F4A7C15ULL ^
                    rotate(b * 0xC2B2AE3D27D4EB4FULL, 21) ^ rotate(c * 0x165667B19E3779F9ULL, 42);
  h ^= h >> 32;
  return h * 0xFF51AFD7ED558CCDULL;
}

// Characters beyond the text: distinct from every code point.
constexpr std::uint64_t kBeforeText = 0x110001;
constexpr std::uint64_t kAfterText = 0x110002;
constexpr std::uint64_t kNoWord = 0x110003;

// Where a character stands in its eojeol: single, first, middle, last, a space.
enum WordPosition : std::uint64_t { kSingle = 1, kFirst, kMiddle, kLast, kBetween };

// Particles and endings removed to find a word's stem, longest first. Part
// of the model's definition (the clusters are keyed by stems), so it is code,
// not a data file.
constexpr std::u32string_view kEndings[] = {
    U"에서는", U"으로는", U"에서의", U"이라는", U"에게서", U"으로", U"에서", U"에게",
    U"까지",   U"부터",   U"와의",   U"과의",   U"에는",   U"에도", U"이다", U"이며",
    U"이고",   U"이나",   U"라는",   U"와",     U"과",     U"의",   U"은",   U"는",
    U"이",     U"가",     U"을",     U"를",     U"에",     U"로",   U"도",   U"만"};

bool is_word_character(char32_t c) {
  switch (class_of(c)) {
    case kHangul:
    case kJamo:
    case kUpper:
    case kLower:
    case kDigit:
    case kHan:
    case kOtherLetter:
      return true;
    default:
      return false;
  }
}

}  // namespace

StemRange stem_of(const char32_t* word, std::size_t length) {
  StemRange range;
  std::size_t begin = 0, end = length;
  while (begin < end && !is_word_character(word[begin])) ++begin;
  while (end > begin && !is_word_character(word[end - 1])) --end;
  range.begin = begin;
  range.end = end;
  range.particle_end = end;
  for (std::u32string_view ending : kEndings) {
    if (end - begin > ending.size() && word[end - 1] == ending.back() &&
        std::u32string_view(word + end - ending.size(), ending.size()) == ending) {
      range.end = end - ending.size();
      break;
    }
  }
  return range;
}

std::uint64_t stem_key(const char32_t* chars, std::size_t length) {
  std::uint64_t h = 0x3C6EF372FE94F82BULL ^ length;
  for (std::size_t i = 0; i < length; ++i) h = step(h, normalize(chars[i]));
  return mix64(h);
}

WordClusters::WordClusters(std::vector<std::pair<std::uint64_t, std::uint16_t>> entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& entry : entries) {
    if (entry.second == 0) continue;
    if (entries_.empty() || entries_.back().first != entry.first) entries_.push_back(entry);
  }
  // Open addressing, at most half full: a lookup is one probe, mostly (a
  // binary search over 60,000 keys was 7% of the labelling time). A slot is
  // 8 bytes, the key's top 48 bits and the cluster: the table is 1 MB instead
  // of 2 and stays in cache better (a stem not in the table matches another's
  // 48 bits with odds of 1 in 4·10⁹).
  std::size_t size = 16;
  while (size < 2 * entries_.size()) size *= 2;
  slots_.assign(size, 0);
  for (const auto& [key, id] : entries_) {
    std::size_t i = (key >> 16) & (size - 1);
    bool taken = false;
    for (; slots_[i] != 0; i = (i + 1) & (size - 1))
      taken = taken || ((slots_[i] ^ key) >> 16) == 0;
    if (!taken) slots_[i] = (key & ~std::uint64_t{0xFFFF}) | id;
  }
}

void WordClusters::prefetch(std::uint64_t key) const {
  if (!slots_.empty()) __builtin_prefetch(&slots_[(key >> 16) & (slots_.size() - 1)]);
}

std::uint16_t WordClusters::find(std::uint64_t key) const {
  if (slots_.empty()) return 0;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = (key >> 16) & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) return 0;  // an empty slot: cluster ids start at 1
    if (((slot ^ key) >> 16) == 0) return static_cast<std::uint16_t>(slot & 0xFFFF);
  }
}

CodePoints decode(std::string_view text) {
  CodePoints out;
  out.chars.reserve(text.size());
  out.offsets.reserve(text.size() + 1);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    out.offsets.push_back(i);
    const unsigned char b = s[i];
    char32_t c = 0xFFFD;
    std::size_t length = 1;
    if (b < 0x80) {
      c = b;
    } else if (b >= 0xC2 && b <= 0xF4) {
      const std::size_t need = b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4);
      if (i + need <= n) {
        char32_t v = b & (need == 2 ? 0x1F : (need == 3 ? 0x0F : 0x07));
        bool ok = true;
        for (std::size_t k = 1; k < need; ++k) {
          if ((s[i + k] & 0xC0) != 0x80) {
            ok = false;
            break;
          }
          v = (v << 6) | (s[i + k] & 0x3F);
        }
        const char32_t minimum = need == 2 ? 0x80 : (need == 3 ? 0x800 : 0x10000);
        if (ok && v >= minimum && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF)) {
          c = v;
          length = need;
        }
      }
    }
    out.chars.push_back(c);
    i += length;
  }
  out.offsets.push_back(n);
  return out;
}

namespace {

// What the stem lexicon (see StemLexicon in ner_model.h) says about a word,
// packed into one small integer that features combine with the character's
// place in the word. Whole-stem flags, then what the stem's edges look like.
std::uint64_t lexicon_code(const char32_t* stem, std::size_t length, const WordClusters& lexicon) {
  if (length == 0 || lexicon.empty()) return 0;
  std::uint64_t code = lexicon.find(stem_key(stem, length)) & kLexiconWholeWord;
  // 김민수, 남궁민: a surname then one to three syllables, all Hangul.
  bool hangul = true;
  for (std::size_t i = 0; i < length && hangul; ++i) hangul = class_of(stem[i]) == kHangul;
  if (hangul && length >= 2 && length <= 5) {
    for (std::size_t s = 1; s <= 2 && s < length; ++s) {
      if (length - s <= 3 && (lexicon.find(stem_key(stem, s)) & kLexiconSurname)) {
        code |= std::uint64_t{length - s} << 12;  // syllables after the surname: 1, 2, 3
        break;
      }
    }
  }
  // The stem's last one to four characters: 삼성[전자], 강남[구], 김철수[씨].
  constexpr std::uint16_t kEdges =
      kLexiconOrgSuffix | kLexiconPlaceUnit | kLexiconRole | kLexiconHonorific;
  for (std::size_t k = std::min<std::size_t>(4, length - 1); k >= 1; --k) {
    const std::uint16_t flags = lexicon.find(stem_key(stem + length - k, k)) & kEdges;
    if (flags != 0) {
      code |= std::uint64_t{flags} << 16;
      break;
    }
  }
  return code;
}

// Per character of the text being featurized.
struct CharInfo {
  char32_t c = 0;            // normalized
  std::uint32_t word = 0;    // index into the words; kNone for a space
  std::uint64_t cls = 0;     // CharClass
  std::uint64_t prefix = 0;  // hash of the word from its start through this character
  std::uint64_t suffix = 0;  // hash of the word from this character through its end
  std::uint64_t stem_position =
      0;  // 1 before the stem, 2-5 in it (first/middle/last/only), 6 after
};
// Per eojeol.
struct WordInfo {
  std::uint32_t start = 0, end = 0;  // character indices
  std::uint64_t hash = 0, last_two = 0, first_two = 0, cluster = 0, lexicon = 0;
  std::uint64_t gazetteer = 0;  // gazetteer_flag bits of the stem
};
constexpr std::uint32_t kNone = 0xFFFFFFFF;

}  // namespace

void extract_features(const std::vector<char32_t>& text, std::vector<std::uint64_t>& hashes,
                      const WordClusters& clusters, const WordClusters& lexicon) {
  FeatureTables tables;
  tables.clusters = clusters;
  tables.lexicon = lexicon;
  extract_features(text, hashes, tables);
}

void extract_features(const std::vector<char32_t>& text, std::vector<std::uint64_t>& hashes,
                      const FeatureTables& tables) {
  const WordClusters& clusters = tables.clusters;
  const WordClusters& lexicon = tables.lexicon;
  const std::size_t n = text.size();
  hashes.resize(n * kFeaturesPerChar);
  if (n == 0) return;
  std::vector<CharInfo> at(n);
  std::vector<char32_t> chars(n);
  for (std::size_t i = 0; i < n; ++i) {
    chars[i] = at[i].c = normalize(text[i]);
    at[i].cls = class_of(chars[i]);
  }
  std::vector<WordInfo> words;
  std::size_t i = 0;
  while (i < n) {
    if (at[i].cls == kSpace) {
      at[i].word = kNone;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && at[j].cls != kSpace) ++j;
    WordInfo word;
    word.start = static_cast<std::uint32_t>(i);
    word.end = static_cast<std::uint32_t>(j);
    const auto index = static_cast<std::uint32_t>(words.size());
    std::uint64_t h = 0x51ED270B27F5A2D1ULL;
    for (std::size_t k = i; k < j; ++k) {
      h = step(h, chars[k]);
      at[k].prefix = h;
      at[k].word = index;
    }
    std::uint64_t r = 0x2545F4914F6CDD1DULL;
    for (std::size_t k = j; k-- > i;) {
      r = step(r, chars[k]);
      at[k].suffix = r;
    }
    word.hash = h;
    const StemRange stem = stem_of(&chars[i], j - i);
    if (stem.begin < stem.end) {
      // The cluster is looked up once every word is known: the table is a
      // megabyte, so ask for all the slots first (clusters.prefetch).
      word.cluster = stem_key(&chars[i + stem.begin], stem.end - stem.begin);
      clusters.prefetch(word.cluster);
      word.gazetteer = tables.gazetteer.find(word.cluster);
    } else {
      word.cluster = kNoWord;
    }
    word.lexicon = lexicon_code(chars.data() + i + stem.begin, stem.end - stem.begin, lexicon);
    for (std::size_t k = i; k < j; ++k) {
      const std::size_t q = k - i;
      at[k].stem_position =
          q < stem.begin
              ? 1
              : (q < stem.end ? (q == stem.begin ? 2 : 3) + (q + 1 == stem.end ? 2 : 0) : 6);
    }
    word.last_two = (j - i >= 2) ? step(chars[j - 2], chars[j - 1]) : step(kNoWord, chars[j - 1]);
    word.first_two = (j - i >= 2) ? step(chars[i], chars[i + 1]) : step(chars[i], kNoWord);
    words.push_back(word);
    i = j;
  }

  for (WordInfo& word : words) {
    if (word.cluster != kNoWord) word.cluster = clusters.find(word.cluster);
  }

  auto ch = [&](std::ptrdiff_t k) -> std::uint64_t {
    if (k < 0) return kBeforeText;
    if (k >= static_cast<std::ptrdiff_t>(n)) return kAfterText;
    return chars[static_cast<std::size_t>(k)];
  };
  auto cl = [&](std::ptrdiff_t k) -> std::uint64_t {
    if (k < 0 || k >= static_cast<std::ptrdiff_t>(n)) return kBoundary;
    return at[static_cast<std::size_t>(k)].cls;
  };
  const WordInfo kBefore{0, 0, kBeforeText, kBeforeText, kBeforeText, kBeforeText, 0, 0};
  const WordInfo kAfter{0, 0, kAfterText, kAfterText, kAfterText, kAfterText, 0, 0};

  std::uint64_t* out = hashes.data();
  // The word before a space is the last word seen; the word after it the next one.
  std::size_t next_word_index = 0;
  for (std::size_t p = 0; p < n; ++p, out += kFeaturesPerChar) {
    const auto k = static_cast<std::ptrdiff_t>(p);
    const CharInfo& here = at[p];
    const bool space = here.word == kNone;
    if (!space) next_word_index = here.word + 1;
    // Between words, "before" is the word just read and "after" the next one.
    const std::size_t own = space ? kNone : here.word;
    const std::size_t before_index = space ? next_word_index : own;  // words[before_index - 1]
    const WordInfo& before = before_index == 0 ? kBefore : words[before_index - 1];
    const WordInfo& after = next_word_index < words.size() ? words[next_word_index] : kAfter;
    const std::uint64_t c0 = here.c, cm1 = ch(k - 1), cm2 = ch(k - 2), cp1 = ch(k + 1),
                        cp2 = ch(k + 2);
    WordPosition position = kBetween;
    std::uint64_t to_end = 0, whole = kNoWord, own_prefix = kNoWord, own_suffix = kNoWord;
    std::uint64_t last_char = kNoWord, last_pair = kNoWord, own_cluster = kNoWord;
    std::uint64_t own_lexicon = 0, own_gazetteer = 0;
    if (!space) {
      const WordInfo& word = words[own];
      const std::size_t length = word.end - word.start;
      position = length == 1 ? kSingle
                             : (p == word.start ? kFirst : (p + 1 == word.end ? kLast : kMiddle));
      to_end = std::min<std::size_t>(word.end - 1 - p, 3);
      whole = word.hash;
      own_prefix = here.prefix;
      own_suffix = here.suffix;
      last_char = chars[word.end - 1];
      last_pair = word.last_two;
      own_cluster = word.cluster;
      own_lexicon = word.lexicon;
      own_gazetteer = word.gazetteer;
    }
    const std::uint64_t where = here.stem_position;
    // Words with a title beside them: [김민수] 대표, 기자 [김민수], CEO [사티아] 나델라.
    const std::uint64_t lexicon_next = after.lexicon & kLexiconWholeWord;
    const std::uint64_t lexicon_before = before.lexicon & kLexiconWholeWord;
    const std::uint64_t shape = own_lexicon >> 12 & 0xF;

    out[0] = feature(0, 1);
    out[1] = feature(1, c0);
    out[2] = feature(2, cm1);
    out[3] = feature(3, cp1);
    out[4] = feature(4, cm2);
    out[5] = feature(5, cp2);
    out[6] = feature(6, cm1, c0);
    out[7] = feature(7, c0, cp1);
    out[8] = feature(8, cm2, cm1);
    out[9] = feature(9, cp1, cp2);
    out[10] = feature(10, cm1, c0, cp1);
    out[11] = feature(11, cm2, cm1, c0);
    out[12] = feature(12, c0, cp1, cp2);
    out[13] = feature(13, cl(k - 1), cl(k), cl(k + 1));
    out[14] = feature(14, cl(k - 2) << 16 | cl(k - 1) << 8 | cl(k), cl(k + 1) << 8 | cl(k + 2));
    out[15] = feature(15, position, c0);
    out[16] = feature(16, whole);
    out[17] = feature(17, before.hash);
    out[18] = feature(18, after.hash);
    out[19] = feature(19, last_char, to_end, position);  // 알트먼[이]: a particle at the end
    out[20] = feature(20, last_pair, to_end, position);
    out[21] = feature(21, own_prefix);  // [알트먼]이 at 먼: what the word is so far
    out[22] = feature(22, own_suffix);  // 알트먼[이] at 이: what is left of it
    out[23] = feature(23, before.last_two, position);  // 최고경영자(CEO) [사티아
    out[24] = feature(24, after.first_two, position);  // 나델라 [마이]크로소프트
    out[25] = feature(25, own_cluster, where);         // 나델라: a cluster of foreign names
    out[26] = feature(26, before.cluster, own_cluster);
    out[27] = feature(27, own_cluster, after.cluster);  // [name cluster] [title cluster]
    out[28] = feature(28, before.cluster, where);
    // Lexicon features exist only where the lexicon says something (a
    // feature present everywhere would be a second bias).
    out[29] = own_lexicon ? feature(29, own_lexicon, where) : kAbsent;  // 삼성[전자], [김민수]
    out[30] = (shape | lexicon_next) ? feature(30, shape, lexicon_next, where)
                                     : kAbsent;  // [김민수] 대표
    out[31] = (lexicon_before | shape) ? feature(31, lexicon_before, shape, where)
                                       : kAbsent;  // 기자 [김민수]
    // The gazetteer: the word, and the word with its neighbours (나탈리 [포트만]).
    out[32] = own_gazetteer ? feature(32, own_gazetteer, where) : kAbsent;
    out[33] = (before.gazetteer | own_gazetteer)
                  ? feature(33, before.gazetteer, own_gazetteer, where)
                  : kAbsent;
    out[34] = (own_gazetteer | after.gazetteer) ? feature(34, own_gazetteer, after.gazetteer, where)
                                                : kAbsent;
  }
}

std::vector<int> best_tags(const std::vector<float>& emissions, std::size_t n,
                           const std::vector<float>& transitions,
                           const std::vector<std::uint16_t>& allowed) {
  std::vector<int> tags(n, 0);
  if (n == 0) return tags;
  constexpr int T = kTagCount;
  // The BIO constraint: I-t only after B-t or I-t, never first.
  auto legal = [](int from, int to) {
    if (to == 0 || (to & 1) == 1) return true;  // O or B-t
    return from == to || from == to - 1;
  };
  std::vector<float> score(n * T);
  std::vector<std::uint8_t> back(n * T, 0);
  for (int y = 0; y < T; ++y) {
    const bool ok = (y == 0 || (y & 1) == 1) && (allowed.empty() || (allowed[0] >> y & 1));
    score[y] = ok ? transitions[T * T + y] + emissions[y] : kImpossible;
  }
  for (std::size_t i = 1; i < n; ++i) {
    const float* previous = &score[(i - 1) * T];
    for (int y = 0; y < T; ++y) {
      if (!allowed.empty() && !(allowed[i] >> y & 1)) {
        score[i * T + y] = kImpossible;
        continue;
      }
      float best = kImpossible;
      int from = 0;
      for (int x = 0; x < T; ++x) {
        if (!legal(x, y) || previous[x] == kImpossible) continue;
        const float s = previous[x] + transitions[x * T + y];
        if (s > best) {
          best = s;
          from = x;
        }
      }
      score[i * T + y] = best == kImpossible ? kImpossible : best + emissions[i * T + y];
      back[i * T + y] = static_cast<std::uint8_t>(from);
    }
  }
  int last = 0;
  for (int y = 1; y < T; ++y) {
    if (score[(n - 1) * T + y] > score[(n - 1) * T + last]) last = y;
  }
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = last;
    last = back[i * T + last];
  }
  return tags;
}

std::vector<TagSpan> spans_of(const std::vector<int>& tags) {
  std::vector<TagSpan> spans;
  std::size_t i = 0;
  while (i < tags.size()) {
    const int tag = tags[i];
    if (tag == 0) {
      ++i;
      continue;
    }
    const int type = (tag - 1) / 2;
    std::size_t j = i + 1;
    while (j < tags.size() && tags[j] == 2 + 2 * type) ++j;
    spans.push_back({i, j, static_cast<NerType>(type)});
    i = j;
  }
  return spans;
}

// ---- the file ---------------------------------------------------------------
//
// Little-endian throughout:
//   "NEWSNER\0"  magic
//   u32 version (4), u32 tag count, u32 row width, u32 features per char,
//   u32 table bits, u32 stored rows, u32 word clusters, u32 lexicon entries,
//   u32 gazetteer entries, f32 quantization scale,
//   f32 confidence scale, u64 payload bytes, u64 payload checksum
//   payload: (kTagCount+1)×kTagCount f32 transitions (weight units),
//            then per stored row: u32 slot (ascending), i8 exponent e, kTagCount × i8
//            (weight = value × 2^(e/8) / quantization scale),
//            then per word cluster entry: u64 stem key (ascending), u16 cluster,
//            then per stem lexicon entry: u64 stem key (ascending), u16 flags,
//            then the gazetteer likewise (u16 gazetteer flags).
namespace {

constexpr char kMagic[8] = {'N', 'E', 'W', 'S', 'N', 'E', 'R', '\0'};
constexpr std::uint32_t kVersion = 4;
constexpr std::size_t kHeaderBytes = 8 + 9 * 4 + 2 * 4 + 2 * 8;
constexpr std::size_t kClusterBytes = 8 + 2;
constexpr std::size_t kRowBytes = 4 + 1 + kTagCount;

std::uint64_t checksum(std::string_view bytes) {
  // 64-bit multiply-xor over 8-byte words: fast enough for megabytes at load.
  std::uint64_t h = 0x84222325CBF29CE4ULL ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w = 0;
    for (int k = 7; k >= 0; --k) w = w << 8 | static_cast<unsigned char>(bytes[i + k]);
    h = (h ^ w) * 0x100000001B3ULL;
    h ^= h >> 31;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001B3ULL;
  return mix64(h);
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>(v >> (8 * k) & 0xFF));
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int k = 0; k < 8; ++k) out.push_back(static_cast<char>(v >> (8 * k) & 0xFF));
}
void put_f32(std::string& out, float f) {
  std::uint32_t v;
  std::memcpy(&v, &f, 4);
  put_u32(out, v);
}
std::uint32_t get_u32(const char* p) {
  std::uint32_t v = 0;
  for (int k = 3; k >= 0; --k) v = v << 8 | static_cast<unsigned char>(p[k]);
  return v;
}
std::uint64_t get_u64(const char* p) {
  std::uint64_t v = 0;
  for (int k = 7; k >= 0; --k) v = v << 8 | static_cast<unsigned char>(p[k]);
  return v;
}
float get_f32(const char* p) {
  const std::uint32_t v = get_u32(p);
  float f;
  std::memcpy(&f, &v, 4);
  return f;
}

}  // namespace

std::string serialize(const ModelParameters& parameters) {
  const std::size_t rows = std::size_t{1} << parameters.table_bits;
  float largest = 0.0f;
  for (float w : parameters.weights) largest = std::max(largest, std::fabs(w));
  const float scale = largest > 0.0f ? 32767.0f / largest : 1.0f;

  std::string payload;
  for (float t : parameters.transitions) put_f32(payload, t * scale);
  std::uint32_t stored = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    // 8 bits per weight with a per-row power-of-2^(1/8) multiplier: half the
    // memory of 16 bits, so more of the table stays in cache when labelling.
    float row_largest = 0.0f;
    for (int y = 0; y < kTagCount; ++y) {
      row_largest = std::max(row_largest, std::fabs(parameters.weights[r * kRowWidth + y] * scale));
    }
    if (row_largest < 0.5f) continue;  // rounds to zero at the finest step anyway
    const int exponent = std::clamp(
        static_cast<int>(std::ceil(8.0 * std::log2(static_cast<double>(row_largest) / 127.0))),
        -127, 127);
    const double multiplier = std::exp2(exponent / 8.0);
    std::array<std::int8_t, kTagCount> q{};
    bool any = false;
    for (int y = 0; y < kTagCount; ++y) {
      const long v = std::lround(parameters.weights[r * kRowWidth + y] * scale / multiplier);
      q[y] = static_cast<std::int8_t>(std::clamp(v, -127L, 127L));
      any = any || q[y] != 0;
    }
    if (!any) continue;
    ++stored;
    put_u32(payload, static_cast<std::uint32_t>(r));
    payload.push_back(static_cast<char>(static_cast<std::int8_t>(exponent)));
    for (std::int8_t v : q) payload.push_back(static_cast<char>(v));
  }

  for (const WordClusters* table :
       {&parameters.clusters, &parameters.lexicon, &parameters.gazetteer}) {
    for (const auto& [key, id] : table->entries()) {
      put_u64(payload, key);
      payload.push_back(static_cast<char>(id & 0xFF));
      payload.push_back(static_cast<char>(id >> 8));
    }
  }

  std::string out(kMagic, 8);
  put_u32(out, kVersion);
  put_u32(out, kTagCount);
  put_u32(out, kRowWidth);
  put_u32(out, kFeaturesPerChar);
  put_u32(out, static_cast<std::uint32_t>(parameters.table_bits));
  put_u32(out, stored);
  put_u32(out, static_cast<std::uint32_t>(parameters.clusters.entries().size()));
  put_u32(out, static_cast<std::uint32_t>(parameters.lexicon.entries().size()));
  put_u32(out, static_cast<std::uint32_t>(parameters.gazetteer.entries().size()));
  put_f32(out, scale);
  put_f32(out, parameters.confidence_scale * scale);
  put_u64(out, payload.size());
  put_u64(out, checksum(payload));
  return out + payload;
}

}  // namespace ner

NerModel NerModel::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw NerModelError(path.string() + ": cannot read the model file");
  const std::streamoff size = in.tellg();
  if (size < 0) throw NerModelError(path.string() + ": cannot read the model file");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size))
    throw NerModelError(path.string() + ": cannot read the model file");
  return parse(bytes, path.string());
}

NerModel NerModel::parse(std::string_view bytes, const std::string& name) {
  using namespace ner;
  auto fail = [&](const std::string& why) { return NerModelError(name + ": " + why); };
  if (bytes.size() < kHeaderBytes) throw fail("truncated model file (no complete header)");
  const char* p = bytes.data();
  if (std::memcmp(p, kMagic, 8) != 0) throw fail("not an NER model file (bad magic)");
  if (get_u32(p + 8) != kVersion) {
    throw fail("model file version " + std::to_string(get_u32(p + 8)) + ", this program reads " +
               std::to_string(kVersion));
  }
  if (get_u32(p + 12) != kTagCount || get_u32(p + 16) != kRowWidth ||
      get_u32(p + 20) != kFeaturesPerChar) {
    throw fail("model file made for another tag set or feature set");
  }
  const std::uint32_t bits = get_u32(p + 24);
  const std::uint32_t stored = get_u32(p + 28);
  const std::uint32_t cluster_entries = get_u32(p + 32);
  const std::uint32_t lexicon_entries = get_u32(p + 36);
  const std::uint32_t gazetteer_entries = get_u32(p + 40);
  const float scale = get_f32(p + 44);
  const float confidence_scale = get_f32(p + 48);
  const std::uint64_t payload_bytes = get_u64(p + 52);
  const std::uint64_t expected_sum = get_u64(p + 60);
  if (bits < 8 || bits > 26) throw fail("implausible table size 2^" + std::to_string(bits));
  if (!(scale > 0.0f) || !std::isfinite(scale) || !(confidence_scale > 0.0f) ||
      !std::isfinite(confidence_scale)) {
    throw fail("invalid scale in the header");
  }
  const std::uint64_t transition_bytes = 4ULL * (kTagCount + 1) * kTagCount;
  if (stored > (1ULL << bits) ||
      payload_bytes != transition_bytes + kRowBytes * std::uint64_t{stored} +
                           kClusterBytes * (std::uint64_t{cluster_entries} + lexicon_entries +
                                            gazetteer_entries)) {
    throw fail("inconsistent sizes in the header");
  }
  if (bytes.size() - kHeaderBytes < payload_bytes) {
    throw fail("truncated model file (" + std::to_string(bytes.size()) + " bytes, expected " +
               std::to_string(kHeaderBytes + payload_bytes) + ")");
  }
  if (bytes.size() - kHeaderBytes > payload_bytes) throw fail("trailing bytes after the model");
  const std::string_view payload = bytes.substr(kHeaderBytes);
  if (checksum(payload) != expected_sum) throw fail("corrupt model file (checksum mismatch)");

  NerModel model;
  model.table_bits_ = static_cast<int>(bits);
  model.stored_rows_ = stored;
  model.confidence_scale_ = confidence_scale;
  const char* q = payload.data();
  model.transitions_.resize((kTagCount + 1) * kTagCount);
  for (float& t : model.transitions_) {
    t = get_f32(q);
    if (!std::isfinite(t)) throw fail("invalid transition weight");
    q += 4;
  }
  model.allowed_transitions_ = model.transitions_;
  for (int from = 0; from <= kTagCount; ++from) {
    for (int to = 2; to < kTagCount; to += 2) {  // I-t only after B-t or I-t, never first
      if (from != to && from != to - 1)
        model.allowed_transitions_[from * kTagCount + to] = kImpossible;
    }
  }
  // Padded to kRowWidth lanes for the vectorized passes of `label`:
  // forward_transitions_[x][y] (row kTagCount: the start), and the transpose
  // backward_transitions_[y][x]; padding lanes are −∞.
  model.forward_transitions_.assign((kTagCount + 1) * kRowWidth, kImpossible);
  model.backward_transitions_.assign(kTagCount * kRowWidth, kImpossible);
  for (int from = 0; from <= kTagCount; ++from) {
    for (int to = 0; to < kTagCount; ++to) {
      const float t = model.allowed_transitions_[from * kTagCount + to];
      model.forward_transitions_[from * kRowWidth + to] = t;
      if (from < kTagCount) model.backward_transitions_[to * kRowWidth + from] = t;
    }
  }
  for (int e = 0; e < 256; ++e) {
    model.row_multipliers_[static_cast<std::size_t>(e)] =
        static_cast<float>(std::exp2(static_cast<std::int8_t>(e) / 8.0));
  }
  model.weights_.assign((std::size_t{1} << bits) * kRowWidth, 0);
  std::int64_t previous = -1;
  for (std::uint32_t r = 0; r < stored; ++r, q += kRowBytes) {
    const std::uint32_t slot = get_u32(q);
    if (static_cast<std::int64_t>(slot) <= previous || slot >= (1ULL << bits)) {
      throw fail("corrupt model file (row index out of order)");
    }
    previous = slot;
    std::int8_t* row = &model.weights_[std::size_t{slot} * kRowWidth];
    row[kExponentByte] = static_cast<std::int8_t>(q[4]);
    for (int y = 0; y < kTagCount; ++y) row[y] = static_cast<std::int8_t>(q[5 + y]);
  }
  // The word clusters, then the stem lexicon: both key → u16, keys ascending.
  auto read_table = [&](std::uint32_t entries, const char* what) {
    std::vector<std::pair<std::uint64_t, std::uint16_t>> table;
    table.reserve(entries);
    for (std::uint32_t c = 0; c < entries; ++c, q += kClusterBytes) {
      const std::uint64_t key = get_u64(q);
      if (!table.empty() && key <= table.back().first) {
        throw fail(std::string("corrupt model file (") + what + " out of order)");
      }
      const auto id = static_cast<std::uint16_t>(static_cast<unsigned char>(q[8]) |
                                                 static_cast<unsigned char>(q[9]) << 8);
      table.emplace_back(key, id);
    }
    return ner::WordClusters(std::move(table));
  };
  model.tables_.clusters = read_table(cluster_entries, "word clusters");
  model.tables_.lexicon = read_table(lexicon_entries, "stem lexicon");
  model.tables_.gazetteer = read_table(gazetteer_entries, "gazetteer");
  return model;
}

namespace {

// The emissions of `n` characters: the sum of each character's kFeaturesPerChar
// rows, kRowWidth lanes each (the lanes from kTagCount on are never read). The
// rows are scattered over megabytes, so each feature's row for the character
// kPrefetchAhead on is requested beside the summing of this one's (near the
// end, this character's own rows). Every variant computes each lane as the
// same products added in the same order (no fused multiply-add): the same
// text gives the same spans on every machine.
constexpr std::size_t kPrefetchAhead = 2;

void sum_emissions_plain(const std::uint64_t* hashes, std::size_t n, const std::int8_t* weights,
                         const float* multipliers, int table_bits, float* emissions) {
  using namespace ner;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t* ahead =
        &hashes[(i + kPrefetchAhead < n ? i + kPrefetchAhead : i) * kFeaturesPerChar];
    const std::uint64_t* h = &hashes[i * kFeaturesPerChar];
    float* sum = &emissions[i * kRowWidth];
#if defined(__SSE2__)
    // Sign-extend the 16 int8 weights to 4 × 4 floats: unpack each byte into
    // the high byte of a 16-bit lane (then of a 32-bit lane) and shift back.
    const __m128i zero = _mm_setzero_si128();
    __m128 s0 = _mm_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
    for (int f = 0; f < kFeaturesPerChar; ++f) {
      __builtin_prefetch(&weights[slot_of(ahead[f], table_bits) * kRowWidth]);
      const std::int8_t* row = &weights[slot_of(h[f], table_bits) * kRowWidth];
      const __m128 m = _mm_set1_ps(multipliers[static_cast<std::uint8_t>(row[kExponentByte])]);
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row));
      const __m128i low = _mm_unpacklo_epi8(zero, bytes), high = _mm_unpackhi_epi8(zero, bytes);
      s0 = _mm_add_ps(
          s0, _mm_mul_ps(m, _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpacklo_epi16(zero, low), 24))));
      s1 = _mm_add_ps(
          s1, _mm_mul_ps(m, _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpackhi_epi16(zero, low), 24))));
      s2 = _mm_add_ps(
          s2, _mm_mul_ps(m, _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpacklo_epi16(zero, high), 24))));
      s3 = _mm_add_ps(
          s3, _mm_mul_ps(m, _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpackhi_epi16(zero, high), 24))));
    }
    _mm_storeu_ps(sum, s0);
    _mm_storeu_ps(sum + 4, s1);
    _mm_storeu_ps(sum + 8, s2);
    _mm_storeu_ps(sum + 12, s3);
#else
    for (std::size_t y = 0; y < kRowWidth; ++y) sum[y] = 0.0f;
    for (int f = 0; f < kFeaturesPerChar; ++f) {
      __builtin_prefetch(&weights[slot_of(ahead[f], table_bits) * kRowWidth]);
      const std::int8_t* row = &weights[slot_of(h[f], table_bits) * kRowWidth];
      const float m = multipliers[static_cast<std::uint8_t>(row[kExponentByte])];
      for (std::size_t y = 0; y < kRowWidth; ++y) sum[y] += m * static_cast<float>(row[y]);
    }
#endif
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
// The same with AVX2 where the processor has it: one instruction widens 8
// weights to 32 bits, so a row costs 8 instructions instead of 22.
__attribute__((target("avx2"))) void sum_emissions_avx2(const std::uint64_t* hashes, std::size_t n,
                                                        const std::int8_t* weights,
                                                        const float* multipliers, int table_bits,
                                                        float* emissions) {
  using namespace ner;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t* ahead =
        &hashes[(i + kPrefetchAhead < n ? i + kPrefetchAhead : i) * kFeaturesPerChar];
    const std::uint64_t* h = &hashes[i * kFeaturesPerChar];
    __m256 s0 = _mm256_setzero_ps(), s1 = s0;
    for (int f = 0; f < kFeaturesPerChar; ++f) {
      __builtin_prefetch(&weights[slot_of(ahead[f], table_bits) * kRowWidth]);
      const std::int8_t* row = &weights[slot_of(h[f], table_bits) * kRowWidth];
      const __m256 m = _mm256_set1_ps(multipliers[static_cast<std::uint8_t>(row[kExponentByte])]);
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row));
      s0 = _mm256_add_ps(s0, _mm256_mul_ps(m, _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(bytes))));
      s1 = _mm256_add_ps(
          s1, _mm256_mul_ps(m, _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(bytes, 8)))));
    }
    _mm256_storeu_ps(&emissions[i * kRowWidth], s0);
    _mm256_storeu_ps(&emissions[i * kRowWidth + 8], s1);
  }
}
#endif

void sum_emissions(const std::uint64_t* hashes, std::size_t n, const std::int8_t* weights,
                   const float* multipliers, int table_bits, float* emissions) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (__builtin_cpu_supports("avx2")) {
    sum_emissions_avx2(hashes, n, weights, multipliers, table_bits, emissions);
    return;
  }
#endif
  sum_emissions_plain(hashes, n, weights, multipliers, table_bits, emissions);
}

// The max-plus passes over kRowWidth lanes. Forward (`table` is
// forward_transitions_, row kTagCount the start):
//   out[0] = start + emissions[0],
//   out[i][z] = max over x of out[i−1][x] + table[x][z], plus emissions[i][z].
// Backward (`table` is backward_transitions_, the transpose):
//   out[n−1] = 0, out[i][z] = max over y of table[y][z] + emissions[i+1][y] + out[i+1][y].
// Max and add are exact per lane, so every variant gives the same numbers.
void max_plus_passes_plain(const float* emissions, std::size_t n, const float* table, float* out,
                           bool backward) {
  using namespace ner;
  constexpr std::size_t W = kRowWidth;
  // out_row[z] = max over k < kTagCount of vector[k] + table[k * W + z].
  auto max_plus = [table](float* out_row, const float* vector) {
#if defined(__SSE2__)
    __m128 b0 = _mm_set1_ps(kImpossible), b1 = b0, b2 = b0, b3 = b0;
    for (int k = 0; k < kTagCount; ++k) {
      const __m128 v = _mm_set1_ps(vector[k]);
      const float* t = table + k * W;
      b0 = _mm_max_ps(b0, _mm_add_ps(v, _mm_loadu_ps(t)));
      b1 = _mm_max_ps(b1, _mm_add_ps(v, _mm_loadu_ps(t + 4)));
      b2 = _mm_max_ps(b2, _mm_add_ps(v, _mm_loadu_ps(t + 8)));
      b3 = _mm_max_ps(b3, _mm_add_ps(v, _mm_loadu_ps(t + 12)));
    }
    _mm_storeu_ps(out_row, b0);
    _mm_storeu_ps(out_row + 4, b1);
    _mm_storeu_ps(out_row + 8, b2);
    _mm_storeu_ps(out_row + 12, b3);
#else
    for (std::size_t z = 0; z < W; ++z) out_row[z] = kImpossible;
    for (int k = 0; k < kTagCount; ++k) {
      for (std::size_t z = 0; z < W; ++z)
        out_row[z] = std::max(out_row[z], vector[k] + table[k * W + z]);
    }
#endif
  };
  if (!backward) {
    const float* start = table + kTagCount * W;
    for (std::size_t z = 0; z < W; ++z) out[z] = start[z] + emissions[z];
    for (std::size_t i = 1; i < n; ++i) {
      max_plus(&out[i * W], &out[(i - 1) * W]);
      for (std::size_t z = 0; z < W; ++z) out[i * W + z] += emissions[i * W + z];
    }
    return;
  }
  std::array<float, W> ahead{};
  for (std::size_t z = 0; z < W; ++z) out[(n - 1) * W + z] = 0.0f;
  for (std::size_t i = n - 1; i-- > 0;) {
    for (std::size_t y = 0; y < W; ++y)
      ahead[y] = emissions[(i + 1) * W + y] + out[(i + 1) * W + y];
    max_plus(&out[i * W], ahead.data());
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
// The same with 8-lane AVX registers: half the instructions.
__attribute__((target("avx2"))) void max_plus_passes_avx2(const float* emissions, std::size_t n,
                                                          const float* table, float* out,
                                                          bool backward) {
  using namespace ner;
  constexpr std::size_t W = kRowWidth;
  const __m256 impossible = _mm256_set1_ps(kImpossible);
  if (!backward) {
    const float* start = table + kTagCount * W;
    __m256 p0 = _mm256_add_ps(_mm256_loadu_ps(start), _mm256_loadu_ps(emissions));
    __m256 p1 = _mm256_add_ps(_mm256_loadu_ps(start + 8), _mm256_loadu_ps(emissions + 8));
    _mm256_storeu_ps(out, p0);
    _mm256_storeu_ps(out + 8, p1);
    for (std::size_t i = 1; i < n; ++i) {
      const float* previous = &out[(i - 1) * W];
      __m256 b0 = impossible, b1 = impossible;
      for (int k = 0; k < kTagCount; ++k) {
        const __m256 v = _mm256_broadcast_ss(&previous[k]);
        b0 = _mm256_max_ps(b0, _mm256_add_ps(v, _mm256_loadu_ps(table + k * W)));
        b1 = _mm256_max_ps(b1, _mm256_add_ps(v, _mm256_loadu_ps(table + k * W + 8)));
      }
      _mm256_storeu_ps(&out[i * W], _mm256_add_ps(b0, _mm256_loadu_ps(&emissions[i * W])));
      _mm256_storeu_ps(&out[i * W + 8], _mm256_add_ps(b1, _mm256_loadu_ps(&emissions[i * W + 8])));
    }
    return;
  }
  alignas(32) float ahead[W];
  _mm256_storeu_ps(&out[(n - 1) * W], _mm256_setzero_ps());
  _mm256_storeu_ps(&out[(n - 1) * W + 8], _mm256_setzero_ps());
  for (std::size_t i = n - 1; i-- > 0;) {
    _mm256_store_ps(ahead, _mm256_add_ps(_mm256_loadu_ps(&emissions[(i + 1) * W]),
                                         _mm256_loadu_ps(&out[(i + 1) * W])));
    _mm256_store_ps(ahead + 8, _mm256_add_ps(_mm256_loadu_ps(&emissions[(i + 1) * W + 8]),
                                             _mm256_loadu_ps(&out[(i + 1) * W + 8])));
    __m256 b0 = impossible, b1 = impossible;
    for (int k = 0; k < kTagCount; ++k) {
      const __m256 v = _mm256_broadcast_ss(&ahead[k]);
      b0 = _mm256_max_ps(b0, _mm256_add_ps(v, _mm256_loadu_ps(table + k * W)));
      b1 = _mm256_max_ps(b1, _mm256_add_ps(v, _mm256_loadu_ps(table + k * W + 8)));
    }
    _mm256_storeu_ps(&out[i * W], b0);
    _mm256_storeu_ps(&out[i * W + 8], b1);
  }
}
#endif

void max_plus_passes(const float* emissions, std::size_t n, const float* table, float* out,
                     bool backward) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (__builtin_cpu_supports("avx2")) {
    max_plus_passes_avx2(emissions, n, table, out, backward);
    return;
  }
#endif
  max_plus_passes_plain(emissions, n, table, out, backward);
}

}  // namespace

std::vector<NerSpan> NerModel::label(std::string_view text) const {
  using namespace ner;
  constexpr int T = kTagCount;
  constexpr std::size_t W = kRowWidth;  // every per-character vector is padded to W lanes
  const CodePoints points = decode(text);
  const std::size_t n = points.chars.size();
  if (n == 0) return {};
  std::vector<std::uint64_t> hashes;
  extract_features(points.chars, hashes, tables_);

  // Emissions: the sum of each character's rows, W lanes (the lanes from T on
  // hold nothing useful and are never read).
  // One buffer, not initialized (every lane is written before it is read):
  // the emissions, then the forward and the backward scores.
  const auto scores = std::make_unique_for_overwrite<float[]>(3 * n * W);
  float* const emissions = scores.get();
  float* const forward = emissions + n * W;
  float* const backward = forward + n * W;
  sum_emissions(hashes.data(), n, weights_.data(), row_multipliers_.data(), table_bits_, emissions);
  // Viterbi and the confidence's max-marginals share the forward max pass; the
  // BIO constraint is in the transition tables as −∞. At each character, the
  // margin is how much the best tagging beats the best one with another tag
  // there; a span is as sure as its least sure character (and the character
  // after it, where the span could have continued).
  max_plus_passes(emissions, n, forward_transitions_.data(), forward, /*backward=*/false);
  // The best path, read back: the best predecessor of each chosen tag (the
  // first of equals, as a stored back-pointer would give).
  std::vector<int> tags(n, 0);
  int last = 0;
  for (int y = 1; y < T; ++y) {
    if (forward[(n - 1) * W + y] > forward[(n - 1) * W + last]) last = y;
  }
  tags[n - 1] = last;
  for (std::size_t i = n - 1; i > 0; --i) {
    float best = kImpossible;
    int from = 0;
    for (int x = 0; x < T; ++x) {
      const float score = forward[(i - 1) * W + x] + forward_transitions_[x * W + tags[i]];
      if (score > best) {
        best = score;
        from = x;
      }
    }
    tags[i - 1] = from;
  }
  bool any_span = false;
  for (int tag : tags) any_span = any_span || tag != 0;
  if (!any_span) return {};
  max_plus_passes(emissions, n, backward_transitions_.data(), backward, /*backward=*/true);
  auto margin_at = [&](std::size_t i) {
    const int chosen = tags[i];
    const float best = forward[i * W + chosen] + backward[i * W + chosen];
    float second = kImpossible;
    for (int y = 0; y < T; ++y) {
      if (y != chosen) second = std::max(second, forward[i * W + y] + backward[i * W + y]);
    }
    return second == kImpossible ? 1e9f : best - second;
  };

  std::vector<NerSpan> spans;
  for (const TagSpan& s : spans_of(tags)) {
    float margin = std::numeric_limits<float>::max();
    for (std::size_t i = s.start; i < std::min(s.end + 1, n); ++i)
      margin = std::min(margin, margin_at(i));
    const double confidence =
        1.0 / (1.0 + std::exp(-static_cast<double>(margin) / confidence_scale_));
    // A span never starts or ends with a space or a quote (the model may tag one).
    std::size_t first = s.start, last = s.end;
    auto edge = [&](std::size_t i) {
      return is_space(points.chars[i]) || is_quote(points.chars[i]);
    };
    while (first < last && edge(first)) ++first;
    while (last > first && edge(last - 1)) --last;
    if (first == last) continue;
    spans.push_back({points.offsets[first], points.offsets[last], s.type, confidence});
  }
  return spans;
}

}  // namespace news
