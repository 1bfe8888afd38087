// html/page_tree.h — a parsed page flattened into document order.
//
// Every element and text node of the gumbo tree becomes one PageNode in a
// vector, in document (pre-)order, each knowing its parent and where its
// subtree ends; so a subtree is the index range [i, end), walks need no
// recursion (a page of 100,000 nested tags is just a long vector), and
// per-node figures live in arrays indexed like the nodes. What is never
// text a reader sees (script, style, template, svg, form controls, …) is a
// PageNode without children: its contents are not flattened.
//
// Thread-safety: a value; the gumbo nodes it points to belong to the
// ParsedPage, which must outlive it.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace news::html {

struct PageNode {
  const GumboNode* node = nullptr;
  int parent = -1;                   // index of the parent element; -1 for the root
  int end = 0;                       // one past the last node of the subtree
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // GUMBO_TAG_UNKNOWN for text
  bool is_text = false;              // a text node (text, white space, CDATA)
  bool opaque = false;               // an element whose contents are not text (script, …)
};

std::vector<PageNode> flatten(const GumboNode* root);

// The text of a text node (entities decoded), or "" for an element.
std::string_view node_text(const PageNode& node);
// An attribute's value, or "" when the element has none.
std::string_view attribute(const GumboNode* element, const char* name);
// Appends `text` to `out` with runs of white space (and &nbsp;) folded to one
// space; `space` carries a pending break across calls. No leading space.
void append_folded(std::string& out, std::string_view text, bool& space);
// The text of an element's subtree, white space folded to single spaces.
std::string subtree_text(const std::vector<PageNode>& nodes, int index);

// Elements that break the flow of text into blocks (p, div, li, h1–h6, …).
bool is_block(GumboTag tag);

}  // namespace news::html
