// Golden files: tests/golden/NAME.txt → NAME.json, reviewed by eye before
// they were committed (see tests/golden/README.md). Compared as parsed JSON,
// so formatting does not matter but every field and value does.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace news {
namespace {

using Json = nlohmann::json;

std::vector<std::filesystem::path> golden_inputs() {
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_path("tests/golden"))) {
    if (entry.path().extension() == ".txt") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

TEST(GoldenTest, EveryInputHasItsReviewedOutput) {
  const auto inputs = golden_inputs();
  ASSERT_GE(inputs.size(), 5u);
  for (const auto& input : inputs) {
    SCOPED_TRACE(input.filename().string());
    auto expected_path = input;
    expected_path.replace_extension(".json");
    ASSERT_TRUE(std::filesystem::exists(expected_path)) << "run `make golden` and review the diff";
    // Run from the source root with a relative path, as `make golden` does,
    // so source.path is the same.
    const auto r = testing::run("cd " + testing::quote(testing::source_path("")) + " && '" +
                                ANALYZE_BINARY + "' --compact tests/golden/" +
                                input.filename().string());
    const Json actual = Json::parse(r.out);
    const Json expected = Json::parse(testing::read_file(expected_path));
    EXPECT_EQ(actual, expected) << "differences (JSON Patch from expected to actual):\n"
                                << Json::diff(expected, actual).dump(2);
  }
}

}  // namespace
}  // namespace news
