// text/tokenize.h — a Korean-aware tokenizer.
//
// Splits a paragraph into tokens with kinds and byte offsets (news::Token in
// news/document.h). A Hangul or mixed-script word that ends in a particle
// (조사) is split into stem and particle: 알트먼이 → 알트먼 + 이, 오픈AI는 →
// 오픈AI + 는. Words whose last syllables only look like a particle stay
// whole (이사회, 나델라, 테슬라). The extractors take name stems from here.
//
// Words: a run of letters and digits, with `-` inside (GPT-4, K-팝), `.` and
// `,` inside numbers (1,234.5) and Latin words (e-gima.com), `'` and `&`
// inside Latin words (O'Brien, AT&T). A number directly followed by Hangul
// is two tokens (16명 → 16 + 명, so counters stay visible); any other mix of
// scripts is one mixed token (오픈AI, 챗GPT, GPT-4, 5G, 코로나19).
//
// How a particle is recognized (see docs/text-layer.md): the word must end
// in an entry of data/particles.txt whose sound rule fits the stem (이/가,
// 은/는, 을/를, 과/와, 으로/로 follow a final consonant or a vowel); among
// the candidates, the one most likely to be a real split wins when its score
// is above kSplitThreshold. The score is the share of real splits among the
// words of UD Korean GSD train with the same stem ending and particle
// (data/particle_contexts.txt, backing off from the last three syllables
// to one, then to the particle alone), raised when the stem is a known noun
// (data/noun_stems.txt) or, in tokenize_article(), when the article itself
// shows the stem bare or with another particle (나델라 … 나델라는).
// A particle that directly follows a closing bracket or quote (“오픈AI”는,
// (CEO)를) or a number (8로, 520에; not 도 or 만: 30도, 13만) is a
// token whose stem is empty.
//
// Thread-safety: a `Particles` object is immutable after loading and may be
// shared between threads; the functions are pure.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "news/document.h"
#include "base/lexicon.h"

namespace news {

// A split is made when its score is above this (scores are in [0, 1]).
inline constexpr double kSplitThreshold = 0.4;
// What a known noun stem (data/noun_stems.txt) adds to a score.
inline constexpr double kStemBonus = 0.3;
// How much a stem seen bare or with another particle in the same article
// multiplies the odds of a split.
inline constexpr double kArticleEvidenceOdds = 30.0;

// The most particles a lexicon may hold (StemEvidence keeps them as bits).
inline constexpr std::size_t kMaxParticles = 256;

// The hash of a word for the tokenizer's tables (the article's evidence,
// the particle statistics): inline and eight bytes at a time, where
// std::hash was an out-of-line call that took a tenth of the tokenizer's
// time. The same within a process; never stored or compared across runs.
inline std::uint64_t word_hash(std::string_view s) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  }
  if (i < s.size()) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * 0x94D049BB133111EBULL;
    h ^= h >> 29;
  }
  h *= 0xD6E8FEB86659FD93ULL;
  h ^= h >> 32;
  return h;
}

// A map from string views to values for one article's words: open
// addressing in one array, so filling it costs no allocation per word (a
// node-based map spent more time allocating than the splitter deciding).
// The views must outlive the map.
template <typename Value>
class WordMap {
 public:
  const Value* find(std::string_view key) const { return find(key, word_hash(key)); }
  // find() with the key's word_hash() already computed.
  const Value* find(std::string_view key, std::size_t h) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (!slot.used) return nullptr;
      if (slot.hash == h && slot.key == key) return &slot.value;
    }
  }
  // The value of `key`, inserted value-initialized when absent.
  Value& operator[](std::string_view key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    const std::size_t h = word_hash(key);
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      Slot& slot = slots_[i];
      if (!slot.used) {
        slot = Slot{key, h, Value{}, true};
        ++size_;
        return slot.value;
      }
      if (slot.hash == h && slot.key == key) return slot.value;
    }
  }
  std::size_t size() const { return size_; }
  // Makes room for `n` keys at once (no rehashing while filling).
  void reserve(std::size_t n) {
    std::size_t capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    if (capacity > slots_.size()) grow_to(capacity);
  }

 private:
  struct Slot {
    std::string_view key;
    std::size_t hash = 0;
    Value value{};
    bool used = false;
  };
  std::size_t mask() const { return slots_.size() - 1; }
  void grow() { grow_to(slots_.empty() ? 256 : slots_.size() * 2); }
  void grow_to(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    size_ = 0;
    for (Slot& slot : old) {
      if (slot.used) (*this)[slot.key] = std::move(slot.value);
    }
  }
  std::vector<Slot> slots_;  // a power of two, at most half full
  std::size_t size_ = 0;
};

