#include "batch/walk.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace news {
namespace {
namespace fs = std::filesystem;

class WalkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "walk_test.XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& relative) {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative) << "기사\n";
  }

  std::vector<std::string> walk(std::vector<fs::path> roots, WalkOptions options = {},
                                std::vector<std::string>* notices = nullptr) {
    InputWalker walker(std::move(roots), std::move(options));
    std::vector<std::string> paths;
    while (auto entry = walker.next())
      paths.push_back(entry->path.lexically_relative(root_).string());
    if (notices != nullptr) *notices = walker.take_notices();
    return paths;
  }

  fs::path root_;
};

TEST_F(WalkTest, DepthFirstInByteOrderOfNamesOnlyMatchingNames) {
  for (const char* name :
       {"b.txt", "a/z.txt", "a/k/m.txt", "B.txt", "c.md", "a/k/n.html", "가.txt"})
    write(name);
  EXPECT_EQ(walk({root_}),
            (std::vector<std::string>{"B.txt", "a/k/m.txt", "a/z.txt", "b.txt", "가.txt"}));
  WalkOptions html;
  html.globs = {"*.html", "*.md"};
  EXPECT_EQ(walk({root_}, html), (std::vector<std::string>{"a/k/n.html", "c.md"}));
  EXPECT_EQ(InputWalker::count({root_}, {}), 5u);
}

TEST_F(WalkTest, ExplicitPathsKeepTheirOrderAndAnyName) {
  write("z.md");
  write("a.txt");
  EXPECT_EQ(walk({root_ / "z.md", root_ / "missing.txt", root_ / "a.txt"}),
            (std::vector<std::string>{"z.md", "missing.txt", "a.txt"}));
}

TEST_F(WalkTest, SymbolicLinksAreSkippedUnlessFollowedAndLoopsAreCut) {
  write("d/a.txt");
  fs::create_directory_symlink("..", root_ / "d" / "up");
  fs::create_symlink("a.txt", root_ / "d" / "link.txt");
  EXPECT_EQ(walk({root_}), (std::vector<std::string>{"d/a.txt"}));

  WalkOptions follow;
  follow.follow_symlinks = true;
  std::vector<std::string> notices;
  EXPECT_EQ(walk({root_}, follow, &notices), (std::vector<std::string>{"d/a.txt", "d/link.txt"}));
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("d/up: symbolic link loop"), std::string::npos) << notices[0];
}

TEST(WalkGlobTest, MatchesAnyGlob) {
  EXPECT_TRUE(matches_any("a.txt", {"*.txt"}));
  EXPECT_FALSE(matches_any("a.txt.bak", {"*.txt"}));
  EXPECT_TRUE(matches_any("x_html.txt", {"*.md", "*_html.txt"}));
}

}  // namespace
}  // namespace news
