#include "output/html_index.h"

#include <set>

#include <nlohmann/json.hpp>

#include "output/html_assets.h"
#include "output/html_text.h"

namespace news {
namespace {

using Json = nlohmann::ordered_json;
using html::append_escaped;
using html::escaped;

int size_of(std::size_t n) {
  return static_cast<int>(n);
}

void put_optional(Json& out, const char* key, const std::optional<std::string>& value) {
  if (value) out[key] = *value;
}

std::optional<std::string> get_optional(const nlohmann::json& in, const char* key) {
  const auto found = in.find(key);
  if (found == in.end() || !found->is_string()) return std::nullopt;
  return found->get<std::string>();
}

int get_int(const nlohmann::json& in, const char* key) {
  const auto found = in.find(key);
  return found != in.end() && found->is_number_integer() ? found->get<int>() : 0;
}

void number_cell(std::string& out, int value) {
  out += "<td class=\"num\">" + std::to_string(value) + "</td>";
}

void text_cell(std::string& out, const std::optional<std::string>& text) {
  out += "<td>";
  if (text) append_escaped(out, *text);
  out += "</td>";
}

void write_row(std::string& out, const IndexRow& row, std::size_t order) {
  out += "<tr data-order=\"" + std::to_string(order) + "\" data-language=\"";
  if (row.language) append_escaped(out, *row.language);
  out += "\"";
  if (row.error) out += " class=\"failed\" data-failed";
  out += ">";
  // The title cell: a link to the page, the input's name under it.
  out += "<td class=\"title\"";
  if (row.language) out += " lang=\"" + escaped(*row.language) + "\"";
  out += ">";
  const std::string shown = row.title ? *row.title : row.name;
  if (!row.page.empty()) {
    out += "<a href=\"" + escaped(html::relative_href(row.page)) + "\">";
    append_escaped(out, shown);
    out += "</a>";
  } else {
    append_escaped(out, shown);
  }
  out += "<span class=\"path\">";
  append_escaped(out, row.name);
  out += "</span></td>";
  text_cell(out, row.published);
  text_cell(out, row.language);
  number_cell(out, row.people);
  number_cell(out, row.organizations);
  number_cell(out, row.locations);
  number_cell(out, row.money);
  number_cell(out, row.dates);
  number_cell(out, row.paragraphs);
  number_cell(out, row.collapsed);
  out += "<td class=\"error\">";
  if (row.error) append_escaped(out, *row.error);
  if (row.duplicate_of) {
    out += "copy of ";
    append_escaped(out, *row.duplicate_of);
  }
  out += "</td></tr>\n";
}

}  // namespace

IndexRow index_row_of(const Document& document) {
  IndexRow row;
  row.name = document.source.path ? *document.source.path
             : document.source.id ? *document.source.id
                                  : "-";
  if (document.error) {
    row.error = document.error->code + ": " + document.error->message;
    return row;
  }
  row.title = document.metadata.title;
  row.published = document.metadata.published;
  row.language = document.language;
  if (document.entities) {
    const Entities& e = *document.entities;
    row.people = size_of(e.people.size());
    row.organizations = size_of(e.organizations.size());
    row.locations = size_of(e.locations.size());
    row.money = size_of(e.money.size());
    row.dates = size_of(e.dates.size());
  }
  row.paragraphs = size_of(document.paragraphs.size());
  row.collapsed = document.dedup.exact + document.dedup.near;
  return row;
}

std::string index_row_json(const IndexRow& row) {
  Json out;
  out["name"] = row.name;
  put_optional(out, "title", row.title);
  put_optional(out, "published", row.published);
  put_optional(out, "language", row.language);
  out["people"] = row.people;
  out["organizations"] = row.organizations;
  out["locations"] = row.locations;
  out["money"] = row.money;
  out["dates"] = row.dates;
  out["paragraphs"] = row.paragraphs;
  out["collapsed"] = row.collapsed;
  put_optional(out, "error", row.error);
  put_optional(out, "duplicate_of", row.duplicate_of);
  const std::string dumped = out.dump(-1, ' ', false, Json::error_handler_t::replace);
  // Inside <script> only "</script" or "<!--" could end the block early:
  // < > & become \u escapes, which JSON reads back as the same characters.
  std::string safe;
  safe.reserve(dumped.size());
  for (const char c : dumped) {
    if (c == '<') {
      safe += "\\u003c";
    } else if (c == '>') {
      safe += "\\u003e";
    } else if (c == '&') {
      safe += "\\u0026";
    } else {
      safe += c;
    }
  }
  return safe;
}

std::optional<IndexRow> index_row_from_json(std::string_view json) {
  const nlohmann::json in = nlohmann::json::parse(json, nullptr, false);
  if (in.is_discarded() || !in.is_object() || !in.contains("name")) return std::nullopt;
  IndexRow row;
  row.name = get_optional(in, "name").value_or("");
  row.title = get_optional(in, "title");
  row.published = get_optional(in, "published");
  row.language = get_optional(in, "language");
  row.people = get_int(in, "people");
  row.organizations = get_int(in, "organizations");
  row.locations = get_int(in, "locations");
  row.money = get_int(in, "money");
  row.dates = get_int(in, "dates");
  row.paragraphs = get_int(in, "paragraphs");
  row.collapsed = get_int(in, "collapsed");
  row.error = get_optional(in, "error");
  row.duplicate_of = get_optional(in, "duplicate_of");
  return row;
}

void write_html_index(const std::vector<IndexRow>& rows, std::string& out) {
  static const std::string policy = "default-src 'none'; style-src " +
                                    html::csp_hash_source(html::kIndexStyle) + "; script-src " +
                                    html::csp_hash_source(html::kIndexScript) +
                                    "; img-src 'none'; base-uri 'none'; form-action 'none'";
  std::size_t failed = 0;
  std::set<std::string> languages;  // whatever the batch holds, not a fixed list
  for (const IndexRow& row : rows) {
    failed += row.error.has_value();
    if (row.language) languages.insert(*row.language);
  }
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"generator\" content=\"analyze " ANALYZE_VERSION "\">\n";
  out += "<title>Articles (" + std::to_string(rows.size()) + ")</title>\n<style>";
  out += html::kIndexStyle;
  out += "</style>\n</head>\n<body>\n<main>\n<h1>Articles</h1>\n";
  out += "<form class=\"filters\" id=\"filters\" role=\"search\">";
  out +=
      "<label>Find <input type=\"search\" id=\"filter-text\" placeholder=\"title, path, "
      "error\"></label>";
  out += "<label>Language <select id=\"filter-language\"><option value=\"\">all</option>";
  for (const std::string& language : languages) {
    out += "<option value=\"" + escaped(language) + "\">" + escaped(language) + "</option>";
  }
  out += "</select></label>";
  out += "<label><input type=\"checkbox\" id=\"filter-errors\"> failed only (" +
         std::to_string(failed) + ")</label>";
  out += "<span><output id=\"shown\" aria-live=\"polite\">" + std::to_string(rows.size()) +
         "</output> of " + std::to_string(rows.size()) + " shown</span></form>\n";
  out += "<div class=\"table-wrap\"><table id=\"articles\"><thead><tr>";
  const auto header = [&](const char* label, bool numeric) {
    out += std::string("<th scope=\"col\"") + (numeric ? " data-numeric" : "") +
           "><button type=\"button\">" + label + "</button></th>";
  };
  header("Title", false);
  header("Published", false);
  header("Language", false);
  header("People", true);
  header("Organizations", true);
  header("Places", true);
  header("Money", true);
  header("Dates", true);
  header("Paragraphs", true);
  header("Repeats collapsed", true);
  header("Error", false);
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < rows.size(); ++i) write_row(out, rows[i], i);
  out += "</tbody></table></div>\n</main>\n<script>";
  out += html::kIndexScript;
  out += "</script>\n</body>\n</html>\n";
}

}  // namespace news