// Stems seen in one article: bare (나델라) or before a particle (나델라는),
// with which particles (bits indexed like the lexicon's entries). Built by
// collect_evidence(); the keys point into the paragraphs' text, so the
// evidence is valid while those paragraphs are alive and unchanged.
struct StemEvidence {
  WordMap<int> bare;  // whole-word counts
  WordMap<std::bitset<kMaxParticles>> particles;
};

// The particle lexicon (data/particles.txt) and what the splitter needs to
// decide whether a word's ending is a particle.
class Particles {
 public:
  // Which stems a particle may follow: 이 after a final consonant (알트먼이),
  // 가 after a vowel (나델라가), 로 after a vowel or ㄹ (서울로), 의 after any.
  enum class After { kAny, kConsonant, kVowel, kVowelOrRieul, kConsonantNotRieul };
  // How a stem ends, for the second statistics level of context_keys(): no
  // final consonant, one of the 27 final consonants, or no Hangul (오픈AI).
  static constexpr std::size_t kStemEndings = 29;

  struct Candidate {
    std::size_t stem_bytes = 0;  // the stem is word[0, stem_bytes)
    std::string_view particle;   // the rest of the word
    std::size_t index = 0;       // the particle's entry in the lexicon
    std::size_t tail_start = 0;  // where the word's final run of Hangul begins
  };

  Particles() = default;
  // Reads `particles_file` (data/particles.txt) and the statistics beside
  // it, particle_contexts.txt and noun_stems.txt. Throws LexiconError naming
  // the file (and line) of a missing file or a malformed entry.
  static Particles load(const std::filesystem::path& particles_file);
  // The same with the statistics read from `statistics_dir` instead: those
  // of a cross-validation fold (analyze-train-particles --folds).
  static Particles load(const std::filesystem::path& particles_file,
                        const std::filesystem::path& statistics_dir);
  // Parses the particle lexicon from text (tests); no statistics.
  static Particles parse(std::string_view text, const std::string& name);
  // Adds the statistics (see the header comments of the data files).
  void set_statistics(const Lexicon& contexts, const Lexicon& noun_stems);

  bool empty() const { return entries_.empty(); }
  bool is_particle(std::string_view text) const;

  // The particles that `word` may end in, longest first: the particle lies
  // inside the word's final Hangul run, the stem is not empty and the sound
  // rule fits.
  std::vector<Candidate> candidates(std::string_view word) const;

  // The statistics keys of a candidate split, most general first: `|이`
  // (any stem), `=ㄴ|이` (the stem's last final consonant; `=-` none) or
  // `~|는` (the stem ends in a non-Hangul letter: 오픈AI는), `먼|이`,
  // `트먼|이`, `^알트먼|이` (the whole stem, when `word_start` says the stem
  // begins the word). Used by the splitter and by the training tool.
  static std::vector<std::string> context_keys(std::string_view stem, std::string_view particle,
                                               bool word_start);

  // Byte length of the stem of `word` (a Hangul or mixed word), or
  // word.size() when it ends in no particle. `word_start`: the word begins
  // after a space or punctuation (not after digits, as 명이 in 16명이).
  std::size_t stem_length(std::string_view word, bool word_start,
                          const StemEvidence* evidence = nullptr) const;

