#include "base/text.h"

namespace news {

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % kStride == 0) checkpoints_.push_back(count);
    count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  if (text.size() % kStride == 0) checkpoints_.push_back(count);
}

std::size_t CodePointIndex::operator()(std::size_t byte_offset) const {
  if (byte_offset > text_.size()) byte_offset = text_.size();
  const std::size_t block = byte_offset / kStride;
  std::size_t n = checkpoints_[block];
  for (std::size_t i = block * kStride; i < byte_offset; ++i) {
    n += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  }
  return n;
}

}  // namespace news
