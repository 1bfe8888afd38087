#include "report.h"

#include <fstream>
#include <sstream>

#include "output/html_page.h"
#include "output_dir.h"

namespace analyze_cli {
namespace fs = std::filesystem;

namespace {

// A top-level file `index` would have the index's name once ".html" is
// added: it, and `_index`, `__index`, …, get one more `_` in front. A
// top-level folder `index.html` would hold it: it, and `index.html_`, …, get
// one more `_` at the end. Both keep the mapping one to one.
std::string escaped_first_part(std::string first, bool alone) {
  if (alone) {
    const std::size_t underscores = first.find_first_not_of('_');
    if (underscores != std::string::npos &&
        first.compare(underscores, std::string::npos, "index") == 0) {
      return "_" + first;
    }
  } else if (first.starts_with("index.html") &&
             first.find_first_not_of('_', std::string("index.html").size()) == std::string::npos) {
    return first + "_";
  }
  return first;
}

}  // namespace

fs::path page_path_for(const fs::path& out_dir, const fs::path& input) {
  const fs::path mirrored = mirrored_path(input);
  auto part = mirrored.begin();
  fs::path page = out_dir / escaped_first_part(part->string(), std::next(part) == mirrored.end());
  for (++part; part != mirrored.end(); ++part) page /= *part;
  page += ".html";
  return page;
}

fs::path index_path_for(const fs::path& out_dir) {
  return out_dir / "index.html";
}

std::string index_href_for(const fs::path& out_dir, const fs::path& page) {
  const fs::path relative = page.lexically_relative(out_dir);
  std::string href;
  for (auto part = relative.begin(); std::next(part) != relative.end(); ++part) href += "../";
  return href + "index.html";
}

std::optional<news::IndexRow> complete_page(const fs::path& page) {
  std::ifstream in(page, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  std::optional<news::IndexRow> row = news::index_row_of_page(text.str());
  if (!row || row->error) return std::nullopt;
  return row;
}

std::optional<std::string> write_index(const fs::path& out_dir,
                                       const std::vector<news::IndexRow>& rows) {
  std::string page;
  news::write_html_index(rows, page);
  return write_atomically(index_path_for(out_dir), page);
}

}  // namespace analyze_cli