 private:
  // Statistics keyed by the 64-bit hash of their key, in one flat
  // open-addressing table of 8-byte slots: a lookup is one probe into one
  // array, and the table (23,000 contexts: 256 KB) stays in the core's L2
  // cache, where 16-byte slots at half load (1 MB) made the splitter wait on
  // memory for a third of its time. A slot keeps the hash's upper 32 bits
  // and the lower bits place it, so two keys share counts only when they
  // agree in about 47 bits, and an absent key finds a stranger's counts
  // about once in 10^9 look-ups.
  class HashedCounts {
   public:
    struct Counts {
      std::int32_t split = 0;
      std::int32_t seen = 0;
    };
    // Counts above 65,535 are scaled down to fit, keeping their ratio.
    void build(const std::vector<std::pair<std::string_view, Counts>>& entries);
    std::optional<Counts> find(std::string_view key) const;
    // find() with the key's word_hash() already computed.
    std::optional<Counts> find_hashed(std::uint64_t hash) const;
    std::size_t size() const { return size_; }

   private:
    struct Slot {
      std::uint32_t check = 0;  // the hash's upper half, never 0; 0: empty
      std::uint16_t split = 0;
      std::uint16_t seen = 0;
    };
    static std::uint32_t check_of(std::uint64_t hash);
    std::vector<Slot> slots_;  // a power of two, at most three quarters full
    std::size_t size_ = 0;
  };

  friend struct ParticlesInternals;  // tokenize.cpp's own helpers
  // candidates() without allocating: calls f(candidate) for each.
  template <typename F>
  void for_each_candidate(std::string_view word, F f) const;
  static Particles from(const Lexicon& lexicon, const std::string& name);
  void index();
  // What stem_length() knows of the whole word, computed once for all its
  // candidates.
  struct WordFacts {
    bool known_noun = false;  // the word itself is in noun_stems.txt
    bool is_stem = false;     // the article shows it before a particle
  };
  double score(std::string_view word, const Candidate& candidate, bool word_start,
               const StemEvidence* evidence, WordFacts facts) const;
  // stem_length() once the candidates are known.
  std::size_t choose(std::string_view word, bool word_start, const StemEvidence* evidence,
                     const Candidate* candidates, std::size_t count) const;

  struct Entry {
    std::string text;
    After after = After::kAny;
  };
  std::vector<Entry> entries_;  // longest first
  // The entries ending in each Hangul syllable (U+AC00 + i), longest first:
  // entries_by_last_[last_start_[i] .. last_start_[i + 1]).
  std::vector<std::uint32_t> last_start_;
  std::vector<std::uint16_t> entries_by_last_;
  HashedCounts contexts_;  // data/particle_contexts.txt
  // Per lexicon entry, the counts of its two general context levels (`|이`
  // and `=ㄴ|이`, see context_keys), which every split looks up; seen = -1
  // where the statistics have none.
  struct GeneralCounts {
    HashedCounts::Counts any_stem{0, -1};
    std::array<HashedCounts::Counts, kStemEndings> by_stem_ending;
    GeneralCounts() { by_stem_ending.fill(HashedCounts::Counts{0, -1}); }
  };
  std::vector<GeneralCounts> general_counts_;
  HashedCounts noun_stems_;  // data/noun_stems.txt (counts unused)
};

// Whether tokens[i] begins a word: false only for Hangul glued to the number
// before it (명이 in 16명이), whose statistics differ from a word's start.
bool starts_word(const std::vector<Token>& tokens, std::size_t i);

// True for the kinds that may end in a particle (Hangul and mixed words).
bool may_have_particle(TokenKind kind);

// Tokens of one text, particles split by the lexicon and its statistics.
// `evidence` (optional) adds what the rest of the article shows.
std::vector<Token> tokenize(std::string_view text, const Particles& particles,
                            const StemEvidence* evidence = nullptr);

// What the paragraphs show about stems: every Hangul or mixed word seen bare
// and every stem seen before a particle.
StemEvidence collect_evidence(const std::vector<Paragraph>& paragraphs, const Particles& particles);

// Tokenizes every paragraph of an article, using the article itself as
// evidence (a stem seen bare or with other particles elsewhere in it).
void tokenize_article(std::vector<Paragraph>& paragraphs, const Particles& particles);

}  // namespace news
