#include "html/detect.h"

#include <cctype>

namespace news::html {
namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(text[at + k])) != word[k]) return false;
  }
  return true;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool ends_with_nocase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         starts_with_nocase(text, text.size() - suffix.size(), suffix);
}

// A tag name that ends where a tag name ends.
bool opens_tag(std::string_view text, std::size_t at, std::string_view name) {
  if (!starts_with_nocase(text, at, name)) return false;
  const std::size_t end = at + name.size();
  return end == text.size() || is_space(text[end]) || text[end] == '>' || text[end] == '/';
}

bool opens_like_a_page(std::string_view text) {
  std::size_t at = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") at = 3;
  for (int comments = 0; comments < 8; ++comments) {
    while (at < text.size() && is_space(text[at])) ++at;
    if (at >= text.size() || text[at] != '<') return false;
    if (starts_with_nocase(text, at, "<!doctype html")) return true;
    for (std::string_view name : {"html", "head", "body", "meta", "title"}) {
      if (opens_tag(text, at + 1, name)) return true;
    }
    if (starts_with_nocase(text, at, "<?xml") || starts_with_nocase(text, at, "<!--")) {
      const bool comment = text[at + 1] == '!';
      const std::size_t end = text.find(comment ? "-->" : "?>", at);
      if (end == std::string_view::npos) return false;
      at = end + (comment ? 3 : 2);
      continue;
    }
    return false;
  }
  return false;
}

}  // namespace

bool looks_like_html(std::string_view bytes, std::string_view name_hint) {
  const std::string_view text = bytes.substr(0, kSniffBytes);
  if (opens_like_a_page(text)) return true;
  std::size_t tags = 0, block_tags = 0;
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    std::size_t name = at + 1;
    if (name < text.size() && text[name] == '/') ++name;
    if (name >= text.size() || !std::isalpha(static_cast<unsigned char>(text[name]))) continue;
    ++tags;
    for (std::string_view block :
         {"p", "div", "br", "table", "li", "span", "a", "body", "script"}) {
      if (opens_tag(text, name, block)) {
        ++block_tags;
        break;
      }
    }
  }
  const bool named_html =
      ends_with_nocase(name_hint, ".html") || ends_with_nocase(name_hint, ".htm");
  if (named_html) return block_tags >= 3;
  return tags >= 20 && block_tags >= 5 && tags * 200 >= text.size();
}

}  // namespace news::html
