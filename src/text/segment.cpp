#include "text/segment.h"

#include "text/normalize.h"

namespace news {
namespace {

// Byte length of a white-space character at s[i] (ASCII or Unicode space
// separators such as U+00A0 and U+3000), or 0.
std::size_t space_length(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size()) {
    const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    const unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
    if (c1 == 0x80 && c2 >= 0x80 && c2 <= 0x8A) return 3;  // U+2000..U+200A
    if (c1 == 0x80 && c2 == 0xAF) return 3;                // U+202F
    if (c1 == 0x81 && c2 == 0x9F) return 3;                // U+205F
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;  // U+3000 ideographic space
  return 0;
}

}  // namespace

std::string fold_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = space_length(text, i); n > 0) {
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += text[i++];
  }
  return out;
}

std::vector<Line> split_lines(std::string_view text) {
  return split_lines(text, static_cast<std::size_t>(-1), nullptr);
}

std::vector<Line> split_lines(std::string_view text, std::size_t max_lines, std::size_t* grouped) {
  std::vector<Line> lines;
  std::size_t joined = 0;
  bool grouping = false;  // the last Line is an open group
  int number = 0;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    // One pass per line: invisible characters, spaces, full-width forms, NFC.
    std::string cleaned = normalize_line(text.substr(begin, end - begin));
    if (!cleaned.empty()) {
      if (lines.size() < max_lines) {
        lines.push_back(Line{std::move(cleaned), number});
      } else {
        ++joined;
        Line* group = grouping ? &lines.back() : nullptr;
        if (group != nullptr && group->text.size() + 1 + cleaned.size() <= kMaxGroupBytes) {
          group->text.push_back(' ');
          group->text += cleaned;
          group->last_number = number;
        } else {
          // A line too long to join starts its own group (windows cut it later).
          lines.push_back(Line{std::move(cleaned), number, number});
          grouping = lines.back().text.size() < kMaxGroupBytes;
        }
      }
    }
    if (end == text.size()) break;
    begin = end + 1;
  }
  if (grouped != nullptr) *grouped = joined;
  return lines;
}

std::vector<std::size_t> window_cuts(std::string_view text, std::size_t max_chars) {
  std::vector<std::size_t> cuts;
  std::size_t start = 0;
  while (true) {
    // Walk max_chars code points, remembering the last space and the last
    // space after a sentence end.
    std::size_t i = start, chars = 0, space = 0, sentence_end = 0;
    while (i < text.size() && chars < max_chars) {
      const auto lead = static_cast<unsigned char>(text[i]);
      if (lead == ' ' && i > start) {
        space = i;
        const char before = text[i - 1];
        if ((before == '.' || before == '?' || before == '!') && chars >= max_chars / 2)
          sentence_end = i;
      }
      i += lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      ++chars;
    }
    if (i >= text.size()) return cuts;
    std::size_t cut = sentence_end != 0 ? sentence_end : space != 0 ? space : i;
    if (cut > text.size()) cut = text.size();
    cuts.push_back(cut);
    start = cut;
    while (start < text.size() && text[start] == ' ') ++start;  // the space at the cut
    if (start >= text.size()) return cuts;
  }
}

}  // namespace news
