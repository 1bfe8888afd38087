#include "html/page.h"

#include "html/page_metadata.h"
#include "html/page_tree.h"
#include "html/parsed_page.h"
#include "html/slim_page.h"

namespace news::html {

Page read_page(std::string_view utf8) {
  Page page;
  const std::string slim = slim_page(utf8);
  const ParsedPage parsed(slim);
  const std::vector<PageNode> nodes = flatten(parsed.root());
  page.metadata = read_page_metadata(nodes);
  page.blocks = extract_main_content(nodes);
  page.title_line = 1;
  for (const PageNode& node : nodes) {
    if (!node.is_text && (node.tag == GUMBO_TAG_H1 || node.tag == GUMBO_TAG_TITLE)) {
      page.title_line = static_cast<int>(node.node->v.element.start_pos.line);
      if (node.tag == GUMBO_TAG_H1) break;
    }
  }
  if (page.metadata.title) {
    std::erase_if(page.blocks,
                  [&](const Block& block) { return block.text == *page.metadata.title; });
  }
  return page;
}

}  // namespace news::html
