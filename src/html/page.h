// html/page.h — a web page read as an article: its metadata and its text.
//
// read_page() parses the page (html/parsed_page.h), reads what it declares
// about itself (html/page_metadata.h) and extracts the article's blocks
// (html/main_content.h). The page's own title is not among the blocks; a
// block that repeats the title (the <h1> inside the article) is dropped.
//
// Thread-safety: pure function.
#pragma once

#include <string_view>
#include <vector>

#include "html/main_content.h"
#include "news/document.h"

namespace news::html {

struct Page {
  Metadata metadata;
  std::vector<Block> blocks;
  int title_line = 0;  // where the title is on the page (its <h1> or <title>), 1-based
};

// `utf8` is the decoded page.
Page read_page(std::string_view utf8);

}  // namespace news::html
