#include "structure/roles.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <array>

#include "structure/regex_prefilter.h"

namespace news {
namespace {

// A subheading is a short line: longer lines are prose even without a period.
constexpr std::size_t kMaxSubheading = 60;

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

enum Kind { kBoilerplate, kByline, kCaption, kCredit, kSubheading, kSignature, kAuthor, kKinds };
constexpr std::array<const char*, kKinds> kKindNames = {
    "boilerplate", "byline", "caption", "credit", "subheading", "signature", "author"};

icu::UnicodeString utf16(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// The code point before byte `end` of `s`, as a UTF-8 string_view.
std::string_view last_code_point(std::string_view s) {
  if (s.empty()) return {};
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return s.substr(i);
}

std::string_view first_code_point(std::string_view s) {
  if (s.empty()) return {};
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, n);
}

}  // namespace

// A compiled pattern and what a text must contain for it to match: most
// paragraphs are ruled out without ICU (news/regex_prefilter.h).
struct FilteredPattern {
  std::unique_ptr<icu::RegexPattern> regex;
  RegexPrefilter filter;
};

struct RolePatterns::Compiled {
  std::array<std::vector<FilteredPattern>, kKinds> by_kind;
};

RolePatterns RolePatterns::compile(const Lexicon& lexicon, const std::string& file_name) {
  auto compiled = std::make_shared<Compiled>();
  for (const LexiconEntry& entry : lexicon.entries()) {
    const std::string where = file_name + ":" + std::to_string(entry.line) + ": ";
    std::size_t kind = 0;
    while (kind < kKinds && entry.key != kKindNames[kind]) ++kind;
    if (kind == kKinds) throw LexiconError(where + "unknown role \"" + entry.key + "\"");
    if (entry.fields.size() != 1 || entry.fields[0].empty()) {
      throw LexiconError(where + "expected role<TAB>pattern");
    }
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    std::unique_ptr<icu::RegexPattern> pattern(
        icu::RegexPattern::compile(utf16(entry.fields[0]), parse_error, status));
    if (U_FAILURE(status)) {
      throw LexiconError(where + "bad regular expression (" + u_errorName(status) + " at offset " +
                         std::to_string(parse_error.offset) + ")");
    }
    compiled->by_kind[kind].push_back(
        FilteredPattern{std::move(pattern), prefilter_for(entry.fields[0])});
  }
  RolePatterns patterns;
  patterns.patterns_ = std::move(compiled);
  return patterns;
}

RolePatterns RolePatterns::load(const std::filesystem::path& path) {
  return compile(Lexicon::load(path, 1, 1), path.string());
}

namespace {

// A text to match, converted to UTF-16 only when a pattern's prefilter lets
// it through (most paragraphs never need the copy).
class Subject {
 public:
  explicit Subject(std::string_view text) : text_(text), signature_(text) {}
  const TextSignature& signature() const { return signature_; }
  const icu::UnicodeString& utf16_text() {
    if (!converted_) {
      utf16_ = utf16(text_);
      converted_ = true;
    }
    return utf16_;
  }

