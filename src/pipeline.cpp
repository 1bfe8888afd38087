#include "pipeline.h"

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

// The paragraphs of the article before repeats are collapsed: the title,
// then every line the header block did not turn into metadata.
std::vector<Paragraph> paragraphs_from(const std::vector<Line>& lines, const Header& header) {
  std::vector<Paragraph> paragraphs;
  paragraphs.reserve(lines.size());
  if (header.has_title) paragraphs.push_back(paragraph_from(lines[0], Role::kTitle));
  for (std::size_t i : header.unclaimed)
    paragraphs.push_back(paragraph_from(lines[i], Role::kBody));
  for (std::size_t i = header.lines_used; i < lines.size(); ++i) {
    paragraphs.push_back(paragraph_from(lines[i], Role::kBody));
  }
  return paragraphs;
}

// The paragraphs of a web page's article: its title, then its blocks. A
// block the role patterns call boilerplate (a copyright line) goes, a byline
// gives the author and goes: the page's structure has said what the rest is.
std::vector<Paragraph> paragraphs_from_page(const html::Page& page, Metadata& metadata,
                                            const RolePatterns& roles) {
  std::vector<Paragraph> paragraphs;
  if (metadata.title) {
    metadata.title = normalize_line(*metadata.title);
    if (metadata.title->empty()) metadata.title.reset();
  }
  if (metadata.title) {
    paragraphs.push_back(paragraph_from(Line{*metadata.title, page.title_line}, Role::kTitle));
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
    paragraphs.push_back(paragraph_from(line, role));
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

  std::vector<Paragraph> paragraphs;
  if (html) {
    const html::Page page = html::read_page(decoded.text);
    document.metadata = page.metadata;
    paragraphs = paragraphs_from_page(page, document.metadata, resources.roles);
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
    paragraphs = paragraphs_from(lines, header);
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
  Collapsed collapsed = collapse_repeats(std::move(paragraphs), resources.roles);
  document.paragraphs = std::move(collapsed.paragraphs);
  document.dedup = collapsed.stats;
  split_article(document.paragraphs, resources.abbreviations);
  tokenize_article(document.paragraphs, resources.particles);
  if (!document.entities) document.entities.emplace();
  extract_values(document.paragraphs, document.metadata.published, resources, *document.entities);
  extract_names(document.paragraphs, resources.names,
                resources.ner_model ? &*resources.ner_model : nullptr, *document.entities);
  return document;
}

}  // namespace

Document analyze(std::string_view bytes, Source source, const Options& options,
                 const Resources& resources) {
  Source identity = source;
  identity.bytes = bytes.size();
  return within_error_boundary(
      identity, [&] { return analyze_unguarded(bytes, std::move(source), options, resources); });
}

}  // namespace news
