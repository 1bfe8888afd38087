// structure/metadata.h — the header block of a scraped article.
//
// Scraped pages often start with a block of short lines before the body:
//   오픈AI, 왜 알트먼 쫓아냈나…AI 안전성 vs 수익 갈등   ← title
//   자유인150                                          ← author
//   IT과학                                             ← section
//   2                                                  ← counters (comments,
//   607                                                   views): dropped
//   2023.11.18 19:32                                   ← published
// read_header() recognizes that block and returns the metadata it names and
// how many lines it used; what it cannot name is left out, not guessed.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"
#include "base/lexicon.h"
#include "structure/roles.h"
#include "text/segment.h"

namespace news {

struct Header {
  Metadata metadata;
  std::size_t lines_used = 0;  // header lines, title included
  bool has_title = false;      // lines[0] is the title
  // Header lines that named nothing (indices into `lines`): they stay
  // paragraphs.
  std::vector<std::size_t> unclaimed;
};

// Reads the header block at the start of `lines`. `sections` names the
// section headings a header line may be (data/sections.txt).
Header read_header(const std::vector<Line>& lines, const Lexicon& sections);

// Fills what the header block did not name from the body (paragraphs with
// roles assigned, see news/roles.h): the author from a dateline
// (`(서울=연합뉴스) 홍길동 기자 = …`) or the last byline (`홍길동 기자
// gildong@…`, `By Jane Doe`, an opinion signature `김종민 변호사(…)`), the
// publication and update time from a stamp line (`입력 2023.11.18. 오후 7:32
// 수정 …`). Fields already set are kept.
void complete_from_body(Metadata& metadata, const std::vector<Paragraph>& paragraphs,
                        const RolePatterns& patterns);

// Parses a time stamp such as `2023.11.18 19:32`, `2023-11-18 오후 7:32` or
// `2023.11.18.` into ISO 8601 (`2023-11-18T19:32:00+09:00`, or a date
// `2023-11-18`). A Korean stamp without a zone is Korean time (+09:00).
// English forms too: `Published 18 November 2023`, `Nov. 18, 2023 7:32 p.m.
// ET` (ET is -05:00 or -04:00 by the US daylight-saving rule; an English
// stamp without a zone keeps local time without an offset). Returns nothing
// when `text` is not a time stamp on its own.
std::optional<std::string> parse_timestamp(std::string_view text);

}  // namespace news
