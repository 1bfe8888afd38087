// tests/testing.h — what the tests share: paths, files, running the program.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "news/document.h"

namespace news::testing {

// Paragraphs of body text, one per line, with nothing else filled in.
inline std::vector<Paragraph> paragraphs_of(std::initializer_list<const char*> lines) {
  std::vector<Paragraph> out;
  for (const char* line : lines) {
    Paragraph p;
    p.text = line;
    out.push_back(p);
  }
  return out;
}

inline std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(ANALYZE_SOURCE_DIR) / relative;
}

// A file under ../shared, or nothing when the checkout has no ../shared
// (a plain clone): the caller skips.
inline std::optional<std::filesystem::path> shared_path(const std::string& relative) {
  const auto path = std::filesystem::path(ANALYZE_SHARED_DIR) / relative;
  if (!std::filesystem::exists(path)) return std::nullopt;
  return path;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// A fresh temporary directory, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "analyze-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `command` with /bin/sh, feeding `input` on stdin; captures both
// streams.
inline CommandResult run(const std::string& command, const std::string& input = "") {
  TempDir dir;
  write_file(dir / "stdin", input);
  const std::string full = "(" + command + ") <" + (dir / "stdin").string() + " >" +
                           (dir / "stdout").string() + " 2>" + (dir / "stderr").string();
  const int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(dir / "stdout");
  result.err = read_file(dir / "stderr");
  return result;
}

// The analyze program with arguments (already shell-quoted by the caller).
inline CommandResult run_analyze(const std::string& arguments, const std::string& input = "") {
  return run(std::string("'") + ANALYZE_BINARY + "' " + arguments, input);
}

// Shell-quotes a path (paths in tests have no single quotes).
inline std::string quote(const std::filesystem::path& path) {
  std::string quoted(1, '\'');
  quoted.append(path.string());
  quoted.push_back('\'');
  return quoted;
}

// Shell-quoted paths separated by spaces.
inline std::string quote_all(const std::vector<std::filesystem::path>& paths) {
  std::string out;
  for (const auto& path : paths) {
    if (!out.empty()) out.push_back(' ');
    out.append(quote(path));
  }
  return out;
}

}  // namespace news::testing
