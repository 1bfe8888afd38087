#include "pipeline.h"

#include <cstdio>
#include <exception>
#include <new>

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

Paragraph paragraph_from(const Line& line, Role role) {
  Paragraph p;
  p.role = role;
  p.text = line.text;
  p.first_line = line.number;
  p.last_line = line.number;
  return p;
}

// Adds the paragraph of `line`; a line longer than kMaxParagraphChars is
// added as windows (a paragraph each, same line number, the first with
// `role`, the others body) and named in `warnings`.
void add_paragraphs(std::vector<Paragraph>& paragraphs, const Line& line, Role role,
                    std::vector<std::string>& warnings) {
  const std::vector<std::size_t> cuts = window_cuts(line.text);
  if (cuts.empty()) {
    paragraphs.push_back(paragraph_from(line, role));
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
std::vector<Paragraph> paragraphs_from(const std::vector<Line>& lines, const Header& header,
                                       std::vector<std::string>& warnings) {
  std::vector<Paragraph> paragraphs;
  paragraphs.reserve(lines.size());
  if (header.has_title) add_paragraphs(paragraphs, lines[0], Role::kTitle, warnings);
  for (std::size_t i : header.unclaimed) add_paragraphs(paragraphs, lines[i], Role::kBody, warnings);
  for (std::size_t i = header.lines_used; i < lines.size(); ++i) {
    add_paragraphs(paragraphs, lines[i], Role::kBody, warnings);
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
    const std::vector<Line> lines = split_lines(decoded.text);
    if (lines.empty()) {
      document.error = Error{
          "empty", bytes.empty() ? "the input is empty" : "the input has no text, only white space"};
      return document;
    }
    const Header header = read_header(lines, resources.sections);
    document.metadata = header.metadata;
    document.language = detect_language(decoded.text);
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
  tokenize_article(document.paragraphs, resources.particles);
  if (!document.entities) document.entities.emplace();
  check_budget_now();
  extract_values(document.paragraphs, document.metadata.published, resources, *document.entities);
  check_budget_now();
  extract_names(document.paragraphs, resources.names,
                resources.ner_model ? &*resources.ner_model : nullptr, *document.entities);
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
