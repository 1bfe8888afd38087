#include "text/segment.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/text.h"

namespace news {
namespace {

// The windows of `text` as window_cuts() gives them (spaces at cuts dropped).
std::vector<std::string> windows_of(const std::string& text, std::size_t max_chars) {
  std::vector<std::string> out;
  std::size_t start = 0;
  std::vector<std::size_t> cuts = window_cuts(text, max_chars);
  cuts.push_back(text.size());
  for (const std::size_t cut : cuts) {
    EXPECT_GE(cut, start);
    out.push_back(text.substr(start, cut - start));
    start = cut;
    while (start < text.size() && text[start] == ' ') ++start;
  }
  return out;
}

std::string joined(const std::vector<std::string>& windows) {
  std::string out;
  for (const std::string& w : windows) out += (out.empty() ? "" : " ") + w;
  return out;
}

TEST(WindowCutsTest, ShortTextIsOneWindow) {
  EXPECT_TRUE(window_cuts("정부는 17일 발표했다.", 100).empty());
  EXPECT_TRUE(window_cuts(std::string(100, 'a'), 100).empty());
}

TEST(WindowCutsTest, CutsAfterASentenceEndInTheWindowsSecondHalf) {
  const std::string text = "가나다 라마바. 사아자 차카타 파하가 나다라. 마바사";
  const auto windows = windows_of(text, 26);
  ASSERT_GE(windows.size(), 2u);
  EXPECT_EQ(windows[0], "가나다 라마바. 사아자 차카타 파하가 나다라.");
  EXPECT_EQ(joined(windows), text);
}

TEST(WindowCutsTest, CutsAtASpaceWithoutSentenceEnds) {
  const std::string word = "오픈AI는";
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    if (i > 0) text += ' ';
    text += word;
  }
  const auto windows = windows_of(text, 100);
  EXPECT_GT(windows.size(), 10u);
  for (const std::string& w : windows) {
    EXPECT_LE(count_code_points(w), 100u);
    EXPECT_EQ(w.substr(0, word.size()), word) << "cut inside a word";
    EXPECT_TRUE(w.ends_with(word)) << "cut inside a word";
  }
  EXPECT_EQ(joined(windows), text);
}

TEST(WindowCutsTest, AWordWithoutSpacesIsCutBetweenCodePoints) {
  std::string text;
  for (int i = 0; i < 1001; ++i) text += "한";
  const auto windows = windows_of(text, 100);
  ASSERT_EQ(windows.size(), 11u);
  for (const std::string& w : windows) EXPECT_EQ(w.size() % 3, 0u);
  EXPECT_EQ(windows.back(), "한");
}

}  // namespace
}  // namespace news
