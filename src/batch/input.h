// batch/input.h — reading articles from files, stdin and JSON Lines records.
//
// Every failure to read becomes an error record (Document::error with a
// code), never an exception: in a batch one bad file never stops the rest.
// Error codes: not_found, permission_denied, is_directory, not_regular_file,
// unreadable, too_large, bad_record — plus those of analyze() (not_text, empty,
// invalid_utf8).
//
// Thread-safety: pure functions of their arguments (and the file system).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "pipeline.h"

namespace news {

// Reads and analyzes the file at `path`. `max_bytes` (0: no limit) turns a
// larger file into a `too_large` error record without reading it.
// `regular_only` (files found by walking a folder): a FIFO, socket or device
// is a `not_regular_file` error record, opened without blocking, instead of
// being read (a FIFO named on the command line, like `<(zcat a.gz)`, is read).
Document analyze_file(const std::filesystem::path& path, const Options& options,
                      const Resources& resources, std::uint64_t max_bytes = 0,
                      bool regular_only = false);

// Analyzes one --jsonl record, `{"id": …, "text": …, "published": …?}`.
// `line` (1-based) names the record in an error message.
Document analyze_record(std::string_view json_line, std::size_t line, const Options& options,
                        const Resources& resources);

// Reads a whole stream (stdin) as bytes.
std::string read_all(std::FILE* stream);

}  // namespace news
