// The HTML page (output/html_page.h) and index (output/html_index.h): every
// mention a mark, hostile text escaped in every field, nothing fetched,
// deterministic bytes.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "news/json.h"
#include "output/html_assets.h"
#include "output/html_index.h"
#include "output/html_page.h"
#include "output/html_scanner.h"
#include "output/html_text.h"
#include "pipeline.h"
#include "resources.h"
#include "testing.h"

namespace news {
namespace {

using testing::HtmlDocument;
using testing::HtmlElement;
using testing::scan_html;

std::string page_of(const Document& document, const HtmlPageOptions& options = {}) {
  std::string out;
  write_html_page(document, options, out);
  return out;
}

// text[start, end) in code points.
std::string code_points(const std::string& text, std::size_t start, std::size_t end) {
  std::size_t i = 0, n = 0, from = std::string::npos;
  while (i <= text.size()) {
    if (n == start) from = i;
    if (n == end) return text.substr(from, i - from);
    if (i == text.size()) break;
    std::size_t length = 1;
    utf8::decode_at(text, i, length);
    i += length;
    ++n;
  }
  return "?";
}

// (type, paragraph, surface) of every mention the JSON locates.
std::multiset<std::tuple<std::string, int, std::string>> json_mentions(
    const nlohmann::ordered_json& j) {
  std::multiset<std::tuple<std::string, int, std::string>> out;
  const auto& paragraphs = j["paragraphs"];
  const auto add = [&](const std::string& type, const nlohmann::ordered_json& where) {
    const int p = where["paragraph"].get<int>();
    const std::string surface =
        code_points(paragraphs[p]["text"].get<std::string>(), where["start"].get<std::size_t>(),
                    where["end"].get<std::size_t>());
    EXPECT_EQ(surface, where["text"].get<std::string>());
    out.emplace(type, p, surface);
  };
  const std::map<std::string, std::string> named = {
      {"people", "person"}, {"organizations", "organization"}, {"locations", "location"}};
  for (const auto& [key, type] : named) {
    for (const auto& entity : j["entities"][key]) {
      for (const auto& mention : entity["mentions"]) add(type, mention);
    }
  }
  const std::map<std::string, std::string> values = {{"dates", "date"},
                                                     {"money", "money"},
                                                     {"percentages", "percentage"},
                                                     {"durations", "duration"},
                                                     {"quantities", "quantity"}};
  for (const auto& [key, type] : values) {
    for (const auto& value : j["entities"][key]) add(type, value);
  }
  return out;
}

// The paragraph number of the element that holds `element` (id="p12").
int paragraph_of(const HtmlDocument& doc, const HtmlElement& element) {
  const HtmlElement* at = &element;
  while (at != &doc.elements[0]) {
    const std::string id = at->attribute("id");
    if (id.size() > 1 && id[0] == 'p' &&
        id.find_first_not_of("0123456789", 1) == std::string::npos) {
      return std::stoi(id.substr(1));
    }
    at = &doc.elements[at->parent];
  }
  return -1;
}

// (type, paragraph, text) of every mark, the parts of a cut mark joined.
std::multiset<std::tuple<std::string, int, std::string>> page_marks(const HtmlDocument& doc) {
  std::map<std::string, std::tuple<std::string, int, std::string>> by_mention;
  for (const HtmlElement* mark : doc.all("mark")) {
    auto& [type, paragraph, text] = by_mention[mark->attribute("data-mention")];
    if (text.empty()) {
      type = mark->attribute("data-type");
      paragraph = paragraph_of(doc, *mark);
    }
    EXPECT_EQ(type, mark->attribute("data-type"));
    text += doc.text_of(*mark);
  }
  std::multiset<std::tuple<std::string, int, std::string>> out;
  for (const auto& [id, mark] : by_mention) out.insert(mark);
  return out;
}

void expect_marks_equal_json_mentions(const Document& document) {
  const HtmlDocument doc = scan_html(page_of(document));
  EXPECT_EQ(doc.errors, std::vector<std::string>{});
  const auto expected = json_mentions(to_json(document));
  EXPECT_GT(expected.size(), 10u);
  EXPECT_EQ(page_marks(doc), expected);
}

TEST(HtmlPageTest, EveryMentionOfTheJsonIsAMarkOfItsTypeOnTheSamples) {
  const Resources resources = Resources::load(testing::source_path("data"));
  for (const char* sample :
       {"data/samples/ko-battery-plant.txt", "data/samples/en-robotics-plant.txt"}) {
    SCOPED_TRACE(sample);
    expect_marks_equal_json_mentions(
        analyze(testing::read_file(testing::source_path(sample)), Source{}, Options{}, resources));
  }
}

TEST(HtmlPageTest, EveryMentionOfTheJsonIsAMarkOfItsTypeOnTheSeed) {
  const auto seed = testing::shared_path("seed/openai-altman-ko.txt");
  if (!seed) GTEST_SKIP() << "no ../shared/seed (a plain clone)";
  const Resources resources = Resources::load(testing::source_path("data"));
  expect_marks_equal_json_mentions(
      analyze(testing::read_file(*seed), Source{}, Options{}, resources));
}

TEST(HtmlPageTest, CrossingAndNestedMentionsStayATreeAndKeepEveryByte) {
  Document document;
  Paragraph p;
  p.text = "가나다라마바사아";  // 3 bytes each
  document.paragraphs.push_back(p);
  Entities e;
  NamedEntity person;
  person.name = "가나다라";
  person.mentions.push_back(Mention{0, 0, 12, "가나다라"});
  e.people.push_back(person);
  NamedEntity organization;
  organization.name = "다라마바";
  organization.mentions.push_back(Mention{0, 6, 18, "다라마바"});  // crosses the person
  e.organizations.push_back(organization);
  DateEntity date;
  date.where = Mention{0, 6, 9, "다"};  // inside both
  date.value = "2024";
  date.grain = "year";
  e.dates.push_back(date);
  document.entities = e;
  const HtmlDocument doc = scan_html(page_of(document));
  EXPECT_EQ(doc.errors, std::vector<std::string>{});
  EXPECT_EQ(page_marks(doc), json_mentions(to_json(document)));
  EXPECT_EQ(doc.text_of(*doc.by_id("p0")).substr(0, 24), "가나다라마바사아");
}

TEST(HtmlPageTest, RandomOverlappingMentionsAlwaysGiveATreeWithEveryMention) {
  std::mt19937 random(20261206);  // fixed: the same cases every run
  const std::vector<std::string> pieces = {"가", "A", "<", "&", "\"", " ", "語", "😀"};
  for (int round = 0; round < 300; ++round) {
    SCOPED_TRACE(round);
    Document document;
    Paragraph p;
    std::vector<std::size_t> boundaries = {0};
    const int length = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) {
      p.text += pieces[random() % pieces.size()];
      boundaries.push_back(p.text.size());
    }
    document.paragraphs.push_back(p);
    Entities e;
    const int spans = 1 + static_cast<int>(random() % 6);
    for (int i = 0; i < spans; ++i) {
      std::size_t a = boundaries[random() % boundaries.size()];
      std::size_t b = boundaries[random() % boundaries.size()];
      if (a == b) continue;
      if (a > b) std::swap(a, b);
      const Mention where{0, a, b, p.text.substr(a, b - a)};
      switch (random() % 3) {
        case 0:
          e.people.push_back(NamedEntity{where.text, {}, {}, {}, {}, {where}, {}});
          break;
        case 1:
          e.money.push_back(MoneyEntity{where, "1", "KRW", false, std::nullopt});
          break;
        default:
          e.durations.push_back(DurationEntity{where, "P1D"});
      }
    }
    document.entities = e;
    const HtmlDocument doc = scan_html(page_of(document));
    ASSERT_EQ(doc.errors, std::vector<std::string>{});
    ASSERT_EQ(page_marks(doc), json_mentions(to_json(document)));
    ASSERT_EQ(doc.text_of(*doc.by_id("p0")).substr(0, p.text.size()), p.text);
  }
}

// Everything a scraped page could throw at us, in one string.
const std::string kHostile =
    "<script>alert(1)</script>\"><img src=x onerror=alert(2)></mark>'javascript:alert(3) &amp; "
    "&lt;b&gt;";

Document hostile_document() {
  Document document;
  document.source.path = kHostile;
  document.source.id = kHostile;
  document.source.encoding = kHostile;
  document.language = kHostile;
  document.metadata.title = kHostile;
  document.metadata.subtitle = kHostile;
  document.metadata.author = kHostile;
  document.metadata.section = kHostile;
  document.metadata.published = kHostile;
  document.metadata.updated = kHostile;
  document.warnings = {kHostile};
  for (const Role role : {Role::kTitle, Role::kBody, Role::kSubheading, Role::kCaption}) {
    Paragraph p;
    p.role = role;
    p.text = "앞 " + kHostile + " 뒤";
    p.duplicates.push_back(Duplicate{3, 4, 0.9});
    document.paragraphs.push_back(p);
  }
  const Mention where{1, std::string("앞 ").size(), std::string("앞 ").size() + kHostile.size(),
                      kHostile};
  Entities e;
  NamedEntity named{kHostile, {kHostile}, {kHostile}, {kHostile}, kHostile, {where}, {}};
  e.people.push_back(named);
  named.mentions[0].paragraph = 2;
  e.organizations.push_back(named);
  named.mentions[0].paragraph = 3;
  e.locations.push_back(named);
  DateEntity date;
  date.where = where;
  date.value = kHostile;
  date.grain = kHostile;
  date.until = kHostile;
  e.dates.push_back(date);
  DateEntity unresolved = date;
  unresolved.value.reset();
  unresolved.unresolved = kHostile;
  e.dates.push_back(unresolved);
  e.money.push_back(MoneyEntity{where, kHostile, kHostile, true, std::nullopt});
  e.percentages.push_back(PercentageEntity{where, kHostile, true, true});
  e.durations.push_back(DurationEntity{where, kHostile});
  e.quantities.push_back(QuantityEntity{where, kHostile, kHostile, true});
  document.entities = e;
  return document;
}

// What any page of ours may hold, whatever the input: our elements only,
// our two scripts only, no event handler, no source, no link out.
void expect_only_our_markup(const HtmlDocument& doc, std::string_view script) {
  EXPECT_EQ(doc.errors, std::vector<std::string>{});
  const std::set<std::string> allowed = {
      "#root",  "html",    "head",    "meta",  "title",  "style",  "script",  "body",  "header",
      "main",   "h1",      "h2",      "dl",    "dt",     "dd",     "ul",      "li",    "fieldset",
      "legend", "label",   "input",   "span",  "p",      "div",    "article", "aside", "section",
      "mark",   "details", "summary", "table", "thead",  "tbody",  "tr",      "th",    "td",
      "button", "a",       "strong",  "form",  "select", "option", "output"};
  int scripts = 0;
  for (const HtmlElement& element : doc.elements) {
    EXPECT_TRUE(allowed.count(element.name)) << "<" << element.name << ">";
    for (const auto& [name, value] : element.attributes) {
      EXPECT_NE(name.substr(0, 2), "on") << name << "=" << value;
      EXPECT_NE(name, "src");
      EXPECT_NE(name, "style");
      if (name == "href") {
        EXPECT_TRUE(value.starts_with("#") || value.starts_with("./") || value.starts_with("../") ||
                    value == "index.html")
            << value;
      }
    }
    if (element.name == "script") {
      ++scripts;
      if (element.attribute("type") == "application/json") {
        EXPECT_EQ(element.raw.find('<'), std::string::npos);
      } else {
        EXPECT_EQ(element.raw, script);
      }
    }
  }
  EXPECT_LE(scripts, 2);
}

TEST(HtmlPageTest, HostileTextInEveryFieldStaysText) {
  const Document document = hostile_document();
  HtmlPageOptions options;
  options.duplicate_of = kHostile;
  const std::string page = page_of(document, options);
  const HtmlDocument doc = scan_html(page);
  expect_only_our_markup(doc, html::kPageScript);
  EXPECT_EQ(doc.all("script").size(), 2u);
  EXPECT_EQ(doc.all("title").size(), 1u);
  EXPECT_EQ(doc.text_of(*doc.all("title")[0]), kHostile);
  // Each mark holds exactly the hostile text, and its value says it too.
  const auto marks = doc.all("mark");
  ASSERT_EQ(marks.size(), 9u);
  for (const HtmlElement* mark : marks) {
    EXPECT_EQ(doc.text_of(*mark), kHostile);
    EXPECT_NE(mark->attribute("data-value").find(kHostile), std::string::npos);
  }
  // Metadata, warnings and side tables show it as written.
  int cells = 0;
  for (const char* name : {"dd", "li", "td", "button"}) {
    for (const HtmlElement* element : doc.all(name))
      cells += doc.text_of(*element).find(kHostile) != std::string::npos;
  }
  EXPECT_GE(cells, 20);
  // The data block reads back.
  const auto row = index_row_of_page(page);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->title, kHostile);
  EXPECT_EQ(row->duplicate_of, kHostile);

