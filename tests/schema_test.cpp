// Real outputs validate against docs/schema.json (python3-jsonschema, from
// Debian; skipped where it is not installed).
#include <gtest/gtest.h>

#include "testing.h"

namespace news {
namespace {

TEST(SchemaTest, OutputsValidate) {
  if (testing::run("/usr/bin/python3 -c 'import jsonschema'").exit_code != 0) {
    GTEST_SKIP() << "python3-jsonschema is not installed";
  }
  testing::TempDir dir;
  testing::write_file(dir / "binary.bin", std::string("\x7f" "ELF\x02\x01\x01\0", 8));
  testing::write_file(dir / "empty.txt", "");
  std::vector<std::filesystem::path> inputs = {
      testing::source_path("data/samples/ko-battery-plant.txt"),
      testing::source_path("data/samples/en-robotics-plant.txt"), dir / "binary.bin",
      dir / "empty.txt", dir / "missing.txt",
      testing::source_path("tests/html/pages/ko-news.html")};  // a web page's fields too
  if (const auto seed = testing::shared_path("seed/openai-altman-ko.txt")) inputs.push_back(*seed);
  if (const auto corpus = testing::shared_path("data/corpus/ko/lawtimes-rss-news")) {
    int taken = 0;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(*corpus)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      if (taken++ == 20) break;
      inputs.push_back(file);
    }
  }
  const auto r = testing::run("'" ANALYZE_BINARY "' --tokens " + testing::quote_all(inputs) +
                              " | /usr/bin/python3 " +
                              testing::quote(testing::source_path("tests/validate_schema.py")) + " " +
                              testing::quote(testing::source_path("docs/schema.json")));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("valid"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace news
