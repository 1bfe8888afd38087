// analyze-eval-ner — entity-level precision, recall and F1 of the pipeline on
// annotated sentences.
//
// Reads JSON Lines in the form of ../shared/data/klue-ner/train.first5000.jsonl
// and ../shared/data/multiconer-ko/dev.jsonl: {"text", "entities": [{"start",
// "end", "type"}]} with CODE-POINT offsets. Each text is analyzed as a
// one-paragraph article; predicted byte offsets in the (white-space folded)
// paragraph are mapped back to code points of the original text. Types:
//   people → PS/PER, organizations → OG/CORP/GRP, locations → LC/LOC,
//   dates and durations → DT/TI, money, percentages and quantities → QT.
// Gold types outside these (CW, PROD) are ignored. Prints figures; does not judge.
//
// `--holdout` keeps only sentences whose 0-based index % 10 == 0: the part of
// KLUE that data/name_gazetteer.txt was NOT built from (and that the trained
// model of issue 7 holds out); `--fold K` keeps index % 10 == K instead (for
// tuning the combination with a model trained without that fold).
//
// Three systems: the pipeline with the trained model (default: "combined"),
// `--no-model` (lexicons and rules alone) and `--model-only` (the model's own
// spans, DT and TI as DT, without the pipeline). `--model FILE` replaces
// data/ner-model.bin.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "base/sha256.h"
#include "pipeline.h"
#include "resources.h"
#include "shared_corpus.h"

namespace {

struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string group;  // PS, OG, LC, DT, QT
  std::string text;
};

std::string group_of(const std::string& gold_type) {
  if (gold_type == "PS" || gold_type == "PER") return "PS";
  if (gold_type == "OG" || gold_type == "CORP" || gold_type == "GRP") return "OG";
  if (gold_type == "LC" || gold_type == "LOC") return "LC";
  if (gold_type == "DT" || gold_type == "TI") return "DT";
  if (gold_type == "QT") return "QT";
  return {};
}

std::vector<char32_t> code_points_of(const std::string& s,
                                     std::vector<std::size_t>* byte_starts = nullptr) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > s.size()) n = 1;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (std::size_t k = 1; k < n; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (byte_starts != nullptr) byte_starts->push_back(i);
    out.push_back(cp);
    i += n;
  }
  if (byte_starts != nullptr) byte_starts->push_back(s.size());
  return out;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200B);
}

// Maps each code point of the folded paragraph to its code point in the
// original text (one entry past the end too).
std::vector<std::size_t> align(const std::vector<char32_t>& para, const std::vector<char32_t>& orig,
                               std::size_t from) {
  std::vector<std::size_t> map(para.size() + 1, orig.size());
  std::size_t j = from;
  for (std::size_t i = 0; i < para.size(); ++i) {
    if (!is_space(para[i])) {
      while (j < orig.size() && is_space(orig[j])) ++j;
      map[i] = j;
      if (j < orig.size()) ++j;
    } else {
      map[i] = j;
      while (j < orig.size() && is_space(orig[j])) ++j;
    }
  }
  map[para.size()] = j;
  return map;
}

