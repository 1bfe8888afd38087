// names/ner_model.h — a trained named-entity tagger: text in, labelled spans out.
//
// The model labels every code point of a text with a BIO tag (B-PS, I-PS, …,
// O) and reads the spans off the best tag sequence. Characters, not eojeol,
// are the unit because Korean entity spans end inside a word: 알트먼이 →
// [알트먼]이. Scores are linear: hashed features of the character and its
// context (see `ner::extract_features`) index a table of per-tag weights; tag
// transitions add a bigram score; Viterbi finds the best sequence under the
// BIO constraint (an I-X only continues a B-X or I-X). The weights are learned
// by src/tools/train_ner.cpp (averaged structured perceptron) and shipped in
// data/ner-model.bin. See docs/ner-model.md.
//
// Takes: UTF-8 text (any bytes: an invalid byte is read as U+FFFD). Gives:
// spans as byte offsets into that text, a type and a confidence in (0, 1).
//
// Thread-safety: a loaded NerModel is immutable; `label` is const and keeps
// no state between calls, so one model can serve every thread.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news {

// The six types the model knows (KLUE's PS OG LC DT TI QT).
enum class NerType : std::uint8_t { kPerson, kOrganization, kLocation, kDate, kTime, kQuantity };
inline constexpr int kNerTypeCount = 6;
// "person", "organization", "location", "date", "time", "quantity".
const char* to_string(NerType type);

// A span the model found.
struct NerSpan {
  std::size_t start = 0;  // byte offsets into the labelled text, end exclusive
  std::size_t end = 0;
  NerType type = NerType::kPerson;
  double confidence = 0.0;  // in (0, 1): how far the best tagging beats the alternatives

  bool operator==(const NerSpan&) const = default;
};

// A model file that cannot be used: missing, truncated, corrupt, wrong
// version. The message names the file.
class NerModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace ner {

// Tags: 0 is O; for a type t, 1 + 2t is B-t and 2 + 2t is I-t.
inline constexpr int kTagCount = 1 + 2 * kNerTypeCount;
// Weight rows are padded to 16 entries: 16 aligned bytes in a loaded model
// (13 weights and the row's exponent), 16 floats in the trainer.
inline constexpr int kRowWidth = 16;
inline constexpr int kExponentByte = kTagCount;
// How many hashed features each character has, and where the groups that
// read the model's tables start (the stem lexicon, then the gazetteer; see
// `extract_features`).
inline constexpr int kFeaturesPerChar = 35;
inline constexpr int kFirstLexiconFeature = 29;
inline constexpr int kFirstGazetteerFeature = 32;

inline constexpr int begin_tag(NerType type) {
  return 1 + 2 * static_cast<int>(type);
}
inline constexpr int inside_tag(NerType type) {
  return 2 + 2 * static_cast<int>(type);
}

// The code points of a UTF-8 text with the byte offset where each starts;
// `offsets` has one more element, the text's size. Invalid bytes decode to
// U+FFFD, one byte each.
struct CodePoints {
  std::vector<char32_t> chars;
  std::vector<std::size_t> offsets;
};
CodePoints decode(std::string_view text);

// One spelling for characters news writes several ways (“” → ", fullwidth
// ASCII → ASCII, ㆍ → ·). Features see normalized characters.
char32_t normalize(char32_t c);

// The stem of an eojeol: punctuation at its edges and one particle or
// ending at its end removed (“알트먼이” → 알트먼; 서울에서 → 서울). Offsets are
// relative to the word: [begin, end) is the stem, [end, particle_end) the
// particle; begin == end when the word has no letter or digit.
struct StemRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t particle_end = 0;
};
StemRange stem_of(const char32_t* word, std::size_t length);
// A stable 64-bit key of a character sequence (normalized), for word clusters.
std::uint64_t stem_key(const char32_t* chars, std::size_t length);

