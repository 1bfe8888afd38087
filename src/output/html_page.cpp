#include "output/html_page.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "output/html_assets.h"
#include "output/html_text.h"

namespace news {
namespace {

using html::append_escaped;
using html::escaped;

// The mark types in the order of the legend; `data-type` spells them so.
constexpr std::array<std::string_view, 8> kTypes = {
    "person", "organization", "location", "date", "money", "percentage", "duration", "quantity"};
constexpr std::array<std::string_view, 8> kTypeLabels = {
    "People", "Organizations", "Places",    "Dates",
    "Money",  "Percentages",   "Durations", "Quantities"};

std::size_t type_rank(std::string_view type) {
  return static_cast<std::size_t>(std::find(kTypes.begin(), kTypes.end(), type) - kTypes.begin());
}

// One located mention to mark: a byte range of one paragraph's text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string_view type;
  std::string entity;       // "person-3" for names (click highlights the cluster); empty for values
  std::string value;        // what the tooltip says: the normalized value
  std::size_t mention = 0;  // page-wide number: id="m<mention>"
};

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// "person · 샘 알트먼 · also 알트먼 · CEO · 오픈AI"
std::string describe_name(std::string_view type, const NamedEntity& entity) {
  std::string out(type);
  if (!entity.kind.empty()) out += " (" + entity.kind + ")";
  out += " · " + entity.name;
  if (entity.listing) out += " · " + entity.listing->market + " " + entity.listing->code;
  if (!entity.aliases.empty()) out += " · also " + joined(entity.aliases, ", ");
  if (!entity.roles.empty()) out += " · " + joined(entity.roles, ", ");
  if (!entity.organizations.empty()) out += " · " + joined(entity.organizations, ", ");
  return out;
}

std::string describe_date(const DateEntity& date) {
  std::string out = "date · ";
  if (date.value) {
    out += *date.value;
    if (date.until) out += " until " + *date.until;
    out += " (" + date.grain + (date.local_time ? ", local time" : "") + ")";
  } else {
    out += "unresolved";
    if (date.unresolved) out += ": " + *date.unresolved;
  }
  return out;
}

std::string describe_money(const MoneyEntity& money) {
  return std::string("money · ") + (money.approximate ? "≈ " : "") +
         html::group_thousands(money.amount) + " " + money.currency;
}

std::string describe_percentage(const PercentageEntity& percentage) {
  return std::string("percentage · ") + (percentage.approximate ? "≈ " : "") + percentage.value +
         (percentage.points ? " percentage points" : "%");
}

// P3Y → "3 years", PT1H30M → "1 hours 30 minutes": enough for a tooltip.
std::string read_duration(std::string_view iso) {
  std::string out;
  bool time = false;
  std::string number;
  for (const char c : iso.substr(iso.empty() ? 0 : 1)) {
    if (c == 'T') {
      time = true;
    } else if ((c >= '0' && c <= '9') || c == '.') {
      number += c;
    } else {
      const char* unit = c == 'Y'   ? "years"
                         : c == 'W' ? "weeks"
                         : c == 'D' ? "days"
                         : c == 'H' ? "hours"
                         : c == 'S' ? "seconds"
                         : c == 'M' ? (time ? "minutes" : "months")
                                    : "?";
      if (!out.empty()) out += ' ';
      out += number + " " + unit;
      number.clear();
    }
  }
  return out;
}

std::string describe_duration(const DurationEntity& duration) {
  return "duration · " + duration.value + " (" + read_duration(duration.value) + ")";
}

std::string describe_quantity(const QuantityEntity& quantity) {
  return std::string("quantity · ") + (quantity.approximate ? "≈ " : "") +
         html::group_thousands(quantity.value) + " " + quantity.unit;
}

// Every mention of the document as a span, grouped by paragraph; the page-wide
// mention numbers follow the JSON's order (entity type, entity, mention).
class SpanCollector {
 public:
  explicit SpanCollector(std::size_t paragraphs) : by_paragraph_(paragraphs) {}

  void add(const Mention& where, std::string_view type, std::string entity, std::string value) {
    const std::size_t number = count_++;
    if (where.paragraph < 0 || static_cast<std::size_t>(where.paragraph) >= by_paragraph_.size() ||
        where.end <= where.start) {
      return;  // nothing to mark (the JSON would not locate it either)
    }
    by_paragraph_[static_cast<std::size_t>(where.paragraph)].push_back(
        Span{where.start, where.end, type, std::move(entity), std::move(value), number});
    ++per_type_[type_rank(type)];
  }

