// Hostile inputs: each gives a clear error record or a valid result, within
// bounded time and memory (issue 9). The limits are documented in README.md.
// Under a sanitizer the large inputs are scaled down tenfold.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace news {
namespace {

using Json = nlohmann::json;
using testing::quote;
using testing::TempDir;
using testing::write_file;

#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kScale = 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr std::size_t kScale = 10;
#else
constexpr std::size_t kScale = 1;
#endif
#else
constexpr std::size_t kScale = 1;
#endif

// Runs analyze with a hard time limit (a hang fails the test instead of
// stalling the suite) and parses its JSON Lines.
struct Outcome {
  int exit_code;
  std::vector<Json> records;
  std::string err;
};

Outcome analyze_with_limit(const std::string& arguments, const std::string& input = "") {
  const auto r = testing::run("timeout 600 '" ANALYZE_BINARY "' --compact -j2 " + arguments, input);
  Outcome outcome{r.exit_code, {}, r.err};
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    auto parsed = Json::parse(line, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << line.substr(0, 200);
    outcome.records.push_back(std::move(parsed));
  }
  return outcome;
}

std::string error_code(const Json& record) {
  return record.contains("error") ? record["error"]["code"].get<std::string>() : "";
}

std::string repeat(const std::string& unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

TEST(HostileTest, EmptyWhitespaceAndHeaderOnly) {
  TempDir dir;
  write_file(dir / "empty.txt", "");
  write_file(dir / "blank.txt", "\n \t\n\xC2\xA0\n\xE3\x80\x80\n");
  write_file(dir / "header.txt", "제목만 있는 기사\n홍길동 기자\n정치\n2023.11.18 19:32\n");
  const auto r = analyze_with_limit(quote(dir / "empty.txt") + " " + quote(dir / "blank.txt") + " " +
                                    quote(dir / "header.txt"));
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(error_code(r.records[0]), "empty");
  EXPECT_EQ(error_code(r.records[1]), "empty");
  EXPECT_EQ(error_code(r.records[2]), "");
  EXPECT_EQ(r.records[2]["metadata"]["published"], "2023-11-18T19:32:00+09:00");
  EXPECT_EQ(r.records[2]["paragraphs"].size(), 1u);
}

TEST(HostileTest, OneHugeLine) {
  TempDir dir;
  const std::size_t size = 100'000'000 / kScale / 5;  // 20 MB (2 MB under a sanitizer)
  write_file(dir / "line.txt",
             "제목\n" + repeat("오픈AI는 17일 샘 알트먼을 해임했다. 130억 달러(약 16조8천500억원) 규모다. ", size) + "\n");
  const auto r = analyze_with_limit(quote(dir / "line.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.records.size(), 1u);
  // Analyzed in windows of at most 10,000 characters (most of them repeats
  // of one another here, so folded before the words are analyzed: under
  // the 256 KiB of a segment), with a warning that says so.
  EXPECT_GT(r.records[0]["dedup"]["paragraphs_in"], 1000 / kScale);
  EXPECT_GT(r.records[0]["entities"]["money"].size(), 100u);
  ASSERT_EQ(r.records[0]["warnings"].size(), 1u);
  EXPECT_NE(r.records[0]["warnings"][0].get<std::string>().find("line 2 is longer than 10000"),
            std::string::npos);
}

TEST(HostileTest, AMillionOneCharacterParagraphs) {
  TempDir dir;
  std::string text;
  const std::size_t count = 1'000'000 / kScale;
  text.reserve(count * 4);
  const std::string syllables = "가나다라마바사";  // 7 syllables, 3 bytes each
  for (std::size_t i = 0; i < count; ++i) {
    text.append(syllables, 3 * (i % 7), 3);
    text += '\n';
  }
  write_file(dir / "many.txt", text);
  const auto r = analyze_with_limit(quote(dir / "many.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.records.size(), 1u);
  // The first 10,000 lines are paragraphs (7 kept, the rest repeats); the
  // others are joined into groups of up to 300 bytes, said in a warning.
  EXPECT_LT(r.records[0]["dedup"]["paragraphs_in"], 10'000 + count / 50);
  EXPECT_GE(r.records[0]["dedup"]["paragraphs_in"], 10'000);
  EXPECT_LE(r.records[0]["paragraphs"].size(), 16u);
  ASSERT_EQ(r.records[0]["warnings"].size(), 1u);
  EXPECT_NE(r.records[0]["warnings"][0].get<std::string>().find("more than 10000 lines"),
            std::string::npos);
  const Json& paragraphs = r.records[0]["paragraphs"];
  EXPECT_TRUE(std::any_of(paragraphs.begin(), paragraphs.end(), [](const Json& p) {
    return p["lines"][1].get<int>() > p["lines"][0].get<int>();  // a group
  }));
}

TEST(HostileTest, HugeFilesAreRefusedWithoutBeingRead) {
  TempDir dir;
  // A sparse 1 GB file: no disk is used, and it must not be read.
  const auto big = dir / "big.txt";
  write_file(big, "");
  ASSERT_EQ(truncate(big.c_str(), 1'000'000'000), 0);
  const auto by_default = analyze_with_limit(quote(big));
  EXPECT_EQ(by_default.exit_code, 1);
  ASSERT_EQ(by_default.records.size(), 1u);
  EXPECT_EQ(error_code(by_default.records[0]), "too_large");
  const auto limited = analyze_with_limit("--max-bytes 10MB " + quote(big));
  ASSERT_EQ(limited.records.size(), 1u);
  EXPECT_EQ(error_code(limited.records[0]), "too_large");
}

TEST(HostileTest, BinaryFilesAndNulBytes) {
  TempDir dir;
  write_file(dir / "image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20));
  write_file(dir / "program", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0", 20));
  write_file(dir / "archive.gz", std::string("\x1f\x8b\x08\0\0\0\0\0\0\x03\xcb\x48\xcd\xc9\xc9", 15));
  write_file(dir / "nul.txt", std::string("기사 제목\n본문에 \0 NUL이 있다.\n", 40));
  const auto r = analyze_with_limit(quote(dir / "image.png") + " " + quote(dir / "program") + " " +
                                    quote(dir / "archive.gz") + " " + quote(dir / "nul.txt"));
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(r.records.size(), 4u);
  for (const auto& record : r.records) EXPECT_EQ(error_code(record), "not_text") << record.dump();
}

TEST(HostileTest, InvalidUtf8OfEveryClassIsReplacedWithAWarning) {
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"overlong", "제목\n본문 \xC0\xAF 끝\n"},
      {"surrogate", "제목\n본문 \xED\xA0\x80 끝\n"},
      {"truncated", "제목\n본문 끝\xED\x95"},
      {"stray", "제목\n본문 \x80\x80 끝\n"},
      {"above-max", "제목\n본문 \xF4\x90\x80\x80 끝\n"},
  };
  std::string arguments;
  for (const auto& [name, bytes] : cases) {
    write_file(dir / name, bytes);
    arguments += quote(dir / name) + " ";
  }
  const auto r = analyze_with_limit(arguments);
  ASSERT_EQ(r.records.size(), cases.size());
  for (const auto& record : r.records) {
    EXPECT_EQ(error_code(record), "") << record.dump();
    EXPECT_FALSE(record["warnings"].empty()) << record.dump();
  }
  const auto strict = analyze_with_limit("--strict " + arguments);
  for (const auto& record : strict.records) EXPECT_NE(error_code(record), "") << record.dump();
}

TEST(HostileTest, Utf16WithoutBomAndMixedEncodings) {
  TempDir dir;
  const std::string text = "Council approves cycle lanes\nThe council voted on Tuesday.\n";
  std::string utf16;
  for (char c : text) {
    utf16 += c;
    utf16 += '\0';
  }
  write_file(dir / "utf16.txt", utf16);
  // UTF-8 with a stretch of EUC-KR bytes (한국 = C7 D1 B1 B9) in the middle.
  write_file(dir / "mixed.txt", "제목\n앞부분 \xC7\xD1\xB1\xB9 뒷부분\n");
  const auto r = analyze_with_limit(quote(dir / "utf16.txt") + " " + quote(dir / "mixed.txt"));
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(error_code(r.records[0]), "") << r.records[0].dump();
  EXPECT_EQ(r.records[0]["metadata"]["title"], "Council approves cycle lanes");
  EXPECT_EQ(error_code(r.records[1]), "") << r.records[1].dump();
  EXPECT_FALSE(r.records[1]["warnings"].empty());
}

TEST(HostileTest, NestingDigitsAndOverflow) {
  TempDir dir;
  const std::size_t depth = 100'000 / kScale;
  write_file(dir / "nested.txt", "괄호\n" + repeat("(\"“『「[", depth * 6) + "가" + repeat("]」』”\")", depth * 6) + "\n");
  write_file(dir / "digits.txt", "숫자\n" + std::string(100'000, '7') + "원을 받았다.\n");
  write_file(dir / "overflow.txt", "큰 수\n무려 9999경9999조 달러와 99999999999999999999999경원이 언급됐다.\n");
  const auto r = analyze_with_limit(quote(dir / "nested.txt") + " " + quote(dir / "digits.txt") + " " +
                                    quote(dir / "overflow.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.records.size(), 3u);
  for (const auto& record : r.records) EXPECT_EQ(error_code(record), "");
  for (const auto& money : r.records[2]["entities"]["money"]) {
    EXPECT_TRUE(money["amount"].is_number()) << money.dump();
    EXPECT_GT(money["amount"].get<double>(), 0) << money.dump();
  }
}

TEST(HostileTest, TenThousandAlmostIdenticalParagraphs) {
  TempDir dir;
  std::string text = "제목\n";
  const std::string base = "정부는 올해 경제성장률 전망치를 낮추고 하반기 재정 지출을 늘리기로 했다고 밝혔다";
  for (int i = 0; i < 10'000; ++i) text += base + " (" + std::to_string(i % 97) + "번째 수정본).\n";
  write_file(dir / "near.txt", text);
  const auto r = analyze_with_limit(quote(dir / "near.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0]["dedup"]["paragraphs_in"], 10'001);
  EXPECT_LT(r.records[0]["paragraphs"].size(), 10'001u);
}

TEST(HostileTest, PathsThatAreNotReadableFiles) {
  TempDir dir;
  write_file(dir / "file.txt", "제목\n본문.\n");
  std::filesystem::create_directory(dir / "folder-as-file");
  ASSERT_EQ(mkfifo((dir / "fifo").c_str(), 0600), 0);
  std::filesystem::create_directory(dir / "loop");
  std::filesystem::create_symlink(dir / "loop", dir / "loop" / "self");
  std::filesystem::create_symlink(dir / "dangling-target", dir / "dangling.txt");
  // A path through a regular file cannot exist (ENOTDIR), even for root.
  const auto r = analyze_with_limit(quote(dir / "file.txt" / "inside.txt") + " " +
                                    quote(dir / "dangling.txt") + " --files-from -",
                                    (dir / "folder-as-file").string() + "\n");
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(error_code(r.records[0]), "not_found");
  EXPECT_EQ(error_code(r.records[1]), "not_found");
  EXPECT_EQ(error_code(r.records[2]), "is_directory");
  // A folder holding a FIFO and a symlink loop: both are reported, nothing hangs.
  const auto walked = analyze_with_limit("--follow --glob '*' " + quote(dir.path()));
  EXPECT_EQ(walked.exit_code, 1);
  bool saw_fifo = false;
  for (const auto& record : walked.records) saw_fifo |= error_code(record) == "not_regular_file";
  EXPECT_TRUE(saw_fifo);
}

// Shapes that were quadratic (issue 22): each must finish far inside the
// article budget. Before the fixes the 2 MB word took about 25 minutes.
TEST(HostileTest, LongWordsAndQuotationsFinishWithinTheirBudget) {
  TempDir dir;
  std::string word;
  const std::size_t syllables = 2'000'000 / 3 / kScale;
  word.reserve(syllables * 3);
  for (std::size_t i = 0; i < syllables; ++i) {
    const char32_t cp = 0xAC00 + static_cast<char32_t>((i * 7919) % 11172);
    word += static_cast<char>(0xE0 | (cp >> 12));
    word += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    word += static_cast<char>(0x80 | (cp & 0x3F));
  }
  write_file(dir / "word.txt", word + "\n");
  write_file(dir / "quotes.txt", repeat("\"가나다.\"라고 말했다. ", 2'000'000 / kScale) + "\n");
  const auto r = analyze_with_limit("--max-article-seconds 60 " + quote(dir / "word.txt") + " " +
                                    quote(dir / "quotes.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.records.size(), 2u);
  for (const Json& record : r.records) EXPECT_EQ(error_code(record), "");
}

TEST(HostileTest, AnArticleOverItsTimeBudgetIsAnErrorRecordAndTheBatchGoesOn) {
  TempDir dir;
  // Distinct sentences (repeats would fold before the costly stages).
  std::string body;
  for (int i = 0; body.size() < 8'000'000 / kScale; ++i)
    body += "오픈AI는 " + std::to_string(i) + "일 샘 알트먼을 해임했다. ";
  write_file(dir / "big.txt", "제목\n\n" + body);
  write_file(dir / "small.txt", "제목\n\n정부는 17일 발표했다.\n");
  const auto r = analyze_with_limit("--max-article-seconds 0.5 " + quote(dir / "big.txt") + " " +
                                    quote(dir / "small.txt"));
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(error_code(r.records[0]), "timeout");
  EXPECT_EQ(r.records[0]["source"]["path"], (dir / "big.txt").string());
  EXPECT_NE(r.err.find("--max-article-seconds"), std::string::npos);
  // The small one gets the same half second; it needs milliseconds.
  EXPECT_EQ(error_code(r.records[1]), "");
}

// The first SIGTERM in the middle of one huge article ends the run (the
// outer `timeout` is only a guard against a hang): exit 143, and nothing
// half-written on stdout.
TEST(HostileTest, StopSignalEndsARunInsideOneHugeArticle) {
  TempDir dir;
  // One 16 MB line of numbered phrases: every window differs from the others,
  // so none folds as an exact repeat and the article runs for many seconds
  // (not scaled down under a sanitizer: it must still be running when the
  // signal comes a second in).
  std::string text;
  for (int i = 0; text.size() < 16'000'000; ++i)
    text += "오픈AI는 17일 샘 알트먼을 해임했다 " + std::to_string(i) + "억 달러 규모다 ";
  write_file(dir / "big.txt", text);
  const auto r = testing::run("timeout -s KILL 60 timeout --preserve-status -s TERM 1 '" ANALYZE_BINARY
                              "' --compact --max-bytes 0 --max-article-seconds 0 " +
                              quote(dir / "big.txt"));
  EXPECT_EQ(r.exit_code, 143) << r.err;
  EXPECT_EQ(r.out, "");
}

// Peak memory within 4x the input plus a constant (issues 19 and 22), checked
// by an address-space limit, not a timing: the program's own need (a tiny
// article) is found first, then each hostile shape of 4 MB must be analyzed
// whole, without an out_of_memory record, in that + 4x its size + 64 MB.
// Before the windows, segments and streamed records these shapes needed 200 to
// 350 MB more than a tiny article. glibc gets one malloc arena
// (MALLOC_ARENA_MAX=1): each thread's arena reserves 64 MB of address space
// it never touches. Skipped under AddressSanitizer, which reserves terabytes.
class MemoryBoundTest : public ::testing::TestWithParam<const char*> {};

std::string shape_of(const std::string& name, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + 256);
  if (name == "one-char-paragraphs") return repeat("가\n", bytes);
  if (name == "currency-signs") {
    const char* signs[] = {"$", "₩", "€", "¥", "£", "원", "달러", "%", "억", "만", "조", "km", "톤", "명"};
    for (std::size_t k = 0; out.size() < bytes; ++k) {
      out += signs[(k * 7) % 14];
      if (k % 3 == 0) out += std::to_string(k % 1000);
      if (k % 2 == 0) out += ' ';
    }
    return out;
  }
  if (name == "date-like") {
    for (std::size_t k = 0; out.size() < bytes; ++k) {
      const std::string y = std::to_string(1900 + k % 200), m = std::to_string(1 + k % 12),
                        d = std::to_string(1 + k % 28);
      out += y + "년 " + m + "월 " + d + "일 " + d + "일(현지시간) 오전 " + m + "시 " + y + "." + m +
             "." + d + " 지난 " + d + "일 내일 월요일 ";
    }
    return out;
  }
  // news-line: sentences of news with names, places, money and dates, one line.
  for (std::size_t k = 0; out.size() < bytes; ++k) {
    out += "김철수 삼성전자 대표는 " + std::to_string(1 + k % 28) + "일 서울 강남구에서 " +
           std::to_string(k % 900 + 1) + "억원 규모의 투자 계획을 발표했다. 정부는 내년 " +
           std::to_string(1 + k % 12) + "월까지 " + std::to_string(k % 50) +
           "%의 지원을 검토한다고 밝혔다. ";
  }
  return out;
}

TEST_P(MemoryBoundTest, PeakMemoryWithinFourTimesTheInput) {
  if (kScale != 1) GTEST_SKIP() << "AddressSanitizer reserves address space without bound";
  TempDir dir;
  write_file(dir / "tiny.txt", "정부는 17일 서울에서 발표했다.\n");
  const std::string run_in = "MALLOC_ARENA_MAX=1 '" ANALYZE_BINARY "' --compact -j1 --max-article-seconds 0 ";
  const auto runs_within = [&](std::size_t kilobytes, const std::string& file) {
    return testing::run("ulimit -v " + std::to_string(kilobytes) + " && " + run_in + quote(file) +
                        " > " + quote(dir / "out.json") + " 2>/dev/null");
  };
  // The least address space (8 MB steps) a tiny article runs in.
  std::size_t low = 16 << 10, high = 4 << 20;
  ASSERT_EQ(runs_within(high, dir / "tiny.txt").exit_code, 0);
  while (high - low > (8 << 10)) {
    const std::size_t middle = (low + high) / 2;
    (runs_within(middle, dir / "tiny.txt").exit_code == 0 ? high : low) = middle;
  }
  const std::size_t bytes = 4 << 20;
  write_file(dir / "shape.txt", shape_of(GetParam(), bytes));
  const std::size_t limit = high + 4 * (bytes >> 10) + (64 << 10);
  const auto r = runs_within(limit, dir / "shape.txt");
  EXPECT_EQ(r.exit_code, 0) << GetParam() << " did not run in " << (limit >> 10) << " MB";
  std::ifstream in(dir / "out.json");
  const Json record = Json::parse(in, nullptr, false);
  ASSERT_FALSE(record.is_discarded()) << GetParam() << ": no complete record";
  EXPECT_EQ(error_code(record), "") << GetParam();
  EXPECT_FALSE(record["paragraphs"].empty());
}

INSTANTIATE_TEST_SUITE_P(Shapes, MemoryBoundTest,
                         ::testing::Values("one-char-paragraphs", "currency-signs", "date-like",
                                           "news-line"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace news
