#include "html/page_metadata.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "structure/metadata.h"

namespace news::html {
namespace {

using Json = nlohmann::json;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trimmed(std::string_view text) {
  std::string out;
  bool space = false;
  append_folded(out, text, space);
  return out;
}

// What the page declares in <meta> and <link>, first declaration wins.
struct Declared {
  std::string og_title, og_site_name, og_url, published, modified, section, author;
  std::string canonical, title_tag, first_h1, time_datetime, byline, breadcrumb, stamp_line;
  std::string language;
};

constexpr std::array kPublishedNames = {"article:published_time",
                                        "og:article:published_time",
                                        "datepublished",
                                        "pubdate",
                                        "publishdate",
                                        "publish-date",
                                        "publish_date",
                                        "date",
                                        "dc.date",
                                        "dc.date.issued",
                                        "dcterms.created",
                                        "dcterms.date",
                                        "sailthru.date",
                                        "parsely-pub-date",
                                        "article.published",
                                        "og:regdate",
                                        "cxenseparse:recs:publishtime"};
constexpr std::array kModifiedNames = {"article:modified_time", "og:updated_time", "datemodified",
                                       "dcterms.modified", "last-modified"};

void set_once(std::string& field, std::string_view value) {
  if (field.empty()) field = trimmed(value);
}

template <std::size_t N>
bool one_of(std::string_view key, const std::array<const char*, N>& names) {
  for (const char* name : names) {
    if (key == name) return true;
  }
  return false;
}

void read_meta(const GumboNode* element, Declared& d) {
  std::string key = lower(attribute(element, "property"));
  if (key.empty()) key = lower(attribute(element, "name"));
  if (key.empty()) key = lower(attribute(element, "itemprop"));
  const std::string_view content = attribute(element, "content");
  if (key.empty() || content.empty()) return;
  if (key == "og:title")
    set_once(d.og_title, content);
  else if (key == "og:site_name")
    set_once(d.og_site_name, content);
  else if (key == "og:url")
    set_once(d.og_url, content);
  else if (key == "article:section" || key == "section")
    set_once(d.section, content);
  else if (key == "author" || key == "article:author" || key == "byl" || key == "dable:author")
    set_once(d.author, content);
  else if (one_of(key, kPublishedNames))
    set_once(d.published, content);
  else if (one_of(key, kModifiedNames))
    set_once(d.modified, content);
}

bool contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

// A visible stamp: `입력 2024.05.07 10:15`, `기사입력 : 2024-05-07`, `등록 …`.
bool is_stamp_line(std::string_view text) {
  for (std::string_view opener : {"입력", "기사입력", "등록", "게재"}) {
    if (text.substr(0, opener.size()) == opener) return true;
  }
  return false;
}

// The text of the first text child (what <title> and <script> hold).
std::string_view first_text_child(const GumboNode* element) {
  const GumboVector& children = element->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
        child->type == GUMBO_NODE_WHITESPACE) {
      return child->v.text.text;
    }
  }
  return {};
}

Declared read_declarations(const std::vector<PageNode>& nodes, std::vector<Json>& json_ld) {
  Declared d;
  if (!nodes.empty()) {
    set_once(d.language, attribute(nodes[0].node, "lang"));
    set_once(d.language, attribute(nodes[0].node, "xml:lang"));
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const PageNode& node = nodes[i];
    if (node.is_text) {
      if (d.stamp_line.empty()) {
        const std::string text = trimmed(node_text(node));
        if (text.size() < 80 && is_stamp_line(text)) d.stamp_line = text;
      }
      continue;
    }
    const GumboNode* element = node.node;
    switch (node.tag) {
      case GUMBO_TAG_META:
        read_meta(element, d);
        break;
      case GUMBO_TAG_LINK:
        if (lower(attribute(element, "rel")) == "canonical")
          set_once(d.canonical, attribute(element, "href"));
        break;
      case GUMBO_TAG_TITLE:
        if (d.title_tag.empty()) set_once(d.title_tag, first_text_child(element));
        break;
      case GUMBO_TAG_H1:
        if (d.first_h1.empty()) d.first_h1 = subtree_text(nodes, static_cast<int>(i));
        break;
      case GUMBO_TAG_TIME:
        set_once(d.time_datetime, attribute(element, "datetime"));
        break;
      case GUMBO_TAG_SCRIPT:
        if (lower(attribute(element, "type")) == "application/ld+json") {
          Json parsed = Json::parse(first_text_child(element), nullptr, false);
          if (!parsed.is_discarded()) json_ld.push_back(std::move(parsed));
        }
        break;
      default: {
        const std::string names =
            lower(attribute(element, "class")) + ' ' + lower(attribute(element, "id"));
        if (d.byline.empty() && (contains(names, "byline") || contains(names, "reporter") ||
                                 lower(attribute(element, "rel")) == "author")) {
          std::string text = subtree_text(nodes, static_cast<int>(i));
          if (!text.empty() && text.size() < 120) d.byline = std::move(text);
        }
        if (d.breadcrumb.empty() && contains(names, "breadcrumb")) {
          // The last entry of the trail: the page's own section.
          std::string last;
          for (int k = static_cast<int>(i) + 1; k < node.end; ++k) {
            if (!nodes[k].is_text &&
                (nodes[k].tag == GUMBO_TAG_A || nodes[k].tag == GUMBO_TAG_LI)) {
              std::string text = subtree_text(nodes, k);
              if (!text.empty()) last = std::move(text);
            }
          }
          if (!last.empty() && last.size() < 60) d.breadcrumb = std::move(last);
        }
      }
    }
  }
  return d;
}

