#include "news/dedup.h"

#include <string_view>
#include <unordered_map>

namespace news {

Collapsed collapse_repeats(std::vector<Paragraph> paragraphs) {
  Collapsed out;
  out.stats.paragraphs_in = static_cast<int>(paragraphs.size());
  // Paragraph text is already white-space folded by the segmenter, so equal
  // text is an exact repeat. Keys point into `out.paragraphs`' strings, which
  // do not move once reserved.
  out.paragraphs.reserve(paragraphs.size());
  std::unordered_map<std::string_view, std::size_t> first_seen;
  for (Paragraph& paragraph : paragraphs) {
    const auto it = first_seen.find(paragraph.text);
    if (it != first_seen.end()) {
      out.paragraphs[it->second].duplicates.push_back(
          Duplicate{paragraph.first_line, paragraph.last_line, 1.0});
      ++out.stats.exact;
      continue;
    }
    out.paragraphs.push_back(std::move(paragraph));
    first_seen.emplace(out.paragraphs.back().text, out.paragraphs.size() - 1);
  }
  out.stats.paragraphs_out = static_cast<int>(out.paragraphs.size());
  return out;
}

}  // namespace news
