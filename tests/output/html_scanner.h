// tests/output/html_scanner.h — a small, strict HTML reader for the tests of
// the pages we write (and the DOM Chromium dumps of them).
//
// Not a browser parser: it reads the markup as written — tags, attributes,
// text, raw <script>/<style> bodies, character references — into a tree, and
// reports anything a careful writer never produces: an end tag that does not
// close the open element, an unquoted `<` in text, an unknown reference. So
// a test can assert that hostile input stayed text (no <img>, no extra
// <script>, no on… attribute) and read back what each element says.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace news::testing {

struct HtmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;  // values decoded
  std::size_t parent = 0;                         // index in HtmlDocument::elements (0: the root)
  std::size_t text_begin = 0;                     // the element's text in HtmlDocument::text
  std::size_t text_end = 0;
  std::string raw;  // <script> and <style>: the body as written

  bool has(const std::string& attribute) const { return attributes.count(attribute) > 0; }
  std::string attribute(const std::string& name_) const {
    const auto found = attributes.find(name_);
    return found == attributes.end() ? std::string() : found->second;
  }
};

struct HtmlDocument {
  std::vector<HtmlElement> elements;  // [0] is a root holding everything
  std::string text;                   // all text outside script/style, decoded
  std::vector<std::string> errors;

  std::string text_of(const HtmlElement& element) const {
    return text.substr(element.text_begin, element.text_end - element.text_begin);
  }
  std::vector<const HtmlElement*> all(std::string_view name) const {
    std::vector<const HtmlElement*> out;
    for (const HtmlElement& element : elements) {
      if (element.name == name) out.push_back(&element);
    }
    return out;
  }
  const HtmlElement* by_id(std::string_view id) const {
    for (const HtmlElement& element : elements) {
      if (element.attribute("id") == id) return &element;
    }
    return nullptr;
  }
  // The nearest ancestor (or the element itself) with an attribute.
  const HtmlElement* closest_with(const HtmlElement& element, const std::string& attribute) const {
    const HtmlElement* at = &element;
    while (true) {
      if (at->has(attribute)) return at;
      if (at == &elements[0]) return nullptr;
      at = &elements[at->parent];
    }
  }
};

namespace html_scanner_detail {

inline bool is_void(std::string_view name) {
  for (const char* v : {"meta", "input", "br", "img", "link", "hr", "source", "wbr", "area", "base",
                        "col", "embed", "track"}) {
    if (name == v) return true;
  }
  return false;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Decodes character references; unknown ones are errors.
inline std::string decode(std::string_view s, std::vector<std::string>& errors) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const std::size_t semicolon = s.find(';', i);
    if (semicolon == std::string_view::npos || semicolon - i > 10) {
      errors.push_back("bare & in: " + std::string(s.substr(i, 20)));
      out += '&';
      continue;
    }
    const std::string name(s.substr(i + 1, semicolon - i - 1));
    if (name == "amp") {
      out += '&';
    } else if (name == "lt") {
      out += '<';
    } else if (name == "gt") {
      out += '>';
    } else if (name == "quot") {
      out += '"';
    } else if (name == "nbsp") {
      out += "\xC2\xA0";
    } else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      news::utf8::append(
          out, static_cast<char32_t>(std::stoul(name.substr(hex ? 2 : 1), nullptr, hex ? 16 : 10)));
    } else {
      errors.push_back("unknown reference &" + name + ";");
    }
    i = semicolon;
  }
  return out;
}

}  // namespace html_scanner_detail

inline HtmlDocument scan_html(std::string_view page) {
  using namespace html_scanner_detail;
  HtmlDocument doc;
  doc.elements.push_back(HtmlElement{"#root", {}, 0, 0, 0, {}});
  std::vector<std::size_t> open = {0};
  std::size_t i = 0;
  const auto text_until = [&](std::size_t end) {
    doc.text += decode(page.substr(i, end - i), doc.errors);
    i = end;
  };
  while (i < page.size()) {
    const std::size_t lt = page.find('<', i);
    if (lt == std::string_view::npos) {
      text_until(page.size());
      break;
    }
    text_until(lt);
    if (page.compare(i, 4, "<!--") == 0) {
      const std::size_t end = page.find("-->", i);
      i = end == std::string_view::npos ? page.size() : end + 3;
      continue;
    }
    if (page.compare(i, 2, "<!") == 0) {  // <!DOCTYPE html>
      i = page.find('>', i) + 1;
      continue;
    }
    if (page.compare(i, 2, "</") == 0) {
      const std::size_t gt = page.find('>', i);
      const std::string name = lower(page.substr(i + 2, gt - i - 2));
      i = gt + 1;
      if (open.size() <= 1 || doc.elements[open.back()].name != name) {
        doc.errors.push_back("</" + name + "> closes <" + doc.elements[open.back()].name + ">");
        continue;
      }
      doc.elements[open.back()].text_end = doc.text.size();
      open.pop_back();
      continue;
    }
    // A start tag: <name attr="v" attr='v' attr=v attr>
    std::size_t at = i + 1;
    const auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    std::size_t name_end = at;
    while (name_end < page.size() && !is_space(page[name_end]) && page[name_end] != '>' &&
           page[name_end] != '/') {
      ++name_end;
    }
    HtmlElement element;
    element.name = lower(page.substr(at, name_end - at));
    if (element.name.empty()) {
      doc.errors.push_back("< in text");
      doc.text += '<';
      i = at;
      continue;
    }
    at = name_end;
    while (at < page.size() && page[at] != '>') {
      if (is_space(page[at]) || page[at] == '/') {
        ++at;
        continue;
      }
      std::size_t key_end = at;
      while (key_end < page.size() && !is_space(page[key_end]) && page[key_end] != '=' &&
             page[key_end] != '>') {
        ++key_end;
      }
      const std::string key = lower(page.substr(at, key_end - at));
      std::string value;
      at = key_end;
      if (at < page.size() && page[at] == '=') {
        ++at;
        if (page[at] == '"' || page[at] == '\'') {
          const char quote = page[at];
          const std::size_t end = page.find(quote, at + 1);
          value = decode(page.substr(at + 1, end - at - 1), doc.errors);
          at = end + 1;
        } else {
          std::size_t end = at;
          while (end < page.size() && !is_space(page[end]) && page[end] != '>') ++end;
          value = decode(page.substr(at, end - at), doc.errors);
          at = end;
        }
      }
      if (element.attributes.count(key)) doc.errors.push_back("attribute twice: " + key);
      element.attributes[key] = value;
    }
    i = at + 1;
    element.parent = open.back();
    element.text_begin = element.text_end = doc.text.size();
    const std::size_t index = doc.elements.size();
    if (element.name == "script" || element.name == "style") {
      const std::string close = "</" + element.name;
      const std::size_t end = page.find(close, i);
      element.raw = std::string(page.substr(i, end - i));
      i = page.find('>', end) + 1;
      doc.elements.push_back(std::move(element));
      continue;
    }
    const bool is_void_element = is_void(element.name);
    doc.elements.push_back(std::move(element));
    if (!is_void_element) open.push_back(index);
  }
  if (open.size() > 1) doc.errors.push_back("unclosed <" + doc.elements[open.back()].name + ">");
  doc.elements[0].text_end = doc.text.size();
  return doc;
}

}  // namespace news::testing
