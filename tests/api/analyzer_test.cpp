// news::Analyzer: the library's entry point gives the command line's records.
#include "news/analyzer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <thread>
#include <vector>

#include "testing.h"

namespace news {
namespace {

using testing::quote;
using testing::read_file;
using testing::run_analyze;
using testing::source_path;

const char* const kSample = "data/samples/ko-battery-plant.txt";

AnalyzerConfig source_data(bool use_model) {
  AnalyzerConfig config;
  config.data_dir = source_path("data");
  config.use_model = use_model;
  return config;
}

TEST(AnalyzerTest, FileRecordIsTheCommandLinesLine) {
  const Analyzer analyzer(source_data(true));
  const auto cli = run_analyze("--compact " + quote(kSample));
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(analyzer.analyze_file_json(kSample) + "\n", cli.out);
}

TEST(AnalyzerTest, TextRecordWithIdAndOptionsIsTheJsonlRecord) {
  const Analyzer analyzer(source_data(false));
  const std::string text = read_file(source_path(kSample));
  Options options;
  options.published = "2024-03-05";
  options.tokens = true;
  // The same article as a --jsonl record with an id.
  testing::TempDir dir;
  const std::string line =
      nlohmann::json{{"id", "a-1"}, {"text", text}, {"published", "2024-03-05"}}.dump();
  testing::write_file(dir / "in.jsonl", line + "\n");
  const auto cli = run_analyze("--no-model --tokens --data-dir " + quote(source_path("data")) +
                               " --jsonl " + quote(dir / "in.jsonl"));
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(analyzer.analyze_json(text, options, "a-1") + "\n", cli.out);
}

TEST(AnalyzerTest, DocumentCarriesTheEntities) {
  const Analyzer analyzer(source_data(false));
  const Document document = analyzer.analyze(read_file(source_path(kSample)));
  ASSERT_FALSE(document.error);
  ASSERT_TRUE(document.entities);
  ASSERT_FALSE(document.entities->money.empty());
  EXPECT_EQ(document.entities->money[0].where.text, "2조원");
  EXPECT_EQ(document.entities->money[0].amount, "2000000000000");
  EXPECT_EQ(Analyzer::to_json(document), analyzer.analyze_json(read_file(source_path(kSample))));
}

TEST(AnalyzerTest, ManyThreadsGiveTheSameRecords) {
  const Analyzer analyzer(source_data(true));
  const std::vector<std::string> texts = {
      read_file(source_path(kSample)),
      read_file(source_path("data/samples/en-robotics-plant.txt"))};
  std::vector<std::string> expected;
  for (const std::string& text : texts) expected.push_back(analyzer.analyze_json(text));
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (const std::string& text : texts) got[t].push_back(analyzer.analyze_json(text));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& records : got) {
    ASSERT_EQ(records.size(), 6u);
    for (std::size_t i = 0; i < records.size(); ++i) EXPECT_EQ(records[i], expected[i % 2]);
  }
}

TEST(AnalyzerTest, BadArticleIsAnErrorRecordNotAnException) {
  const Analyzer analyzer(source_data(false));
  const Document binary =
      analyzer.analyze(std::string("\x7f"
                                   "ELF\0\0\0\x01\x02",
                                   8));
  ASSERT_TRUE(binary.error);
  EXPECT_EQ(binary.error->code, "not_text");
  const Document missing = analyzer.analyze_file("/nonexistent/a.txt");
  ASSERT_TRUE(missing.error);
  EXPECT_EQ(missing.error->code, "not_found");
  EXPECT_EQ(missing.source.path, "/nonexistent/a.txt");
}

TEST(AnalyzerTest, InvalidPublishedIsAnOptionsError) {
  const Analyzer analyzer(source_data(false));
  Options options;
  options.published = "last Tuesday";
  EXPECT_THROW(analyzer.analyze("본문", options), OptionsError);
  EXPECT_THROW(analyzer.analyze_file(kSample, options), OptionsError);
}

TEST(AnalyzerTest, MissingDataIsADataErrorThatSaysSo) {
  AnalyzerConfig config;
  config.data_dir = "/nonexistent/data";
  try {
    const Analyzer analyzer(config);
    FAIL() << "opened without data";
  } catch (const DataError& e) {
    EXPECT_TRUE(e.missing());
    EXPECT_NE(std::string(e.what()).find("/nonexistent/data"), std::string::npos);
  }
}

TEST(AnalyzerTest, MalformedLexiconIsADataErrorNamingTheFile) {
  testing::TempDir dir;
  testing::write_file(dir / "names.tsv", "only-one-column-but-a-bad-kind\tnot-a-kind\n");
  AnalyzerConfig config = source_data(false);
  config.user_lexicons = {dir / "names.tsv"};
  try {
    const Analyzer analyzer(config);
    FAIL() << "opened with a malformed lexicon";
  } catch (const DataError& e) {
    EXPECT_FALSE(e.missing());
    EXPECT_NE(std::string(e.what()).find("names.tsv"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace news
