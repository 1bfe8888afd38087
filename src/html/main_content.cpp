#include "html/main_content.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace news::html {
namespace {

// Class and id words, matched as lower-case substrings (as readability's
// expressions do). Not per site: each names a kind of page furniture.
constexpr std::array kUnlikely = {
    "-ad-",       "ad-break",   "agegate",   "ai2html",      "banner",     "breadcrumb",
    "combx",      "comment",    "community", "cover-wrap",   "disqus",     "extra",
    "footer",     "gdpr",       "header",    "legends",      "menu",       "related",
    "remark",     "replies",    "reply",     "rss",          "shoutbox",   "sidebar",
    "skyscraper", "social",     "sponsor",   "supplemental", "pagination", "pager",
    "popup",      "yom-remote", "댓글",      "관련기사",     "newsletter", "subscribe"};
constexpr std::array kMaybe = {"and",     "article", "body",   "column",
                               "content", "main",    "shadow", "본문"};
constexpr std::array kPositive = {"article", "body",     "content",   "entry",  "hentry", "h-entry",
                                  "main",    "page",     "post",      "text",   "blog",   "story",
                                  "본문",    "view_con", "news_view", "art_txt"};
constexpr std::array kNegative = {
    "-ad-",    "hidden",     "banner",    "combx",      "comment",   "com-",
    "contact", "foot",       "footer",    "footnote",   "gdpr",      "masthead",
    "media",   "meta",       "outbrain",  "promo",      "related",   "scroll",
    "share",   "shoutbox",   "sidebar",   "skyscraper", "sponsor",   "shopping",
    "tags",    "tool",       "widget",    "byline",     "copyright", "댓글",
    "reply",   "newsletter", "recommend", "popular",    "most-read", "taboola"};
// Containers whose name says "the article's text" outright.
constexpr std::array kArticleBody = {
    "articlebody",    "article-body", "article_body",  "article-content", "article_content",
    "articlecontent", "news_body",    "newsbody",      "news-body",       "story-body",
    "storybody",      "post-body",    "entry-content", "post-content",    "article_txt",
    "article-text",   "article_view", "본문"};

constexpr int kMinParagraphChars = 25;

template <std::size_t N>
bool contains_any(std::string_view text, const std::array<const char*, N>& words) {
  for (const char* word : words) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Which passes run: a page read again with fewer rules drops them in turn.
struct Rules {
  bool set_aside_unlikely = true;
  bool class_weights = true;
  bool clean_conditionally = true;
};

// What readability keeps per element, computed once per page.
struct Figures {
  std::vector<std::int8_t> weight;         // class/id hints: −50 … +75
  std::vector<std::uint8_t> unlikely;      // set aside before scoring
  std::vector<std::uint8_t> hidden;        // never shown
  std::vector<std::uint8_t> article_body;  // named as the article's text
  std::vector<std::uint32_t> chars;        // non-space code points in the subtree
  std::vector<std::uint32_t> link_chars;   // … of them inside <a>
  std::vector<std::uint32_t> own_chars;    // … not inside a block child
  std::vector<std::uint32_t> own_commas;
  std::vector<std::uint32_t> commas;
  std::vector<std::uint32_t> paragraphs, images, items, inputs, embeds;
};

std::uint32_t count_chars(std::string_view text, std::uint32_t& commas) {
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') continue;
    if ((c & 0xC0) == 0x80) continue;
    if (c == ',') ++commas;
    ++n;
  }
  return n;
}

// The attributes the hints read, found in one pass over the element's
// attributes (gumbo gives their names in lower case).
struct HintAttributes {
  std::string_view class_name, id, style, role, aria_hidden, itemprop;
  bool hidden = false;
};

HintAttributes hint_attributes(const GumboNode* element) {
  HintAttributes a;
  const GumboVector& attributes = element->v.element.attributes;
  for (unsigned k = 0; k < attributes.length; ++k) {
    const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[k]);
    const std::string_view name = attribute->name;
    const std::string_view value = attribute->value;
    if (name == "class")
      a.class_name = value;
    else if (name == "id")
      a.id = value;
    else if (name == "style")
      a.style = value;
    else if (name == "role")
      a.role = value;
    else if (name == "aria-hidden")
      a.aria_hidden = value;
    else if (name == "itemprop")
      a.itemprop = value;
    else if (name == "hidden")
      a.hidden = true;
  }
  return a;
}

