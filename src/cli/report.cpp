#include "report.h"

#include <fstream>
#include <sstream>

#include "output/html_page.h"
#include "output_dir.h"

namespace analyze_cli {
namespace fs = std::filesystem;

namespace {

// `_*index` alone, or `_*index.html` as a folder: the names that would be,
// or would lead to, the index once ".html" is added.
bool needs_escape(const std::string& first, bool alone) {
  const std::size_t underscores = first.find_first_not_of('_');
  if (underscores == std::string::npos) return false;
  const std::string rest = first.substr(underscores);
  return alone ? rest == "index" : rest == "index.html";
}

}  // namespace

fs::path page_path_for(const fs::path& out_dir, const fs::path& input) {
  const fs::path mirrored = mirrored_path(input);
  auto part = mirrored.begin();
  std::string first = part->string();
  const bool alone = std::next(part) == mirrored.end();
  if (needs_escape(first, alone)) first = "_" + first;
  fs::path page = out_dir / first;
  for (++part; part != mirrored.end(); ++part) page /= *part;
  page += ".html";
  return page;
}

fs::path index_path_for(const fs::path& out_dir) { return out_dir / "index.html"; }

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
