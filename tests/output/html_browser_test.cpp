// The HTML page and index in a real browser: headless Chromium renders them,
// the DOM after the scripts ran still has every mark, the scripts were
// allowed by the page's Content-Security-Policy and ran, and the screenshot
// shows text and highlights. Skips with a clear message where Chromium is
// missing (`bash .ci/install-deps browser` installs it).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "output/html_scanner.h"
#include "testing.h"

namespace news {
namespace {

namespace fs = std::filesystem;
using testing::quote;
using testing::read_file;
using testing::scan_html;

std::string chromium() {
  const auto r = testing::run("command -v chromium || command -v chromium-browser");
  std::string path = r.out.substr(0, r.out.find('\n'));
  return r.exit_code == 0 ? path : "";
}

// Chromium, headless, with a profile of its own (tests run in parallel).
testing::CommandResult run_chromium(const std::string& browser, const fs::path& profile,
                                    const std::string& arguments) {
  return testing::run("timeout 180 " + quote(browser) +
                      " --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run"
                      " --user-data-dir=" +
                      quote(profile) + " " + arguments);
}

std::string file_url(const fs::path& path) {
  return "'file://" + fs::absolute(path).string() + "'";
}

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    browser_ = chromium();
    if (browser_.empty()) {
      GTEST_SKIP()
          << "chromium is not installed: `bash .ci/install-deps browser` (make test does it)";
    }
  }
  std::string browser_;
  testing::TempDir dir_;
};

TEST_F(BrowserTest, TheSeedPageRendersWithEveryMarkAndItsScriptRan) {
  // The seed where ../shared has it, our own sample elsewhere.
  const auto seed = testing::shared_path("seed/openai-altman-ko.txt");
  const fs::path article = seed ? *seed : testing::source_path("data/samples/ko-battery-plant.txt");
  const fs::path page = dir_ / "page.html";
  const auto made = testing::run_analyze("--format html " + quote(article) + " > " + quote(page));
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const auto written = scan_html(read_file(page));
  const std::size_t marks = written.all("mark").size();
  ASSERT_GT(marks, 20u);

  const auto dom = run_chromium(browser_, dir_ / "profile", "--dump-dom " + file_url(page));
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  const auto rendered = scan_html(dom.out);
  EXPECT_EQ(rendered.all("mark").size(), marks);
  ASSERT_FALSE(rendered.all("html").empty());
  EXPECT_EQ(rendered.all("html")[0]->attribute("data-script"), "ready")
      << "the page's script did not run: blocked by its Content-Security-Policy?";
  for (const auto* mark : rendered.all("mark")) {
    EXPECT_FALSE(mark->attribute("data-type").empty());
  }

  const auto fonts = testing::run("fc-list :lang=ko family");
  EXPECT_FALSE(fonts.out.empty()) << "no Korean font: Hangul would render as boxes "
                                     "(`bash .ci/install-deps browser` installs fonts-noto-cjk)";

  const fs::path png = dir_ / "page.png";
  const auto shot =
      run_chromium(browser_, dir_ / "profile",
                   "--window-size=1280,1400 --screenshot=" + quote(png) + " " + file_url(page));
  ASSERT_TRUE(fs::exists(png)) << shot.err;
  // The person and organization highlight colors of the light theme.
  const auto stats =
      testing::run("/usr/bin/python3 " + quote(testing::source_path("tests/output/png_stats.py")) +
                   " " + quote(png) + " '#ffd8a8' '#c5dcff'");
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  const auto json = nlohmann::json::parse(stats.out);
  EXPECT_EQ(json["width"], 1280);
  EXPECT_GT(json["colors"].get<int>(), 200) << stats.out;  // anti-aliased text, not a blank page
  EXPECT_GT(json["ink"].get<double>(), 0.03) << stats.out;
  EXPECT_GT(json["near"]["#ffd8a8"].get<int>(), 500) << stats.out;  // people marked
  EXPECT_GT(json["near"]["#c5dcff"].get<int>(), 500) << stats.out;  // organizations marked
}

TEST_F(BrowserTest, TheBatchIndexRendersEveryRowAndItsScriptRan) {
  const auto made = testing::run_analyze("-q --format html --output-dir " + quote(dir_ / "out") +
                                         " data/samples");
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const auto dom =
      run_chromium(browser_, dir_ / "profile", "--dump-dom " + file_url(dir_ / "out/index.html"));
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  const auto rendered = scan_html(dom.out);
  EXPECT_EQ(rendered.all("html").at(0)->attribute("data-script"), "ready");
  EXPECT_EQ(rendered.all("a").size(), 2u);
  const auto* shown = rendered.by_id("shown");
  ASSERT_NE(shown, nullptr);
  EXPECT_EQ(rendered.text_of(*shown), "2");  // set by the filter script
}

