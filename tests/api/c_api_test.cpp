// news/c.h: no exception crosses it; records and errors as the CLI gives them.
#include "news/c.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "testing.h"

namespace news {
namespace {

using testing::read_file;
using testing::source_path;

// Takes ownership of a string returned by the C API.
std::string take(char* text) {
  EXPECT_NE(text, nullptr);
  if (text == nullptr) return "";
  std::string copy(text);
  news_free(text);
  return copy;
}

class CApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char* error = nullptr;
    analyzer_ = news_analyzer_open(source_path("data").c_str(), &error);
    ASSERT_NE(analyzer_, nullptr) << (error ? error : "");
    EXPECT_EQ(error, nullptr);
  }
  void TearDown() override { news_analyzer_close(analyzer_); }
  news_analyzer* analyzer_ = nullptr;
};

TEST_F(CApiTest, RecordIsTheCommandLinesLine) {
  const std::string text = read_file(source_path("data/samples/ko-battery-plant.txt"));
  const std::string record = take(news_analyze(analyzer_, text.data(), text.size(), nullptr));
  const auto cli =
      testing::run_analyze("--compact - --data-dir " + testing::quote(source_path("data")), text);
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(record + "\n", cli.out);
}

TEST_F(CApiTest, OptionsJsonSetsIdPublishedAndTokens) {
  const std::string text = "그는 어제 서울에서 3명을 만났다.";
  const auto record = nlohmann::json::parse(take(
      news_analyze(analyzer_, text.data(), text.size(),
                   R"({"id": "x-7", "published": "2024-03-05T09:00:00+09:00", "tokens": true})")));
  EXPECT_EQ(record["source"]["id"], "x-7");
  EXPECT_EQ(record["metadata"]["published"], "2024-03-05T09:00:00+09:00");
  EXPECT_TRUE(record["paragraphs"][0].contains("tokens"));
  EXPECT_EQ(record["entities"]["dates"][0]["value"], "2024-03-04");
}

TEST_F(CApiTest, InputFormatAsTheCli) {
  const std::string page =
      "<!DOCTYPE html><html lang=ko><head><title>제목 - 신문</title></head><body><nav>메뉴</nav>"
      "<article><h1>제목</h1><p>박준호 대표가 5억원을 냈다.</p></article></body></html>";
  for (const std::string format : {"text", "html"}) {
    const std::string options = R"({"input_format": ")" + format + R"("})";
    const std::string record =
        take(news_analyze(analyzer_, page.data(), page.size(), options.c_str()));
    const auto cli = testing::run_analyze("--compact --input-format " + format + " - --data-dir " +
                                              testing::quote(source_path("data")),
                                          page);
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_EQ(record + "\n", cli.out) << format;
  }
}

TEST_F(CApiTest, BadOptionsAreAnErrorRecord) {
  for (const char* options : {"not json", R"({"published": "someday"})", R"({"colour": 1})",
                              R"({"tokens": "yes"})", R"({"input_format": "pdf"})"}) {
    const auto record = nlohmann::json::parse(take(news_analyze(analyzer_, "본문", 6, options)));
    EXPECT_EQ(record["error"]["code"], "bad_options") << options;
    EXPECT_FALSE(record["error"]["message"].get<std::string>().empty());
  }
}

TEST_F(CApiTest, BinaryInputIsAnErrorRecord) {
  const char binary[] =
      "\x7f"
      "ELF\0\0\0\x01\x02";
  const auto record =
      nlohmann::json::parse(take(news_analyze(analyzer_, binary, sizeof binary - 1, nullptr)));
  EXPECT_EQ(record["error"]["code"], "not_text");
}

TEST(CApiOpenTest, MissingDataIsNullWithAMessage) {
  char* error = nullptr;
  EXPECT_EQ(news_analyzer_open("/nonexistent/data", &error), nullptr);
  EXPECT_NE(take(error).find("/nonexistent/data"), std::string::npos);
  EXPECT_EQ(news_analyzer_open("/nonexistent/data", nullptr), nullptr);  // no message wanted
  EXPECT_EQ(news_analyze(nullptr, "x", 1, nullptr), nullptr);
  news_analyzer_close(nullptr);
  news_free(nullptr);
}

}  // namespace
}  // namespace news
