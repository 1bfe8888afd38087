// train/ner_corpus.h — annotated NER sentences (KLUE, MultiCoNER) and scoring.
//
// Reads the normalized JSONL of ../shared/data/klue-ner and
// ../shared/data/multiconer-ko: one sentence a line,
//   {"id": …, "text": …, "entities": [{"start", "end", "type", "text"}]}
// with code-point offsets. Gold tags are mapped to NerType: KLUE PS OG LC DT TI
// QT one to one; MultiCoNER PER → person, LOC → location, CORP and GRP →
// organization, CW and PROD → none of ours. MultiCoNER annotates no dates,
// times or quantities, so its sentences say nothing about those types: the
// trainer does not learn "outside" for them there and the scorer does not
// count them (`Annotation::known_types`).
//
// Scoring is exact span and type, per type and micro-averaged.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "names/ner_model.h"

namespace news {

struct GoldEntity {
  std::size_t start = 0;  // code-point offsets into the sentence, end exclusive
  std::size_t end = 0;
  NerType type = NerType::kPerson;
  double confidence = 1.0;  // a prediction's NerSpan::confidence; 1 for gold
};

// Which annotation convention a sentence follows.
enum class Annotation { kKlue, kMultiConer };

struct AnnotatedSentence {
  std::string id;
  std::string text;
  std::vector<GoldEntity> entities;  // only the entities of our types
  // Spans annotated with a type we do not have (MultiCoNER CW, PROD): the
  // trainer treats them as outside.
  std::vector<GoldEntity> foreign;
  Annotation annotation = Annotation::kKlue;
  std::size_t line = 0;  // 0-based line number in the file (the hold-out rule uses it)
};

// Which of our types a convention annotates: all six for KLUE; person,
// organization and location for MultiCoNER.
std::array<bool, kNerTypeCount> known_types(Annotation annotation);

// Reads a JSONL file. Throws std::runtime_error naming the file and line for
// a malformed line or an unknown tag.
std::vector<AnnotatedSentence> read_annotated(const std::filesystem::path& path,
                                              Annotation annotation);

struct NerCounts {
  std::size_t true_positives = 0;
  std::size_t false_positives = 0;
  std::size_t false_negatives = 0;

  double precision() const;
  double recall() const;
  double f1() const;
};

// Exact-span counts per type and their sum (micro) over the types scored.
struct NerScore {
  std::array<NerCounts, kNerTypeCount> by_type{};
  std::array<bool, kNerTypeCount> scored{};  // a type any scored sentence annotates
  NerCounts micro() const;

  // Adds one sentence: `predicted` in code-point offsets. Predictions of a
  // type the sentence's convention does not annotate are not counted.
  void add(const AnnotatedSentence& sentence, const std::vector<GoldEntity>& predicted);
  // A plain-text table: type, P, R, F1, gold and predicted counts.
  std::string table() const;
};

// The model's spans for `sentence` in code-point offsets.
std::vector<GoldEntity> predict(const NerModel& model, const AnnotatedSentence& sentence);

}  // namespace news
