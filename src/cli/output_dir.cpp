#include "output_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace analyze_cli {
namespace fs = std::filesystem;

fs::path mirrored_path(const fs::path& input) {
  fs::path relative;
  for (const fs::path& part : input.lexically_normal().relative_path()) {
    if (part == "..") {
      relative /= "__";
    } else if (part != "." && !part.empty()) {
      relative /= part;
    }
  }
  if (relative.empty()) relative = "input";
  return relative;
}

fs::path output_path_for(const fs::path& out_dir, const fs::path& input) {
  fs::path output = out_dir / mirrored_path(input);
  output += ".json";
  return output;
}

fs::path partial_path_for(const fs::path& output) {
  fs::path partial = output;
  partial += ".partial";
  return partial;
}

std::optional<nlohmann::json> complete_record(const fs::path& output) {
  const int fd = ::open(output.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  nlohmann::json record = nlohmann::json::parse(text, nullptr, false);
  if (record.is_discarded() || !record.is_object() || !record.contains("schema_version") ||
      record.contains("error")) {
    return std::nullopt;
  }
  return record;
}

std::optional<std::string> write_atomically(const fs::path& output, std::string_view text) {
  std::error_code ec;
  fs::create_directories(output.parent_path(), ec);
  if (ec) return output.parent_path().string() + ": cannot create folder: " + ec.message();
  const fs::path partial = partial_path_for(output);
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return partial.string() + ": cannot write: " + std::strerror(errno);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string message = partial.string() + ": cannot write: " + std::strerror(errno);
      ::close(fd);
      ::unlink(partial.c_str());
      return message;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(partial.c_str(), output.c_str()) != 0) {
    const std::string message = output.string() + ": cannot write: " + std::strerror(errno);
    ::unlink(partial.c_str());
    return message;
  }
  return std::nullopt;
}

}  // namespace analyze_cli
