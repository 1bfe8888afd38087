// libFuzzer target, structure-aware: the input bytes are choices in a
// grammar of Korean news articles (a title, header lines, paragraphs of
// sentences made of names, titles, particles, amounts, dates, quotations,
// exact and near repeats), so the fuzzer spends its time in the header
// reader, dedup, the value readers and the name rules instead of on bytes
// the decoder rejects. Whatever it builds goes through the CLI path and
// must print the same valid JSON as the tree.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cli_support.h"

namespace {

// The input read as a stream of choices; 0 once it is used up.
class Choices {
 public:
  Choices(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::size_t pick(std::size_t n) { return n == 0 || at_ >= size_ ? 0 : data_[at_++] % n; }
  bool more() const { return at_ < size_; }
  template <std::size_t N>
  const char* one_of(const char* const (&words)[N]) {
    return words[pick(N)];
  }
  // A few raw bytes of the input, for characters no list below has.
  std::string raw() {
    std::string out;
    for (std::size_t n = pick(6); n > 0 && at_ < size_; --n) out += static_cast<char>(data_[at_++]);
    return out;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

const char* const kSurnames[] = {"김", "이", "박", "최", "남궁", "황보", "오"};
const char* const kGiven[] = {"철수", "서연", "준호", "민", "지원", "모", "태규"};
const char* const kForeign[] = {"샘 알트먼", "사티아 나델라", "Sam Altman", "그렉 브록만", "존 폴 존스"};
const char* const kTitles[] = {"대표", "기자", "씨", "의원", "교수", "CEO", "부회장", "총리", "양"};
const char* const kOrgs[] = {"삼성전자", "오픈AI", "마이크로소프트", "서울중앙지법", "KB증권",
                             "한빛배터리", "Goldman Sachs Group", "이사회"};
const char* const kPlaces[] = {"서울", "서울 강남구 신사동", "미국 조지아", "중국영화", "경기도 의정부시"};
const char* const kParticles[] = {"", "이", "가", "은", "는", "을", "를", "에서", "에", "의", "와", "로", "도"};
const char* const kAmounts[] = {"2조원", "15억 달러", "약 2조원", "18만3500원", "49%", "3년", "16명",
                                "$400 million", "1,234.5", "하나", "2개", "10점", "30도", "13만"};
const char* const kDates[] = {"17일(현지시간)", "지난달", "2023년 11월", "월요일", "오전 9시", "내일",
                              "2023-11-17", "지난 17일", "11/17", "작년", "다음 주 화요일", "1900년"};
const char* const kVerbs[] = {"밝혔다", "말했다", "발표했다", "전했다", "하락했다", "계획이라고"};
const char* const kMarks[] = {"", ".", ". ", "…", "!", "?", ",", " (사진=연합뉴스)", "“", "”", "\"",
                              "「", "」", "(", ")", "·", " "};
const char* const kHeaders[] = {"입력 2023.11.17 19:32", "기자 = 서울", "IT과학", "댓글 12",
                                "2023-11-18T19:32:00+09:00", "By Maria Okafor", "Published: Nov 17"};

std::string phrase(Choices& c) {
  std::string out;
  switch (c.pick(8)) {
    case 0:
      out = std::string(c.one_of(kSurnames)) + c.one_of(kGiven) + (c.pick(2) ? " " : "") +
            c.one_of(kTitles);
      break;
    case 1:
      out = c.one_of(kForeign);
      break;
    case 2:
      out = c.one_of(kOrgs);
      break;
    case 3:
      out = c.one_of(kPlaces);
      break;
    case 4:
      out = c.one_of(kAmounts);
      break;
    case 5:
      out = c.one_of(kDates);
      break;
    case 6:
      out = std::string("“") + c.one_of(kVerbs) + "”라고";
      break;
    default:
      out = c.raw();
      break;
  }
  return out + c.one_of(kParticles);
}

std::string sentence(Choices& c) {
  std::string out;
  for (std::size_t n = 1 + c.pick(8); n > 0; --n) {
    out += phrase(c);
    out += c.pick(4) == 0 ? c.one_of(kMarks) : " ";
  }
  return out + c.one_of(kVerbs) + (c.pick(3) ? "." : "");
}

std::string article(Choices& c) {
  const char* newline = c.pick(4) == 0 ? "\r\n" : "\n";
  std::string out = c.pick(8) == 0 ? "\xEF\xBB\xBF" : "";
  out += sentence(c) + newline;  // the title
  if (c.pick(2)) out += newline;
  for (std::size_t n = c.pick(4); n > 0; --n) out += std::string(c.one_of(kHeaders)) + newline;
  std::vector<std::string> paragraphs;
  while (c.more() && paragraphs.size() < 64) {
    std::string paragraph;
    if (!paragraphs.empty() && c.pick(4) == 0) {
      // A repeat: exact, or with one byte changed (a near repeat or broken UTF-8).
      paragraph = paragraphs[c.pick(paragraphs.size())];
      if (c.pick(2) && !paragraph.empty()) paragraph[c.pick(paragraph.size())] ^= 1;
    } else {
      for (std::size_t n = 1 + c.pick(4); n > 0; --n) paragraph += sentence(c) + " ";
    }
    paragraphs.push_back(paragraph);
    out += paragraph + newline;
    if (c.pick(3) == 0) out += newline;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Choices choices(data, size);
  const std::string text = article(choices);
  news::Source source;
  source.path = "grammar.txt";
  cli_support::check_output(
      news::analyze(text, source, cli_support::cli_options(), cli_support::resources()));
  return 0;
}
