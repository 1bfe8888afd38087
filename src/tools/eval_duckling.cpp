// analyze-eval-duckling — conformance of the value readers on Duckling's
// corpus (../shared/data/duckling/*.jsonl; format in its README.md).
//
//   analyze-eval-duckling ../shared/data/duckling/ko_number.jsonl …
//
// Each line is one whole-text example with its expected value and reference
// time. The text is read as a one-paragraph article published at the
// reference time, and:
//   number           read_number() must read the whole text to the value;
//   amount-of-money  exactly one money record (two for a from–to range)
//                    with the amount and the ISO code (Duckling's $ and £
//                    count as USD and GBP, its assumed_iso4217);
//   time             exactly one date record at Duckling's value and grain
//                    (two for a closed interval: `to` is exclusive, so the
//                    second record must be one grain before it);
//   negatives        no record at all.
// Cases where our answer differs on purpose (a news reading, not an
// assistant's) are listed with the reason in data/duckling-differences.txt
// and counted apart. Prints the pass rate per file; --failures lists the
// rest.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "values/dates.h"
#include "values/numbers.h"
#include "resources.h"
#include "values/values.h"
#include "shared_corpus.h"

namespace {

using Json = nlohmann::json;

std::string two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

// Duckling's "2013-02-12T15:20:00.000-02:00" at `grain`, written the way
// our records write it (2013-02-12T15:20, 2013-W07, 2013-02).
std::optional<std::string> at_grain(const std::string& value, const std::string& grain,
                                    int minus_one = 0) {
  auto t = news::parse_local_time(value);
  if (!t) return std::nullopt;
  long day = news::days_from_civil(t->year, t->month, t->day);
  if (minus_one) {
    if (grain == "day")
      --day;
    else if (grain == "week")
      day -= 7;
    else if (grain == "hour") {
      if (--t->hour < 0) t->hour = 23, --day;
    } else if (grain == "minute") {
      if (--t->minute < 0) {
        t->minute = 59;
        if (--t->hour < 0) t->hour = 23, --day;
      }
    } else if (grain == "second") {
      if (--t->second < 0) t->second = 59, --t->minute;
    } else if (grain == "month") {
      if (--t->month == 0) t->month = 12, --t->year;
      day = news::days_from_civil(t->year, t->month, 1);
    } else if (grain == "year") {
      --t->year;
      day = news::days_from_civil(t->year, 1, 1);
    } else {
      return std::nullopt;
    }
  }
  const news::LocalTime d = news::civil_from_days(day);
  char year[8];
  std::snprintf(year, sizeof year, "%04d", d.year);
  std::string out = year;
  if (grain == "year") return out;
  if (grain == "week") {
    const long thursday = day + 3;
    const news::LocalTime th = news::civil_from_days(thursday);
    std::snprintf(year, sizeof year, "%04d", th.year);
    return std::string(year) + "-W" +
           two(static_cast<int>((thursday - news::days_from_civil(th.year, 1, 1)) / 7 + 1));
  }
  if (grain == "quarter") return out + "-Q" + std::to_string((d.month - 1) / 3 + 1);
  out += "-" + two(d.month);
  if (grain == "month") return out;
  out += "-" + two(d.day);
  if (grain == "day") return out;
  out += "T" + two(t->hour);
  if (grain == "hour") return out;
  out += ":" + two(t->minute);
  if (grain == "minute") return out;
  return out + ":" + two(t->second);
}

bool same_number(const news::Decimal& ours, const Json& expected) {
  if (expected.is_number_integer())
    return ours.to_string() == std::to_string(expected.get<long long>());
  if (expected.is_number())
    return std::fabs(ours.to_double() - expected.get<double>()) <
           1e-9 * std::max(1.0, std::fabs(expected.get<double>()));
  return false;
}

std::string currency_of(const Json& e) {
  if (e.contains("assumed_iso4217") && e["assumed_iso4217"].is_string())
    return e["assumed_iso4217"];
  return e.value("unit", "");
}

struct Verdict {
  bool pass = false;
  std::string ours;  // what we found, for --failures
};

Verdict check_number(const std::string& text, const Json& expected) {
  Verdict v;
  const std::size_t start = news::skip_spaces(text, 0);
  const auto n = news::read_number(text, start);
  if (!n) return v;
  v.ours = n->value.to_string() + " [" + text.substr(n->start, n->end - n->start) + "]";
  v.pass = n->end == text.size() && same_number(n->value, expected["value"]);
  return v;
}

Verdict check_money(const news::Entities& e, const Json& expected) {
  Verdict v;
  for (const auto& m : e.money) v.ours += m.amount + " " + m.currency + " [" + m.where.text + "] ";
  if (expected.is_null()) {
    v.pass = e.money.empty();
    return v;
  }
  const auto matches = [](const news::MoneyEntity& m, const Json& x) {
    const auto amount = news::Decimal::parse(m.amount);
    return amount && same_number(*amount, x["value"]) && m.currency == currency_of(x);
  };
  if (expected.contains("from") && expected.contains("to")) {
    v.pass = e.money.size() == 2 && matches(e.money[0], expected["from"]) &&
             matches(e.money[1], expected["to"]);
  } else if (expected.contains("from") || expected.contains("to")) {
    v.pass = e.money.size() == 1 &&
             matches(e.money[0], expected.contains("from") ? expected["from"] : expected["to"]);
  } else {
    v.pass = e.money.size() == 1 && matches(e.money[0], expected);
  }
  return v;
}

Verdict check_time(const news::Entities& e, const Json& expected) {
  Verdict v;
  for (const auto& d : e.dates)
    v.ours += d.value.value_or("null") + (d.until ? ".." + *d.until : "") + "/" + d.grain + " [" +
              d.where.text + "] ";
  if (expected.is_null()) {
    v.pass = e.dates.empty();
    return v;
  }
  const auto matches = [](const news::DateEntity& d, const Json& x, int minus_one) {
    const auto want = at_grain(x["value"], x["grain"], minus_one);
    return want && d.grain == x["grain"].get<std::string>() && d.value == *want;
  };
  if (expected.contains("from") && expected.contains("to")) {
    // Either a range of two records (7월 13일 - 15일) or one span (내일 저녁).
    const bool span =
        e.dates.size() == 1 && matches(e.dates[0], expected["from"], 0) && e.dates[0].until &&
        expected["to"]["grain"] == expected["from"]["grain"] &&
        at_grain(expected["to"]["value"], expected["to"]["grain"]) == *e.dates[0].until;
    v.pass = span || (e.dates.size() == 2 && matches(e.dates[0], expected["from"], 0) &&
                      matches(e.dates[1], expected["to"], 1));
  } else if (expected.contains("from")) {
    v.pass = e.dates.size() == 1 && matches(e.dates[0], expected["from"], 0);
  } else if (expected.contains("to")) {
    v.pass = e.dates.size() == 1 && matches(e.dates[0], expected["to"], 0);
  } else {
    v.pass = e.dates.size() == 1 && matches(e.dates[0], expected, 0);
  }
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Conformance of the value readers on Duckling's corpus"};
  std::vector<std::string> files;
  std::string data_dir;
  bool failures = false;
  app.add_option("files", files, "Duckling JSONL files")->required()->check(CLI::ExistingFile);
  app.add_option("--data-dir", data_dir, "the data/ directory (default: found like analyze does)");
  app.add_flag("--failures", failures, "list every failing example");
  CLI11_PARSE(app, argc, argv);

  news::Resources resources;
  news::Lexicon differences;
  try {
    const auto dir = news::tools::data_dir_or_default(data_dir);
    resources = news::Resources::load(dir, /*with_ner_model=*/false);
    differences = news::Lexicon::load(dir / "duckling-differences.txt", 2, 2);
  } catch (const news::LexiconError& e) {
    std::cerr << "analyze-eval-duckling: " << e.what() << "\n";
    return 3;
  }

  std::printf("%-40s %6s %6s %6s %6s %8s %8s\n", "file", "cases", "pass", "differ", "fail",
              "pass %", "raw %");
  int all_cases = 0, all_pass = 0;
  for (const std::string& file : files) {
    std::ifstream in(file);
    std::string line;
    int cases = 0, pass = 0, differ = 0, skipped = 0;
    std::vector<std::string> failed;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const Json example = Json::parse(line, nullptr, false);
      if (example.is_discarded()) continue;
      const std::string text = example["text"];
      const std::string dim = example["dim"];
      const Json& expected = example["expected"];
      if (dim != "number" && dim != "amount-of-money" && dim != "time") {
        ++skipped;
        continue;
      }
      ++cases;
      Verdict verdict;
      if (dim == "number") {
        verdict = check_number(text, expected);
      } else {
        news::Paragraph paragraph;
        paragraph.text = text;
        news::Entities entities;
        news::extract_values({paragraph}, example["reference_time"].get<std::string>(), resources,
                             entities);
        verdict = dim == "time" ? check_time(entities, expected) : check_money(entities, expected);
      }
      if (verdict.pass) {
        ++pass;
      } else if (const auto* entry = differences.find(text); entry && entry->fields[0] == dim) {
        ++differ;
      } else {
        failed.push_back(text + "\texpected " + expected.dump() + "\n\tours " + verdict.ours);
      }
    }
    if (cases == 0) {
      std::printf("%-40s (no number, money or time examples; %d skipped)\n",
                  std::filesystem::path(file).filename().c_str(), skipped);
      continue;
    }
    all_cases += cases;
    all_pass += pass;
    // The rate leaves out the cases we differ on on purpose (listed with
    // their reasons in data/duckling-differences.txt); raw is over all cases.
    const int judged = cases - differ;
    std::printf("%-40s %6d %6d %6d %6zu %7.1f%% %7.1f%%\n",
                std::filesystem::path(file).filename().c_str(), cases, pass, differ, failed.size(),
                judged > 0 ? 100.0 * pass / judged : 0.0, 100.0 * pass / cases);
    if (failures) {
      for (const std::string& f : failed) std::printf("  FAIL %s\n", f.c_str());
    }
  }
  return 0;
}
