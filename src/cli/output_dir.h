// output_dir.h — `--output-dir OUT`: one .json file per input, mirroring the
// input paths, each written atomically (a `.partial` file, then rename), so
// a reader or a later `--resume` never sees half a record.
//
// Thread-safety: the functions are safe to call from several threads for
// different inputs; one OutputDir writes from one thread.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace analyze_cli {

// Where the record of `input` goes: OUT/<input path>.json, the input path
// made relative (a leading / dropped, `..` becomes `__`), so inputs from
// different folders never share an output ("ko/a.txt" → "OUT/ko/a.txt.json").
std::filesystem::path output_path_for(const std::filesystem::path& out_dir,
                                      const std::filesystem::path& input);

// The input path made relative as above, without OUT and the extension
// ("/data/ko/a.txt" → "data/ko/a.txt", "../x.txt" → "__/x.txt").
std::filesystem::path mirrored_path(const std::filesystem::path& input);

// The temporary name an output is written under before the rename.
std::filesystem::path partial_path_for(const std::filesystem::path& output);

// The record stored at `output` when it is complete: a whole JSON object of
// our schema that is not an error record (failed inputs are retried).
std::optional<nlohmann::json> complete_record(const std::filesystem::path& output);

// Writes `text` to `output` atomically. Returns an error message, or
// nothing on success.
std::optional<std::string> write_atomically(const std::filesystem::path& output,
                                            std::string_view text);

}  // namespace analyze_cli
