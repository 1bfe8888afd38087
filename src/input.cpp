#include "news/input.h"

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
    case ENOTDIR:
      return failed(std::move(source), "not_found", "no such file");
    case EACCES:
    case EPERM:
      return failed(std::move(source), "permission_denied", "permission denied");
    case EISDIR:
      return failed(std::move(source), "is_directory", "is a directory, not a file");
    default:
      return failed(std::move(source), "unreadable", std::strerror(error_number));
  }
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
                      std::uint64_t max_bytes) {
  Source source;
  source.path = path.string();
  std::error_code ec;
  if (fs::is_directory(path, ec)) return failed_errno(std::move(source), EISDIR);

  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return failed_errno(std::move(source), errno);
  std::string bytes;
  bool too_large = false;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    bytes.append(buffer, n);
    if (max_bytes > 0 && bytes.size() > max_bytes) {
      too_large = true;
      break;
    }
  }
  const bool read_error = std::ferror(file) != 0;
  const int read_errno = errno;
  std::fclose(file);
  if (too_large) {
    source.bytes = bytes.size();
    return failed(std::move(source), "too_large",
                  "larger than --max-bytes " + std::to_string(max_bytes));
  }
  if (read_error) return failed_errno(std::move(source), read_errno == 0 ? EIO : read_errno);
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
