// report.h — `--format html`: the article pages and, with --output-dir, the
// index page of the batch (docs/output.md, "The HTML page").
//
// OUT/<input path>.html per article, written atomically like the JSON, and
// OUT/index.html listing them all. The index's name is reserved: an input
// whose page would take it (a top-level file called `index`, or a folder
// called `index.html`) gets one more `_` in front of its first path part, as
// do inputs already starting with `_…index`, so no two inputs ever share a
// page and no page is ever the index.
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