  void add_names(const std::vector<NamedEntity>& list, std::string_view type) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string id = std::string(type) + "-" + std::to_string(i);
      const std::string value = describe_name(type, list[i]);
      for (const Mention& mention : list[i].mentions) add(mention, type, id, value);
    }
  }

  void add_all(const Entities& e) {
    add_names(e.people, "person");
    add_names(e.organizations, "organization");
    add_names(e.locations, "location");
    for (const DateEntity& d : e.dates) add(d.where, "date", {}, describe_date(d));
    for (const MoneyEntity& m : e.money) add(m.where, "money", {}, describe_money(m));
    for (const PercentageEntity& p : e.percentages)
      add(p.where, "percentage", {}, describe_percentage(p));
    for (const DurationEntity& d : e.durations) add(d.where, "duration", {}, describe_duration(d));
    for (const QuantityEntity& q : e.quantities) add(q.where, "quantity", {}, describe_quantity(q));
  }

  std::vector<Span>& paragraph(std::size_t i) { return by_paragraph_[i]; }
  std::size_t count(std::size_t type_rank) const { return per_type_[type_rank]; }

 private:
  std::vector<std::vector<Span>> by_paragraph_;
  std::array<std::size_t, kTypes.size()> per_type_{};
  std::size_t count_ = 0;
};

void open_mark(std::string& out, const Span& span, bool continued) {
  out += "<mark data-type=\"";
  out += span.type;
  out += "\" data-mention=\"m" + std::to_string(span.mention) + "\"";
  if (continued) {
    out += " data-part=\"continued\"";  // the rest of a mark cut by an overlapping one
  } else {
    out += " id=\"m" + std::to_string(span.mention) + "\" tabindex=\"0\"";
  }
  if (!span.entity.empty()) out += " data-entity=\"" + span.entity + "\"";
  // The tooltip is CSS generated content (mark:focus::after), which Chromium
  // and Firefox also give screen readers: no second copy in an aria attribute.
  out += " data-value=\"";
  append_escaped(out, span.value);
  out += "\">";
}

// The text with its spans as <mark> elements. Spans nest when they nest;
// where two cross (A B a b), the inner one is closed at the outer one's end
// and reopened after it as a continued part, so the markup stays a tree and
// every byte of every mention is inside a mark of its type.
void write_marked_text(std::string& out, std::string_view text, std::vector<Span>& spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;  // the longer one outside
    return a.mention < b.mention;
  });
  std::vector<std::size_t> boundaries;
  for (const Span& span : spans) {
    boundaries.push_back(std::min(span.start, text.size()));
    boundaries.push_back(std::min(span.end, text.size()));
  }
  std::sort(boundaries.begin(), boundaries.end());
  boundaries.erase(std::unique(boundaries.begin(), boundaries.end()), boundaries.end());

  std::vector<const Span*> open;  // innermost last
  std::size_t position = 0;
  std::size_t next = 0;
  for (const std::size_t boundary : boundaries) {
    append_escaped(out, text.substr(position, boundary - position));
    position = boundary;
    // Close what ends here, and everything opened inside it; reopen the rest.
    const auto ends_here = [&](const Span* s) { return std::min(s->end, text.size()) <= boundary; };
    const auto first_ending = std::find_if(open.begin(), open.end(), ends_here);
    if (first_ending != open.end()) {
      std::vector<const Span*> reopen;
      for (auto it = first_ending; it != open.end(); ++it) {
        out += "</mark>";
        if (!ends_here(*it)) reopen.push_back(*it);
      }
      open.erase(first_ending, open.end());
      for (const Span* span : reopen) {
        open_mark(out, *span, true);
        open.push_back(span);
      }
    }
    for (; next < spans.size() && spans[next].start <= boundary; ++next) {
      if (std::min(spans[next].end, text.size()) <= boundary) continue;
      open_mark(out, spans[next], false);
      open.push_back(&spans[next]);
    }
  }
  append_escaped(out, text.substr(position));
  for (std::size_t i = 0; i < open.size(); ++i) out += "</mark>";
}

std::string line_range(int first, int last) {
  return first == last ? std::to_string(first) : std::to_string(first) + "–" + std::to_string(last);
}