// The article objects of the JSON-LD blocks (NewsArticle, Article, …),
// looked for in arrays and @graph.
void collect_articles(const Json& value, std::vector<const Json*>& out, int depth = 0) {
  if (depth > 8) return;
  if (value.is_array()) {
    for (const Json& item : value) collect_articles(item, out, depth + 1);
    return;
  }
  if (!value.is_object()) return;
  if (auto graph = value.find("@graph"); graph != value.end())
    collect_articles(*graph, out, depth + 1);
  auto type = value.find("@type");
  if (type == value.end()) return;
  auto is_article = [](const Json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "Report" ||
           s == "LiveBlogPosting";
  };
  bool article = is_article(*type);
  if (type->is_array()) {
    for (const Json& t : *type) article = article || is_article(t);
  }
  if (article) out.push_back(&value);
}

std::string string_of(const Json& value) {
  if (value.is_string()) return trimmed(value.get_ref<const std::string&>());
  if (value.is_object()) {
    if (auto name = value.find("name"); name != value.end()) return string_of(*name);
    if (auto id = value.find("@id"); id != value.end()) return string_of(*id);
  }
  if (value.is_array()) {
    std::string joined;
    for (const Json& item : value) {
      std::string one = string_of(item);
      if (one.empty()) continue;
      if (!joined.empty()) joined += ", ";
      joined += one;
    }
    return joined;
  }
  return {};
}

std::string field(const Json& article, const char* name) {
  auto found = article.find(name);
  return found == article.end() ? std::string() : string_of(*found);
}

bool is_korean_language(std::string_view language) {
  return language.substr(0, 2) == "ko";
}

}  // namespace

std::optional<std::string> iso_timestamp(std::string_view text, bool korean) {
  std::string s = trimmed(text);
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > s.size()) return false;
    for (std::size_t k = at; k < at + n; ++k) {
      if (!std::isdigit(static_cast<unsigned char>(s[k]))) return false;
    }
    return true;
  };
  if (digits(0, 8) && (s.size() == 8 || !std::isdigit(static_cast<unsigned char>(s[8])))) {
    s = s.substr(0, 4) + '-' + s.substr(4, 2) + '-' + s.substr(6, 2) + s.substr(8);
  }
  if (!digits(0, 4) || s.size() < 10 || s[4] != '-' || !digits(5, 2) || s[7] != '-' ||
      !digits(8, 2)) {
    // Not ISO: the article stage's reader knows `2024.05.07 10:15` and
    // English forms.
    if (auto parsed = parse_timestamp(s)) return parsed;
    return std::nullopt;
  }
  std::string date = s.substr(0, 10);
  if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ') || !digits(11, 2) || s[13] != ':' ||
      !digits(14, 2)) {
    return date;
  }
  std::string time = s.substr(11, 5);
  std::size_t at = 16;
  if (at < s.size() && s[at] == ':' && digits(at + 1, 2)) {
    time += s.substr(at, 3);
    at += 3;
  } else {
    time += ":00";
  }
  if (at < s.size() && s[at] == '.') {
    ++at;
    while (at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]))) ++at;
  }
  while (at < s.size() && s[at] == ' ') ++at;
  std::string zone;
  if (at < s.size() && (s[at] == 'Z' || s[at] == 'z')) {
    zone = "Z";
  } else if (at < s.size() && (s[at] == '+' || s[at] == '-') && digits(at + 1, 2)) {
    const std::size_t minutes = s[at + 3] == ':' ? at + 4 : at + 3;
    zone = s.substr(at, 3) + ':' + (digits(minutes, 2) ? s.substr(minutes, 2) : "00");
  } else if (korean) {
    zone = "+09:00";
  } else {
    return date;  // a local time of no known zone: the date is what is sure
  }
  return date + 'T' + time + zone;
}

