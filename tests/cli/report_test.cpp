// `analyze --format html`: one page on stdout, or with --output-dir a page
// per article and OUT/index.html (src/cli/report.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "output/html_page.h"
#include "output/html_scanner.h"
#include "testing.h"

namespace analyze_cli {
namespace {

namespace fs = std::filesystem;
using news::testing::quote;
using news::testing::read_file;
using news::testing::run_analyze;
using news::testing::scan_html;
using news::testing::TempDir;

// Every file under `dir`, relative, with its bytes.
std::vector<std::pair<std::string, std::string>> tree(const fs::path& dir) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      out.emplace_back(entry.path().lexically_relative(dir).string(), read_file(entry.path()));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> index_links(const fs::path& index) {
  std::vector<std::string> links;
  const auto doc = scan_html(read_file(index));
  EXPECT_EQ(doc.errors, std::vector<std::string>{});
  for (const auto* link : doc.all("a")) links.push_back(link->attribute("href"));
  return links;
}

TEST(ReportCliTest, OneArticleIsOnePageOnStdout) {
  const auto r = run_analyze("--format html data/samples/ko-battery-plant.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(r.out.find("<mark data-type=\"person\""), std::string::npos);
  const auto row = news::index_row_of_page(r.out);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->language, "ko");
  EXPECT_EQ(r.err, "");
}

TEST(ReportCliTest, SeveralArticlesWantAnOutputDir) {
  auto r = run_analyze(
      "--format html data/samples/ko-battery-plant.txt data/samples/en-robotics-plant.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--output-dir"), std::string::npos);
  EXPECT_EQ(run_analyze("--format html data/samples").exit_code, 2);
  EXPECT_EQ(run_analyze("--format xml data/samples/ko-battery-plant.txt").exit_code, 2);
}

TEST(ReportCliTest, AFolderGivesAPageEachAndAnIndexTheSameForAnyThreadCount) {
  TempDir dir;
  fs::create_directories(dir / "in/sub");
  fs::copy_file("data/samples/ko-battery-plant.txt", dir / "in/ko.txt");
  fs::copy_file("data/samples/en-robotics-plant.txt", dir / "in/sub/en #1.txt");
  news::testing::write_file(dir / "in/broken.txt", std::string("\x00\x01\x02binary", 9));
  const std::string in = quote(dir / "in");
  auto one = run_analyze("-q -j1 --format html --output-dir " + quote(dir / "one") + " " + in);
  EXPECT_EQ(one.exit_code, 1) << one.err;  // the binary file failed, and says so
  EXPECT_NE(one.err.find("broken.txt"), std::string::npos);
  auto two = run_analyze("-q -j2 --format html --output-dir " + quote(dir / "two") + " " + in);
  EXPECT_EQ(two.exit_code, 1);
  EXPECT_EQ(tree(dir / "one"), tree(dir / "two"));

  const fs::path pages = dir / "one" / fs::path(dir.path().relative_path()) / "in";
  EXPECT_TRUE(fs::exists(pages / "ko.txt.html"));
  EXPECT_TRUE(fs::exists(pages / "sub/en #1.txt.html"));
  EXPECT_TRUE(fs::exists(pages / "broken.txt.html"));
  const auto links = index_links(dir / "one/index.html");
  ASSERT_EQ(links.size(), 3u);
  for (const std::string& link : links) {
    EXPECT_TRUE(link.starts_with("./")) << link;
    EXPECT_EQ(link.find(' '), std::string::npos) << link;
  }
  // Each page links back to the index, whatever its depth.
  const auto page = scan_html(read_file(pages / "sub/en #1.txt.html"));
  bool back = false;
  for (const auto* link : page.all("a")) {
    back |= fs::weakly_canonical(pages / "sub" / link->attribute("href")) ==
            fs::weakly_canonical(dir / "one/index.html");
  }
  EXPECT_TRUE(back);
}

TEST(ReportCliTest, ResumeSkipsFinishedPagesAndKeepsThemInTheIndex) {
  TempDir dir;
  fs::create_directories(dir / "in");
  fs::copy_file("data/samples/ko-battery-plant.txt", dir / "in/a.txt");
  fs::copy_file("data/samples/en-robotics-plant.txt", dir / "in/b.txt");
  const std::string args =
      "--format html --output-dir " + quote(dir / "out") + " " + quote(dir / "in");
  ASSERT_EQ(run_analyze(args).exit_code, 0);
  const auto before = tree(dir / "out");
  // A killed run left page b cut short: --resume writes it again, skips a.
  fs::path b_page;
  for (const auto& [path, bytes] : before) {
    if (path.ends_with("b.txt.html")) b_page = dir / "out" / path;
  }
  ASSERT_FALSE(b_page.empty());
  const std::string whole = read_file(b_page);
  news::testing::write_file(b_page, whole.substr(0, whole.size() / 2));
  const auto r = run_analyze(args + " --resume");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 already done"), std::string::npos) << r.err;
  EXPECT_EQ(tree(dir / "out"), before);  // the index lists both again, byte for byte
}

