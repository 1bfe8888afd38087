// html/parsed_page.h — an HTML5 parse tree (gumbo) that owns its memory.
//
// gumbo allocates every node, string and vector separately and frees them
// one by one with a recursive walk; on a page of 100,000 nested tags that
// walk is 100,000 stack frames. ParsedPage hands gumbo an arena instead:
// allocation is a pointer bump, freeing is a no-op, and the whole tree goes
// at once when the ParsedPage does — faster, and no recursion at all.
// gumbo's error list is switched off (max_errors = 0): nothing here reads it.
//
// Thread-safety: one ParsedPage per thread; the tree is read-only after
// construction.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace news::html {

class ParsedPage {
 public:
  // Parses `utf8` (the page decoded to UTF-8). The text must outlive the
  // page: gumbo's nodes point into it (original text spans).
  explicit ParsedPage(std::string_view utf8);
  ~ParsedPage();
  ParsedPage(const ParsedPage&) = delete;
  ParsedPage& operator=(const ParsedPage&) = delete;

  const GumboNode* document() const { return output_ ? output_->document : nullptr; }
  const GumboNode* root() const { return output_ ? output_->root : nullptr; }

  // Bump allocation from chunks; what gumbo frees stays until the page goes.
  class Arena {
   public:
    void* allocate(std::size_t size);

   private:
    std::vector<std::unique_ptr<std::byte[]>> chunks_;
    std::byte* next_ = nullptr;
    std::size_t left_ = 0;
  };

 private:
  Arena arena_;
  GumboOutput* output_ = nullptr;
};

}  // namespace news::html
