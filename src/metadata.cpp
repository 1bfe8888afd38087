#include "news/metadata.h"

#include <array>
#include <cstdio>
#include <regex>

namespace news {
namespace {

// Code points in a UTF-8 string.
std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if ((c < '0' || c > '9') && c != ',') return false;
  }
  return true;
}

// A header block is a handful of short lines; a longer line is body text.
constexpr std::size_t kMaxHeaderLine = 40;
constexpr std::size_t kMaxHeaderLines = 8;
constexpr std::size_t kMaxTitle = 200;

// Words that introduce a time stamp: 입력 2023.11.18. 오후 7:32, 기사입력 …
const std::regex& stamp_regex() {
  static const std::regex re(
      R"(^(?:(입력|기사입력|등록|승인|게재|발행|수정|업데이트|최종수정|기사수정|Published|Updated)\s*:?\s*)?)"
      R"((\d{4})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})\s*(?:일|\.)?)"
      R"((?:\s*\([월화수목금토일]\))?)"
      R"((?:\s*(?:T|\s)\s*(?:(오전|오후|AM|PM|am|pm)\s*)?(\d{1,2})\s*(?::|시)\s*(\d{1,2})\s*(?:분)?(?::(\d{1,2}))?)?)"
      R"(\s*(Z|[+\-]\d{2}:?\d{2}|KST)?\s*$)");
  return re;
}

bool is_update_word(const std::string& word) {
  return word == "수정" || word == "업데이트" || word == "최종수정" || word == "기사수정" ||
         word == "Updated";
}

struct Stamp {
  std::string iso;
  bool update = false;
};

std::optional<Stamp> parse_stamp(std::string_view text) {
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, stamp_regex())) return std::nullopt;
  const int year = std::stoi(m[2].str());
  const int month = std::stoi(m[3].str());
  const int day = std::stoi(m[4].str());
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1800 || year > 2200) return std::nullopt;
  char buffer[64];
  Stamp stamp;
  stamp.update = m[1].matched && is_update_word(m[1].str());
  if (!m[6].matched) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    stamp.iso = buffer;
    return stamp;
  }
  int hour = std::stoi(m[6].str());
  const int minute = std::stoi(m[7].str());
  const int second = m[8].matched ? std::stoi(m[8].str()) : 0;
  if (m[5].matched) {
    const std::string half = m[5].str();
    const bool pm = half == "오후" || half == "PM" || half == "pm";
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  std::string zone = "+09:00";  // Korean news gives Korean time unless it says otherwise
  if (m[9].matched) {
    const std::string z = m[9].str();
    if (z == "Z") {
      zone = "+00:00";
    } else if (z != "KST") {
      zone = z.size() == 5 ? z.substr(0, 3) + ":" + z.substr(3) : z;
    }
  }
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%s", year, month, day, hour,
                minute, second, zone.c_str());
  stamp.iso = buffer;
  return stamp;
}

// `홍길동 기자`, `홍길동 기자 gildong@example.co.kr`, `By Jane Doe`: the name.
std::optional<std::string> reporter_name(const std::string& line) {
  static const std::regex korean(
      R"(^/?\s*(\S+)\s*(?:기자|특파원|논설위원|선임기자|객원기자|인턴기자)(?:\s+\S+@\S+)?\s*$)");
  static const std::regex english(R"(^By\s+([A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})\s*$)");
  std::smatch m;
  if (std::regex_match(line, m, korean) || std::regex_match(line, m, english)) return m[1].str();
  return std::nullopt;
}

bool ends_like_sentence(std::string_view s) {
  return !s.empty() && s.back() == '.';
}

}  // namespace

std::optional<std::string> parse_timestamp(std::string_view text) {
  if (auto stamp = parse_stamp(text)) return stamp->iso;
  return std::nullopt;
}

Header read_header(const std::vector<Line>& lines, const Lexicon& sections) {
  Header header;
  // A one-line input is a body paragraph; a title is short and is not a
  // sentence of the body.
  if (lines.size() < 2 || length(lines[0].text) > kMaxTitle || ends_like_sentence(lines[0].text)) {
    return header;
  }
  header.has_title = true;
  header.metadata.title = lines[0].text;
  header.lines_used = 1;

  // The header block: short lines after the title, up to and including a
  // time stamp. Without a time stamp there is no header block, only a title:
  // a short first line of the body (a photo credit, a subheading) must not be
  // taken for an author.
  std::size_t end = 1;
  std::size_t last_stamp = 0;
  while (end < lines.size() && end <= kMaxHeaderLines && length(lines[end].text) <= kMaxHeaderLine) {
    if (parse_stamp(lines[end].text)) last_stamp = end;
    ++end;
  }
  if (last_stamp == 0) return header;

  Metadata& meta = header.metadata;
  for (std::size_t i = 1; i <= last_stamp; ++i) {
    const std::string& text = lines[i].text;
    if (auto stamp = parse_stamp(text)) {
      if (stamp->update && !meta.updated) {
        meta.updated = stamp->iso;
      } else if (!stamp->update && !meta.published) {
        meta.published = stamp->iso;
      }
    } else if (all_digits(text)) {
      // counters (comments, views, likes): not metadata anyone asked for
    } else if (sections.contains(text)) {
      if (!meta.section) meta.section = text;
    } else if (auto name = reporter_name(text)) {
      if (!meta.author) meta.author = *name;
    } else if (!meta.author) {
      meta.author = text;  // a bare byline: a reporter's name or a user name
    } else {
      header.unclaimed.push_back(i);  // stays a paragraph: nothing is dropped unread
    }
  }
  header.lines_used = last_stamp + 1;
  return header;
}

}  // namespace news
