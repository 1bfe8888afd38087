#include "pipeline.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <exception>
#include <new>
#include <unordered_map>

#include "base/sha256.h"
#include "html/charset.h"
#include "html/detect.h"
#include "html/page.h"
#include "text/normalize.h"
#include "names/names.h"
#include "structure/dedup.h"
#include "structure/metadata.h"
#include "structure/roles.h"
#include "text/decode.h"
#include "text/language.h"
#include "text/segment.h"
#include "text/sentences.h"
#include "text/tokenize.h"
#include "values/values.h"

namespace news {
namespace {

Paragraph paragraph_from(Line line, Role role) {
  Paragraph p;
  p.role = role;
  p.text = std::move(line.text);
  p.first_line = line.number;
  p.last_line = line.last_number != 0 ? line.last_number : line.number;
  return p;
}

// Adds the paragraph of `line`; a line longer than kMaxParagraphChars is
// added as windows (a paragraph each, same line number, the first with
// `role`, the others body) and named in `warnings`.
void add_paragraphs(std::vector<Paragraph>& paragraphs, Line line, Role role,
                    std::vector<std::string>& warnings) {
  const std::vector<std::size_t> cuts = window_cuts(line.text);
  if (cuts.empty()) {
    paragraphs.push_back(paragraph_from(std::move(line), role));
    return;
  }
  const std::string_view text = line.text;
  std::size_t start = 0;
  std::size_t windows = 0;
  for (std::size_t k = 0; k <= cuts.size(); ++k) {
    const std::size_t end = k < cuts.size() ? cuts[k] : text.size();
    if (end > start) {
      Paragraph p = paragraph_from(Line{std::string(text.substr(start, end - start)), line.number},
                                   windows == 0 ? role : Role::kBody);
      paragraphs.push_back(std::move(p));
      ++windows;
    }
    start = end;
    while (start < text.size() && text[start] == ' ') ++start;
  }
  warnings.push_back("line " + std::to_string(line.number) + " is longer than " +
                     std::to_string(kMaxParagraphChars) + " characters: analyzed as " +
                     std::to_string(windows) + " paragraphs cut at sentence or word ends");
}

// The paragraphs of the article before repeats are collapsed: the title,
// then every line the header block did not turn into metadata.
// The body's lines are moved into their paragraphs (the title and the
// header's lines are copied: the header may name a line twice).
std::vector<Paragraph> paragraphs_from(std::vector<Line>& lines, const Header& header,
                                       std::vector<std::string>& warnings) {
  std::vector<Paragraph> paragraphs;
  paragraphs.reserve(lines.size());
  if (header.has_title) add_paragraphs(paragraphs, lines[0], Role::kTitle, warnings);
  for (std::size_t i : header.unclaimed) add_paragraphs(paragraphs, lines[i], Role::kBody, warnings);
  for (std::size_t i = header.lines_used; i < lines.size(); ++i) {
    if (i == 0 || i < header.lines_used) {
      add_paragraphs(paragraphs, lines[i], Role::kBody, warnings);
    } else {
      add_paragraphs(paragraphs, std::move(lines[i]), Role::kBody, warnings);
    }
  }
  return paragraphs;
}

// The paragraphs of a web page's article: its title, then its blocks. A
// block the role patterns call boilerplate (a copyright line) goes, a byline
// gives the author and goes: the page's structure has said what the rest is.
std::vector<Paragraph> paragraphs_from_page(const html::Page& page, Metadata& metadata,
                                            const RolePatterns& roles,
                                            std::vector<std::string>& warnings) {
  std::vector<Paragraph> paragraphs;
  if (metadata.title) {
    metadata.title = normalize_line(*metadata.title);
    if (metadata.title->empty()) metadata.title.reset();
  }
  if (metadata.title) {
    add_paragraphs(paragraphs, Line{*metadata.title, page.title_line}, Role::kTitle, warnings);
  }
  for (const html::Block& block : page.blocks) {
    Line line{normalize_line(block.text), block.line};
    if (line.text.empty()) continue;
    Role role = block.role;
    if (role == Role::kBody) {
      if (const std::optional<Role> matched = roles.match(line.text)) {
        if (*matched == Role::kBoilerplate) continue;
        if (*matched == Role::kByline) {
          if (!metadata.author) metadata.author = roles.author(line.text, Role::kByline);
          continue;
        }
        role = *matched;
      }
    }
    add_paragraphs(paragraphs, line, role, warnings);
  }
  // `홍길동 기자` in a byline element or a meta tag: the name.
  if (metadata.author) {
    if (auto name = roles.author(*metadata.author, Role::kByline)) metadata.author = *name;
  }
  return paragraphs;
}

bool reads_as_html(std::string_view bytes, const Source& source, const Options& options) {
  switch (options.input_format) {
    case InputFormat::kText: return false;
    case InputFormat::kHtml: return true;
    case InputFormat::kAuto: break;
  }
  return html::looks_like_html(bytes, source.path.value_or(""));
}

Document analyze_within_budget(std::string_view bytes, Source source, const Options& options,
                               const Resources& resources);

// Articles longer than this (bytes of paragraph text) are analyzed in
// segments of about this size: tokens cost 32 bytes and more each, several
// per word, and the name stages copy them (docs/complexity.md). The longest
// article of the shared corpus has 25 KB.
constexpr std::size_t kSegmentBytes = std::size_t{256} << 10;
// In a segmented article, the most entities of one kind listed (mentions for
// names): a money amount is a record of 150 bytes for an input of 3
// (`$5 `). News has a few hundred at most.
constexpr std::size_t kMaxEntitiesPerKind = 20000;

// The index of each segment's first paragraph: a segment ends once its
// paragraphs hold kSegmentBytes. One segment ({0}) for any real article.
std::vector<std::size_t> segment_starts(const std::vector<Paragraph>& paragraphs) {
  std::vector<std::size_t> starts{0};
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (bytes >= kSegmentBytes) {
      starts.push_back(i);
      bytes = 0;
    }
    bytes += paragraphs[i].text.size() + 1;
  }
  return starts;
}

// Tokens, values and names of `paragraphs` (an article or a segment of one).
void analyze_words(std::vector<Paragraph>& paragraphs, const std::optional<std::string>& published,
                   const Resources& resources, Entities& entities) {
  check_budget_now();
  tokenize_article(paragraphs, resources.particles);
  check_budget_now();
  extract_values(paragraphs, published, resources, entities);
  check_budget_now();
  extract_names(paragraphs, resources.names,
                resources.ner_model ? &*resources.ner_model : nullptr, entities);
}

template <typename Entity>
bool append_capped(std::vector<Entity>& found, int paragraph_offset, std::vector<Entity>& into) {
  bool capped = false;
  for (Entity& entity : found) {
    if (into.size() >= kMaxEntitiesPerKind) {
      capped = true;
      break;
    }
    entity.where.paragraph += paragraph_offset;
    into.push_back(std::move(entity));
  }
  return capped;
}

// Names found in a segment join the entity of the same name found before
// (their mentions, aliases and roles), or are new ones.
bool merge_names(std::vector<NamedEntity>& found, int paragraph_offset,
                 std::vector<NamedEntity>& into) {
  std::size_t mentions = 0;
  for (const NamedEntity& entity : into) mentions += entity.mentions.size();
  const auto add_new = [](std::vector<std::string>& list, const std::vector<std::string>& more) {
    for (const std::string& item : more) {
      if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
    }
  };
  std::unordered_map<std::string, std::size_t> by_name;
  for (std::size_t i = 0; i < into.size(); ++i) by_name.emplace(into[i].name, i);
  bool capped = false;
  for (NamedEntity& entity : found) {
    if (mentions + entity.mentions.size() > kMaxEntitiesPerKind) {
      capped = true;
      break;
    }
    mentions += entity.mentions.size();
    for (Mention& mention : entity.mentions) mention.paragraph += paragraph_offset;
    const auto [known, added] = by_name.emplace(entity.name, into.size());
    if (added) {
      into.push_back(std::move(entity));
      continue;
    }
    NamedEntity* const same = &into[known->second];
    same->mentions.insert(same->mentions.end(), std::make_move_iterator(entity.mentions.begin()),
                          std::make_move_iterator(entity.mentions.end()));
    add_new(same->aliases, entity.aliases);
    add_new(same->roles, entity.roles);
    add_new(same->organizations, entity.organizations);
  }
  return capped;
}

// Adds a segment's entities (paragraph indices relative to `paragraph_offset`)
// to the article's; true when a kind reached kMaxEntitiesPerKind.
bool merge_entities(Entities found, int paragraph_offset, Entities& into) {
  const int money_offset = static_cast<int>(into.money.size());
  for (MoneyEntity& money : found.money) {
    if (money.converted_from) *money.converted_from += money_offset;
  }
  bool capped = false;
  capped |= merge_names(found.people, paragraph_offset, into.people);
  capped |= merge_names(found.organizations, paragraph_offset, into.organizations);
  capped |= merge_names(found.locations, paragraph_offset, into.locations);
  capped |= append_capped(found.dates, paragraph_offset, into.dates);
  capped |= append_capped(found.money, paragraph_offset, into.money);
  capped |= append_capped(found.percentages, paragraph_offset, into.percentages);
  capped |= append_capped(found.durations, paragraph_offset, into.durations);
  capped |= append_capped(found.quantities, paragraph_offset, into.quantities);
  return capped;
}

}  // namespace