 private:
  std::string_view text_;
  TextSignature signature_;  // what the prefilters test
  icu::UnicodeString utf16_;
  bool converted_ = false;
};

// The first pattern of `patterns` found in `text`; its matcher is returned
// positioned on the match.
std::unique_ptr<icu::RegexMatcher> find_first(const std::vector<FilteredPattern>& patterns,
                                              Subject& text) {
  for (const FilteredPattern& pattern : patterns) {
    if (!pattern.filter.may_match(text.signature())) continue;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(pattern.regex->matcher(text.utf16_text(), status));
    if (U_FAILURE(status)) continue;
    if (matcher->find(status) && U_SUCCESS(status)) return matcher;
  }
  return nullptr;
}

}  // namespace

std::optional<Role> RolePatterns::match(std::string_view text) const {
  if (!patterns_) return std::nullopt;
  Subject u(text);
  const auto& kinds = patterns_->by_kind;
  if (find_first(kinds[kBoilerplate], u)) return Role::kBoilerplate;
  if (find_first(kinds[kByline], u)) return Role::kByline;
  if (find_first(kinds[kCaption], u)) return Role::kCaption;
  if (find_first(kinds[kSubheading], u)) return Role::kSubheading;
  return std::nullopt;
}

bool RolePatterns::is_signature(std::string_view text) const {
  if (!patterns_) return false;
  Subject u(text);
  return find_first(patterns_->by_kind[kSignature], u) != nullptr;
}

std::optional<std::string> RolePatterns::author(std::string_view text, Role role) const {
  // A byline line names the writer; a body paragraph may open with a
  // dateline that does: `(서울=연합뉴스) 홍길동 기자 = …`.
  if (!patterns_ || (role != Role::kByline && role != Role::kBody)) return std::nullopt;
  Subject u(text);
  auto matcher = find_first(patterns_->by_kind[role == Role::kByline ? kByline : kAuthor], u);
  if (!matcher && role == Role::kByline) matcher = find_first(patterns_->by_kind[kSignature], u);
  if (!matcher || matcher->groupCount() < 1) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString name = matcher->group(1, status);
  if (U_FAILURE(status) || name.isEmpty()) return std::nullopt;
  return utf8(name);
}

std::size_t RolePatterns::credit_start(std::string_view text) const {
  if (!patterns_) return text.size();
  Subject u(text);
  const auto matcher = find_first(patterns_->by_kind[kCredit], u);
  if (!matcher) return text.size();
  UErrorCode status = U_ZERO_ERROR;
  const int32_t start = matcher->start(status);
  if (U_FAILURE(status)) return text.size();
  // UTF-16 index → UTF-8 byte offset.
  return utf8(u.utf16_text().tempSubString(0, start)).size();
}

bool ends_like_sentence(std::string_view text) {
  // Look through closing quotes and brackets: `…했다.”` ends a sentence.
  static constexpr std::array<std::string_view, 12> kClosers = {"\"",
                                                                "'",
                                                                ")",
                                                                "]",
                                                                "\xE2\x80\x9D" /*”*/,
                                                                "\xE2\x80\x99" /*’*/,
                                                                "\xE3\x80\x8D" /*」*/,
                                                                "\xE3\x80\x8F" /*』*/,
                                                                "\xE3\x80\x8B" /*》*/,
                                                                "\xE3\x80\x89" /*〉*/,
                                                                "\xEF\xBC\x89" /*）*/,
                                                                "\xE3\x80\x91" /*】*/};
  bool stripped = true;
  while (stripped && !text.empty()) {
    stripped = false;
    const std::string_view last = last_code_point(text);
    for (std::string_view closer : kClosers) {
      if (last == closer) {
        text.remove_suffix(last.size());
        while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
        stripped = true;
        break;
      }
    }
  }
  const std::string_view last = last_code_point(text);
  // `.`, `?`, `!`, `。`, `？`, `！`, and `다` (Korean prose that drops the period).
  return last == "." || last == "?" || last == "!" || last == "\xE3\x80\x82" ||
         last == "\xEF\xBC\x9F" || last == "\xEF\xBC\x81" || last == "\xEB\x8B\xA4" /*다*/;
}

void assign_roles(std::vector<Paragraph>& paragraphs, const RolePatterns& patterns) {
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    Paragraph& p = paragraphs[i];
    if (p.role == Role::kTitle) continue;
    if (auto role = patterns.match(p.text)) {
      p.role = *role;
      // ▲…, ▲…, ▲…: lines opened by the same marker are a list, not headings.
      if (p.role == Role::kSubheading) {
        const std::string_view marker = first_code_point(p.text);
        const bool listed =
            (i > 0 && first_code_point(paragraphs[i - 1].text) == marker) ||
            (i + 1 < paragraphs.size() && first_code_point(paragraphs[i + 1].text) == marker);
        if (listed || length(p.text) > kMaxSubheading || ends_like_sentence(p.text))
          p.role = Role::kBody;
      }
      // `/장련성 기자` on its own line right under a caption is that photo's
      // credit, not the article's byline.
      if (p.role == Role::kByline && i > 0 && paragraphs[i - 1].role == Role::kCaption)
        p.role = Role::kCaption;
      continue;
    }
    // A short line without a sentence ending that introduces a longer
    // paragraph of prose heads that block: `임시 CEO 맡은 미라 무라티는 누구`.
    const std::size_t n = length(p.text);
    p.role = Role::kBody;
    if (i + 1 < paragraphs.size() && n <= kMaxSubheading && !ends_like_sentence(p.text)) {
      const std::string& next = paragraphs[i + 1].text;
      if (length(next) > n && ends_like_sentence(next)) p.role = Role::kSubheading;
    }
  }
  // The closing paragraph may be the writer's signature: `차호동 대검찰청 검찰연구관`.
  for (std::size_t i = paragraphs.size(); i-- > 1;) {
    Paragraph& p = paragraphs[i];
    if (p.role == Role::kBoilerplate || p.role == Role::kByline || p.role == Role::kCaption)
      continue;
    if (p.role == Role::kBody && patterns.is_signature(p.text)) p.role = Role::kByline;
    break;
  }
}

}  // namespace news