// "×2, lines 8 and 14", opening to where each repeat stood.
void write_repeats(std::string& out, const Paragraph& paragraph) {
  std::vector<std::string> lines = {line_range(paragraph.first_line, paragraph.last_line)};
  for (const Duplicate& d : paragraph.duplicates)
    lines.push_back(line_range(d.first_line, d.last_line));
  std::string listed;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) listed += i + 1 == lines.size() ? " and " : ", ";
    listed += lines[i];
  }
  out += "<details class=\"repeats\"><summary>×" + std::to_string(lines.size()) + ", lines " +
         listed + "</summary><ul><li>kept: line " + lines[0] + "</li>";
  for (const Duplicate& d : paragraph.duplicates) {
    out += "<li>collapsed: line " + line_range(d.first_line, d.last_line);
    if (d.similarity >= 1.0) {
      out += ", exact repeat";
    } else {
      char similarity[32];
      std::snprintf(similarity, sizeof similarity, ", near repeat (similarity %.2f)", d.similarity);
      out += similarity;
    }
    out += "</li>";
  }
  out += "</ul></details>";
}

void write_paragraph(std::string& out, const Paragraph& paragraph, std::size_t id,
                     std::vector<Span>& spans) {
  const std::string role = to_string(paragraph.role);
  const char* element = paragraph.role == Role::kSubheading ? "h2" : "p";
  out += "<div class=\"block\" id=\"p" + std::to_string(id) + "\" data-role=\"" + role +
         "\" data-lines=\"" + line_range(paragraph.first_line, paragraph.last_line) + "\">";
  out += std::string("<") + element + " class=\"para role-" + role + "\">";
  if (paragraph.role == Role::kCaption || paragraph.role == Role::kByline ||
      paragraph.role == Role::kBoilerplate) {
    out += "<span class=\"role-tag\">" + role + "</span>";
  }
  write_marked_text(out, paragraph.text, spans);
  out += std::string("</") + element + ">";
  if (!paragraph.duplicates.empty()) write_repeats(out, paragraph);
  out += "</div>\n";
}

void write_head(std::string& out, const std::string& title, const IndexRow& row) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  static const std::string policy = "default-src 'none'; style-src " +
                                    html::csp_hash_source(html::kPageStyle) + "; script-src " +
                                    html::csp_hash_source(html::kPageScript) +
                                    "; img-src 'none'; base-uri 'none'; form-action 'none'";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"generator\" content=\"analyze " ANALYZE_VERSION "\">\n<title>";
  append_escaped(out, title);
  out += "</title>\n<style>";
  out += html::kPageStyle;
  out += "</style>\n";
  // A data block, never run: the index row, for --resume and for tools.
  out += "<script type=\"application/json\" id=\"analyze-row\">";
  out += index_row_json(row);
  out += "</script>\n</head>\n";
}

void write_meta_item(std::string& out, std::string_view term, std::string_view value) {
  out += "<dt>";
  out += term;
  out += "</dt><dd>";
  append_escaped(out, value);
  out += "</dd>";
}

void write_metadata(std::string& out, const Document& document, const HtmlPageOptions& options) {
  const Metadata& meta = document.metadata;
  out += "<dl class=\"meta\">";
  if (meta.subtitle) write_meta_item(out, "Subtitle", *meta.subtitle);
  if (meta.author) write_meta_item(out, "Author", *meta.author);
  if (meta.section) write_meta_item(out, "Section", *meta.section);
  if (meta.published) write_meta_item(out, "Published", *meta.published);
  if (meta.updated) write_meta_item(out, "Updated", *meta.updated);
  if (document.language) write_meta_item(out, "Language", *document.language);
  if (document.source.path) write_meta_item(out, "Source", *document.source.path);
  if (document.source.id) write_meta_item(out, "Record id", *document.source.id);
  if (!document.source.encoding.empty()) {
    write_meta_item(
        out, "Read as",
        document.source.encoding + ", " + std::to_string(document.source.bytes) + " bytes");
  }
  if (!document.error) {
    const DedupStats& d = document.dedup;
    write_meta_item(out, "Paragraphs",
                    std::to_string(d.paragraphs_in) + " in the input, " +
                        std::to_string(d.paragraphs_out) + " shown (" + std::to_string(d.exact) +
                        " exact and " + std::to_string(d.near) + " near repeats collapsed)");
  }
  if (options.duplicate_of) write_meta_item(out, "Copy of", *options.duplicate_of);
  out += "</dl>\n";
  if (!document.warnings.empty()) {
    out += "<ul class=\"warnings\" aria-label=\"Warnings\">";
    for (const std::string& warning : document.warnings) {
      out += "<li>";
      append_escaped(out, warning);
      out += "</li>";
    }
    out += "</ul>\n";
  }
}

