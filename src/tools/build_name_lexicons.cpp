// analyze-build-name-lexicons — derives data/name_gazetteer.txt,
// data/name_syllables.txt and data/common_words.txt from annotated sentences.
//
// Takes JSONL files in the KLUE-NER / MultiCoNER form ({"text", "entities"
// with code-point offsets}); from KLUE it uses only sentences whose 0-based
// index % 10 != 0, so that `analyze-eval-ner --holdout` measures on text the
// lexicons never saw. Gives, deterministically (sorted output):
//   name_gazetteer.txt  surface, type, precision — a surface annotated as a
//                       name at least `--min-count` times, in at least half of
//                       the places it occurs as a word;
//   name_syllables.txt  syllable, log-odds of appearing in a person's name
//                       rather than in another word;
//   common_words.txt    words seen often and never annotated as a name.
// Usage: analyze-build-name-lexicons --klue K.jsonl --other M.jsonl --out data
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "names/candidates.h"
#include "names/name_lexicons.h"
#include "resources.h"
#include "text/segment.h"
#include "shared_corpus.h"

namespace {

// Given-name odds at which a word's syllables are clearly a name's (the rules'
// kKoreanNameOdds for a name without a title).
constexpr double kClearNameOdds = 1.0;

std::vector<std::size_t> byte_starts(const std::string& s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(s.size());
  return out;
}

std::vector<std::string> syllables(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

bool hangul_syllable(const std::string& s) {
  if (s.size() != 3) return false;
  const unsigned char a = static_cast<unsigned char>(s[0]), b = static_cast<unsigned char>(s[1]),
                      c = static_cast<unsigned char>(s[2]);
  const char32_t cp = ((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (c & 0x3F);
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

// Three Hangul syllables, the first a surname: the shape of 김철수 (and of 이사회).
bool korean_shape(const std::vector<std::string>& syl, const news::NameLexicons& lex) {
  return syl.size() == 3 && hangul_syllable(syl[0]) && hangul_syllable(syl[1]) &&
         hangul_syllable(syl[2]) && lex.is_surname(syl[0]);
}

// Add-one smoothed log-odds of `s` under `yes` against `no`.
double log_odds(const std::map<std::string, int>& yes, const std::map<std::string, int>& no,
                const std::string& s, double yes_total, double no_total, double vocabulary) {
  const auto y = yes.find(s);
  const auto n = no.find(s);
  const double yc = y == yes.end() ? 0 : y->second;
  const double nc = n == no.end() ? 0 : n->second;
  return std::log((yc + 1) / (yes_total + vocabulary)) -
         std::log((nc + 1) / (no_total + vocabulary));
}

double total(const std::map<std::string, int>& m) {
  double t = 0;
  for (const auto& [k, v] : m) t += v;
  return t;
}

// Korean-name-shaped words in unannotated news: how often each is seen and how
// often a title stands beside it (김철수 대표, 기자 김철수).
struct CorpusCounts {
  std::map<std::string, int> seen, titled;
  // Followed by a workplace and a role title (박영민 영풍 석포제련소 대표이사):
  // weaker evidence, trusted only for words whose syllables are a name's.
  std::map<std::string, int> titled_after_workplace;
};

void count_corpus(const std::filesystem::path& dir, const news::NameLexicons& lex,
                  CorpusCounts& counts) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<news::Paragraph> paragraphs;
    for (const news::Line& line : news::split_lines(bytes)) {
      news::Paragraph p;
      p.text = line.text;
      paragraphs.push_back(std::move(p));
    }
    const auto tokens = news::name_tokens(paragraphs, lex);
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
      const std::string_view text(paragraphs[p].text);
      const auto& ts = tokens[p];
      const auto stem = [&](std::size_t i) {
        return text.substr(ts[i].start, ts[i].stem_end - ts[i].start);
      };
      for (std::size_t i = 0; i < ts.size(); ++i) {
        if (ts[i].kind != news::TokenKind::kHangul) continue;
        const std::string word(stem(i));
        if (!korean_shape(syllables(word), lex)) continue;
        ++counts.seen[word];
        bool titled = false;
        if (!ts[i].has_particle() && i + 1 < ts.size() && ts[i + 1].start == ts[i].end + 1) {
          titled |= lex.title(stem(i + 1)) != nullptr;
        }
        if (i > 0 && !ts[i - 1].has_particle() && ts[i].start == ts[i - 1].end + 1) {
          const news::TitleInfo* t = lex.title(stem(i - 1));
          titled |= t != nullptr && t->title_class == news::TitleClass::kRole;
        }
        // Or a role title after the word's workplace, as the rules read it
        // (박영민 영풍 석포제련소 대표이사, 배상윤 석포제련소장).
        const bool after_workplace =
            !titled && news::title_after_workplace(paragraphs[p].text, ts, i, lex) != nullptr;
        counts.titled_after_workplace[word] += after_workplace;
        counts.titled[word] += titled;
      }
    }
  }
}

struct Counts {
  std::map<std::string, std::map<std::string, int>> as_type;  // surface → type → count
  std::map<std::string, int> occurrences;  // surface → times seen as a word span
  std::map<std::string, int> person_syllables, other_syllables;  // foreign names vs other words
  // Korean names (surname + two syllables) vs other such words, by position.
  std::map<std::string, int> given_syllables[2], surname_word_syllables[2];
  std::map<std::string, int> word_count;  // stems outside every entity
  std::set<std::string> inside_entity;    // stems ever inside an entity
};

std::string type_of(const std::string& gold) {
  if (gold == "PS" || gold == "PER") return "person";
  if (gold == "OG" || gold == "CORP" || gold == "GRP") return "organization";
  if (gold == "LC" || gold == "LOC") return "location";
  return {};
}

void count_file(const std::string& path, bool klue, int tuning_fold, const news::NameLexicons& lex,
                Counts& counts) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::string line;
  std::size_t index = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::size_t this_index = index++;
    if (klue && this_index % 10 == 0) continue;  // held out
    if (klue && tuning_fold > 0 && this_index % 10 == static_cast<std::size_t>(tuning_fold))
      continue;
    const nlohmann::json record = nlohmann::json::parse(line);
    news::Paragraph paragraph;
    paragraph.text = record["text"].get<std::string>();
    const std::vector<std::size_t> starts = byte_starts(paragraph.text);
    const auto tokens = news::name_tokens({paragraph}, lex)[0];
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // entity byte ranges
    for (const auto& e : record["entities"]) {
      const std::size_t s = e["start"].get<std::size_t>(), t = e["end"].get<std::size_t>();
      if (t >= starts.size() || s >= t) continue;
      const std::size_t bs = starts[s], be = starts[t];
      spans.push_back({bs, be});
      const std::string type = type_of(e["type"].get<std::string>());
      if (type.empty()) continue;
      const std::string surface = paragraph.text.substr(bs, be - bs);
      ++counts.as_type[surface][type];
      if (type == "person") {
        const std::vector<std::string> syl = syllables(surface);
        if (korean_shape(syl, lex)) {
          ++counts.given_syllables[0][syl[1]];
          ++counts.given_syllables[1][syl[2]];
        } else {
          for (const std::string& one : syl) {
            if (hangul_syllable(one)) ++counts.person_syllables[one];
          }
        }
      }
    }
    const std::string_view text(paragraph.text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind == news::TokenKind::kPunctuation) continue;
      // Spans of 1–3 words ending in a stem.
      for (std::size_t k = i; k < tokens.size() && k < i + 3; ++k) {
        if (tokens[k].kind == news::TokenKind::kPunctuation) break;
        if (k > i && (tokens[k - 1].has_particle() || tokens[k].start != tokens[k - 1].end + 1))
          break;
        ++counts.occurrences[std::string(
            text.substr(tokens[i].start, tokens[k].stem_end - tokens[i].start))];
      }
      const std::string stem(text.substr(tokens[i].start, tokens[i].stem_end - tokens[i].start));
      bool inside = false;
      for (const auto& [bs, be] : spans) inside |= tokens[i].start < be && bs < tokens[i].stem_end;
      if (inside) {
        counts.inside_entity.insert(stem);
      } else {
        ++counts.word_count[stem];
        const std::vector<std::string> syl = syllables(stem);
        for (const std::string& one : syl) {
          if (hangul_syllable(one)) ++counts.other_syllables[one];
        }
        if (korean_shape(syl, lex)) {
          ++counts.surname_word_syllables[0][syl[1]];
          ++counts.surname_word_syllables[1][syl[2]];
        }
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"analyze-build-name-lexicons — derive name lexicons from annotated sentences"};
  std::string klue, out_dir, data_dir;
  std::vector<std::string> others;
  int min_count = 1;
  int common_min = 3;
  int tuning_fold = -1;
  std::string corpus;
  app.add_option(
      "--corpus", corpus,
      "Unannotated articles (*.txt, searched recursively): Korean names seen with titles");
  app.add_option("--klue", klue, "KLUE-NER JSONL (index % 10 == 0 is held out)")->required();
  app.add_option("--tuning-fold", tuning_fold,
                 "Also hold out KLUE lines with index % 10 == this (to tune the combination with "
                 "the model on text the lexicons never saw; the shipped files use none)");
  app.add_option("--other", others, "Further annotated JSONL files used whole (MultiCoNER train)");
  app.add_option("--out", out_dir, "Where to write the three files")->required();
  app.add_option("--data-dir", data_dir,
                 "Where the particle list is (default: found automatically)");
  app.add_option("--min-count", min_count,
                 "Times a surface must be annotated to enter the gazetteer");
  app.add_option("--common-min", common_min,
                 "Times a word must be seen, never as a name, to be common");
  CLI11_PARSE(app, argc, argv);

  try {
    news::Resources resources = news::Resources::load(news::tools::data_dir_or_default(data_dir),
                                                      /*with_ner_model=*/false);
    // Only the curated lexicons shape the counts, so the output never depends
    // on an earlier run's output.
    resources.names.drop_derived();
    Counts counts;
    count_file(klue, true, tuning_fold, resources.names, counts);
    for (const std::string& other : others) count_file(other, false, -1, resources.names, counts);
    CorpusCounts corpus_counts;
    if (!corpus.empty()) count_corpus(corpus, resources.names, corpus_counts);

    const std::string sources =
        "KLUE-NER v1.1 train (first 5,000; sentences with index % 10 != 0; CC BY-SA 4.0)" +
        std::string(others.empty() ? "" : " and MultiCoNER Korean train (CC BY 4.0)");
    std::ofstream gazetteer(out_dir + "/name_gazetteer.txt");
    gazetteer
        << "# Names seen in annotated sentences, derived from " << sources << ".\n"
        << "# Built by analyze-build-name-lexicons (see docs/names.md); do not edit by hand,\n"
        << "# put your own names in organizations.txt, locations.txt, people.txt or --lexicon.\n"
        << "# Columns: surface<TAB>type<TAB>precision (annotated / seen as a word span).\n";
    for (const auto& [surface, types] : counts.as_type) {
      std::string best;
      int best_count = 0, total = 0;
      for (const auto& [type, n] : types) {
        total += n;
        if (n > best_count) best = type, best_count = n;
      }
      if (best_count < min_count || syllables(surface).size() < 2) continue;
      if (surface.find('\t') != std::string::npos || surface.front() == ' ' ||
          surface.back() == ' ')
        continue;
      if (surface.front() >= 'a' && surface.front() <= 'z')
        continue;  // MultiCoNER lower-cases Latin text
      const auto occ_it = counts.occurrences.find(surface);
      const int occurrences =
          std::max(occ_it == counts.occurrences.end() ? 0 : occ_it->second, total);
      const double precision = double(best_count) / double(occurrences + 1);
      if (precision < 0.4) continue;
      char number[16];
      std::snprintf(number, sizeof number, "%.2f", precision);
      gazetteer << surface << '\t' << best << '\t' << number << '\n';
    }
    const auto given_odds = [&](const std::string& word) {
      const std::vector<std::string> syl = syllables(word);
      const double v = 2000;  // about the number of distinct syllables
      return log_odds(counts.given_syllables[0], counts.surname_word_syllables[0], syl[1],
                      total(counts.given_syllables[0]), total(counts.surname_word_syllables[0]),
                      v) +
             log_odds(counts.given_syllables[1], counts.surname_word_syllables[1], syl[2],
                      total(counts.given_syllables[1]), total(counts.surname_word_syllables[1]), v);
    };
    // A word's titled uses in the corpus: a title beside it, or after its
    // workplace when the word looks like a name — its given-name syllables
    // score at least kWorkplaceNameOdds, as the rules ask (not 남겨둔 채
    // 이사를), it has no place or organization suffix (사근동, 차병원) and
    // ends like no verb unless its syllables are clearly a name's (이윤서, not
    // 나눠준). The gazetteer and the common words read the same count.
    const news::NameLexicons& lex = resources.names;
    const auto titled_in_corpus = [&](const std::string& word) {
      const int beside = corpus_counts.titled[word];
      const int after_workplace = corpus_counts.titled_after_workplace[word];
      const double odds = given_odds(word);
      const bool name_like = odds >= news::kWorkplaceNameOdds &&
                             lex.org_suffix_kind(word) == nullptr && !lex.place_suffix(word) &&
                             (!news::has_verb_ending(word) || odds >= kClearNameOdds);
      return beside + (name_like ? after_workplace : 0);
    };
    if (!corpus.empty()) {
      gazetteer << "# Korean names from unannotated news (" << corpus
                << "): seen at least 3 times, with a title beside at least a quarter of them.\n";
      for (const auto& [word, n] : corpus_counts.seen) {
        const int titled = titled_in_corpus(word);
        if (n < 3 || titled * 4 < n || counts.as_type.count(word) > 0) continue;
        if (given_odds(word) < 0) continue;         // 가판대, 감독직: titled by accident
        if (news::has_verb_ending(word)) continue;  // 여겨진 (…으로 여겨진 위원장)
        char number[16];
        std::snprintf(number, sizeof number, "%.2f",
                      std::min(0.95, 0.5 + double(titled) / double(n)));
        gazetteer << word << "\tperson\t" << number << '\n';
      }
    }

    std::ofstream syllable_file(out_dir + "/name_syllables.txt");
    syllable_file
        << "# How much more often a Hangul syllable appears in people's names than in other\n"
        << "# words, derived from " << sources << ".\n"
        << "# Built by analyze-build-name-lexicons. Columns (natural-log odds, add-one smoothed):\n"
        << "#   syllable<TAB>foreign<TAB>given2<TAB>given3\n"
        << "# foreign: in a transliterated name (사티아 나델라) rather than in any other word;\n"
        << "# given2, given3: as the 2nd / 3rd syllable of a Korean name (김철수) rather than of\n"
        << "# another three-syllable word that starts with a surname (이사회).\n";
    std::set<std::string> all;
    for (const auto* m : {&counts.person_syllables, &counts.other_syllables,
                          &counts.given_syllables[0], &counts.given_syllables[1],
                          &counts.surname_word_syllables[0], &counts.surname_word_syllables[1]}) {
      for (const auto& [s, n] : *m) all.insert(s);
    }
    const double v = double(all.size());
    const double pt = total(counts.person_syllables), ot = total(counts.other_syllables);
    const double g0 = total(counts.given_syllables[0]), g1 = total(counts.given_syllables[1]);
    const double w0 = total(counts.surname_word_syllables[0]),
                 w1 = total(counts.surname_word_syllables[1]);
    for (const std::string& s : all) {
      const auto seen = [&](const std::map<std::string, int>& m) {
        const auto it = m.find(s);
        return it == m.end() ? 0 : it->second;
      };
      const int evidence = seen(counts.person_syllables) + seen(counts.other_syllables) +
                           seen(counts.given_syllables[0]) + seen(counts.given_syllables[1]) +
                           seen(counts.surname_word_syllables[0]) +
                           seen(counts.surname_word_syllables[1]);
      if (evidence < 3) continue;
      char line[96];
      std::snprintf(
          line, sizeof line, "%s\t%.2f\t%.2f\t%.2f\n", s.c_str(),
          log_odds(counts.person_syllables, counts.other_syllables, s, pt, ot, v),
          log_odds(counts.given_syllables[0], counts.surname_word_syllables[0], s, g0, w0, v),
          log_odds(counts.given_syllables[1], counts.surname_word_syllables[1], s, g1, w1, v));
      syllable_file << line;
    }

    std::ofstream common(out_dir + "/common_words.txt");
    common
        << "# Words seen at least " << common_min
        << " times in annotated sentences and never inside a name,\n"
        << "# and name-shaped words (surname + two syllables) seen at least 5 times in unannotated "
           "news and\n"
        << "# never beside a title,\n"
        << "# derived from " << sources << ".\n"
        << "# Built by analyze-build-name-lexicons. A rule never proposes one of these as a name\n"
        << "# (lexicons and titles still can).\n";
    std::set<std::string> common_words;
    for (const auto& [word, n] : counts.word_count) {
      if (n < common_min || counts.inside_entity.count(word) > 0 || syllables(word).size() < 2)
        continue;
      common_words.insert(word);
    }
    // Name-shaped words the news never writes with a title (이사회, 공무원).
    for (const auto& [word, n] : corpus_counts.seen) {
      if (n >= 5 && titled_in_corpus(word) == 0 && counts.inside_entity.count(word) == 0)
        common_words.insert(word);
    }
    for (const std::string& word : common_words) common << word << '\n';
  } catch (const std::exception& e) {
    std::fprintf(stderr, "analyze-build-name-lexicons: %s\n", e.what());
    return 1;
  }
  return 0;
}