// Where the paragraph starts in the original text, at or after `from`: the
// first place whose non-space characters begin like the paragraph's (a title
// the metadata took, or a dropped repeat, leaves a gap to skip). `from` when
// nothing matches.
std::size_t find_paragraph(const std::vector<char32_t>& para, const std::vector<char32_t>& orig,
                           std::size_t from) {
  std::vector<char32_t> key;
  for (char32_t c : para) {
    if (!is_space(c)) key.push_back(c);
    if (key.size() == 24) break;
  }
  if (key.empty()) return from;
  for (std::size_t start = from; start < orig.size(); ++start) {
    if (orig[start] != key[0]) continue;
    std::size_t j = start, k = 0;
    for (; j < orig.size() && k < key.size(); ++j) {
      if (is_space(orig[j])) continue;
      if (orig[j] != key[k]) break;
      ++k;
    }
    if (k == key.size()) return start;
  }
  return from;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Tally {
  std::size_t gold = 0, predicted = 0, exact = 0, partial_predicted = 0, partial_gold = 0;
  Tally& operator+=(const Tally& t) {
    gold += t.gold;
    predicted += t.predicted;
    exact += t.exact;
    partial_predicted += t.partial_predicted;
    partial_gold += t.partial_gold;
    return *this;
  }
};

void print_row(const std::string& name, const Tally& t) {
  const auto ratio = [](std::size_t a, std::size_t b) {
    return b == 0 ? 0.0 : double(a) / double(b);
  };
  const double p = ratio(t.exact, t.predicted), r = ratio(t.exact, t.gold);
  const double f = p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  const double pp = ratio(t.partial_predicted, t.predicted), pr = ratio(t.partial_gold, t.gold);
  const double pf = pp + pr == 0 ? 0.0 : 2 * pp * pr / (pp + pr);
  std::printf("%-6s %6zu %6zu   %.3f  %.3f  %.3f    %.3f  %.3f  %.3f\n", name.c_str(), t.gold,
              t.predicted, p, r, f, pp, pr, pf);
}

struct Settings {
  std::string file, data_dir, corpus_dir, model_file, error_type;
  bool no_gazetteer = false, no_model = false, model_only = false;
  int fold = -1;
  int show_errors = 0;
};

// What the system under test finds in `text`, as code-point spans of it: the
// model's spans alone, or the whole pipeline's mentions mapped back onto the
// text (its paragraphs are normalized copies of the text's lines).
std::vector<Span> predicted_spans(const std::string& text, const news::Resources& resources,
                                  bool model_only) {
  std::vector<Span> predicted;
  if (model_only) {
    std::vector<std::size_t> starts;
    code_points_of(text, &starts);
    const auto cp = [&](std::size_t byte) {
      return static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), byte) -
                                      starts.begin());
    };
    for (const news::NerSpan& span : resources.ner_model->label(text)) {
      static const char* const kGroup[] = {"PS", "OG", "LC", "DT", "DT", "QT"};
      predicted.push_back(Span{cp(span.start), cp(span.end), kGroup[static_cast<int>(span.type)],
                               text.substr(span.start, span.end - span.start)});
    }
  }
  const news::Document doc = model_only
                                 ? news::Document{}
                                 : news::analyze(text, news::Source{}, news::Options{}, resources);
  if (doc.entities && !doc.error) {
    const std::vector<char32_t> orig = code_points_of(text);
    std::size_t from = 0;
    std::vector<std::vector<std::size_t>> maps, byte_starts(doc.paragraphs.size());
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const std::vector<char32_t> para = code_points_of(doc.paragraphs[p].text, &byte_starts[p]);
      maps.push_back(align(para, orig, find_paragraph(para, orig, from)));
      from = maps.back().back();
    }
    const auto add = [&](const news::Mention& m, const std::string& g) {
      const auto& starts = byte_starts[static_cast<std::size_t>(m.paragraph)];
      const auto cp = [&](std::size_t byte) {
        return static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), byte) -
                                        starts.begin());
      };
      const auto& map = maps[static_cast<std::size_t>(m.paragraph)];
      const std::size_t s = map[cp(m.start)];
      const std::size_t e = cp(m.end) == 0 ? s : map[cp(m.end) - 1] + 1;
      predicted.push_back(Span{s, e, g, m.text});
    };
    const news::Entities& es = *doc.entities;
    for (const auto& x : es.people)
      for (const auto& m : x.mentions) add(m, "PS");
    for (const auto& x : es.organizations)
      for (const auto& m : x.mentions) add(m, "OG");
    for (const auto& x : es.locations)
      for (const auto& m : x.mentions) add(m, "LC");
    for (const auto& x : es.dates) add(x.where, "DT");
    for (const auto& x : es.durations) add(x.where, "DT");
    for (const auto& x : es.money) add(x.where, "QT");
    for (const auto& x : es.percentages) add(x.where, "QT");
    for (const auto& x : es.quantities) add(x.where, "QT");
  }

  return predicted;
}

