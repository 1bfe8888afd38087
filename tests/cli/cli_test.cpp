// The analyze program as a user runs it: arguments, streams, exit codes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace news {
namespace {

using testing::quote;
using testing::run_analyze;
using testing::source_path;
using testing::TempDir;
using testing::write_file;
using Json = nlohmann::json;

const std::string kSample = quote(source_path("data/samples/ko-battery-plant.txt"));

std::vector<Json> json_lines(const std::string& out) {
  std::vector<Json> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) lines.push_back(Json::parse(line));
  return lines;
}

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(CliTest, OneFileGivesOneCompactObjectWhenPiped) {
  const auto r = run_analyze(kSample);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(count_lines(r.out), 1u);
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["schema_version"], 1);
  EXPECT_EQ(j["metadata"]["section"], "경제");
  EXPECT_EQ(j["paragraphs"][0]["role"], "title");
}

TEST(CliTest, PrettyAndCompactOverrideTheDefault) {
  const auto pretty = run_analyze("--pretty " + kSample);
  ASSERT_EQ(pretty.exit_code, 0);
  EXPECT_GT(count_lines(pretty.out), 20u);
  EXPECT_EQ(Json::parse(pretty.out), Json::parse(run_analyze("--compact " + kSample).out));
  EXPECT_EQ(run_analyze("--pretty --compact " + kSample).exit_code, 2);
}

TEST(CliTest, SeveralFilesGiveJsonLinesInTheOrderGiven) {
  const std::string english = quote(source_path("data/samples/en-robotics-plant.txt"));
  const auto r = run_analyze(english + " " + kSample + " " + english);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["language"], "en");
  EXPECT_EQ(lines[1]["language"], "ko");
  EXPECT_EQ(lines[2]["language"], "en");
}

