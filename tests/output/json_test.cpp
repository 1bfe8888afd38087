#include "news/json.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline.h"
#include "resources.h"
#include "testing.h"

namespace news {
namespace {

TEST(JsonTest, MentionsBecomeCodePointOffsets) {
  Document document;
  Paragraph p;
  p.text = "오픈AI는 샘 알트먼을 해임했다.";
  document.paragraphs.push_back(p);
  Entities entities;
  NamedEntity person;
  person.name = "샘 알트먼";
  const std::size_t start = p.text.find("샘 알트먼");
  person.mentions.push_back(
      Mention{0, start, start + std::string("샘 알트먼").size(), "샘 알트먼"});
  entities.people.push_back(person);
  MoneyEntity money;
  money.where = Mention{0, 0, 0, "x"};
  money.amount = "16850000000000";
  money.currency = "KRW";
  entities.money.push_back(money);
  document.entities = entities;
  const auto j = to_json(document);
  const auto& mention = j["entities"]["people"][0]["mentions"][0];
  EXPECT_EQ(mention["start"], 6);
  EXPECT_EQ(mention["end"], 11);
  EXPECT_EQ(j["entities"]["money"][0]["amount"].get<std::int64_t>(), 16850000000000);
}

TEST(JsonTest, ErrorRecordHasOnlySourceAndError) {
  Document document;
  document.source.path = "bad.bin";
  document.error = Error{"not_text", "binary"};
  const auto j = to_json(document);
  EXPECT_EQ(j["error"]["code"], "not_text");
  EXPECT_FALSE(j.contains("paragraphs"));
  EXPECT_FALSE(j.contains("entities"));
}

// to_json() is a parse of write_json()'s bytes; pretty-printing the tree and
// compacting it again must give those bytes back, on real articles, with and
// without tokens.
void expect_round_trip(const Document& document) {
  for (const bool tokens : {false, true}) {
    const JsonOptions options{tokens};
    std::string written = "prefix";  // appended, not overwritten
    write_json(document, options, written);
    const std::string pretty = to_json(document, options).dump(2);
    EXPECT_EQ(written, "prefix" + nlohmann::ordered_json::parse(pretty).dump());
  }
}

TEST(JsonTest, PrettyAndCompactFormsCarryTheSameRecordOnEveryGoldenArticle) {
  const Resources resources = Resources::load(testing::source_path("data"));
  int articles = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::source_path("tests/golden"))) {
    if (entry.path().extension() != ".txt") continue;
    SCOPED_TRACE(entry.path().filename().string());
    Source source;
    source.path = entry.path().filename().string();
    expect_round_trip(analyze(testing::read_file(entry.path()), source, Options{}, resources));
    ++articles;
  }
  EXPECT_GE(articles, 5);
  if (const auto seed = testing::shared_path("seed/openai-altman-ko.txt")) {
    expect_round_trip(analyze(testing::read_file(*seed), Source{}, Options{}, resources));
  }
}

// Escapes as nlohmann does with ensure_ascii off (control characters, quotes,
// backslashes; DEL and non-ASCII as they are), invalid UTF-8 replaced by
// U+FFFD, doubles in shortest round-trip form ("1.0", "1e+20"). The expected
// bytes (writer_escapes.json, checked by eye) were written by nlohmann's own
// dump() of the same record.
TEST(JsonTest, WriterEscapesAndReplacesLikeNlohmann) {
  Document document;
  document.source.path = std::string("bad\xFF\xFEname \"q\"\\.txt");  // invalid UTF-8: replaced
  document.source.id = "tab\there\x01\x1F\x7F";
  Paragraph p;
  p.text = "줄\n바꿈 \b\f\r “따옴표” 😀";
  p.duplicates.push_back(Duplicate{3, 4, 0.957});
  p.duplicates.push_back(Duplicate{5, 5, 1.0});
  document.paragraphs.push_back(p);
  Entities entities;
  MoneyEntity money;
  money.where = Mention{0, 0, 3, "줄"};
  money.amount = "99999999999999999999";  // beyond 64 bits: a double
  money.currency = "KRW";
  money.converted_from = 0;
  entities.money.push_back(money);
  PercentageEntity percent;
  percent.where = Mention{0, 0, 3, "줄"};
  percent.value = "11.5";
  percent.points = true;
  entities.percentages.push_back(percent);
  DateEntity date;
  date.where = Mention{0, 0, 3, "줄"};
  date.grain = "day";
  date.unresolved = "no anchor";
  entities.dates.push_back(date);
  document.entities = entities;
  document.warnings = {"a warning"};
  std::string written;
  write_json(document, JsonOptions{}, written);
  EXPECT_EQ(written + "\n",
            testing::read_file(testing::source_path("tests/output/writer_escapes.json")));
  EXPECT_EQ(to_json(document)["source"]["path"], "bad\uFFFD\uFFFDname \"q\"\\.txt");
  document.source.path = "fine.txt";
  expect_round_trip(document);
  document.error = Error{"not_text", "binary"};
  written.clear();
  write_json(document, JsonOptions{}, written);
  EXPECT_EQ(
      written,
      R"({"schema_version":1,"source":{"path":"fine.txt","id":"tab\there\u0001\u001f)"
      "\x7f"
      R"(","bytes":0},"error":{"code":"not_text","message":"binary"},"warnings":["a warning"]})");
}

}  // namespace
}  // namespace news