TEST_F(BrowserTest, HostileTextStaysTextInTheBrowsersDom) {
  const std::string hostile_name = "x\"><img src=y onerror=alert(6)>.txt";
  testing::write_file(dir_ / hostile_name,
                      "<script>alert(1)</script>\"><img src=x onerror=alert(2)></mark> 제목\n\n"
                      "한빛배터리는 <script>alert(3)</script> 13일 javascript:alert(4) &amp; "
                      "\"><img src=x onerror=alert(5)> 15억 달러를 밝혔다.\n");
  const auto made = testing::run("cd " + quote(dir_.path()) +
                                 " && '" ANALYZE_BINARY "' -q --format html --output-dir out " +
                                 quote(hostile_name));
  ASSERT_EQ(made.exit_code, 0) << made.err;
  for (const std::string& page : {"out/" + hostile_name + ".html", std::string("out/index.html")}) {
    SCOPED_TRACE(page);
    const auto dom =
        run_chromium(browser_, dir_ / "profile", "--dump-dom " + file_url(dir_ / page));
    ASSERT_EQ(dom.exit_code, 0) << dom.err;
    const auto rendered = scan_html(dom.out);
    EXPECT_TRUE(rendered.all("img").empty());
    EXPECT_LE(rendered.all("script").size(), 2u);
    EXPECT_EQ(rendered.all("html").at(0)->attribute("data-script"), "ready");
    for (const auto& element : rendered.elements) {
      for (const auto& [name, value] : element.attributes)
        EXPECT_NE(name.substr(0, 2), "on") << name;
    }
    EXPECT_NE(rendered.text.find("\"><img src=x onerror=alert(2)></mark> 제목"), std::string::npos);
  }
}

// The page's and the index's controls, driven by a harness page that loads
// both in frames (file:// frames may be scripted with
// --allow-file-access-from-files) and writes what it saw into its own DOM.
constexpr const char* kHarness = R"html(<!DOCTYPE html><html><body>
<iframe id="page" src="out/sample.txt.html"></iframe><iframe id="index" src="out/index.html"></iframe>
<pre id="out">not run</pre>
<script>
window.addEventListener("load", function () {
  var out = [], page = document.getElementById("page").contentDocument;
  var index = document.getElementById("index").contentDocument;
  var button = page.querySelector('button[data-entity="person-1"]');
  button.click();
  out.push("selected=" + page.querySelectorAll("mark.selected").length);
  out.push("of=" + page.querySelectorAll('mark[data-entity="person-1"]').length);
  out.push("pressed=" + button.getAttribute("aria-pressed"));
  page.querySelector('input[data-toggle="money"]').click();
  out.push("money-hidden=" + page.body.classList.contains("hide-money"));
  page.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"}));
  out.push("after-esc=" + page.querySelectorAll("mark.selected").length);
  var language = index.getElementById("filter-language");
  language.value = "en";
  language.dispatchEvent(new Event("change"));
  out.push("shown-en=" + index.getElementById("shown").textContent);
  language.value = "";
  language.dispatchEvent(new Event("change"));
  index.querySelectorAll("th button")[3].click();  // People, ascending
  index.querySelectorAll("th button")[3].click();  // descending
  var first = index.querySelector("#articles tbody tr");
  out.push("most-people-first=" + first.cells[3].textContent);
  out.push("sort=" + index.querySelectorAll("th")[3].getAttribute("aria-sort"));
  document.getElementById("out").textContent = out.join(" ");
});
</script></body></html>
)html";

TEST_F(BrowserTest, NamesHighlightTypesHideAndTheIndexSortsAndFilters) {
  // Two articles: the Korean sample (4 people) after the English one (2) in
  // input order, so sorting by people, descending, must move it first.
  testing::write_file(dir_ / "sample.txt",
                      read_file(testing::source_path("data/samples/ko-battery-plant.txt")));
  testing::write_file(dir_ / "en.txt",
                      read_file(testing::source_path("data/samples/en-robotics-plant.txt")));
  const auto made =
      testing::run("cd " + quote(dir_.path()) +
                   " && '" ANALYZE_BINARY "' -q --format html --output-dir out en.txt sample.txt");
  ASSERT_EQ(made.exit_code, 0) << made.err;
  testing::write_file(dir_ / "harness.html", kHarness);
  const auto dom =
      run_chromium(browser_, dir_ / "profile",
                   "--allow-file-access-from-files --dump-dom " + file_url(dir_ / "harness.html"));
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  const auto rendered = scan_html(dom.out);
  const auto* out = rendered.by_id("out");
  ASSERT_NE(out, nullptr);
  const std::string seen = rendered.text_of(*out);
  // 박준호 (person-1) is named twice in the sample.
  EXPECT_EQ(seen,
            "selected=2 of=2 pressed=true money-hidden=true after-esc=0 shown-en=1 "
            "most-people-first=4 sort=descending");
}

}  // namespace
}  // namespace news