// Characters that join a title to the site's name: `|`, `ㅣ` (a Hangul
// letter used as a bar), `-`, `:`, `<`, `·` and spaces.
bool is_title_joint(std::string_view text, std::size_t at, std::size_t& length) {
  for (std::string_view joint : {" ", "|", "\xE3\x85\xA3", "\xEF\xBD\x9C", "-", "\xE2\x80\x93",
                                 "\xE2\x80\x94", ":", "<", "\xC2\xB7"}) {
    if (at >= joint.size() && text.substr(at - joint.size(), joint.size()) == joint) {
      length = joint.size();
      return true;
    }
  }
  return false;
}

std::string without_site_suffix(std::string_view title, std::string_view site_name) {
  for (std::string_view separator : {" | ", " - ", " – ", " — ", " :: ", " : ", " ｜ ", " < "}) {
    const std::size_t at = title.rfind(separator);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string suffix = lower(title.substr(at + separator.size()));
    const std::string site = lower(site_name);
    if (!site.empty() && (contains(suffix, site) || contains(site, suffix))) {
      return trimmed(title.substr(0, at));
    }
  }
  // `제목-정치ㅣ한국일보`: the site's name glued on, perhaps after a section.
  if (site_name.empty() || title.size() <= site_name.size() ||
      title.substr(title.size() - site_name.size()) != site_name) {
    return trimmed(title);
  }
  std::size_t end = title.size() - site_name.size();
  std::size_t length = 0;
  if (!is_title_joint(title, end, length)) return trimmed(title);
  while (end > 0 && is_title_joint(title, end, length)) end -= length;
  // A section word between two joints (`-정치ㅣ`): short and without spaces.
  const std::size_t dash = title.rfind('-', end);
  if (dash != std::string_view::npos && dash > 0 && end - dash <= 1 + 4 * 3 &&
      title.substr(dash, end - dash).find(' ') == std::string_view::npos) {
    end = dash;
  }
  return trimmed(title.substr(0, end));
}

Metadata read_page_metadata(const std::vector<PageNode>& nodes) {
  std::vector<Json> json_ld;
  const Declared d = read_declarations(nodes, json_ld);
  std::vector<const Json*> articles;
  for (const Json& block : json_ld) collect_articles(block, articles);
  std::string headline, ld_author, ld_published, ld_modified, ld_section, ld_site, ld_url,
      ld_language;
  for (const Json* article : articles) {
    set_once(headline, field(*article, "headline"));
    set_once(ld_author, field(*article, "author"));
    set_once(ld_published, field(*article, "datePublished"));
    set_once(ld_modified, field(*article, "dateModified"));
    set_once(ld_section, field(*article, "articleSection"));
    set_once(ld_site, field(*article, "publisher"));
    set_once(ld_url, field(*article, "mainEntityOfPage"));
    set_once(ld_language, field(*article, "inLanguage"));
  }

  Metadata m;
  auto first = [](std::initializer_list<const std::string*> options) -> std::optional<std::string> {
    for (const std::string* option : options) {
      if (!option->empty()) return *option;
    }
    return std::nullopt;
  };
  m.site_name = first({&d.og_site_name, &ld_site});
  m.language = first({&d.language, &ld_language});
  const std::string site = m.site_name.value_or("");
  if (auto title = first({&d.og_title, &headline, &d.first_h1, &d.title_tag})) {
    std::string cut = without_site_suffix(*title, site);
    // Without a site name, a <title> that opens with the page's <h1> is the
    // <h1> plus the site's suffix.
    if (cut == *title && !d.first_h1.empty() && title->size() > d.first_h1.size() &&
        title->compare(0, d.first_h1.size(), d.first_h1) == 0) {
      cut = d.first_h1;
    }
    if (!cut.empty()) m.title = cut;
  }
  m.author = first({&ld_author, &d.author, &d.byline});
  // A publisher named as the author (`<meta name="author" content="한국일보">`)
  // names nobody: the byline may.
  if (m.author && m.site_name && *m.author == *m.site_name) m.author = first({&d.byline});
  m.section = first({&d.section, &ld_section, &d.breadcrumb});
  const bool korean = is_korean_language(m.language.value_or(""));
  for (const std::string* text :
       std::initializer_list<const std::string*>{&ld_published, &d.published, &d.time_datetime}) {
    if (m.published || text->empty()) continue;
    m.published = iso_timestamp(*text, korean);
  }
  if (!m.published && !d.stamp_line.empty()) {
    std::string_view stamp = d.stamp_line;
    stamp.remove_prefix(std::min(stamp.find_first_of(" :"), stamp.size()));
    while (!stamp.empty() && (stamp.front() == ' ' || stamp.front() == ':')) stamp.remove_prefix(1);
    m.published = parse_timestamp(stamp);
  }
  for (const std::string* text :
       std::initializer_list<const std::string*>{&ld_modified, &d.modified}) {
    if (!m.updated && !text->empty()) m.updated = iso_timestamp(*text, korean);
  }
  m.canonical_url = first({&d.canonical, &d.og_url, &ld_url});
  return m;
}

}  // namespace news::html
