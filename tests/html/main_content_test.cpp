#include "html/main_content.h"

#include <gtest/gtest.h>

#include <string>

#include "html/parsed_page.h"

namespace news::html {
namespace {

std::vector<Block> blocks_of(const std::string& page) {
  const ParsedPage parsed(page);
  return extract_main_content(flatten(parsed.root()));
}

std::string joined(const std::vector<Block>& blocks) {
  std::string text;
  for (const Block& b : blocks) text += b.text + "\n";
  return text;
}

const char* const kSentence =
    "The council approved the budget on Tuesday, after a debate that lasted, by most accounts, "
    "more than six hours.";

TEST(HtmlMainContentTest, TheArticleWithoutItsFurniture) {
  std::string page =
      "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>"
      "<div class=sidebar><ul><li><a href=/1>Most read one</a></li>"
      "<li><a href=/2>Most read two</a></li></ul></div><div class=story>";
  for (int i = 0; i < 5; ++i)
    page += "<p>" + std::string(kSentence) + " Paragraph " + std::to_string(i) + ".</p>";
  page +=
      "<div class=share><a href=#>Share on X</a> <a href=#>Share by e-mail</a></div></div>"
      "<div class=comments><p>A reader wrote, at length, that the budget was, in short, "
      "wrong.</p></div>"
      "<footer>Copyright Example</footer></body></html>";
  const std::vector<Block> blocks = blocks_of(page);
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(blocks[0].text, std::string(kSentence) + " Paragraph 0.");
  const std::string text = joined(blocks);
  for (const char* furniture : {"Home", "Most read", "Share", "reader wrote", "Copyright"}) {
    EXPECT_EQ(text.find(furniture), std::string::npos) << furniture;
  }
}

TEST(HtmlMainContentTest, BreakRunsSubheadingsCaptionsAndQuotes) {
  const std::string page =
      std::string("<body><div class=article-body>") + kSentence + "<br><br>" + kSentence +
      " Second.<br>Still second." + "<h2>A subheading</h2><p>" + kSentence + "</p>" +
      "<figure><img src=a.jpg><figcaption>The hall, on Tuesday.</figcaption></figure>" +
      "<blockquote>" + kSentence + " Quoted.</blockquote></div></body>";
  const std::vector<Block> blocks = blocks_of(page);
  ASSERT_EQ(blocks.size(), 6u);
  EXPECT_EQ(blocks[0].text, kSentence);
  EXPECT_EQ(blocks[1].text, std::string(kSentence) + " Second. Still second.");
  EXPECT_EQ(blocks[2].role, Role::kSubheading);
  EXPECT_EQ(blocks[2].text, "A subheading");
  EXPECT_EQ(blocks[3].role, Role::kBody);
  EXPECT_EQ(blocks[4].role, Role::kCaption);
  EXPECT_EQ(blocks[5].role, Role::kBody);
  EXPECT_EQ(blocks[5].text, std::string(kSentence) + " Quoted.");
}

TEST(HtmlMainContentTest, ABodySplitOverSeveralContainersIsKeptWhole) {
  std::string page = "<body><div id=main><h1>Title</h1>";
  for (int part = 0; part < 3; ++part) {
    page += "<div class=text-block>";
    for (int i = 0; i < 3; ++i)
      page += "<p>" + std::string(kSentence) + " Part " + std::to_string(part) + ".</p>";
    page += "</div><div class=ad><a href=/ad>Advertisement</a></div>";
  }
  page += "</div><div class=related><a href=/r>Related story</a></div></body>";
  const std::vector<Block> blocks = blocks_of(page);
  const std::string text = joined(blocks);
  EXPECT_NE(text.find("Part 0."), std::string::npos);
  EXPECT_NE(text.find("Part 2."), std::string::npos);
  EXPECT_EQ(text.find("Advertisement"), std::string::npos);
  EXPECT_EQ(text.find("Related story"), std::string::npos);
}

TEST(HtmlMainContentTest, HiddenElementsAndScriptsAreNotText) {
  const std::string page =
      std::string("<body><div class=content><p>") + kSentence +
      "</p><p style='display: none'>Hidden words here, many of them, many.</p>"
      "<script>document.write('script words')</script>"
      "<p hidden>Also hidden, with commas, commas, and commas.</p></div></body>";
  const std::string text = joined(blocks_of(page));
  EXPECT_NE(text.find("council"), std::string::npos);
  EXPECT_EQ(text.find("Hidden"), std::string::npos);
  EXPECT_EQ(text.find("script words"), std::string::npos);
  EXPECT_EQ(text.find("Also hidden"), std::string::npos);
}

TEST(HtmlMainContentTest, AShortPageGivesItsText) {
  const std::vector<Block> blocks = blocks_of("<html><body><p>Hello world.</p></body></html>");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text, "Hello world.");
  EXPECT_TRUE(blocks_of("<html><head><script>var a = 1;</script></head></html>").empty());
}

}  // namespace
}  // namespace news::html