void write_legend(std::string& out, const SpanCollector& spans) {
  out += "<fieldset class=\"legend\"><legend>Highlight</legend>";
  for (std::size_t i = 0; i < kTypes.size(); ++i) {
    const std::string type(kTypes[i]);
    out += "<label><input type=\"checkbox\" checked data-toggle=\"" + type +
           "\"><span class=\"swatch\" data-type=\"" + type + "\"></span>" +
           std::string(kTypeLabels[i]) + " (" + std::to_string(spans.count(i)) + ")</label>";
  }
  out += "</fieldset>\n";
}

// A table of the side panel: a caption-like heading, head cells, then rows
// written by `row`. Nothing when there are no items.
template <typename Item, typename WriteRow>
void write_table(std::string& out, std::string_view heading,
                 std::initializer_list<std::string_view> columns, const std::vector<Item>& items,
                 WriteRow row) {
  if (items.empty()) return;
  out += "<section><h2>";
  out += heading;
  out += " <span class=\"count\">(" + std::to_string(items.size()) + ")</span></h2>";
  out += "<div class=\"table-wrap\"><table><thead><tr>";
  for (const std::string_view column : columns) {
    out += "<th scope=\"col\">";
    out += column;
    out += "</th>";
  }
  out += "</tr></thead><tbody>";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += "<tr>";
    row(items[i], i);
    out += "</tr>";
  }
  out += "</tbody></table></div></section>\n";
}

void cell(std::string& out, std::string_view text, const char* css_class = nullptr) {
  out += css_class ? std::string("<td class=\"") + css_class + "\">" : std::string("<td>");
  append_escaped(out, text);
  out += "</td>";
}

void entity_button_cell(std::string& out, std::string_view type, std::size_t i,
                        const std::string& name) {
  out += "<td><button type=\"button\" class=\"entity\" aria-pressed=\"false\" data-entity=\"";
  out += type;
  out += "-" + std::to_string(i) + "\">";
  append_escaped(out, name);
  out += "</button></td>";
}

// The value's text, linked to its mark in the article.
void mention_link_cell(std::string& out, const Mention& where, std::size_t mention) {
  out += "<td><a href=\"#m" + std::to_string(mention) + "\">";
  append_escaped(out, where.text);
  out += "</a></td>";
}

void write_side_tables(std::string& out, const Entities& e) {
  write_table(out, "People", {"Name", "Also", "Roles", "Organizations", "Mentions"}, e.people,
              [&](const NamedEntity& p, std::size_t i) {
                entity_button_cell(out, "person", i, p.name);
                cell(out, joined(p.aliases, ", "));
                cell(out, joined(p.roles, ", "));
                cell(out, joined(p.organizations, ", "));
                cell(out, std::to_string(p.mentions.size()), "num");
              });
  write_table(out, "Organizations", {"Name", "Kind", "Listed", "Also", "Mentions"},
              e.organizations, [&](const NamedEntity& o, std::size_t i) {
                entity_button_cell(out, "organization", i, o.name);
                cell(out, o.kind);
                cell(out, o.listing ? o.listing->market + " " + o.listing->code : std::string());
                cell(out, joined(o.aliases, ", "));
                cell(out, std::to_string(o.mentions.size()), "num");
              });
  write_table(out, "Places", {"Name", "Also", "Mentions"}, e.locations,
              [&](const NamedEntity& l, std::size_t i) {
                entity_button_cell(out, "location", i, l.name);
                cell(out, joined(l.aliases, ", "));
                cell(out, std::to_string(l.mentions.size()), "num");
              });
  // Mention numbers follow SpanCollector::add_all's order.
  std::size_t mention = 0;
  for (const auto* list : {&e.people, &e.organizations, &e.locations}) {
    for (const NamedEntity& entity : *list) mention += entity.mentions.size();
  }
  const std::size_t first_date = mention;
  const std::size_t first_money = first_date + e.dates.size();
  write_table(out, "Money", {"Text", "Amount", "Currency"}, e.money,
              [&](const MoneyEntity& m, std::size_t i) {
                mention_link_cell(out, m.where, first_money + i);
                cell(out, (m.approximate ? "≈ " : "") + html::group_thousands(m.amount), "num");
                cell(out, m.currency);
              });
  write_table(out, "Dates", {"Text", "Value", "Grain"}, e.dates,
              [&](const DateEntity& d, std::size_t i) {
                mention_link_cell(out, d.where, first_date + i);
                cell(out, d.value ? *d.value + (d.until ? " – " + *d.until : "")
                                  : "unresolved" + (d.unresolved ? ": " + *d.unresolved : ""));
                cell(out, d.grain + (d.local_time ? ", local time" : ""));
              });
}