TEST(ReportCliTest, ResumedPagesStillCountAsOriginalsForDedup) {
  TempDir dir;
  fs::create_directories(dir / "in");
  fs::copy_file("data/samples/ko-battery-plant.txt", dir / "in/1.txt");
  fs::copy_file("data/samples/en-robotics-plant.txt", dir / "in/2.txt");
  fs::copy_file("data/samples/ko-battery-plant.txt", dir / "in/3.txt");
  const std::string args = "-q --dedup-articles --format html --output-dir ";
  ASSERT_EQ(run_analyze(args + quote(dir / "ref") + " " + quote(dir / "in")).exit_code, 0);
  const auto ref = tree(dir / "ref");
  fs::path copy_page;
  for (const auto& [path, bytes] : ref) {
    if (path.ends_with("3.txt.html")) copy_page = path;
  }
  ASSERT_FALSE(copy_page.empty());
  // Only the copy's page is missing: page 1 is skipped, yet its article is
  // still the original the copy is marked against.
  fs::copy(dir / "ref", dir / "out", fs::copy_options::recursive);
  fs::remove(dir / "out" / copy_page);
  const auto r = run_analyze(args + quote(dir / "out") + " --resume " + quote(dir / "in"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(tree(dir / "out"), ref);
}

TEST(ReportCliTest, AnArticleCalledIndexDoesNotTakeTheIndex) {
  TempDir dir;
  fs::copy_file("data/samples/ko-battery-plant.txt", dir / "index");
  fs::copy_file("data/samples/en-robotics-plant.txt", dir / "_index");
  fs::create_directories(dir / "index.html");  // a folder that would hold the index's name
  fs::copy_file("data/samples/en-robotics-plant.txt", dir / "index.html/a.txt");
  fs::create_directories(dir / "sub");  // deeper down, index.html is no clash
  fs::copy_file("data/samples/en-robotics-plant.txt", dir / "sub/index");
  const auto r = news::testing::run("cd " + quote(dir.path()) +
                                    " && '" ANALYZE_BINARY
                                    "' -q --format html --output-dir out index _index "
                                    "index.html/a.txt sub/index");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "out/_index.html"));
  EXPECT_TRUE(fs::exists(dir / "out/__index.html"));
  EXPECT_TRUE(fs::exists(dir / "out/index.html_/a.txt.html"));
  EXPECT_EQ(index_links(dir / "out/index.html"),
            (std::vector<std::string>{"./_index.html", "./__index.html", "./index.html_/a.txt.html",
                                      "./sub/index.html"}));
}

TEST(ReportCliTest, APageThatCannotBeWrittenIsAnErrorRowWithoutALink) {
  TempDir dir;
  fs::create_directories(dir / "out");
  news::testing::write_file(dir / "out/in", "a file where the pages' folder should be");
  fs::create_directories(dir / "in");
  fs::copy_file("data/samples/ko-battery-plant.txt", dir / "in/a.txt");
  const auto r = news::testing::run("cd " + quote(dir.path()) + " && '" ANALYZE_BINARY
                                    "' -q --format html --output-dir out in");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot create folder"), std::string::npos) << r.err;
  EXPECT_TRUE(index_links(dir / "out/index.html").empty());
  EXPECT_NE(read_file(dir / "out/index.html").find("not written: "), std::string::npos);
}

TEST(ReportCliTest, TwentyRealArticlesGiveTwentyPagesAndAnIndexLinkingThem) {
  const auto corpus = news::testing::shared_path("data/corpus/ko/lawtimes-rss-news");
  if (!corpus) GTEST_SKIP() << "no ../shared corpus (a plain clone)";
  std::vector<fs::path> articles;
  for (const auto& entry : fs::directory_iterator(*corpus)) {
    if (entry.path().extension() == ".txt") articles.push_back(entry.path());
  }
  std::sort(articles.begin(), articles.end());
  ASSERT_GE(articles.size(), 20u);
  articles.resize(20);
  TempDir dir;
  const auto r = run_analyze("-q --format html --output-dir " + quote(dir / "out") + " " +
                             news::testing::quote_all(articles));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto links = index_links(dir / "out/index.html");
  EXPECT_EQ(links.size(), 20u);
  std::set<std::string> distinct(links.begin(), links.end());
  EXPECT_EQ(distinct.size(), 20u);
  for (const std::string& link : links) {
    const fs::path page = dir / "out" / link;
    ASSERT_TRUE(fs::exists(page)) << link;
    EXPECT_EQ(scan_html(read_file(page)).errors, std::vector<std::string>{}) << link;
  }
}

}  // namespace
}  // namespace analyze_cli
