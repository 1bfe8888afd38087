// src/tools/shared_corpus.h — where the evaluation tools find the Korean
// corpus when not told: ../shared/data/corpus/ko beside the repository the
// program was built in (build/analyze-eval-X → ../../shared), else relative
// to the current folder.
#pragma once

#include <filesystem>
#include <system_error>

namespace news::tools {

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
