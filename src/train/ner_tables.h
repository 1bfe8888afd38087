// train/ner_tables.h — how the trainer builds the tables the NER model's
// features read besides its weights (news/ner_model.h, ner::FeatureTables).
//
// - The stem lexicon, from the project's hand-made name lists in data/.
// - The gazetteer, from the person, organization and location spans of
//   annotated sentences (the training data; never the hold-out).
//
// All are stem key → u16 tables (ner::WordClusters) copied into the model
// file, so the model needs no other file and sees what it was trained with.
// Deterministic: the same input gives the same table.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>

#include "train/ner_corpus.h"
#include "names/ner_model.h"

namespace news::ner {

// The stem lexicon from the lists in `data_dir` (people.txt, given_names.txt,
// organizations.txt, locations.txt, person_titles.txt, surnames.txt,
// org_suffixes.txt, place_units.txt): every word of a listed name or alias,
// as written and as its stem (파라과이 is keyed both ways, since stem_of
// would cut its 이); surnames, suffixes and place units as written, since
// they are matched on a word's edges. Throws what Lexicon::load throws.
WordClusters build_stem_lexicon(const std::filesystem::path& data_dir);

// Gazetteer counts per key: how often the word was each (type, place) of a
// span (ner::gazetteer_flag's bit order), and how often it was a word at all.
struct GazetteerCount {
  std::uint32_t as_span[9] = {};
  std::uint32_t as_word = 0;
};
using GazetteerCounts = std::map<std::uint64_t, GazetteerCount>;

// Adds one annotated sentence: every word of the text (its stem, and the word
// as written less edge punctuation) counts as a word; every word of a person,
// organization or location span counts for its type and place (a whole span,
// the first word of a longer one, a later word).
// With `stem_lexicon`, person words shaped like a Korean name (a surname
// of the lexicon and one to three more syllables: 김민수) are not counted as
// names: news is full of Korean names no training sentence holds, and a model
// that learned to expect a gazetteer hit for them missed them.
void count_gazetteer(const AnnotatedSentence& sentence, GazetteerCounts& counts,
                     const WordClusters* stem_lexicon = nullptr);
void add_counts(const GazetteerCounts& from, GazetteerCounts& into);

// The gazetteer from counts: a key keeps the (type, place) bits it had in at
// least `min_share` of its occurrences as a word (저커버그 [CEO] once among
// many CEOs does not make CEO a name), and in bits 9-10 how often it was any
// name: 1 below half, 2 below 0.8, 3 from 0.8 on. Keys left with no bit are
// dropped, and so are the titles and honorifics of `stem_lexicon`
// (kLexiconRole, kLexiconHonorific): KLUE sometimes keeps a title inside a
// person span (저커버그 CEO), which must not make CEO a name word.
WordClusters build_gazetteer(const GazetteerCounts& counts, double min_share = 0.25,
                             const WordClusters& stem_lexicon = {});

}  // namespace news::ner
