// src/tools/shared_corpus.h — where the evaluation and training tools find
// their inputs when not told: the Korean corpus, ../shared/data/corpus/ko
// beside the repository the program was built in (build/analyze-eval-X →
// ../../shared), else relative to the current folder; and the data folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include "resources.h"

namespace news::tools {

// The folder given with --data-dir, else the one analyze finds itself.
inline std::filesystem::path data_dir_or_default(const std::string& given) {
  return find_data_dir(given.empty() ? std::nullopt : std::optional<std::filesystem::path>(given));
}

inline std::filesystem::path default_korean_corpus() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside =
        exe.parent_path().parent_path().parent_path() / "shared" / "data" / "corpus" / "ko";
    if (fs::is_directory(beside, ec)) return beside;
  }
  return fs::path("..") / "shared" / "data" / "corpus" / "ko";
}

}  // namespace news::tools
