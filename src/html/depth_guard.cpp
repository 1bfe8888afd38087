#include "html/depth_guard.h"

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
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
      "thead", "tbody", "tfoot", "rb", "rt", "rp", "html", "head", "body"};
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

// After a raw-text element's start tag: where its end tag ends.
std::size_t raw_text_end(std::string_view page, std::size_t at, const std::string& name) {
  for (std::size_t k = page.find("</", at); k != std::string_view::npos; k = page.find("</", k + 2)) {
    if (lower_name(page, k + 2) == name) return tag_end(page, k);
  }
  return page.size();
}

}  // namespace

std::optional<std::string> capped_nesting(std::string_view page, int max_depth) {
  // First pass finds whether the limit is passed; the second copies.
  for (int pass = 0; pass < 2; ++pass) {
    std::string out;
    if (pass == 1) out.reserve(page.size());
    int depth = 0;
    bool passed = false;
    std::size_t copied = 0;  // page[copied, at) is still to copy
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
      bool drop = false;
      if (closing) {
        if (!does_not_nest(name) && depth > 0) {
          drop = depth > max_depth;
          --depth;
        }
      } else if (!does_not_nest(name) && !self_closing) {
        ++depth;
        drop = depth > max_depth;
        passed = passed || drop;
      }
      if (pass == 1 && drop) {
        out.append(page.substr(copied, at - copied));
        copied = end;
      }
      at = end;
      if (!closing && is_raw_text(name)) {
        at = raw_text_end(page, at, name);
        if (depth > 0 && !does_not_nest(name) && !self_closing) --depth;  // closed by its end tag
      }
    }
    if (pass == 0 && !passed) return std::nullopt;
    if (pass == 1) {
      out.append(page.substr(copied));
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace news::html
