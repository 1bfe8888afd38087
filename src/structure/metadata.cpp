#include "structure/metadata.h"

#include <algorithm>
#include <array>
#include <cctype>
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
      R"((?:\s*\((?:월|화|수|목|금|토|일)\))?)"
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

std::optional<Stamp> parse_korean_stamp(std::string_view text) {
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, stamp_regex())) return std::nullopt;
  const int year = std::stoi(m[2].str());
  const int month = std::stoi(m[3].str());
  const int day = std::stoi(m[4].str());
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1800 || year > 2200)
    return std::nullopt;
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

int month_number(std::string name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.size() < 3) return 0;
  if (name == "sept") name = "sep";
  for (int i = 0; i < 12; ++i) {
    const std::string_view full_names[] = {"january",   "february", "march",    "april",
                                           "may",       "june",     "july",     "august",
                                           "september", "october",  "november", "december"};
    if (name == kMonths[i] || name == full_names[i]) return i + 1;
  }
  return 0;
}

// Day of the week of a date, 0 = Sunday (Sakamoto).
int weekday(int y, int m, int d) {
  static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

// US daylight saving time (since 2007): from the second Sunday of March to
// the first Sunday of November.
bool us_daylight_time(int y, int m, int d) {
  if (m < 3 || m > 11) return false;
  if (m > 3 && m < 11) return true;
  const int first_sunday = 1 + (7 - weekday(y, m, 1)) % 7;
  return m == 3 ? d >= first_sunday + 7 : d < first_sunday;
}

// `Published 18 November 2023`, `Nov. 18, 2023 7:32 p.m. ET`,
// `Updated: November 18, 2023 at 19:32 GMT`.
std::optional<Stamp> parse_english_stamp(std::string_view text) {
  static const std::regex re(
      R"(^(?:(Published|Updated|Posted|Last updated|First published)\s*:?\s*(?:on\s+)?)?)"
      R"((?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?)"
      R"((?:(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})|([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})))"
      R"((?:,?\s+(?:at\s+)?(\d{1,2})[:.](\d{2})\s*([ap]\.?\s?m\.?|[AP]M)?)?)"
      R"(\s*(ET|EST|EDT|GMT|BST|UTC|KST|PT|PST|PDT|CET|CEST)?\s*$)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, re)) return std::nullopt;
  const bool day_first = m[2].matched;
  const int day = std::stoi(day_first ? m[2].str() : m[6].str());
  const int month = month_number(day_first ? m[3].str() : m[5].str());
  const int year = std::stoi(day_first ? m[4].str() : m[7].str());
  if (month == 0 || day < 1 || day > 31 || year < 1800 || year > 2200) return std::nullopt;
  Stamp stamp;
  const std::string word = m[1].matched ? m[1].str() : "";
  stamp.update = word == "Updated" || word == "Last updated";
  char buffer[64];
  if (!m[8].matched) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    stamp.iso = buffer;
    return stamp;
  }
  int hour = std::stoi(m[8].str());
  const int minute = std::stoi(m[9].str());
  if (m[10].matched) {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + (std::tolower(static_cast<unsigned char>(m[10].str()[0])) == 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return std::nullopt;
  std::string zone;  // no zone named: local time, no offset
  if (m[11].matched) {
    const std::string z = m[11].str();
    const bool dst = us_daylight_time(year, month, day);
    if (z == "ET")
      zone = dst ? "-04:00" : "-05:00";
    else if (z == "PT")
      zone = dst ? "-07:00" : "-08:00";
    else if (z == "EST")
      zone = "-05:00";
    else if (z == "EDT")
      zone = "-04:00";
    else if (z == "PST")
      zone = "-08:00";
    else if (z == "PDT")
      zone = "-07:00";
    else if (z == "GMT" || z == "UTC")
      zone = "+00:00";
    else if (z == "BST" || z == "CET")
      zone = "+01:00";
    else if (z == "CEST")
      zone = "+02:00";
    else if (z == "KST")
      zone = "+09:00";
  }
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:00%s", year, month, day, hour,
                minute, zone.c_str());
  stamp.iso = buffer;
  return stamp;
}

// Whether `text` has four ASCII digits in a row: both stamp forms need a
// year (`\d{4}`), so most lines are ruled out without std::regex (whose
// compilation alone costs a few milliseconds of start-up).
bool has_four_digits(std::string_view text) {
  int run = 0;
  for (char c : text) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

std::optional<Stamp> parse_stamp(std::string_view text) {
  if (!has_four_digits(text)) return std::nullopt;
  if (auto stamp = parse_korean_stamp(text)) return stamp;
  return parse_english_stamp(text);
}

// A line with several stamps: `입력 2023.11.18. 오후 7:32 수정 2023.11.19. 오전 9:00`,
// `기사입력 2023-11-18 19:32 | 최종수정 2023-11-19 09:00`. Empty unless every
// part is a stamp.
std::vector<Stamp> parse_stamps(std::string_view text) {
  if (auto stamp = parse_stamp(text)) return {*stamp};
  static constexpr std::string_view kSplits[] = {" 최종수정", " 기사수정", " 수정", " 업데이트",
                                                 " Updated",  " |",        " ·"};
  for (std::string_view split : kSplits) {
    const std::size_t at = text.find(split);
    if (at == std::string_view::npos || at == 0) continue;
    std::string_view second = text.substr(at + 1);
    if (split == " |" || split == " ·") second = second.substr(split.size() - 1);
    while (!second.empty() && second.front() == ' ') second.remove_prefix(1);
    auto first = parse_stamp(text.substr(0, at));
    auto rest = parse_stamps(second);
    if (!first || rest.empty()) continue;
    // What follows a split word is an update even if it does not say so.
    if (split != " |" && split != " ·") rest.front().update = true;
    rest.insert(rest.begin(), *first);
    return rest;
  }
  return {};
}

bool is_hangul_name(std::string_view s) {
  // 2 to 4 Hangul syllables (U+AC00..U+D7A3, three bytes each in UTF-8).
  if (s.size() < 6 || s.size() > 12 || s.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < s.size(); i += 3) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    const unsigned cp =
        ((c0 & 0x0Fu) << 12) | ((c1 & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    if ((c0 & 0xF0) != 0xE0 || cp < 0xAC00 || cp > 0xD7A3) return false;
  }
  return true;
}

// `홍길동 기자`, `/홍길동 기자`, `인천=홍길동 기자 gildong@example.co.kr`,
// `By Jane Doe`: the name. (std::regex works on bytes, so Hangul is checked
// by hand.)
std::optional<std::string> reporter_name(const std::string& line) {
  static const std::regex english(R"(^By\s+([A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})\s*$)");
  std::smatch m;
  if (line.starts_with("By") && std::regex_match(line, m, english)) return m[1].str();
  std::string_view rest(line);
  if (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  const std::size_t space = rest.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view name = rest.substr(0, space);
  if (const std::size_t eq = name.find('='); eq != std::string_view::npos)
    name.remove_prefix(eq + 1);
  std::string_view tail = rest.substr(space + 1);
  const std::size_t end = tail.find(' ');
  const std::string_view title = tail.substr(0, end);
  static constexpr std::string_view kTitles[] = {"기자",     "특파원",   "논설위원",
                                                 "선임기자", "객원기자", "인턴기자"};
  bool is_title = false;
  for (std::string_view t : kTitles) is_title = is_title || title == t;
  if (!is_title || !is_hangul_name(name)) return std::nullopt;
  if (end != std::string_view::npos) {
    const std::string_view email = tail.substr(end + 1);
    if (email.find('@') == std::string_view::npos || email.find(' ') != std::string_view::npos)
      return std::nullopt;
  }
  return std::string(name);
}

bool ends_with_period(std::string_view s) {
  return !s.empty() && s.back() == '.';
}

void take_stamps(Metadata& meta, const std::vector<Stamp>& stamps) {
  for (const Stamp& stamp : stamps) {
    if (stamp.update && !meta.updated) {
      meta.updated = stamp.iso;
    } else if (!stamp.update && !meta.published) {
      meta.published = stamp.iso;
    }
  }
}

}  // namespace

std::optional<std::string> parse_timestamp(std::string_view text) {
  if (auto stamp = parse_stamp(text)) return stamp->iso;
  return std::nullopt;
}

Header read_header(const std::vector<Line>& lines, const Lexicon& sections) {
  Header header;
  // A one-line input is a body paragraph; a title is short and is not a
  // sentence of the body — unless a blank line sets it apart (the corpus
  // format: a title line, a blank line, the body), where a headline ending
  // with a full stop or an ellipsis (`제목 - 부제.`, `우승했지만...`) is
  // still the title.
  const bool set_apart = lines.size() >= 2 && lines[1].number > lines[0].number + 1;
  if (lines.size() < 2 || length(lines[0].text) > kMaxTitle ||
      (ends_with_period(lines[0].text) && !set_apart)) {
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
  while (end < lines.size() && end <= kMaxHeaderLines) {
    const bool stamp = !parse_stamps(lines[end].text).empty();
    if (!stamp && length(lines[end].text) > kMaxHeaderLine) break;
    if (stamp) last_stamp = end;
    ++end;
  }
  if (last_stamp == 0) return header;

  Metadata& meta = header.metadata;
  for (std::size_t i = 1; i <= last_stamp; ++i) {
    const std::string& text = lines[i].text;
    if (const auto stamps = parse_stamps(text); !stamps.empty()) {
      take_stamps(meta, stamps);
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

void complete_from_body(Metadata& metadata, const std::vector<Paragraph>& paragraphs,
                        const RolePatterns& patterns) {
  // The author: a dateline opening one of the first body paragraphs
  // (`(서울=연합뉴스) 홍길동 기자 = …`), else the last byline that names
  // someone (reporters sign at the end: `홍길동 기자 gildong@…`).
  if (!metadata.author) {
    int body_seen = 0;
    for (const Paragraph& p : paragraphs) {
      if (p.role != Role::kBody) continue;
      if (auto name = patterns.author(p.text, Role::kBody)) {
        metadata.author = *name;
        break;
      }
      if (++body_seen == 3) break;
    }
  }
  // A byline names the author where bylines stand: before the first body
  // paragraph (`By Jane Doe`) or after the last one. Of several reporters
  // signing together (`이용경 기자 …` / `박수연 기자 …`), the first is named.
  if (!metadata.author) {
    std::size_t first_body = paragraphs.size();
    std::size_t last_body = 0;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
      if (paragraphs[i].role != Role::kBody && paragraphs[i].role != Role::kSubheading) continue;
      first_body = std::min(first_body, i);
      last_body = i;
    }
    for (std::size_t i = 0; i < paragraphs.size() && !metadata.author; ++i) {
      const Paragraph& p = paragraphs[i];
      if (p.role != Role::kByline || (i > first_body && i < last_body)) continue;
      // At the top, a bare `장련성 기자` is a photo credit on scraped Korean
      // pages; a reporter's byline there carries an address or reads `By …`.
      if (i < first_body && p.text.find('@') == std::string::npos && !p.text.starts_with("By "))
        continue;
      if (auto name = patterns.author(p.text, Role::kByline)) metadata.author = *name;
    }
  }
  // Time stamps printed in the body: `입력 2023.11.18. 오후 7:32 수정 …`.
  for (const Paragraph& p : paragraphs) {
    if (metadata.published && metadata.updated) break;
    if (p.role != Role::kByline) continue;
    take_stamps(metadata, parse_stamps(p.text));
  }
}

}  // namespace news
