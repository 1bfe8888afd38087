#include "news/json.h"

#include <gtest/gtest.h>

namespace news {
namespace {

TEST(JsonTest, CodePointIndexAgreesWithAScanEverywhere) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += i % 3 == 0 ? "알트먼" : i % 3 == 1 ? " CEO " : "😀";
  const CodePointIndex index(text);
  for (std::size_t byte = 0; byte <= text.size(); ++byte) {
    if (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) continue;
    ASSERT_EQ(index(byte), code_points(text, byte)) << byte;
  }
  EXPECT_EQ(CodePointIndex("")(0), 0u);
  EXPECT_EQ(CodePointIndex(std::string(256, 'a'))(256), 256u);
}

TEST(JsonTest, MentionsBecomeCodePointOffsets) {
  Document document;
  Paragraph p;
  p.text = "오픈AI는 샘 알트먼을 해임했다.";
  document.paragraphs.push_back(p);
  Entities entities;
  NamedEntity person;
  person.name = "샘 알트먼";
  const std::size_t start = p.text.find("샘 알트먼");
  person.mentions.push_back(Mention{0, start, start + std::string("샘 알트먼").size(), "샘 알트먼"});
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

}  // namespace
}  // namespace news
