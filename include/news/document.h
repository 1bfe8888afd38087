// news/document.h — the plain value types that flow through the pipeline.
//
// decode → segment → tokenize → dedup → extract → emit: every stage takes
// and returns these types, so a test can feed any stage directly. Text is
// UTF-8 std::string; every offset inside the library is a byte offset into a
// paragraph's `text`. The JSON emitter converts to code-point offsets once,
// at the edge (see news/json.h).
//
// All types are regular values: copyable, comparable where useful, with no
// hidden state. Thread-safety: values are safe to share read-only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "news/export.h"

namespace news {

enum class TokenKind {
  kHangul,       // 알트먼이
  kLatin,        // OpenAI
  kNumber,       // 1,234.5
  kMixed,        // 오픈AI, 챗GPT, GPT-4
  kPunctuation,  // . , “ ” ( )
  kSymbol,       // % $ ₩ ~
  kOther,        // Han, kana, …
};
NEWS_EXPORT const char* to_string(TokenKind kind);

// A token of a paragraph (see news/tokenize.h).
struct Token {
  std::size_t start = 0;  // byte offsets into the paragraph text
  std::size_t end = 0;
  TokenKind kind = TokenKind::kOther;
  // Where a particle was split off: the stem is [start, stem_end) and the
  // particle [stem_end, end). Equal to `end` when nothing was split.
  std::size_t stem_end = 0;

  bool has_particle() const { return stem_end < end; }
};

// What a paragraph is in the article. Ordered as the roles appear in the
// output contract; `to_string` gives the contract's spelling.
enum class Role { kTitle, kBody, kSubheading, kCaption, kByline, kBoilerplate };
NEWS_EXPORT const char* to_string(Role role);

// A collapsed repeat of a paragraph: where it stood in the input.
struct Duplicate {
  int first_line = 0;  // 1-based input line numbers, inclusive
  int last_line = 0;
  double similarity = 1.0;  // 1.0 for an exact repeat
};

// A sentence inside a paragraph, as a byte range of the paragraph's text.
struct Sentence {
  std::size_t start = 0;
  std::size_t end = 0;
};

struct Paragraph {
  Role role = Role::kBody;
  std::string text;    // cleaned text; every offset refers to it
  int first_line = 0;  // 1-based input line numbers, inclusive
  int last_line = 0;
  std::vector<Duplicate> duplicates;  // repeats collapsed into this one
  std::vector<Sentence> sentences;    // filled by the segmenter
  std::vector<Token> tokens;          // filled by the tokenizer
};

// Article metadata read from the header block or the body. Each field is
// present only when the article names it; nothing is guessed.
struct Metadata {
  std::optional<std::string> title;
  std::optional<std::string> subtitle;
  std::optional<std::string> author;
  std::optional<std::string> section;
  std::optional<std::string> published;  // ISO 8601 with offset
  std::optional<std::string> updated;    // ISO 8601 with offset
  // What a web page declares about itself (read as HTML, see docs/html.md).
  std::optional<std::string> site_name;      // og:site_name, JSON-LD publisher
  std::optional<std::string> canonical_url;  // <link rel=canonical>, og:url
  std::optional<std::string> language;       // <html lang>, as declared (BCP 47)
};

struct DedupStats {
  int paragraphs_in = 0;
  int paragraphs_out = 0;
  int exact = 0;
  int near = 0;
};

// Where the input came from and how it was read.
struct Source {
  std::optional<std::string> path;  // absent for --jsonl records and stdin
  std::optional<std::string> id;    // the --jsonl record's id
  std::uint64_t bytes = 0;
  std::string encoding;  // e.g. "UTF-8", "EUC-KR"
  std::string sha256;    // of the raw input bytes, lower-case hex
  std::optional<std::string> format;  // "html" when read as a web page
};

// One located occurrence of an entity: a byte range of a paragraph's text.
struct Mention {
  int paragraph = 0;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
};

// Where a company's shares trade: 삼성전자 → 005930 on KOSPI.
struct StockListing {
  std::string code;    // the six-character short code (005930, 0099X0)
  std::string market;  // KOSPI, KOSDAQ or KONEX
};

// A cluster of mentions that name one real-world referent.
struct NamedEntity {
  std::string name;  // the fullest form in the article
  std::vector<std::string> aliases;
  std::vector<std::string> roles;          // people: CEO, 대표, …
  std::vector<std::string> organizations;  // people: where the role is held
  std::string kind;                        // organizations: company, media, …
  std::vector<Mention> mentions;
  // Organizations: the Korea Exchange listing of a listed company
  // (data/listed_companies.txt), found by the name or one of its aliases.
  // Last, so that code initializing the fields in order still compiles.
  std::optional<StockListing> listing;
};

struct DateEntity {
  Mention where;
  std::optional<std::string> value;  // ISO 8601 at `grain`; absent if unresolved
  std::string grain;                 // year, month, day, hour, minute, …
  std::optional<std::string> unresolved;  // why `value` is absent
  bool local_time = false;                // (현지시간): a foreign local date
  // A span rather than an instant (내일 저녁, 지난 주말): its exclusive end at
  // `grain`; `value` is the start.
  std::optional<std::string> until;
};

struct MoneyEntity {
  Mention where;
  std::string amount;  // exact decimal digits, e.g. "16850000000000" or "11.5"
  std::string currency;  // ISO 4217
  bool approximate = false;
  std::optional<int> converted_from;  // index in `money` of the amount converted
};

struct PercentageEntity {
  Mention where;
  std::string value;  // exact decimal
  bool points = false;  // %포인트, %p
  bool approximate = false;
};

struct DurationEntity {
  Mention where;
  std::string value;  // ISO 8601 duration, e.g. P3Y, PT30M
};

struct QuantityEntity {
  Mention where;
  std::string value;  // exact decimal
  std::string unit;   // the counter: 명, 개, 점, 세, 회, …
  bool approximate = false;
};

struct Entities {
  std::vector<NamedEntity> people;
  std::vector<NamedEntity> organizations;
  std::vector<NamedEntity> locations;
  std::vector<DateEntity> dates;
  std::vector<MoneyEntity> money;
  std::vector<PercentageEntity> percentages;
  std::vector<DurationEntity> durations;
  std::vector<QuantityEntity> quantities;
};

// A per-article failure. The article still gets a record in the output.
struct Error {
  std::string code;  // not_found, unreadable, not_text, too_large, invalid_utf8, …
  std::string message;
};

// The analysis of one article: what `analyze` prints for it.
struct Document {
  Source source;
  std::optional<std::string> language;  // "ko", "en"
  Metadata metadata;
  std::vector<Paragraph> paragraphs;
  DedupStats dedup;
  std::optional<Entities> entities;  // absent until an extractor runs
  std::vector<std::string> warnings;
  std::optional<Error> error;  // set: the article failed, the rest is empty
};

}  // namespace news
