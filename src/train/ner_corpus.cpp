#include "train/ner_corpus.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace news {
namespace {

// Our type for a gold tag, nothing for a tag we do not have; throws for a tag
// the convention does not define.
std::optional<NerType> map_tag(const std::string& tag, Annotation annotation, bool& known) {
  known = true;
  if (annotation == Annotation::kKlue) {
    if (tag == "PS") return NerType::kPerson;
    if (tag == "OG") return NerType::kOrganization;
    if (tag == "LC") return NerType::kLocation;
    if (tag == "DT") return NerType::kDate;
    if (tag == "TI") return NerType::kTime;
    if (tag == "QT") return NerType::kQuantity;
  } else {
    if (tag == "PER") return NerType::kPerson;
    if (tag == "LOC") return NerType::kLocation;
    if (tag == "CORP" || tag == "GRP") return NerType::kOrganization;
    if (tag == "CW" || tag == "PROD") return std::nullopt;
  }
  known = false;
  return std::nullopt;
}

}  // namespace

std::array<bool, kNerTypeCount> known_types(Annotation annotation) {
  if (annotation == Annotation::kKlue) return {true, true, true, true, true, true};
  return {true, true, true, false, false, false};
}

std::vector<AnnotatedSentence> read_annotated(const std::filesystem::path& path,
                                              Annotation annotation) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot read the file");
  std::vector<AnnotatedSentence> sentences;
  std::string line;
  std::size_t number = 0;
  for (; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    auto fail = [&](const std::string& why) {
      return std::runtime_error(path.string() + ":" + std::to_string(number + 1) + ": " + why);
    };
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object() || !record.contains("text") ||
        !record["text"].is_string()) {
      throw fail("not a JSON object with a \"text\"");
    }
    AnnotatedSentence sentence;
    sentence.text = record["text"].get<std::string>();
    if (record.contains("id") && record["id"].is_string())
      sentence.id = record["id"].get<std::string>();
    sentence.annotation = annotation;
    sentence.line = number;
    const std::size_t length = ner::decode(sentence.text).chars.size();
    if (record.contains("entities")) {
      for (const auto& entity : record["entities"]) {
        if (!entity.contains("start") || !entity.contains("end") || !entity.contains("type") ||
            !entity["start"].is_number_unsigned() || !entity["end"].is_number_unsigned() ||
            !entity["type"].is_string()) {
          throw fail("an entity without start, end and type");
        }
        GoldEntity gold;
        gold.start = entity["start"].get<std::size_t>();
        gold.end = entity["end"].get<std::size_t>();
        if (gold.start >= gold.end || gold.end > length) throw fail("an entity outside the text");
        bool known = false;
        const auto type = map_tag(entity["type"].get<std::string>(), annotation, known);
        if (!known) throw fail("unknown tag " + entity["type"].get<std::string>());
        if (type) {
          gold.type = *type;
          sentence.entities.push_back(gold);
        } else {
          sentence.foreign.push_back(gold);
        }
      }
    }
    sentences.push_back(std::move(sentence));
  }
  return sentences;
}

double NerCounts::precision() const {
  const std::size_t predicted = true_positives + false_positives;
  return predicted == 0 ? 0.0
                        : static_cast<double>(true_positives) / static_cast<double>(predicted);
}
double NerCounts::recall() const {
  const std::size_t gold = true_positives + false_negatives;
  return gold == 0 ? 0.0 : static_cast<double>(true_positives) / static_cast<double>(gold);
}
double NerCounts::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
}

NerCounts NerScore::micro() const {
  NerCounts sum;
  for (int t = 0; t < kNerTypeCount; ++t) {
    if (!scored[t]) continue;
    sum.true_positives += by_type[t].true_positives;
    sum.false_positives += by_type[t].false_positives;
    sum.false_negatives += by_type[t].false_negatives;
  }
  return sum;
}

void NerScore::add(const AnnotatedSentence& sentence, const std::vector<GoldEntity>& predicted) {
  const auto known = known_types(sentence.annotation);
  auto same = [](const GoldEntity& a, const GoldEntity& b) {
    return a.start == b.start && a.end == b.end && a.type == b.type;
  };
  for (int t = 0; t < kNerTypeCount; ++t) scored[t] = scored[t] || known[t];
  for (const GoldEntity& p : predicted) {
    const int t = static_cast<int>(p.type);
    if (!known[t]) continue;
    const bool hit = std::any_of(sentence.entities.begin(), sentence.entities.end(),
                                 [&](const GoldEntity& g) { return same(g, p); });
    ++(hit ? by_type[t].true_positives : by_type[t].false_positives);
  }
  for (const GoldEntity& g : sentence.entities) {
    const bool found = std::any_of(predicted.begin(), predicted.end(),
                                   [&](const GoldEntity& p) { return same(g, p); });
    if (!found) ++by_type[static_cast<int>(g.type)].false_negatives;
  }
}

std::string NerScore::table() const {
  std::string out = "type          precision  recall      f1    gold  predicted\n";
  char line[160];
  auto row = [&](const char* name, const NerCounts& c) {
    std::snprintf(line, sizeof line, "%-12s  %9.4f  %6.4f  %6.4f  %6zu  %9zu\n", name,
                  c.precision(), c.recall(), c.f1(), c.true_positives + c.false_negatives,
                  c.true_positives + c.false_positives);
    out += line;
  };
  for (int t = 0; t < kNerTypeCount; ++t) {
    if (scored[t]) row(to_string(static_cast<NerType>(t)), by_type[t]);
  }
  row("micro", micro());
  return out;
}

std::vector<GoldEntity> predict(const NerModel& model, const AnnotatedSentence& sentence) {
  const ner::CodePoints points = ner::decode(sentence.text);
  std::vector<GoldEntity> out;
  for (const NerSpan& span : model.label(sentence.text)) {
    // Byte offsets → code-point indices (offsets are ascending).
    const auto start = std::lower_bound(points.offsets.begin(), points.offsets.end(), span.start);
    const auto end = std::lower_bound(points.offsets.begin(), points.offsets.end(), span.end);
    out.push_back({static_cast<std::size_t>(start - points.offsets.begin()),
                   static_cast<std::size_t>(end - points.offsets.begin()), span.type,
                   span.confidence});
  }
  return out;
}

}  // namespace news