bool hidden_by_markup(const HintAttributes& a) {
  if (a.hidden || a.aria_hidden == "true") return true;
  if (!a.style.empty()) {
    const std::string style = lower(a.style);
    if (style.find("display:none") != std::string::npos ||
        style.find("display: none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  return a.role == "menu" || a.role == "menubar" || a.role == "navigation" || a.role == "dialog" ||
         a.role == "alertdialog" || a.role == "complementary";
}

void read_hints(const std::vector<PageNode>& nodes, Figures& f) {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const PageNode& node = nodes[i];
    if (node.is_text || node.opaque || node.node->v.element.attributes.length == 0) continue;
    const HintAttributes a = hint_attributes(node.node);
    f.hidden[i] = hidden_by_markup(a);
    const bool item_body = a.itemprop == "articleBody";
    if (a.class_name.empty() && a.id.empty() && !item_body) continue;
    const std::string class_name = lower(a.class_name);
    const std::string id = lower(a.id);
    int weight = 0;
    for (const std::string* name : {&class_name, &id}) {
      if (name->empty()) continue;
      if (contains_any(*name, kNegative)) weight -= 25;
      if (contains_any(*name, kPositive)) weight += 25;
    }
    const bool named_body =
        contains_any(class_name, kArticleBody) || contains_any(id, kArticleBody);
    if (item_body || named_body) {
      weight += 25;
      f.article_body[i] = 1;
    }
    f.weight[i] = static_cast<std::int8_t>(std::clamp(weight, -100, 100));
    const std::string both = class_name + ' ' + id;
    f.unlikely[i] = node.tag != GUMBO_TAG_BODY && node.tag != GUMBO_TAG_A &&
                    node.tag != GUMBO_TAG_ARTICLE && node.tag != GUMBO_TAG_MAIN && !item_body &&
                    !named_body && contains_any(both, kUnlikely) && !contains_any(both, kMaybe);
  }
}

// Sums from the leaves up. Children come after their parent in `nodes`, so
// one pass from the end sees every child before its parent. Subtrees set
// aside (`dead`) add nothing to their ancestors.
void sum_up(const std::vector<PageNode>& nodes, const std::vector<std::uint8_t>& dead, Figures& f) {
  for (std::size_t k = nodes.size(); k-- > 0;) {
    const PageNode& node = nodes[k];
    if (node.is_text) {
      std::uint32_t commas = 0;
      const std::uint32_t n = count_chars(node_text(node), commas);
      f.chars[k] = n;
      f.own_chars[k] = n;
      f.own_commas[k] = commas;
      f.commas[k] = commas;
    } else {
      if (node.tag == GUMBO_TAG_A) f.link_chars[k] = f.chars[k];
      if (node.tag == GUMBO_TAG_P) ++f.paragraphs[k];
      if (node.tag == GUMBO_TAG_IMG) ++f.images[k];
      if (node.tag == GUMBO_TAG_LI) ++f.items[k];
      if (node.tag == GUMBO_TAG_INPUT) ++f.inputs[k];
      if (node.tag == GUMBO_TAG_IFRAME || node.tag == GUMBO_TAG_OBJECT ||
          node.tag == GUMBO_TAG_EMBED || node.tag == GUMBO_TAG_VIDEO) {
        ++f.embeds[k];
      }
    }
    if (node.parent < 0 || dead[k]) continue;
    const auto p = static_cast<std::size_t>(node.parent);
    f.chars[p] += f.chars[k];
    f.link_chars[p] += f.link_chars[k];
    f.commas[p] += f.commas[k];
    f.paragraphs[p] += f.paragraphs[k];
    f.images[p] += f.images[k];
    f.items[p] += f.items[k];
    f.inputs[p] += f.inputs[k];
    f.embeds[p] += f.embeds[k];
    if (node.is_text || !is_block(node.tag)) {
      f.own_chars[p] += f.own_chars[k];
      f.own_commas[p] += f.own_commas[k];
    }
  }
}

double link_density(const Figures& f, std::size_t i) {
  return f.chars[i] == 0 ? 0.0 : static_cast<double>(f.link_chars[i]) / f.chars[i];
}

int tag_score(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

bool scores_as_paragraph(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Readability's content scores: each paragraph gives its ancestors points.
std::vector<double> score_candidates(const std::vector<PageNode>& nodes,
                                     const std::vector<std::uint8_t>& dead, const Figures& f,
                                     const Rules& rules) {
  std::vector<double> score(nodes.size(), 0.0);
  std::vector<std::uint8_t> started(nodes.size(), 0);
  auto start = [&](std::size_t i) {
    if (started[i]) return;
    started[i] = 1;
    score[i] = tag_score(nodes[i].tag) + (rules.class_weights ? f.weight[i] : 0);
  };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const PageNode& node = nodes[i];
    if (node.is_text || dead[i] || !scores_as_paragraph(node.tag)) continue;
    if (f.own_chars[i] < kMinParagraphChars) continue;
    const double points = 1.0 + f.own_commas[i] + std::min(f.own_chars[i] / 100.0, 3.0);
    // A div of text is its own paragraph; its points go to the ancestors.
    int ancestor = node.parent;
    for (int level = 0; ancestor >= 0 && level < 5; ++level) {
      const auto a = static_cast<std::size_t>(ancestor);
      if (nodes[a].tag == GUMBO_TAG_HTML) break;
      start(a);
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      score[a] += points / divider;
      ancestor = nodes[a].parent;
    }
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (started[i])
      score[i] *= 1.0 - link_density(f, i);
    else
      score[i] = -1e9;  // not a candidate
  }
  return score;
}

bool is_ancestor(const std::vector<PageNode>& nodes, int ancestor, int node) {
  return ancestor <= node && node < nodes[static_cast<std::size_t>(ancestor)].end;
}

// The best candidate, widened as readability widens it: to an ancestor that
// holds several of the next best (a body split over containers), or to a
// parent that scores higher.
int choose_top(const std::vector<PageNode>& nodes, const std::vector<double>& score) {
  std::vector<int> ranked;
  for (std::size_t i = 0; i < score.size(); ++i) {
    if (score[i] > -1e8) ranked.push_back(static_cast<int>(i));
  }
  if (ranked.empty()) return -1;
  const std::size_t keep = std::min<std::size_t>(5, ranked.size());
  std::partial_sort(
      ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(),
      [&](int a, int b) { return score[a] > score[b] || (score[a] == score[b] && a < b); });
  int top = ranked[0];
  const double best = score[top];
  std::vector<int> alternatives;
  for (std::size_t k = 1; k < keep; ++k) {
    if (score[ranked[k]] >= 0.75 * best && !is_ancestor(nodes, ranked[k], top)) {
      alternatives.push_back(ranked[k]);
    }
  }
  if (alternatives.size() >= 2) {
    for (int a = nodes[top].parent; a >= 0 && nodes[a].tag != GUMBO_TAG_BODY; a = nodes[a].parent) {
      int inside = 0;
      for (int alt : alternatives) inside += is_ancestor(nodes, a, alt);
      if (inside >= 2) {
        top = a;
        break;
      }
    }
  }
  double last = score[top];
  const double threshold = last / 3;
  for (int a = nodes[top].parent; a >= 0 && nodes[a].tag != GUMBO_TAG_BODY; a = nodes[a].parent) {
    if (score[a] < -1e8) continue;
    if (score[a] < threshold) break;
    if (score[a] > last) {
      top = a;
      break;
    }
    last = score[a];
  }
  return top;
}

// The siblings of the top candidate that belong to the article too.
std::vector<int> with_siblings(const std::vector<PageNode>& nodes, int top,
                               const std::vector<double>& score,
                               const std::vector<std::uint8_t>& dead, const Figures& f) {
  const int parent = nodes[top].parent;
  if (parent < 0 || nodes[top].tag == GUMBO_TAG_BODY) return {top};
  const double threshold = std::max(10.0, score[top] * 0.2);
  const std::string_view top_class = attribute(nodes[top].node, "class");
  std::vector<int> roots;
  for (int i = parent + 1; i < nodes[parent].end; i = nodes[i].end) {
    if (i == top) {
      roots.push_back(i);
      continue;
    }
    if (nodes[i].is_text || dead[i]) continue;
    double bonus = 0;
    if (!top_class.empty() && attribute(nodes[i].node, "class") == top_class)
      bonus = score[top] * 0.2;
    bool append = score[i] > -1e8 && score[i] + bonus >= threshold;
    if (!append && nodes[i].tag == GUMBO_TAG_P) {
      const double density = link_density(f, i);
      const std::uint32_t length = f.chars[i];
      append = (length > 80 && density < 0.25) ||
               (length > 0 && length <= 80 && density == 0 &&
                subtree_text(nodes, i).find(". ") != std::string::npos);
    }
    if (append) roots.push_back(i);
  }
  return roots;
}

// Readability's conditional cleaning: a box inside the article that looks
// like furniture (links, images, form fields more than text) goes.
bool looks_like_furniture(const PageNode& node, std::size_t i, const Figures& f,
                          const std::vector<double>& score, const Rules& rules) {
  switch (node.tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_ASIDE:
      break;
    default:
      return false;
  }
  if (f.article_body[i]) return false;
  const int weight = rules.class_weights ? f.weight[i] : 0;
  const double own_score = score[i] > -1e8 ? score[i] : 0.0;
  if (weight + own_score < 0) return true;
  if (f.commas[i] >= 10) return false;
  const bool is_list = node.tag == GUMBO_TAG_UL || node.tag == GUMBO_TAG_OL;
  const double p = f.paragraphs[i];
  const double img = f.images[i];
  const double density = link_density(f, i);
  const std::uint32_t length = f.chars[i];
  if (img > 1 && p / img < 0.5) return true;
  if (!is_list && f.items[i] > p + 100) return true;
  if (f.inputs[i] > p / 3) return true;
  if (!is_list && length < kMinParagraphChars && (img == 0 || img > 2) && density > 0) return true;
  if (!is_list && weight < 25 && density > 0.2) return true;
  if (is_list && density > 0.5) return true;
  if (weight >= 25 && density > 0.5) return true;
  if ((f.embeds[i] == 1 && length < 75) || f.embeds[i] > 1) return true;
  return false;
}

bool is_furniture_tag(GumboTag tag) {
  return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FOOTER ||
         tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_INPUT ||
         tag == GUMBO_TAG_LABEL;
}

// Writes the text of the chosen subtrees as blocks, in document order.
class BlockWriter {
 public:
  explicit BlockWriter(const std::vector<PageNode>& nodes) : nodes_(nodes) {}

  void write(int root, const std::vector<std::uint8_t>& dead, const Figures& f,
             const std::vector<double>& score, const Rules& rules) {
    for (int i = root; i < nodes_[root].end;) {
      close_until(i);
      const PageNode& node = nodes_[i];
      if (node.is_text) {
        text(node);
        ++i;
        continue;
      }
      const auto k = static_cast<std::size_t>(i);
      const bool skip =
          node.opaque || dead[k] || f.hidden[k] ||
          (i != root &&
           (is_furniture_tag(node.tag) ||
            (rules.clean_conditionally && looks_like_furniture(node, k, f, score, rules))));
      if (skip) {
        i = node.end;
        continue;
      }
      if (node.tag == GUMBO_TAG_BR) {
        if (pending_break_)
          flush();
        else
          pending_break_ = true;
        space_ = true;
      } else if (is_block(node.tag)) {
        flush();
        open_.push_back({node.end, role_for(node)});
      }
      ++i;
    }
    close_until(nodes_[root].end);
    flush();
  }

  std::vector<Block> take() { return std::move(blocks_); }

 private:
  struct Open {
    int end;
    Role role;
  };

  Role role_for(const PageNode& node) const {
    if (node.tag == GUMBO_TAG_FIGCAPTION) return Role::kCaption;
    if (is_heading(node.tag)) return Role::kSubheading;
    // Captions outside <figure>: `<div class="caption">`, `photo_caption`.
    const std::string_view class_name = attribute(node.node, "class");
    if (class_name.find("caption") != std::string_view::npos) return Role::kCaption;
    return open_.empty() ? Role::kBody : open_.back().role;
  }

  void close_until(int i) {
    while (!open_.empty() && open_.back().end <= i) {
      flush();
      open_.pop_back();
    }
  }

  void text(const PageNode& node) {
    const std::string_view t = node_text(node);
    if (t.find_first_not_of(" \t\n\r\f") == std::string_view::npos) {
      if (!t.empty()) space_ = true;
      return;
    }
    pending_break_ = false;
    if (current_.empty()) line_ = static_cast<int>(node.node->v.text.start_pos.line);
    append_folded(current_, t, space_);
  }

  void flush() {
    pending_break_ = false;
    space_ = false;
    if (current_.empty()) return;
    blocks_.push_back(
        {open_.empty() ? Role::kBody : open_.back().role, std::move(current_), line_});
    current_.clear();
  }

  const std::vector<PageNode>& nodes_;
  std::vector<Open> open_;
  std::vector<Block> blocks_;
  std::string current_;
  int line_ = 0;
  bool space_ = false;
  bool pending_break_ = false;
};

std::vector<Block> extract_with(const std::vector<PageNode>& nodes, const Figures& hints,
                                const Rules& rules) {
  const std::size_t n = nodes.size();
  std::vector<std::uint8_t> dead(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const int parent = nodes[i].parent;
    dead[i] = (parent >= 0 && dead[static_cast<std::size_t>(parent)]) || hints.hidden[i] ||
              (rules.set_aside_unlikely && hints.unlikely[i]) ||
              (!nodes[i].is_text && nodes[i].tag != GUMBO_TAG_HTML &&
               nodes[i].tag != GUMBO_TAG_BODY && is_furniture_tag(nodes[i].tag) &&
               nodes[i].tag != GUMBO_TAG_FORM && nodes[i].tag != GUMBO_TAG_HEADER);
  }
  Figures f = hints;
  sum_up(nodes, dead, f);
  const std::vector<double> score = score_candidates(nodes, dead, f, rules);
  int top = choose_top(nodes, score);
  if (top < 0) {
    // No paragraph of 25 characters anywhere (a short note, a page of
    // links): the body's text, cleaned like an article's, is all there is.
    for (std::size_t i = 0; i < n && top < 0; ++i) {
      if (nodes[i].tag == GUMBO_TAG_BODY && !nodes[i].is_text) top = static_cast<int>(i);
    }
    if (top < 0) return {};
  }
  BlockWriter writer(nodes);
  for (int root : with_siblings(nodes, top, score, dead, f))
    writer.write(root, dead, f, score, rules);
  return writer.take();
}

std::size_t total_chars(const std::vector<Block>& blocks) {
  std::size_t n = 0;
  for (const Block& block : blocks) n += block.text.size();
  return n;
}

}  // namespace

std::vector<Block> extract_main_content(const std::vector<PageNode>& nodes) {
  const std::size_t n = nodes.size();
  Figures hints;
  hints.weight.assign(n, 0);
  for (auto* v : {&hints.unlikely, &hints.hidden, &hints.article_body}) v->assign(n, 0);
  for (auto* v :
       {&hints.chars, &hints.link_chars, &hints.own_chars, &hints.own_commas, &hints.commas,
        &hints.paragraphs, &hints.images, &hints.items, &hints.inputs, &hints.embeds}) {
    v->assign(n, 0);
  }
  read_hints(nodes, hints);
  // Readability's retries: a short result is read again with fewer rules,
  // and the longest reading wins.
  constexpr std::size_t kShortArticleBytes = 500;
  Rules rules;
  std::vector<Block> best = extract_with(nodes, hints, rules);
  for (int attempt = 0; attempt < 3 && total_chars(best) < kShortArticleBytes; ++attempt) {
    if (attempt == 0) rules.set_aside_unlikely = false;
    if (attempt == 1) rules.class_weights = false;
    if (attempt == 2) rules.clean_conditionally = false;
    std::vector<Block> again = extract_with(nodes, hints, rules);
    if (total_chars(again) > total_chars(best)) best = std::move(again);
  }
  return best;
}

}  // namespace news::html