// Adds one record's gold and predicted spans to the tallies (exact and
// partial matches), printing up to settings.show_errors misses.
void score(const std::vector<Span>& gold, const std::vector<Span>& predicted,
           const std::string& where, const Settings& settings, std::map<std::string, Tally>& tally,
           int& errors_shown) {
  const int show_errors = settings.show_errors;
  const std::string& error_type = settings.error_type;
  std::vector<bool> gold_hit(gold.size(), false), gold_partial(gold.size(), false);
  for (const Span& g : gold) ++tally[g.group].gold;
  for (const Span& p : predicted) {
    Tally& t = tally[p.group];
    ++t.predicted;
    bool exact = false, partial = false;
    for (std::size_t k = 0; k < gold.size(); ++k) {
      if (gold[k].group != p.group) continue;
      if (gold[k].start == p.start && gold[k].end == p.end && !gold_hit[k]) {
        gold_hit[k] = true;
        exact = true;
      }
      if (gold[k].start < p.end && p.start < gold[k].end) {
        partial = true;
        gold_partial[k] = true;
      }
    }
    t.exact += exact;
    t.partial_predicted += partial;
    if (!exact && errors_shown < show_errors && (error_type.empty() || error_type == p.group)) {
      ++errors_shown;
      std::printf("FP %s [%s] in: %s\n", p.group.c_str(), p.text.c_str(), where.c_str());
    }
  }
  for (std::size_t k = 0; k < gold.size(); ++k) {
    tally[gold[k].group].partial_gold += gold_partial[k];
    if (!gold_hit[k] && errors_shown < show_errors &&
        (error_type.empty() || error_type == gold[k].group)) {
      ++errors_shown;
      std::printf("FN %s [%s] in: %s\n", gold[k].group.c_str(), gold[k].text.c_str(),
                  where.c_str());
    }
  }
}

void print_report(const Settings& settings, std::size_t sentences,
                  std::map<std::string, Tally>& tally) {
  const std::vector<std::string> groups = {"PS", "OG", "LC", "DT", "QT"};
  const std::string& file = settings.file;
  const int fold = settings.fold;
  const bool model_only = settings.model_only, no_model = settings.no_model,
             no_gazetteer = settings.no_gazetteer;
  std::printf("%s: %zu sentences%s, %s%s\n", file.c_str(), sentences,
              fold >= 0 ? (" (index % 10 == " + std::to_string(fold) + " only)").c_str() : "",
              model_only ? "the model alone"
              : no_model ? "rules alone"
                         : "rules and model",
              no_gazetteer ? ", without the lexicons derived from annotated data" : "");
  std::printf("%-6s %6s %6s   %-5s  %-5s  %-5s    %-20s\n", "type", "gold", "pred", "P", "R", "F1",
              "partial overlap P R F1");
  Tally micro;
  for (const std::string& g : groups) {
    const Tally& t = tally[g];
    print_row(g, t);
    micro += t;
  }
  print_row("micro", micro);
  Tally names;
  for (const std::string g : {"PS", "OG", "LC"}) names += tally[g];
  print_row("names", names);
}

}  // namespace

