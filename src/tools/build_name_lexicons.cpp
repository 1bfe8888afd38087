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
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "news/candidates.h"
#include "news/name_lexicons.h"
#include "news/resources.h"

namespace {

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
  const unsigned char a = static_cast<unsigned char>(s[0]), b = static_cast<unsigned char>(s[1]), c = static_cast<unsigned char>(s[2]);
  const char32_t cp = ((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (c & 0x3F);
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

struct Counts {
  std::map<std::string, std::map<std::string, int>> as_type;  // surface → type → count
  std::map<std::string, int> occurrences;                     // surface → times seen as a word span
  std::map<std::string, int> person_syllables, other_syllables;
  std::map<std::string, int> word_count;                      // stems outside every entity
  std::set<std::string> inside_entity;                        // stems ever inside an entity
};

std::string type_of(const std::string& gold) {
  if (gold == "PS" || gold == "PER") return "person";
  if (gold == "OG" || gold == "CORP" || gold == "GRP") return "organization";
  if (gold == "LC" || gold == "LOC") return "location";
  return {};
}

void count_file(const std::string& path, bool klue, const news::NameLexicons& lex, Counts& counts) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::string line;
  std::size_t index = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::size_t this_index = index++;
    if (klue && this_index % 10 == 0) continue;  // held out
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
        for (const std::string& syl : syllables(surface)) {
          if (hangul_syllable(syl)) ++counts.person_syllables[syl];
        }
      }
    }
    const std::string_view text(paragraph.text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind == news::TokenKind::kPunctuation) continue;
      // Spans of 1–3 words ending in a stem.
      for (std::size_t k = i; k < tokens.size() && k < i + 3; ++k) {
        if (tokens[k].kind == news::TokenKind::kPunctuation) break;
        if (k > i && (tokens[k - 1].has_particle() || tokens[k].start != tokens[k - 1].end + 1)) break;
        ++counts.occurrences[std::string(text.substr(tokens[i].start, tokens[k].stem_end - tokens[i].start))];
      }
      const std::string stem(text.substr(tokens[i].start, tokens[i].stem_end - tokens[i].start));
      bool inside = false;
      for (const auto& [bs, be] : spans) inside |= tokens[i].start < be && bs < tokens[i].stem_end;
      if (inside) {
        counts.inside_entity.insert(stem);
      } else {
        ++counts.word_count[stem];
        for (const std::string& syl : syllables(stem)) {
          if (hangul_syllable(syl)) ++counts.other_syllables[syl];
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
  app.add_option("--klue", klue, "KLUE-NER JSONL (index % 10 == 0 is held out)")->required();
  app.add_option("--other", others, "Further annotated JSONL files used whole (MultiCoNER train)");
  app.add_option("--out", out_dir, "Where to write the three files")->required();
  app.add_option("--data-dir", data_dir, "Where the particle list is (default: found automatically)");
  app.add_option("--min-count", min_count, "Times a surface must be annotated to enter the gazetteer");
  app.add_option("--common-min", common_min, "Times a word must be seen, never as a name, to be common");
  CLI11_PARSE(app, argc, argv);

  try {
    const news::Resources resources = news::Resources::load(
        news::find_data_dir(data_dir.empty() ? std::nullopt : std::optional<std::filesystem::path>(data_dir)));
    Counts counts;
    count_file(klue, true, resources.names, counts);
    for (const std::string& other : others) count_file(other, false, resources.names, counts);

    const std::string sources = "KLUE-NER v1.1 train (first 5,000; sentences with index % 10 != 0; CC BY-SA 4.0)" +
                                std::string(others.empty() ? "" : " and MultiCoNER Korean train (CC BY 4.0)");
    std::ofstream gazetteer(out_dir + "/name_gazetteer.txt");
    gazetteer << "# Names seen in annotated sentences, derived from " << sources << ".\n"
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
      if (surface.find('\t') != std::string::npos || surface.front() == ' ' || surface.back() == ' ') continue;
      const auto occ_it = counts.occurrences.find(surface);
      const int occurrences = std::max(occ_it == counts.occurrences.end() ? 0 : occ_it->second, total);
      const double precision = double(best_count) / double(occurrences + 1);
      if (precision < 0.4) continue;
      char number[16];
      std::snprintf(number, sizeof number, "%.2f", precision);
      gazetteer << surface << '\t' << best << '\t' << number << '\n';
    }

    std::ofstream syllable_file(out_dir + "/name_syllables.txt");
    syllable_file << "# How much more often a Hangul syllable appears in people's names than in other\n"
                  << "# words, derived from " << sources << ".\n"
                  << "# Built by analyze-build-name-lexicons; columns: syllable<TAB>log-odds (natural log,\n"
                  << "# add-one smoothed). A word whose syllables average above a threshold looks like a name.\n";
    double person_total = 0, other_total = 0;
    for (const auto& [s, n] : counts.person_syllables) person_total += n;
    for (const auto& [s, n] : counts.other_syllables) other_total += n;
    std::set<std::string> all;
    for (const auto& [s, n] : counts.person_syllables) all.insert(s);
    for (const auto& [s, n] : counts.other_syllables) all.insert(s);
    const double v = double(all.size());
    for (const std::string& s : all) {
      const auto p = counts.person_syllables.find(s);
      const auto o = counts.other_syllables.find(s);
      const double pn = p == counts.person_syllables.end() ? 0 : p->second;
      const double on = o == counts.other_syllables.end() ? 0 : o->second;
      if (pn + on < 3) continue;
      const double odds = std::log((pn + 1) / (person_total + v)) - std::log((on + 1) / (other_total + v));
      char number[16];
      std::snprintf(number, sizeof number, "%.2f", odds);
      syllable_file << s << '\t' << number << '\n';
    }

    std::ofstream common(out_dir + "/common_words.txt");
    common << "# Words seen at least " << common_min << " times in annotated sentences and never inside a name,\n"
           << "# derived from " << sources << ".\n"
           << "# Built by analyze-build-name-lexicons. A rule never proposes one of these as a name\n"
           << "# (lexicons and titles still can).\n";
    for (const auto& [word, n] : counts.word_count) {
      if (n < common_min || counts.inside_entity.count(word) > 0 || syllables(word).size() < 2) continue;
      common << word << '\n';
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "analyze-build-name-lexicons: %s\n", e.what());
    return 1;
  }
  return 0;
}