  Document failed;
  failed.source.path = kHostile;
  failed.error = Error{kHostile, kHostile};
  const std::string error_page = page_of(failed);
  const HtmlDocument error_doc = scan_html(error_page);
  expect_only_our_markup(error_doc, html::kPageScript);
  EXPECT_NE(error_doc.text.find("Not analyzed: " + kHostile), std::string::npos);
  ASSERT_TRUE(index_row_of_page(error_page));
  EXPECT_TRUE(index_row_of_page(error_page)->error);
}

TEST(HtmlPageTest, FetchesNothingAndAllowsOnlyItsOwnCode) {
  const Resources resources = Resources::load(testing::source_path("data"));
  const std::string page =
      page_of(analyze(testing::read_file(testing::source_path("data/samples/ko-battery-plant.txt")),
                      Source{}, Options{}, resources));
  const HtmlDocument doc = scan_html(page);
  expect_only_our_markup(doc, html::kPageScript);
  std::string policy;
  for (const HtmlElement* meta : doc.all("meta")) {
    if (meta->attribute("http-equiv") == "Content-Security-Policy")
      policy = meta->attribute("content");
  }
  EXPECT_TRUE(policy.starts_with("default-src 'none';")) << policy;
  const HtmlElement* style = doc.all("style").at(0);
  EXPECT_NE(policy.find("style-src " + html::csp_hash_source(style->raw) + ";"), std::string::npos);
  EXPECT_NE(policy.find("script-src " + html::csp_hash_source(html::kPageScript) + ";"),
            std::string::npos);
  for (const std::string_view code : {html::kPageStyle, html::kIndexStyle}) {
    EXPECT_EQ(code.find("url("), std::string_view::npos);
    EXPECT_EQ(code.find("@import"), std::string_view::npos);
  }
  // Size in proportion to the article: the fixed part is the CSS and script.
  EXPECT_LT(page.size(), 40000u);
}

