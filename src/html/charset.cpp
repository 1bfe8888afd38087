#include "html/charset.h"

#include <cctype>

namespace news::html {
namespace {

constexpr std::size_t kPrescanBytes = 64 * 1024;

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (lower(text[at + k]) != word[k]) return false;
  }
  return true;
}

std::string lowered(std::string_view text) {
  std::string out;
  for (char c : text) out.push_back(lower(c));
  return out;
}

// `text/html; charset=EUC-KR` → `euc-kr`.
std::optional<std::string> charset_in_content(std::string_view content) {
  const std::string text = lowered(content);
  const std::size_t at = text.find("charset");
  if (at == std::string::npos) return std::nullopt;
  std::size_t k = at + 7;
  while (k < text.size() && is_space(text[k])) ++k;
  if (k >= text.size() || text[k] != '=') return std::nullopt;
  ++k;
  while (k < text.size() && (is_space(text[k]) || text[k] == '"' || text[k] == '\'')) ++k;
  std::size_t end = k;
  while (end < text.size() && !is_space(text[end]) && text[end] != ';' && text[end] != '"' &&
         text[end] != '\'') {
    ++end;
  }
  if (end == k) return std::nullopt;
  return text.substr(k, end - k);
}

// Reads the attributes of one tag from `at` (just after `<meta`) to `>`.
std::optional<std::string> charset_of_meta(std::string_view page, std::size_t at) {
  std::optional<std::string> charset, content;
  bool http_equiv_content_type = false;
  while (at < page.size() && page[at] != '>') {
    while (at < page.size() && (is_space(page[at]) || page[at] == '/')) ++at;
    const std::size_t name_start = at;
    while (at < page.size() && !is_space(page[at]) && page[at] != '=' && page[at] != '>' &&
           page[at] != '/')
      ++at;
    const std::string name = lowered(page.substr(name_start, at - name_start));
    while (at < page.size() && is_space(page[at])) ++at;
    std::string value;
    if (at < page.size() && page[at] == '=') {
      ++at;
      while (at < page.size() && is_space(page[at])) ++at;
      if (at < page.size() && (page[at] == '"' || page[at] == '\'')) {
        const char quote = page[at++];
        const std::size_t end = page.find(quote, at);
        if (end == std::string_view::npos) return std::nullopt;
        value = page.substr(at, end - at);
        at = end + 1;
      } else {
        const std::size_t start = at;
        while (at < page.size() && !is_space(page[at]) && page[at] != '>') ++at;
        value = page.substr(start, at - start);
      }
    } else if (name.empty()) {
      ++at;  // a stray character: step over it
      continue;
    }
    if (name == "charset" && !charset) charset = lowered(value);
    if (name == "content" && !content) content = value;
    if (name == "http-equiv" && lowered(value) == "content-type") http_equiv_content_type = true;
  }
  if (charset && !charset->empty()) return charset;
  if (http_equiv_content_type && content) return charset_in_content(*content);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> declared_charset(std::string_view bytes) {
  const std::string_view page = bytes.substr(0, kPrescanBytes);
  std::size_t at = 0;
  while ((at = page.find('<', at)) != std::string_view::npos) {
    if (page.compare(at, 4, "<!--") == 0) {
      const std::size_t end = page.find("-->", at + 4);
      if (end == std::string_view::npos) return std::nullopt;
      at = end + 3;
      continue;
    }
    if (starts_with_nocase(page, at + 1, "meta") && at + 5 < page.size() &&
        (is_space(page[at + 5]) || page[at + 5] == '/')) {
      if (auto charset = charset_of_meta(page, at + 5)) return charset;
    }
    ++at;
  }
  return std::nullopt;
}

std::string converter_for(std::string_view label) {
  const std::string name = lowered(label);
  if (name == "euc-kr" || name == "euckr" || name == "ks_c_5601-1987" || name == "ksc5601" ||
      name == "cp949" || name == "x-windows-949" || name == "windows-949" || name == "ks_c_5601") {
    return "windows-949";
  }
  if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii" ||
      name == "iso8859-1") {
    return "windows-1252";
  }
  return name;
}

}  // namespace news::html

#include "text/decode.h"

namespace news::html {

std::optional<std::string> page_encoding(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return std::nullopt;
  const std::optional<std::string> label = declared_charset(bytes);
  if (!label) return std::nullopt;
  const std::string converter = converter_for(*label);
  if (converter == "utf-8" || converter == "utf8") return std::nullopt;
  return converter;
}

}  // namespace news::html
