// resources.h — everything the pipeline reads from data/ at start-up.
//
// Loaded once, before any article is read, then shared read-only by every
// worker thread. Each member is a plain-text file in data/ (see its header
// comment); a malformed file is a LexiconError naming the file and line.
#pragma once

#include <filesystem>
#include <optional>

#include "base/lexicon.h"
#include "values/value_words.h"
#include "text/tokenize.h"
#include "structure/roles.h"
#include "names/name_lexicons.h"
#include "names/ner_model.h"
#include "values/date_vocabulary.h"

namespace news {

struct Resources {
  Lexicon sections;  // data/sections.txt: section names of news sites
  // data/particles.txt (+ particle_contexts.txt, noun_stems.txt): 조사.
  Particles particles;
  Lexicon abbreviations;  // data/abbreviations.txt: Mr, Nov, U.S (no sentence end)
  RolePatterns roles;  // data/roles.txt: captions, bylines, boilerplate, credits
  Lexicon currencies;  // data/currencies.txt: currency names, symbols, ISO codes
  ValueWords value_words;  // data/value-words.txt: 약, 가량, 씩, 차량, 영하 around a number
  Lexicon counters;    // data/counters.txt: counters (16명, 2개)
  // data/date-words.txt (오늘, 지난해, 이번 주, holidays) and
  // data/date-vocabulary.txt (weekdays, months, parts of the day, units …):
  // what the date reader knows (values/date_vocabulary.h).
  DateVocabulary date_vocabulary;
  NameLexicons names;  // people, organizations, places (news/name_lexicons.h)
  // data/ner-model.bin: the trained tagger whose spans join the rules' name
  // candidates (news/ner_model.h); absent when loaded without it.
  std::optional<NerModel> ner_model;

  // Reads every file from `data_dir`, the model too unless `with_ner_model`
  // is false (rules only: faster, and what the rules were measured as).
  // Throws LexiconError for a bad lexicon, NerModelError for a bad model.
  static Resources load(const std::filesystem::path& data_dir, bool with_ner_model = true);
};

// Where data/ is: `explicit_dir` if given, else $ANALYZE_DATA, else the data/
// beside the running executable (build/analyze → ../data, an installed
// bin/analyze → ../share/analyze/data), else the data installed beside the
// library (lib/libnews.so → ../share/analyze/data), else the source tree it
// was built from. Throws LexiconError when none exists.
std::filesystem::path find_data_dir(const std::optional<std::filesystem::path>& explicit_dir);

}  // namespace news