TEST(HtmlPageTest, ShowsRepeatsRolesAndValues) {
  const Resources resources = Resources::load(testing::source_path("data"));
  const Document document =
      analyze(testing::read_file(testing::source_path("data/samples/ko-battery-plant.txt")),
              Source{}, Options{}, resources);
  const HtmlDocument doc = scan_html(page_of(document));
  std::vector<std::string> badges;
  for (const HtmlElement* summary : doc.all("summary")) badges.push_back(doc.text_of(*summary));
  EXPECT_EQ(badges.front(), "×2, lines 7 and 13");
  EXPECT_EQ(badges.size(), 5u);
  EXPECT_EQ(doc.all("h2").size() >= 1, true);
  EXPECT_EQ(doc.by_id("p3")->attribute("data-role"), "caption");
  bool money_shown = false;
  for (const HtmlElement* mark : doc.all("mark")) {
    money_shown |= mark->attribute("data-value") == "money · 1,500,000,000 USD" &&
                   doc.text_of(*mark) == "15억 달러";
  }
  EXPECT_TRUE(money_shown);
  // The people table: every person a button that selects its mentions.
  int buttons = 0;
  for (const HtmlElement* button : doc.all("button")) {
    const std::string entity = button->attribute("data-entity");
    if (!entity.starts_with("person-")) continue;
    ++buttons;
    int marks = 0;
    for (const HtmlElement* mark : doc.all("mark"))
      marks += mark->attribute("data-entity") == entity;
    EXPECT_GT(marks, 0) << entity;
  }
  EXPECT_EQ(buttons, static_cast<int>(document.entities->people.size()));
}

