#include "batch/walk.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace news {
namespace fs = std::filesystem;

bool matches_any(const std::string& name, const std::vector<std::string>& globs) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
    return fnmatch(glob.c_str(), name.c_str(), 0) == 0;
  });
}

namespace {

// A folder being walked: its sorted entry names and where we are in them.
struct OpenFolder {
  fs::path path;
  dev_t device = 0;
  ino_t inode = 0;
  std::vector<std::string> names;
  std::size_t next = 0;
};

}  // namespace

struct InputWalker::State {
  std::vector<fs::path> roots;
  std::size_t next_root = 0;
  WalkOptions options;
  std::vector<OpenFolder> stack;  // the folders on the current path
  std::vector<std::string> notices;

  // Reads a folder's entry names, sorted bytewise; a notice if unreadable.
  bool open_folder(const fs::path& path, const struct stat& info) {
    DIR* dir = opendir(path.c_str());
    if (dir == nullptr) {
      notices.push_back(path.string() + ": cannot read folder: " + std::strerror(errno));
      return false;
    }
    OpenFolder folder;
    folder.path = path;
    folder.device = info.st_dev;
    folder.inode = info.st_ino;
    while (const dirent* entry = readdir(dir)) {
      const std::string_view name(entry->d_name);
      if (name == "." || name == "..") continue;
      folder.names.emplace_back(name);
    }
    closedir(dir);
    std::sort(folder.names.begin(), folder.names.end());
    stack.push_back(std::move(folder));
    return true;
  }

  bool on_current_path(const struct stat& info) const {
    return std::any_of(stack.begin(), stack.end(), [&](const OpenFolder& folder) {
      return folder.device == info.st_dev && folder.inode == info.st_ino;
    });
  }

  std::optional<WalkEntry> next() {
    for (;;) {
      if (stack.empty()) {
        if (next_root == roots.size()) return std::nullopt;
        const fs::path& root = roots[next_root++];
        struct stat info {};
        // A path given explicitly is followed; one that is not a folder
        // (or does not exist) is an input, and reading it tells what is wrong.
        if (root == "-" || ::stat(root.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
          return WalkEntry{root, false, false};
        }
        open_folder(root, info);
        continue;
      }
      OpenFolder& folder = stack.back();
      if (folder.next == folder.names.size()) {
        stack.pop_back();
        continue;
      }
      const std::string& name = folder.names[folder.next++];
      fs::path path = folder.path / name;
      struct stat info {};
      if (::lstat(path.c_str(), &info) != 0) continue;  // vanished since the listing
      if (S_ISLNK(info.st_mode)) {
        if (!options.follow_symlinks) continue;
        if (::stat(path.c_str(), &info) != 0) {
          // A dangling link that looks like an input: its error record says so.
          if (matches_any(name, options.globs)) return WalkEntry{std::move(path), true, true};
          continue;
        }
      }
      if (S_ISDIR(info.st_mode)) {
        if (on_current_path(info)) {
          notices.push_back(path.string() + ": symbolic link loop, not followed");
          continue;
        }
        open_folder(path, info);
        continue;
      }
      if (matches_any(name, options.globs)) return WalkEntry{std::move(path), true, true};
    }
  }
};

InputWalker::InputWalker(std::vector<fs::path> roots, WalkOptions options)
    : state_(std::make_unique<State>()) {
  state_->roots = std::move(roots);
  state_->options = std::move(options);
}
InputWalker::~InputWalker() = default;
InputWalker::InputWalker(InputWalker&&) noexcept = default;
InputWalker& InputWalker::operator=(InputWalker&&) noexcept = default;

std::optional<WalkEntry> InputWalker::next() {
  return state_->next();
}

std::vector<std::string> InputWalker::take_notices() {
  return std::exchange(state_->notices, {});
}

std::size_t InputWalker::count(const std::vector<fs::path>& roots, const WalkOptions& options,
                               const std::atomic<bool>* stop) {
  InputWalker walker(roots, options);
  std::size_t n = 0;
  while (walker.next()) {
    ++n;
    if (stop != nullptr && stop->load(std::memory_order_relaxed)) break;
  }
  return n;
}

}  // namespace news
