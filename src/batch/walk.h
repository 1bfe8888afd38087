// batch/walk.h — the list of input files of a batch, streamed.
//
// InputWalker turns the command line's paths into the files to analyze, one
// at a time, without ever holding the whole listing: a folder is walked
// depth first, the entries of each folder in byte order of their names, so
// the order is stable (the same on every machine and every run) and memory
// holds only the folders on the current path. A path given explicitly is
// yielded as is (in the order given), whatever its name; files inside
// folders are yielded when their name matches one of the globs (fnmatch,
// default `*.txt`).
//
// Symbolic links inside folders are skipped unless `follow_symlinks`; with
// it, a link back to a folder on the current path (a loop: `a/b/up -> ..`)
// is reported as a notice and not entered. Paths given explicitly are
// always followed (as `find -H` does). Other file types found in a folder
// (FIFOs, sockets, devices) that match a glob are yielded with
// `regular_only` set, so reading them gives an error record instead of
// blocking on a FIFO with no writer.
//
// Thread-safety: an InputWalker is used by one thread at a time.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace news {

struct WalkOptions {
  std::vector<std::string> globs{"*.txt"};  // matched against file names
  bool follow_symlinks = false;
};

struct WalkEntry {
  std::filesystem::path path;
  bool from_folder = false;   // found by walking (not given explicitly)
  bool regular_only = false;  // only a regular file may be read here
};

class InputWalker {
 public:
  InputWalker(std::vector<std::filesystem::path> roots, WalkOptions options);
  ~InputWalker();
  InputWalker(InputWalker&&) noexcept;
  InputWalker& operator=(InputWalker&&) noexcept;

  // The next input, or nullopt at the end.
  std::optional<WalkEntry> next();

  // What the walk skipped and why (loops, unreadable folders), one line
  // each, since the last call; the caller prints them.
  std::vector<std::string> take_notices();

  // Counts the inputs that a walk with these arguments would yield, without
  // keeping them (for a progress display's total). Gives up, returning what
  // it counted so far, when `stop` becomes true.
  static std::size_t count(const std::vector<std::filesystem::path>& roots,
                           const WalkOptions& options, const std::atomic<bool>* stop = nullptr);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// True when `name` matches one of `globs` (fnmatch, no flags).
bool matches_any(const std::string& name, const std::vector<std::string>& globs);

}  // namespace news
