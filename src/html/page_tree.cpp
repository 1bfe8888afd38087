#include "html/page_tree.h"

#include <string>

namespace news::html {
namespace {

// Elements whose contents a reader never sees as text.
bool is_opaque(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_HGROUP:
      return true;
    default:
      return false;
  }
}

std::vector<PageNode> flatten(const GumboNode* root) {
  std::vector<PageNode> nodes;
  if (root == nullptr) return nodes;
  // Each open element: its index and the next child to visit.
  struct Open {
    int index;
    unsigned next_child;
  };
  std::vector<Open> open;
  auto push = [&](const GumboNode* node, int parent) {
    PageNode item;
    item.node = node;
    item.parent = parent;
    if (node->type == GUMBO_NODE_ELEMENT) {
      item.tag = node->v.element.tag;
      item.opaque = is_opaque(item.tag) || node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML;
    } else {
      item.is_text = true;
    }
    nodes.push_back(item);
    const int index = static_cast<int>(nodes.size()) - 1;
    if (!item.is_text && !item.opaque)
      open.push_back({index, 0});
    else
      nodes.back().end = index + 1;
  };
  push(root, -1);
  while (!open.empty()) {
    Open& top = open.back();
    const GumboVector& children = nodes[top.index].node->v.element.children;
    if (top.next_child == children.length) {
      nodes[top.index].end = static_cast<int>(nodes.size());
      open.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
    const int parent = top.index;  // `top` may dangle after push
    if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEXT ||
        child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA) {
      push(child, parent);
    }
  }
  return nodes;
}

std::string_view node_text(const PageNode& node) {
  if (!node.is_text) return {};
  return node.node->v.text.text;
}

std::string_view attribute(const GumboNode* element, const char* name) {
  if (element == nullptr || element->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* found = gumbo_get_attribute(&element->v.element.attributes, name);
  return found ? std::string_view(found->value) : std::string_view();
}

void append_folded(std::string& out, std::string_view text, bool& space) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // ASCII white space and U+00A0 (&nbsp;, C2 A0): a word break.
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
        (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0')) {
      if (c == '\xC2') ++i;
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
}

std::string subtree_text(const std::vector<PageNode>& nodes, int index) {
  std::string text;
  bool space = false;
  for (int i = index; i < nodes[index].end; ++i) {
    const PageNode& node = nodes[i];
    if (node.is_text)
      append_folded(text, node_text(node), space);
    else if (is_block(node.tag) || node.tag == GUMBO_TAG_BR)
      space = true;
  }
  return text;
}

}  // namespace news::html
