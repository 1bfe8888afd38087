#include "batch/input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <nlohmann/json.hpp>

namespace news {
namespace fs = std::filesystem;
namespace {

Document failed(Source source, std::string code, std::string message) {
  Document document;
  document.source = std::move(source);
  document.error = Error{std::move(code), std::move(message)};
  return document;
}

Document failed_errno(Source source, int error_number) {
  switch (error_number) {
    case ENOENT:
      return failed(std::move(source), "not_found", "no such file");
    case ENOTDIR:
      return failed(std::move(source), "not_found",
                    "no such file (a parent in the path is not a folder)");
    case EACCES:
    case EPERM:
      return failed(std::move(source), "permission_denied", "permission denied");
    case EISDIR:
      return failed(std::move(source), "is_directory", "is a directory, not a file");
    default:
      return failed(std::move(source), "unreadable", std::strerror(error_number));
  }
}

const char* file_kind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a file";
}

}  // namespace

std::string read_all(std::FILE* stream) {
  std::string bytes;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, stream)) > 0) bytes.append(buffer, n);
  return bytes;
}

Document analyze_file(const fs::path& path, const Options& options, const Resources& resources,
                      std::uint64_t max_bytes, bool regular_only) {
  Source source;
  source.path = path.string();
  // O_NONBLOCK so that opening a FIFO with no writer does not hang; a FIFO
  // given explicitly is opened again, blocking, to wait for its writer.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return failed_errno(std::move(source), errno);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const int error_number = errno;
    ::close(fd);
    return failed_errno(std::move(source), error_number);
  }
  if (S_ISDIR(info.st_mode)) {
    ::close(fd);
    return failed_errno(std::move(source), EISDIR);
  }
  if (!S_ISREG(info.st_mode)) {
    if (regular_only) {
      ::close(fd);
      return failed(std::move(source), "not_regular_file",
                    std::string("not a regular file (") + file_kind(info.st_mode) + ")");
    }
    ::close(fd);
    do {
      fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return failed_errno(std::move(source), errno);
  }
  if (max_bytes > 0 && S_ISREG(info.st_mode) &&
      static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    ::close(fd);
    source.bytes = static_cast<std::uint64_t>(info.st_size);
    return failed(std::move(source), "too_large",
                  "larger than --max-bytes " + std::to_string(max_bytes));
  }

  std::string bytes;
  if (S_ISREG(info.st_mode)) bytes.reserve(static_cast<std::size_t>(info.st_size));
  bool too_large = false;
  int read_errno = 0;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      read_errno = errno;
      break;
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
    if (max_bytes > 0 && bytes.size() > max_bytes) {
      too_large = true;
      break;
    }
  }
  ::close(fd);
  if (too_large) {
    source.bytes = bytes.size();
    return failed(std::move(source), "too_large",
                  "larger than --max-bytes " + std::to_string(max_bytes));
  }
  if (read_errno != 0) return failed_errno(std::move(source), read_errno);
  return analyze(bytes, std::move(source), options, resources);
}

Document analyze_record(std::string_view json_line, std::size_t line, const Options& options,
                        const Resources& resources) {
  Source source;
  const std::string where = "record on line " + std::to_string(line);
  nlohmann::json record = nlohmann::json::parse(json_line, nullptr, false);
  if (record.is_discarded() || !record.is_object()) {
    return failed(std::move(source), "bad_record", where + " is not a JSON object");
  }
  if (const auto id = record.find("id"); id != record.end()) {
    if (id->is_string()) {
      source.id = id->get<std::string>();
    } else if (id->is_number()) {
      source.id = id->dump();
    }
  }
  const auto text = record.find("text");
  if (text == record.end() || !text->is_string()) {
    return failed(std::move(source), "bad_record", where + " has no \"text\" string");
  }
  Options with_time = options;
  if (const auto published = record.find("published"); published != record.end() && published->is_string()) {
    with_time.published = published->get<std::string>();
  }
  const std::string& bytes = text->get_ref<const std::string&>();
  return analyze(bytes, std::move(source), with_time, resources);
}

}  // namespace news
