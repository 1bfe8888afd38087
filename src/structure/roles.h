// structure/roles.h — what each paragraph of an article is: body, subheading,
// caption, byline or boilerplate.
//
// Takes paragraphs (the title already has Role::kTitle) and the patterns of
// data/roles.txt; gives each paragraph a role. The patterns are data, so a
// linguist can add a news site's credit or copyright form without a compiler:
//   boilerplate  `무단전재 및 재배포 금지`, `ⓒ`, `저작권자`, `☞ 기사보기 ☜`
//   byline       `홍길동 기자 gildong@example.co.kr`, `/홍길동 기자`, `By Jane Doe`,
//                an opinion writer's signature `김종민 변호사(전 광주지검 순천지청장)`
//   caption      `… 밝혔다. (사진=X 캡처)`, `…《사진=연합뉴스》`, `… /뉴스1`, `그래픽=김하경`
// A subheading needs no pattern: a short line without a sentence ending that
// is followed by a longer paragraph (`임시 CEO 맡은 미라 무라티는 누구`), or a
// line opened by a marker of data/roles.txt (`◇ 쟁점은`). The closing
// paragraph may be a writer's signature (`임관혁 검사장(대전고등검찰청)`): a byline.
//
// Thread-safety: RolePatterns is immutable after load(); compiled ICU
// patterns are shared read-only by every thread. The functions are pure.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"
#include "base/lexicon.h"

namespace news {

class RolePatterns {
 public:
  RolePatterns() = default;  // no patterns: only the structural rules apply

  // Compiles the patterns of `lexicon` (data/roles.txt: role<TAB>pattern).
  // Throws LexiconError naming the file and line of an unknown role or a bad
  // regular expression.
  static RolePatterns compile(const Lexicon& lexicon, const std::string& file_name);
  static RolePatterns load(const std::filesystem::path& path);

  // The role the patterns give `text`, if any (boilerplate, byline, caption,
  // or subheading by marker), in that order of precedence.
  std::optional<Role> match(std::string_view text) const;
  // The writer a byline paragraph or a body paragraph's dateline names:
  // `홍길동 기자 gildong@…` → 홍길동, `(서울=연합뉴스) 홍길동 기자 = …` → 홍길동.
  std::optional<std::string> author(std::string_view text, Role role) const;
  // True when `text` has the form of a writer's signature (`차호동 대검찰청
  // 검찰연구관`); assign_roles() asks only about an article's closing paragraph.
  bool is_signature(std::string_view text) const;
  // Byte offset where a trailing photo credit starts (`… (사진=연합뉴스)` →
  // the offset of ` (사진=`), or text.size() when there is none.
  std::size_t credit_start(std::string_view text) const;

  bool empty() const { return patterns_ == nullptr; }

 private:
  struct Compiled;
  std::shared_ptr<const Compiled> patterns_;
};

// True when `text` ends like a sentence: `…밝혔다.`, `…했다”`, `…인가?`,
// `…했다` (Korean prose often drops the period). Closing quotes and brackets
// are looked through.
bool ends_like_sentence(std::string_view text);

// Gives every paragraph except the title its role. A paragraph no pattern
// or rule claims is body.
void assign_roles(std::vector<Paragraph>& paragraphs, const RolePatterns& patterns);

}  // namespace news
