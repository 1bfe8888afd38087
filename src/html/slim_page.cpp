#include "html/slim_page.h"

#include <array>
#include <cctype>

namespace news::html {
namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_';
}

std::string lower_name(std::string_view page, std::size_t at) {
  std::string name;
  while (at < page.size() && is_name_char(page[at]) && name.size() < 16) {
    name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(page[at++]))));
  }
  return name;
}

// Elements that never nest: void ones, and those a new sibling closes.
bool does_not_nest(const std::string& name) {
  static constexpr std::array kNames = {
      "area",  "base",  "br",     "col",      "embed", "hr",   "img",  "input",
      "link",  "meta",  "param",  "source",   "track", "wbr",  "p",    "li",
      "dt",    "dd",    "option", "optgroup", "tr",    "td",   "th",   "thead",
      "tbody", "tfoot", "rb",     "rt",       "rp",    "html", "head", "body"};
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

bool is_raw_text(const std::string& name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "noscript" || name == "plaintext";
}

// One past the '>' that ends the tag opened at `at`, quotes respected.
std::size_t tag_end(std::string_view page, std::size_t at) {
  char quote = 0;
  for (std::size_t k = at + 1; k < page.size(); ++k) {
    const char c = page[k];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return k + 1;
    }
  }
  return page.size();
}

// After a raw-text element's start tag: where its end tag starts (or the
// end of the page).
std::size_t end_tag_start(std::string_view page, std::size_t at, const std::string& name) {
  for (std::size_t k = page.find("</", at); k != std::string_view::npos;
       k = page.find("</", k + 2)) {
    if (lower_name(page, k + 2) == name) return k;
  }
  return page.size();
}

bool is_json_ld(std::string_view tag) {
  std::string lowered(tag);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered.find("ld+json") != std::string::npos;
}

}  // namespace

std::string slim_page(std::string_view page, int max_depth) {
  std::string out;
  out.reserve(page.size());
  int depth = 0;
  std::size_t copied = 0;  // page[copied, …) is still to copy
  auto drop = [&](std::size_t from, std::size_t to) {
    out.append(page.substr(copied, from - copied));
    copied = to;
  };
  std::size_t at = 0;
  while ((at = page.find('<', at)) != std::string_view::npos) {
    if (page.compare(at, 4, "<!--") == 0) {
      const std::size_t end = page.find("-->", at + 4);
      at = end == std::string_view::npos ? page.size() : end + 3;
      continue;
    }
    const bool closing = at + 1 < page.size() && page[at + 1] == '/';
    const std::size_t name_at = at + (closing ? 2 : 1);
    if (name_at >= page.size() || !std::isalpha(static_cast<unsigned char>(page[name_at]))) {
      ++at;
      continue;
    }
    const std::string name = lower_name(page, name_at);
    const std::size_t end = tag_end(page, at);
    const bool self_closing = end >= 2 && page[end - 2] == '/';
    const bool nests = !does_not_nest(name) && !self_closing;
    if (closing) {
      if (nests && depth > 0) {
        if (depth > max_depth) drop(at, end);
        --depth;
      }
      at = end;
      continue;
    }
    if (nests && ++depth > max_depth) drop(at, end);
    if (is_raw_text(name)) {
      // The raw text runs to the element's end tag, which the loop reads next.
      const std::size_t body_end = end_tag_start(page, end, name);
      const bool body_goes =
          name == "style" || (name == "script" && !is_json_ld(page.substr(at, end - at)));
      if (body_goes && body_end > end) drop(end, body_end);
      at = body_end;
      continue;
    }
    at = end;
  }
  out.append(page.substr(copied));
  return out;
}

}  // namespace news::html