// Word clusters learned from unlabeled news (src/tools/build_word_clusters.cpp):
// stems that occur in similar contexts share a cluster, so a name the
// labelled data never showed still looks like the names it did.
class WordClusters {
 public:
  WordClusters() = default;
  // Entries (stem key, cluster ≥ 1) in any order; a repeated key keeps the first.
  explicit WordClusters(std::vector<std::pair<std::uint64_t, std::uint16_t>> entries);
  // The cluster of a stem key, 0 when the stem is not in the table.
  std::uint16_t find(std::uint64_t key) const;
  bool empty() const { return entries_.empty(); }
  // Asks the memory for the slot of `key` (a lookup will follow).
  void prefetch(std::uint64_t key) const;
  // Sorted by key.
  const std::vector<std::pair<std::uint64_t, std::uint16_t>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::uint64_t, std::uint16_t>> entries_;
  std::vector<std::uint64_t> slots_;  // hash table of entries_: key's top 48 bits | cluster
};

// The stem lexicon: what the project's hand-made name lists (data/people.txt,
// given_names.txt, surnames.txt, person_titles.txt, organizations.txt,
// org_suffixes.txt, locations.txt, place_units.txt) say about a word, as a
// stem key → flags table (a WordClusters whose values are these bits). The
// trainer builds it and stores it in the model file, so the model needs no
// other file and always sees the lexicon it was trained with.
inline constexpr std::uint16_t kLexiconPerson = 1 << 0;           // a word of a known person's name
inline constexpr std::uint16_t kLexiconGivenName = 1 << 1;        // 샘, 사티아
inline constexpr std::uint16_t kLexiconRole = 1 << 2;             // 대표, CEO, 의원
inline constexpr std::uint16_t kLexiconHonorific = 1 << 3;        // 씨, 여사
inline constexpr std::uint16_t kLexiconOrganization = 1 << 4;     // a word of a known organization
inline constexpr std::uint16_t kLexiconLocation = 1 << 5;         // a word of a known place
inline constexpr std::uint16_t kLexiconWholeWord = (1 << 6) - 1;  // the flags above
inline constexpr std::uint16_t kLexiconSurname = 1 << 6;  // 김, 남궁 (a word's first syllables)
inline constexpr std::uint16_t kLexiconOrgSuffix = 1 << 7;  // 전자, 그룹 (a word's last ones)
inline constexpr std::uint16_t kLexiconPlaceUnit = 1 << 8;  // 구, 광역시

// The gazetteer (round three): the words of the person, organization and
// location spans of the training data, as stem key → flags (a WordClusters
// whose values are these bits): the type, and whether the word was a whole
// span (알트먼), the first word of a longer one ([나탈리] 포트만) or a later
// word (나탈리 [포트만]) — in at least a quarter of the word's occurrences
// — and in bits 9-10 how often the word was a name at all (1: under half, 2:
// under 0.8, 3: more). Built by the trainer (news/ner_tables.h) and stored
// in the model file; during training each sentence sees a gazetteer built
// from the other sentences only (jackknifing), so the weights learn how far
// a hit on an unseen sentence can be trusted.
inline constexpr int kGazetteerTypes = 3;  // person, organization, location: NerType 0, 1, 2
inline constexpr std::uint16_t gazetteer_flag(NerType type, int place) {
  // place: 0 a whole span, 1 the first word of a longer span, 2 a later word
  return static_cast<std::uint16_t>(1u << (static_cast<int>(type) + kGazetteerTypes * place));
}

// The tables the features read besides the weights; a model file stores them.
struct FeatureTables {
  WordClusters clusters;         // word clusters
  WordClusters lexicon;          // the stem lexicon (kLexicon… flags)
  WordClusters gazetteer;        // gazetteer_flag bits
};

// The 64-bit feature hashes of every character: `kFeaturesPerChar` per
// character, position-major. Training and labelling share this function, so
// a model always sees the features it was trained on.
void extract_features(const std::vector<char32_t>& chars, std::vector<std::uint64_t>& hashes,
                      const FeatureTables& tables);