TEST(CliTest, StandardInputIsReadFromDash) {
  const auto r = run_analyze("-", "제목\n첫 문단입니다.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_TRUE(j["source"]["path"].is_null());
  EXPECT_EQ(j["metadata"]["title"], "제목");
  EXPECT_EQ(j["paragraphs"][1]["text"], "첫 문단입니다.");
}

TEST(CliTest, MissingFileIsOneLineOnStderrAndAnErrorRecord) {
  TempDir dir;
  const auto missing = dir / "no-such-article.txt";
  const auto r = run_analyze(kSample + " " + quote(missing));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count_lines(r.err), 2u) << r.err;  // the failure, then the batch summary line
  EXPECT_NE(r.err.find("analyze: 2 files, 1 ok, 1 failed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(missing.string()), std::string::npos) << r.err;
  const auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_FALSE(lines[0].contains("error"));
  EXPECT_EQ(lines[1]["error"]["code"], "not_found");
  EXPECT_EQ(lines[1]["source"]["path"], missing.string());
}

TEST(CliTest, BinaryEmptyAndDirectoryInputsAreErrorRecords) {
  TempDir dir;
  write_file(dir / "image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  write_file(dir / "empty.txt", "");
  write_file(dir / "blank.txt", " \n\t\n");
  // A folder on the command line is walked (issue 8); a folder named in
  // --files-from is where a file was expected.
  write_file(dir / "list", dir.path().string() + "\n");
  const auto r = run_analyze(quote(dir / "image.png") + " " + quote(dir / "empty.txt") + " " +
                             quote(dir / "blank.txt") + " --files-from " + quote(dir / "list"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count_lines(r.err), 5u) << r.err;  // one per input, then the batch summary line
  const auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0]["error"]["code"], "not_text");
  EXPECT_EQ(lines[1]["error"]["code"], "empty");
  EXPECT_EQ(lines[2]["error"]["code"], "empty");
  EXPECT_EQ(lines[3]["error"]["code"], "is_directory");
}

TEST(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run_analyze("").exit_code, 2);
  EXPECT_EQ(run_analyze("--no-such-option " + kSample).exit_code, 2);
  const auto bad_time = run_analyze("--published yesterday " + kSample);
  EXPECT_EQ(bad_time.exit_code, 2);
  EXPECT_NE(bad_time.err.find("--published"), std::string::npos);
  EXPECT_EQ(run_analyze("--jsonl - " + kSample).exit_code, 2);
}

TEST(CliTest, MissingDataDirectoryExitsWithThree) {
  const auto r = run_analyze("--data-dir /nonexistent-analyze-data " + kSample);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(count_lines(r.err), 1u);
  EXPECT_EQ(r.out, "");
}

TEST(CliTest, AMissingListExitsWithThreeNamingIt) {
  // A list missing from a copy of data/ stops the program before any output:
  // running on without it would give worse results no one asked for.
  const std::filesystem::path copy =
      std::filesystem::temp_directory_path() / ("analyze-data-" + std::to_string(::getpid()));
  for (const std::string name :
       {"people.txt", "surnames.txt", "noun_stems.txt", "roles.txt", "ner-model.bin"}) {
    SCOPED_TRACE(name);
    std::filesystem::remove_all(copy);
    std::filesystem::copy(source_path("data"), copy, std::filesystem::copy_options::recursive);
    std::filesystem::remove(copy / name);
    const auto r = run_analyze("--data-dir " + quote(copy.string()) + " " + kSample);
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(count_lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
  std::filesystem::remove_all(copy);
}

TEST(CliTest, HelpAndVersion) {
  const auto help = run_analyze("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Examples:"), std::string::npos);
  EXPECT_NE(help.out.find("--jsonl"), std::string::npos);
  const auto version = run_analyze("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("analyze "), std::string::npos);
}

TEST(CliTest, JsonlKeepsOrderAndIds) {
  const std::string input =
      R"({"id": "a-1", "text": "첫 기사\n본문 첫 문단입니다."})" "\n"
      R"({"id": "b-2", "text": "Second story\nThe body says something.", "published": "2024-03-14"})" "\n"
      "\n"
      R"({"id": 7, "text": "세 번째\n마지막 문단."})" "\n";
  const auto r = run_analyze("--jsonl -", input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["source"]["id"], "a-1");
  EXPECT_EQ(lines[1]["source"]["id"], "b-2");
  EXPECT_EQ(lines[2]["source"]["id"], "7");
  EXPECT_EQ(lines[1]["metadata"]["published"], "2024-03-14");
  EXPECT_EQ(lines[0]["metadata"]["title"], "첫 기사");
}

TEST(CliTest, JsonlBadRecordGetsItsOwnErrorLine) {
  const std::string input = R"({"id": "ok", "text": "제목\n본문."})" "\nnot json\n" R"({"id": "no-text"})" "\n";
  const auto r = run_analyze("--jsonl -", input);
  EXPECT_EQ(r.exit_code, 1);
  const auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_FALSE(lines[0].contains("error"));
  EXPECT_EQ(lines[1]["error"]["code"], "bad_record");
  EXPECT_NE(lines[1]["error"]["message"].get<std::string>().find("line 2"), std::string::npos);
  EXPECT_EQ(lines[2]["error"]["code"], "bad_record");
  EXPECT_EQ(lines[2]["source"]["id"], "no-text");
  EXPECT_EQ(count_lines(r.err), 3u) << r.err;  // one per bad record, then the batch summary line
}

TEST(CliTest, OutputIsByteIdenticalAcrossRuns) {
  const auto first = run_analyze(kSample);
  const auto second = run_analyze(kSample);
  EXPECT_EQ(first.out, second.out);
}

TEST(CliTest, BadModelFileExitsWithThreeAndNoModelSkipsIt) {
  testing::TempDir dir;
  std::filesystem::copy(testing::source_path("data"), dir.path() / "data",
                        std::filesystem::copy_options::recursive);
  const auto model = dir.path() / "data" / "ner-model.bin";
  const std::string bytes = testing::read_file(model);
  testing::write_file(model, bytes.substr(0, bytes.size() / 2));  // truncated
  const std::string data = "--data-dir " + testing::quote(dir.path() / "data") + " ";
  const auto bad = run_analyze(data + kSample);
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_EQ(count_lines(bad.err), 1u);
  EXPECT_NE(bad.err.find("ner-model.bin"), std::string::npos);
  EXPECT_EQ(bad.out, "");
  const auto rules = run_analyze("--no-model " + data + kSample);
  EXPECT_EQ(rules.exit_code, 0);
  EXPECT_NE(rules.out.find("\"people\""), std::string::npos);
}

}  // namespace
}  // namespace news