Document within_error_boundary(const Source& source, const std::function<Document()>& analysis) {
  const auto failed = [&](const char* code, std::string message) {
    Document document;
    document.source = source;
    document.error = Error{code, std::move(message)};
    return document;
  };
  try {
    return analysis();
  } catch (const std::bad_alloc&) {
    return failed("out_of_memory", "ran out of memory while analyzing this article");
  } catch (const std::exception& e) {
    return failed("internal", std::string("internal error (a bug, please report it): ") + e.what());
  } catch (...) {
    return failed("internal", "internal error (a bug, please report it): unknown exception");
  }
}

namespace {

Document analyze_unguarded(std::string_view bytes, Source source, const Options& options,
                           const Resources& resources) {
  Document document;
  source.bytes = bytes.size();
  source.sha256 = sha256_hex(bytes);
  const bool html = reads_as_html(bytes, source, options);
  DecodeOptions decode_options{options.encoding, options.strict};
  if (html && !decode_options.encoding) decode_options.encoding = html::page_encoding(bytes);
  if (html) source.format = "html";
  Decoded decoded = decode(bytes, decode_options);
  source.encoding = decoded.encoding;
  document.source = std::move(source);
  document.warnings = std::move(decoded.warnings);
  if (decoded.error) {
    document.error = std::move(decoded.error);
    return document;
  }

  check_budget_now();
  std::vector<Paragraph> paragraphs;
  if (html) {
    const html::Page page = html::read_page(decoded.text);
    document.metadata = page.metadata;
    paragraphs = paragraphs_from_page(page, document.metadata, resources.roles, document.warnings);
    if (paragraphs.empty()) {
      document.error = Error{"empty", "the web page has no article text"};
      return document;
    }
    std::string article_text;
    for (const Paragraph& p : paragraphs) article_text.append(p.text).push_back('\n');
    document.language = detect_language(article_text);
  } else {
    std::size_t grouped = 0;
    std::vector<Line> lines = split_lines(decoded.text, kMaxLines, &grouped);
    if (grouped > 0) {
      document.warnings.push_back("the article has more than " + std::to_string(kMaxLines) +
                                  " lines: the " + std::to_string(grouped) +
                                  " after those were analyzed in groups of up to " +
                                  std::to_string(kMaxGroupBytes) + " bytes");
    }
    if (lines.empty()) {
      document.error = Error{
          "empty", bytes.empty() ? "the input is empty" : "the input has no text, only white space"};
      return document;
    }
    const Header header = read_header(lines, resources.sections);
    document.metadata = header.metadata;
    document.language = detect_language(decoded.text);
    std::string().swap(decoded.text);  // the lines hold it now
    // Roles first: dedup keeps a repeated block's subheadings before the
    // paragraphs they head, and compares paragraphs without their credits.
    paragraphs = paragraphs_from(lines, header, document.warnings);
    assign_roles(paragraphs, resources.roles);
  }
  complete_from_body(document.metadata, paragraphs, resources.roles);
  if (!document.metadata.published && options.published) {
    if (auto supplied = parse_timestamp(*options.published)) {
      document.metadata.published = *supplied;
    } else {
      document.warnings.push_back("ignored the supplied publication time \"" + *options.published +
                                  "\": not an ISO 8601 date or time");
    }
  }
  check_budget_now();
  Collapsed collapsed = collapse_repeats(std::move(paragraphs), resources.roles);
  document.paragraphs = std::move(collapsed.paragraphs);
  document.dedup = collapsed.stats;
  check_budget_now();
  split_article(document.paragraphs, resources.abbreviations);
  check_budget_now();
  if (!document.entities) document.entities.emplace();
  const std::vector<std::size_t> segments = segment_starts(document.paragraphs);
  if (segments.size() == 1) {
    analyze_words(document.paragraphs, document.metadata.published, resources,
                  *document.entities);
    return document;
  }
  // A huge article: its words are analyzed segment by segment, and the
  // tokens of a segment are let go once its entities are found (unless the
  // output lists them), so they never exist for the whole article at once.
  document.warnings.push_back(
      "the article's text is longer than " + std::to_string(kSegmentBytes >> 10) +
      " KiB: analyzed in " + std::to_string(segments.size()) +
      " segments (particles, dates and names are resolved within each)");
  bool capped = false;
  for (std::size_t k = 0; k < segments.size(); ++k) {
    const std::size_t begin = segments[k];
    const std::size_t end = k + 1 < segments.size() ? segments[k + 1] : document.paragraphs.size();
    std::vector<Paragraph> part(std::make_move_iterator(document.paragraphs.begin() + begin),
                                std::make_move_iterator(document.paragraphs.begin() + end));
    Entities found;
    analyze_words(part, document.metadata.published, resources, found);
    capped |= merge_entities(std::move(found), static_cast<int>(begin), *document.entities);
    for (std::size_t i = 0; i < part.size(); ++i) {
      if (!options.tokens) std::vector<Token>().swap(part[i].tokens);
      document.paragraphs[begin + i] = std::move(part[i]);
    }
  }
  if (capped) {
    document.warnings.push_back("more than " + std::to_string(kMaxEntitiesPerKind) +
                                " entities of one kind: only the first are listed");
  }
  return document;
}

// The article's time budget and the stop flag (base/budget.h): when either
// says stop inside a long loop, the article becomes a timeout or interrupted
// record.
Document analyze_within_budget(std::string_view bytes, Source source, const Options& options,
                               const Resources& resources) {
  const BudgetScope scope(options.limits);
  const Source as_given = source;
  try {
    return analyze_unguarded(bytes, std::move(source), options, resources);
  } catch (const BudgetExceeded& stopped) {
    Document document;
    document.source = as_given;
    document.source.bytes = bytes.size();
    document.source.sha256 = sha256_hex(bytes);
    if (stopped.reason() == BudgetExceeded::Reason::kInterrupted) {
      document.error = Error{"interrupted", "stopped by a signal before the analysis finished"};
    } else {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%g", options.limits.max_seconds);
      document.error =
          Error{"timeout", std::string("the analysis took longer than --max-article-seconds ") +
                               seconds + " and was stopped"};
    }
    return document;
  }
}

}  // namespace

Document analyze(std::string_view bytes, Source source, const Options& options,
                 const Resources& resources) {
  Source identity = source;
  identity.bytes = bytes.size();
  return within_error_boundary(
      identity, [&] { return analyze_within_budget(bytes, std::move(source), options, resources); });
}

}  // namespace news