void write_error_page(std::string& out, const Document& document, const HtmlPageOptions& options,
                      const std::string& title) {
  out += "<body>\n<header class=\"page\">";
  if (!options.index_href.empty()) {
    out += "<a class=\"back\" href=\"" + escaped(options.index_href) + "\">← All articles</a>";
  }
  out += "<h1>";
  append_escaped(out, title);
  out += "</h1>";
  write_metadata(out, document, options);
  out += "</header>\n<main><div class=\"error\" role=\"alert\"><strong>Not analyzed: ";
  append_escaped(out, document.error->code);
  out += "</strong><p>";
  append_escaped(out, document.error->message);
  out += "</p></div></main>\n</body>\n</html>\n";
}

std::string page_title(const Document& document) {
  if (document.metadata.title) return *document.metadata.title;
  if (document.source.path) return *document.source.path;
  if (document.source.id) return *document.source.id;
  return "Article";
}

}  // namespace

void write_html_page(const Document& document, const HtmlPageOptions& options, std::string& out) {
  const std::string title = page_title(document);
  IndexRow row = index_row_of(document);
  row.duplicate_of = options.duplicate_of;
  write_head(out, title, row);
  if (document.error) return write_error_page(out, document, options, title);

  SpanCollector spans(document.paragraphs.size());
  if (document.entities) spans.add_all(*document.entities);
  const std::string language = document.language.value_or("und");

  // Every mark is a tab stop; the first one lets a keyboard user jump over them.
  out +=
      "<body>\n<header class=\"page\"><a class=\"skip\" href=\"#entities\">Skip to the tables of "
      "people, organizations, places, money and dates</a>";
  if (!options.index_href.empty()) {
    out += "<a class=\"back\" href=\"" + escaped(options.index_href) + "\">← All articles</a>";
  }
  // The title paragraph is the page's heading, its names marked like any other.
  std::size_t first_body = 0;
  out += "<h1 lang=\"" + escaped(language) + "\"";
  if (!document.paragraphs.empty() && document.paragraphs[0].role == Role::kTitle) {
    out += " id=\"p0\">";
    write_marked_text(out, document.paragraphs[0].text, spans.paragraph(0));
    if (!document.paragraphs[0].duplicates.empty()) write_repeats(out, document.paragraphs[0]);
    first_body = 1;
  } else {
    out += ">";
    append_escaped(out, title);
  }
  out += "</h1>";
  write_metadata(out, document, options);
  write_legend(out, spans);
  out += "<p class=\"status\" id=\"status\" role=\"status\" aria-live=\"polite\"></p>";
  out += "</header>\n<main class=\"layout\">\n<article lang=\"" + escaped(language) + "\">\n";
  for (std::size_t i = first_body; i < document.paragraphs.size(); ++i) {
    write_paragraph(out, document.paragraphs[i], i, spans.paragraph(i));
  }
  out += "</article>\n<aside id=\"entities\" aria-label=\"Entities\" lang=\"" + escaped(language) +
         "\">\n";
  if (document.entities) write_side_tables(out, *document.entities);
  out += "</aside>\n</main>\n<script>";
  out += html::kPageScript;
  out += "</script>\n</body>\n</html>\n";
}

std::optional<IndexRow> index_row_of_page(std::string_view page) {
  static constexpr std::string_view kOpen = "<script type=\"application/json\" id=\"analyze-row\">";
  const std::size_t open = page.find(kOpen);
  if (open == std::string_view::npos) return std::nullopt;
  const std::size_t start = open + kOpen.size();
  const std::size_t close = page.find("</script>", start);
  // A page cut short is no page: it must end as write_html_page() ends it.
  if (close == std::string_view::npos || !page.ends_with("</html>\n")) return std::nullopt;
  return index_row_from_json(page.substr(start, close - start));
}

}  // namespace news
