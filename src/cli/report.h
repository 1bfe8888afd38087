// report.h — `--format html`: the article pages and, with --output-dir, the
// index page of the batch (docs/output.md, "The HTML page").
//
// OUT/<input path>.html per article, written atomically like the JSON, and
// OUT/index.html listing them all. The index's name is reserved: a top-level
// input file called `index` gets its page at OUT/_index.html (and `_index`
// at OUT/__index.html, …); a top-level folder called `index.html` becomes
// OUT/index.html_/ (and `index.html_` becomes `index.html__`, …). So no page
// is ever the index, and no two of these inputs share a page.
//
// Thread-safety: pure functions apart from the file system.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "output/html_index.h"

namespace analyze_cli {

// Where the page of `input` goes under `out_dir`.
std::filesystem::path page_path_for(const std::filesystem::path& out_dir,
                                    const std::filesystem::path& input);

// OUT/index.html.
std::filesystem::path index_path_for(const std::filesystem::path& out_dir);

// The link from the page at `page` back to the index ("../../index.html").
std::string index_href_for(const std::filesystem::path& out_dir, const std::filesystem::path& page);

// The index row of the page stored at `page` when it is complete and not the
// page of a failed input (failed inputs are retried by --resume).
std::optional<news::IndexRow> complete_page(const std::filesystem::path& page);

// Writes OUT/index.html atomically; an error message, or nothing.
std::optional<std::string> write_index(const std::filesystem::path& out_dir,
                                       const std::vector<news::IndexRow>& rows);

}  // namespace analyze_cli