// The same with only word clusters and a stem lexicon (tests).
void extract_features(const std::vector<char32_t>& chars, std::vector<std::uint64_t>& hashes,
                      const WordClusters& clusters = {}, const WordClusters& lexicon = {});

// The hash of a feature that is absent at a character (the lexicon says
// nothing about its word). It picks row 0, which the trainer never updates:
// it adds nothing.
inline constexpr std::uint64_t kAbsent = 0;

// The table slot of a feature hash for a table of 2^table_bits rows.
inline std::size_t slot_of(std::uint64_t hash, int table_bits) {
  return static_cast<std::size_t>(hash >> (64 - table_bits));
}

// The best tag sequence for `n` characters. `emissions` holds n × kTagCount
// scores; `transitions` (kTagCount + 1) × kTagCount scores, row kTagCount
// being the start of the text. `allowed`, when not empty, holds one bit mask
// of permitted tags per character (training on partial annotation). The BIO
// constraint always holds.
std::vector<int> best_tags(const std::vector<float>& emissions, std::size_t n,
                           const std::vector<float>& transitions,
                           const std::vector<std::uint16_t>& allowed = {});

// The spans of a tag sequence, in code-point indices [start, end).
struct TagSpan {
  std::size_t start = 0;
  std::size_t end = 0;
  NerType type = NerType::kPerson;
};
std::vector<TagSpan> spans_of(const std::vector<int>& tags);

// What a model file holds, before quantization (what the trainer produces).
struct ModelParameters {
  int table_bits = 0;
  std::vector<float> weights;      // (1 << table_bits) × kRowWidth
  std::vector<float> transitions;  // (kTagCount + 1) × kTagCount
  float confidence_scale = 1.0f;   // margin → confidence: 1 / (1 + exp(-margin / scale))
  WordClusters clusters;           // stored in the model file with the weights
  WordClusters lexicon;            // the stem lexicon (kLexicon… flags), stored likewise
  WordClusters gazetteer;          // gazetteer_flag bits, stored likewise
};

// The model file's bytes for `parameters`: weights quantized to 8 bits with a
// per-row scale,
// rows that are all zero left out, a header with magic, version, sizes and a
// checksum. Deterministic: the same parameters give the same bytes.
std::string serialize(const ModelParameters& parameters);

}  // namespace ner

class NerModel {
 public:
  // Reads a model file written by `ner::serialize`. Throws NerModelError
  // naming `path` when it is missing, truncated, corrupt or of another version.
  static NerModel load(const std::filesystem::path& path);
  // The same from bytes already in memory; `name` is used in error messages.
  static NerModel parse(std::string_view bytes, const std::string& name);

  // The entities of `text`, in text order, without overlaps.
  std::vector<NerSpan> label(std::string_view text) const;

  int table_bits() const { return table_bits_; }
  // Rows of the weight table that carry a weight (the rest are zero).
  std::size_t stored_rows() const { return stored_rows_; }
  // The stem lexicon the model was trained with (tests compare it with data/).
  const ner::WordClusters& stem_lexicon() const { return tables_.lexicon; }

 private:
  NerModel() = default;

  int table_bits_ = 0;
  std::size_t stored_rows_ = 0;
  // (1 << table_bits_) rows of kRowWidth bytes: kTagCount weights, then the
  // row's exponent e (the weights are multiples of 2^(e/8)).
  std::vector<std::int8_t> weights_;
  std::array<float, 256> row_multipliers_{};  // 2^(e/8) for every exponent byte
  std::vector<float> transitions_;            // (kTagCount + 1) × kTagCount, in weight units
  std::vector<float> allowed_transitions_;    // the same with −∞ where BIO forbids
  // allowed_transitions_ padded to kRowWidth lanes, and its transpose (label's
  // vectorized forward and backward passes).
  std::vector<float> forward_transitions_, backward_transitions_;
  ner::FeatureTables tables_;
  float confidence_scale_ = 1.0f;  // in weight units
};

}  // namespace news