TEST(HtmlPageTest, SameDocumentSameBytes) {
  const Resources resources = Resources::load(testing::source_path("data"));
  const std::string text =
      testing::read_file(testing::source_path("data/samples/en-robotics-plant.txt"));
  const std::string first = page_of(analyze(text, Source{}, Options{}, resources));
  const std::string second = page_of(analyze(text, Source{}, Options{}, resources));
  EXPECT_EQ(first, second);
  EXPECT_EQ(page_of(hostile_document()), page_of(hostile_document()));
}

TEST(HtmlPageTest, ACutPageIsNotComplete) {
  Document document;
  document.metadata.title = "t";
  const std::string page = page_of(document);
  EXPECT_TRUE(index_row_of_page(page));
  EXPECT_FALSE(index_row_of_page(page.substr(0, page.size() - 3)));
  EXPECT_FALSE(index_row_of_page("<html></html>\n"));
}

TEST(HtmlTextTest, EscapesLinksAndNumbers) {
  EXPECT_EQ(html::escaped("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(html::escaped("bad\xFF"), "bad\xEF\xBF\xBD");
  EXPECT_EQ(html::relative_href("javascript:alert(1).txt.html"),
            "./javascript%3Aalert%281%29.txt.html");
  EXPECT_EQ(html::relative_href("ko/기사 #1.html"), "./ko/%EA%B8%B0%EC%82%AC%20%231.html");
  EXPECT_EQ(html::group_thousands("13000000000"), "13,000,000,000");
  EXPECT_EQ(html::group_thousands("-1234.56"), "-1,234.56");
  EXPECT_EQ(html::group_thousands("999"), "999");
  // The SHA-256 of "" in base64, as CSP wants it.
  EXPECT_EQ(html::csp_hash_source(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
}

TEST(HtmlIndexTest, RowsLinkEscapeAndFilterByTheLanguagesPresent) {
  std::vector<IndexRow> rows(4);
  rows[0].page = "javascript:alert(1).txt.html";
  rows[0].name = kHostile;
  rows[0].title = kHostile;
  rows[0].language = "ko";
  rows[1].page = "en/a.txt.html";
  rows[1].name = "en/a.txt";
  rows[1].language = "en";
  rows[2].page = "ja/b.txt.html";
  rows[2].name = "ja/b.txt";
  rows[2].language = "ja";
  rows[3].name = "broken.bin";
  rows[3].error = kHostile;
  std::string out;
  write_html_index(rows, out);
  const HtmlDocument doc = scan_html(out);
  expect_only_our_markup(doc, html::kIndexScript);
  const auto links = doc.all("a");
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0]->attribute("href"), "./javascript%3Aalert%281%29.txt.html");
  EXPECT_EQ(doc.text_of(*links[0]), kHostile);
  std::vector<std::string> options;
  for (const HtmlElement* option : doc.all("option")) options.push_back(option->attribute("value"));
  EXPECT_EQ(options, (std::vector<std::string>{"", "en", "ja", "ko"}));
  const auto table_rows = doc.all("tr");
  ASSERT_EQ(table_rows.size(), 5u);  // the head and four articles
  EXPECT_TRUE(table_rows[4]->has("data-failed"));
  EXPECT_NE(doc.text_of(*table_rows[4]).find(kHostile), std::string::npos);
}

TEST(HtmlIndexTest, RowJsonRoundTrips) {
  const IndexRow row = index_row_of(hostile_document());
  const std::string json = index_row_json(row);
  EXPECT_EQ(json.find('<'), std::string::npos);
  const auto back = index_row_from_json(json);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->title, row.title);
  EXPECT_EQ(back->people, 1);
  EXPECT_EQ(back->collapsed, row.collapsed);
  EXPECT_FALSE(index_row_from_json("[1]"));
}

}  // namespace
}  // namespace news
