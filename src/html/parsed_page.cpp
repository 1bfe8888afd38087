#include "html/parsed_page.h"

#include <cstdint>
#include <new>

namespace news::html {
namespace {

// Small enough that a short page costs one chunk, large enough that a long
// one needs few (a 500 KB page makes a few MB of gumbo nodes and strings).
constexpr std::size_t kChunkBytes = 256 * 1024;
constexpr std::size_t kAlignment = alignof(std::max_align_t);

void* allocate_in_arena(void* arena, std::size_t size) {
  return static_cast<ParsedPage::Arena*>(arena)->allocate(size);
}

// gumbo frees a buffer when it grows it; the arena keeps the old one until
// the page goes, which at most doubles what a growing buffer costs.
void keep_until_page_goes(void*, void*) {}

}  // namespace

void* ParsedPage::Arena::allocate(std::size_t size) {
  const std::size_t rounded = (size + kAlignment - 1) / kAlignment * kAlignment;
  if (rounded > left_) {
    // A request larger than a chunk (a 50 MB attribute) gets a chunk of its
    // own; the current chunk stays open for the small ones after it.
    if (rounded > kChunkBytes / 4) {
      chunks_.emplace_back(new std::byte[rounded]);  // not zeroed
      return chunks_.back().get();
    }
    chunks_.emplace_back(new std::byte[kChunkBytes]);
    next_ = chunks_.back().get();
    left_ = kChunkBytes;
  }
  void* block = next_;
  next_ += rounded;
  left_ -= rounded;
  return block;
}

ParsedPage::ParsedPage(std::string_view utf8) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = allocate_in_arena;
  options.deallocator = keep_until_page_goes;
  options.userdata = &arena_;
  options.max_errors = 0;
  output_ = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
}

// Nothing to walk: the arena's chunks hold the whole tree.
ParsedPage::~ParsedPage() = default;

}  // namespace news::html