// Scores every record of the file (or of the fold). Exit code 2 on bad
// input, 3 when the data cannot be loaded.
int run(const Settings& settings) {
  const std::string& file = settings.file;
  const std::string& corpus_dir = settings.corpus_dir;
  const int fold = settings.fold;
  news::Resources resources;
  try {
    resources = news::Resources::load(news::tools::data_dir_or_default(settings.data_dir),
                                      !settings.no_model && settings.model_file.empty());
    if (!settings.no_model && !settings.model_file.empty())
      resources.ner_model = news::NerModel::load(settings.model_file);
  } catch (const std::runtime_error& e) {  // LexiconError, NerModelError
    std::fprintf(stderr, "analyze-eval-ner: %s\n", e.what());
    return 3;
  }
  if (settings.model_only && !resources.ner_model) {
    std::fprintf(stderr, "analyze-eval-ner: --model-only needs the model (drop --no-model)\n");
    return 2;
  }
  if (settings.no_gazetteer) resources.names.drop_derived();

  std::ifstream in(file);
  if (!in) {
    std::fprintf(stderr, "analyze-eval-ner: %s: cannot open\n", file.c_str());
    return 2;
  }
  std::map<std::string, Tally> tally;
  std::string line;
  std::size_t index = 0, sentences = 0;
  int errors_shown = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::size_t this_index = index++;
    if (fold >= 0 && this_index % 10 != static_cast<std::size_t>(fold)) continue;
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    std::string record_text;
    if (!corpus_dir.empty() && !record.is_discarded() && record.contains("file")) {
      const std::string path = corpus_dir + "/" + record["file"].get<std::string>();
      const std::string bytes = read_file(path);
      if (news::sha256_hex(bytes) != record.value("sha256", "")) {
        std::fprintf(stderr, "analyze-eval-ner: %s: missing or not the annotated version\n",
                     path.c_str());
        return 2;
      }
      record_text = bytes;
    }
    if (record.is_discarded() || (!record.contains("text") && record_text.empty())) {
      std::fprintf(stderr, "analyze-eval-ner: %s:%zu: not a JSON record with \"text\"\n",
                   file.c_str(), this_index + 1);
      return 2;
    }
    ++sentences;
    const std::string text = record_text.empty() ? record["text"].get<std::string>() : record_text;
    std::vector<Span> gold;
    for (const auto& e : record.value("entities", nlohmann::json::array())) {
      const std::string g = group_of(e.value("type", ""));
      if (g.empty()) continue;
      gold.push_back(
          Span{e["start"].get<std::size_t>(), e["end"].get<std::size_t>(), g, e.value("text", "")});
    }

    if (!record_text.empty()) {  // an article: the surfaces come from its text
      std::vector<std::size_t> starts;
      code_points_of(text, &starts);
      for (Span& g : gold) {
        if (g.end < starts.size())
          g.text = text.substr(starts[g.start], starts[g.end] - starts[g.start]);
      }
    }
    const std::string where = record_text.empty() ? text : record["file"].get<std::string>();

    const std::vector<Span> predicted = predicted_spans(text, resources, settings.model_only);
    score(gold, predicted, where, settings, tally, errors_shown);
  }
  print_report(settings, sentences, tally);
  return 0;
}

int main(int argc, char** argv) {
  CLI::App app{
      "analyze-eval-ner — precision/recall/F1 of people, organizations, places, dates and\n"
      "quantities on annotated JSONL sentences (KLUE-NER, MultiCoNER form)."};
  Settings s;
  bool holdout = false;
  app.add_option("file", s.file, "Annotated sentences, one JSON object per line")->required();
  app.add_flag("--holdout", holdout,
               "Only sentences with index % 10 == 0 (never used to build lexicons)");
  app.add_flag("--no-gazetteer", s.no_gazetteer,
               "Leave out what was derived from annotated data (name_gazetteer.txt, "
               "name_syllables.txt, common_words.txt)");
  app.add_option("--fold", s.fold, "Only sentences with index % 10 == this (tuning)");
  app.add_flag("--no-model", s.no_model, "Lexicons and rules alone, without the trained model");
  app.add_flag("--model-only", s.model_only,
               "The trained model's spans alone, without the pipeline");
  app.add_option("--model", s.model_file, "A model file instead of data/ner-model.bin");
  app.add_option("--data-dir", s.data_dir, "Where the lexicons are");
  app.add_option("--corpus", s.corpus_dir,
                 "Whole articles: lines name a file of this folder and its sha256");
  app.add_option("--errors", s.show_errors, "Print up to N wrong or missed spans");
  app.add_option("--errors-type", s.error_type, "Only errors of this group (PS, OG, LC, DT, QT)");
  CLI11_PARSE(app, argc, argv);

  if (holdout) s.fold = 0;
  return run(s);
}
