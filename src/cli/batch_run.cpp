#include "batch_run.h"

#include <poll.h>
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "batch/batch.h"
#include "batch/input.h"
#include "batch/near_duplicates.h"
#include "batch/walk.h"
#include "news/json.h"
#include "output/html_page.h"
#include "output_dir.h"
#include "report.h"

namespace analyze_cli {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using Json = nlohmann::ordered_json;

namespace {

unsigned default_jobs() {
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  if (sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) > 0) {
    return static_cast<unsigned>(CPU_COUNT(&cpus));
  }
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

// One input of the batch.
struct Task {
  enum class Kind { kFile, kStdin, kRecord } kind = Kind::kFile;
  news::WalkEntry file;  // kFile
  std::string line;      // kRecord: the JSON line
  std::size_t line_number = 0;
};

// What a worker made of a task; the emitting thread prints or writes it.
struct Result {
  std::string name;  // for messages and duplicate_of: path, id or line
  bool ok = false;
  bool skipped = false;      // --resume: its output was already complete
  bool interrupted = false;  // stopped by a signal half-way: no record at all
  std::string error_message;
  std::uint64_t bytes = 0;
  Json record;       // kept when --dedup-articles may still add fields
  std::string text;  // the serialized record
  fs::path output;   // --output-dir: where it goes
  news::ArticleFingerprint fingerprint;
  news::IndexRow row;  // --format html: the article's line in the index
  std::optional<news::Document>
      document;  // html with --dedup-articles: the page waits for duplicate_of
};

std::string name_of(const news::Source& source, const Task& task) {
  if (source.path) return *source.path;
  if (source.id) return *source.id;
  if (task.kind == Task::Kind::kRecord) return "line " + std::to_string(task.line_number);
  return "-";
}

// Reads lines from a file descriptor: the --jsonl records, or --files-from
// paths. Waits for input with poll(), looking at `stop` every 100 ms, so
// that Ctrl-C ends a run that streams from a quiet pipe or a terminal.
class LineReader {
 public:
  LineReader(int fd, const std::atomic<bool>& stop) : fd_(fd), stop_(stop) {}

  // The next line that is not blank, without its line end; valid until the
  // next call.
  std::optional<std::string_view> next() {
    for (;;) {
      std::optional<std::string_view> line = next_line();
      if (!line) return std::nullopt;
      ++number_;
      while (!line->empty() && line->back() == '\r') line->remove_suffix(1);
      if (line->find_first_not_of(" \t") != std::string_view::npos) return line;
    }
  }
  std::size_t number() const { return number_; }

 private:
  std::optional<std::string_view> next_line() {
    for (;;) {
      const std::size_t end = buffer_.find('\n', scanned_);
      if (end != std::string::npos) {
        const std::string_view line(buffer_.data() + start_, end - start_);
        start_ = scanned_ = end + 1;
        return line;
      }
      scanned_ = buffer_.size();
      if (at_end_) {
        if (start_ == buffer_.size()) return std::nullopt;
        const std::string_view last(buffer_.data() + start_, buffer_.size() - start_);
        start_ = scanned_ = buffer_.size();
        return last;  // a last line without a line end
      }
      buffer_.erase(0, start_);
      scanned_ -= start_;
      start_ = 0;
      pollfd ready{fd_, POLLIN, 0};
      const int polled = ::poll(&ready, 1, 100);
      if (stop_.load()) return std::nullopt;
      if (polled < 0 && errno != EINTR) at_end_ = true;
      if (polled <= 0) continue;
      char chunk[1 << 16];
      const ssize_t n = ::read(fd_, chunk, sizeof chunk);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) {
        at_end_ = true;
      } else {
        buffer_.append(chunk, static_cast<std::size_t>(n));
      }
    }
  }

  int fd_;
  const std::atomic<bool>& stop_;
  std::string buffer_;
  std::size_t start_ = 0;    // where the next line begins in buffer_
  std::size_t scanned_ = 0;  // buffer_[start_, scanned_) holds no line end
  bool at_end_ = false;
  std::size_t number_ = 0;
};

// Progress on stderr: "1234/13600 files  12.3 MB/s  ETA 0:42", redrawn in
// place at most 4 times a second.
class Progress {
 public:
  Progress(bool enabled, Clock::time_point start) : enabled_(enabled), start_(start) {}

  void update(std::size_t done, std::optional<std::size_t> total, std::uint64_t bytes,
              bool force = false) {
    if (!enabled_) return;
    const Clock::time_point now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb_per_s = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
    std::string line = "\r\033[Kanalyze: " + std::to_string(done);
    if (total) line += "/" + std::to_string(*total);
    char rate[64];
    std::snprintf(rate, sizeof rate, " inputs  %.1f MB/s", mb_per_s);
    line += rate;
    if (total && done > 0 && *total >= done && seconds > 0) {
      const auto eta = static_cast<long>(
          std::lround(seconds / static_cast<double>(done) * static_cast<double>(*total - done)));
      char text[64];
      std::snprintf(text, sizeof text, "  ETA %ld:%02ld", eta / 60, eta % 60);
      line += text;
    }
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    shown_ = true;
  }

  void disable() { enabled_ = false; }

  // Clears the progress line so that a message can be printed.
  void clear() {
    if (!shown_) return;
    std::fputs("\r\033[K", stderr);
    shown_ = false;
  }

 private:
  bool enabled_;
  Clock::time_point start_;
  Clock::time_point last_{};
  bool shown_ = false;
};

class BatchRun {
 public:
  BatchRun(const Settings& settings, const news::Options& options, const news::Resources& resources,
           const std::atomic<bool>& stop)
      : settings_(settings),
        options_(options),
        resources_(resources),
        stop_(stop),
        start_(Clock::now()),
        progress_(!settings.no_progress && !settings.quiet && isatty(STDERR_FILENO), start_),
        index_(settings.dedup_threshold > 0 ? settings.dedup_threshold
                                            : news::kDefaultNearDuplicateThreshold) {
    walk_options_.follow_symlinks = settings.follow;
    if (!settings.globs.empty()) walk_options_.globs = settings.globs;
    for (const std::string& file : settings.files) roots_.emplace_back(file);
  }

  int run() {
    if (!open_inputs()) return kExitUsage;
    std::thread counter;
    // The total for the progress line comes from a second, counting walk;
    // with --jsonl or --files-from it is not known in advance.
    if (progress_enabled() && settings_.jsonl.empty() && settings_.files_from.empty()) {
      counter = std::thread([this] {
        total_.store(news::InputWalker::count(roots_, walk_options_, &stop_));
        total_known_.store(!stop_.load());
      });
    }

    news::OrderedRunOptions run_options;
    run_options.threads = settings_.jobs == 0 ? default_jobs() : settings_.jobs;
    run_options.stop = &stop_;
    const std::size_t window = news::window_size(run_options);
    tasks_.resize(window);
    results_.resize(window);
    news::OrderedRunCallbacks callbacks;
    callbacks.take = [this](std::size_t slot) { return take(tasks_[slot]); };
    callbacks.work = [this](std::size_t slot) { results_[slot] = work(tasks_[slot]); };
    callbacks.emit = [this](std::size_t slot) {
      const std::lock_guard lock(emit_mutex_);  // the stop watchdog waits for a whole record
      emit(results_[slot]);
      results_[slot] = Result{};
      tasks_[slot] = Task{};
    };
    news::run_in_order(callbacks, run_options);
    if (counter.joinable()) counter.join();
    std::fflush(stdout);
    progress_.clear();
    close_inputs();
    // The index lists what was done, also after Ctrl-C (--resume completes it).
    if (html() && !settings_.output_dir.empty()) {
      if (auto error = write_index(settings_.output_dir, rows_)) {
        std::fprintf(stderr, "analyze: %s\n", error->c_str());
        ++failed_;
      }
    }
    return summarize();
  }

  bool interrupted() const { return stop_.load(); }

  // Held while a record is written: the stop watchdog (run_inputs) ends the
  // process only between two records.
  std::mutex& emit_mutex() { return emit_mutex_; }

 private:
  bool html() const { return settings_.format == "html"; }

  bool progress_enabled() const {
    return !settings_.no_progress && !settings_.quiet && isatty(STDERR_FILENO);
  }

  bool open_inputs() {
    const auto open = [](const std::string& name) -> std::FILE* {
      if (name == "-") return stdin;
      std::FILE* in = std::fopen(name.c_str(), "rb");
      if (in == nullptr)
        std::fprintf(stderr, "analyze: %s: cannot open: %s\n", name.c_str(), std::strerror(errno));
      return in;
    };
    if (!settings_.jsonl.empty()) {
      if (std::error_code ec; fs::is_directory(settings_.jsonl, ec)) {
        std::fprintf(stderr, "analyze: --jsonl %s: is a folder, not a JSON Lines file\n",
                     settings_.jsonl.c_str());
        return false;
      }
      input_ = open(settings_.jsonl);
      if (input_ == nullptr) return false;
      lines_.emplace(fileno(input_), stop_);
      // Records that arrive through a pipe or a terminal go out as soon as
      // they are analyzed (a file is read as fast as it can be).
      struct stat info {};
      streaming_ = ::fstat(fileno(input_), &info) != 0 || !S_ISREG(info.st_mode);
      return true;
    }
    if (!settings_.files_from.empty()) {
      input_ = open(settings_.files_from);
      if (input_ == nullptr) return false;
      lines_.emplace(fileno(input_), stop_);
    }
    walker_.emplace(roots_, walk_options_);
    return true;
  }

  void close_inputs() {
    if (input_ != nullptr && input_ != stdin) std::fclose(input_);
    input_ = nullptr;
  }

  // Producer: the next task, in input order (called by one thread at a time).
  bool take(Task& task) {
    if (!settings_.jsonl.empty()) {
      const auto line = lines_->next();
      if (!line) return false;
      task.kind = Task::Kind::kRecord;
      task.line.assign(*line);
      task.line_number = lines_->number();
      return true;
    }
    if (auto entry = walker_->next()) {
      task.kind =
          entry->path == "-" && !entry->from_folder ? Task::Kind::kStdin : Task::Kind::kFile;
      task.file = std::move(*entry);
      keep_notices();
      return true;
    }
    keep_notices();
    if (lines_) {
      // --files-from: one path per line, each an input as given (a folder
      // here is an error record, not a walk).
      const auto line = lines_->next();
      if (!line) return false;
      task.kind = Task::Kind::kFile;
      task.file = news::WalkEntry{fs::path(std::string(*line)), false, false};
      return true;
    }
    return false;
  }

  void keep_notices() {
    std::vector<std::string> notices = walker_->take_notices();
    if (notices.empty()) return;
    std::lock_guard lock(notices_mutex_);
    for (std::string& notice : notices) notices_.push_back(std::move(notice));
  }

  void print_notices() {
    std::lock_guard lock(notices_mutex_);
    for (const std::string& notice : notices_) {
      progress_.clear();
      std::fprintf(stderr, "analyze: %s\n", notice.c_str());
    }
    notices_.clear();
  }

  // Worker: analyze (or, with --resume, find the finished output).
  Result work(const Task& task) {
    Result result;
    if (!settings_.output_dir.empty()) {
      result.output = html() ? page_path_for(settings_.output_dir, task.file.path)
                             : output_path_for(settings_.output_dir, task.file.path);
      if (settings_.resume && html()) {
        if (auto row = complete_page(result.output)) {
          result.skipped = true;
          result.ok = true;
          result.name = task.file.path.string();
          result.row = std::move(*row);
          result.row.page = page_link(result.output);
          ::unlink(partial_path_for(result.output).c_str());
          // A page keeps no fingerprint: with --dedup-articles the article is
          // read again for it, so later copies are still found to be copies.
          if (settings_.dedup_articles) {
            const news::Document again = analyze_task(task);
            if (!again.error) result.fingerprint = news::fingerprint_of(again);
          }
          return result;
        }
      } else if (settings_.resume) {
        if (auto stored = complete_record(result.output)) {
          result.skipped = true;
          result.ok = true;
          result.name = task.file.path.string();
          if (settings_.dedup_articles) result.fingerprint = stored_fingerprint(*stored);
          ::unlink(partial_path_for(result.output).c_str());  // left by a killed run
          return result;
        }
      }
    }
    news::Document document = analyze_task(task);
    result.name = name_of(document.source, task);
    if (document.error && document.error->code == "interrupted") {
      // Not an answer about the input: nothing is written, --resume redoes it.
      result.interrupted = true;
      return result;
    }
    result.ok = !document.error;
    if (document.error) result.error_message = document.error->message;
    result.bytes = document.source.bytes;
    if (settings_.dedup_articles && !document.error)
      result.fingerprint = news::fingerprint_of(document);
    if (html()) {
      result.row = news::index_row_of(document);
      if (!result.output.empty()) result.row.page = page_link(result.output);
      if (settings_.dedup_articles) {
        result.document = std::move(document);  // written once duplicate_of is known
      } else {
        news::write_html_page(document, page_options(result.output), result.text);
      }
      return result;
    }
    const news::JsonOptions json_options{options_.tokens};
    if (!result.fingerprint.minhash.empty()) {
      result.record = news::to_json(document, json_options);  // duplicate_of may be added
    } else if (pretty()) {
      // No field can be added later: serialize here, on the worker.
      result.text = dump(news::to_json(document, json_options));
    } else {
      news::write_json(document, json_options, result.text);  // the same bytes, no tree
    }
    return result;
  }

  // Reading, decoding and analysis: an exception escaping them (a bug,
  // bad_alloc) is this article's error record, never the batch's end.
  news::Document analyze_task(const Task& task) const {
    news::Source identity;
    if (task.kind == Task::Kind::kFile) identity.path = task.file.path.string();
    return news::within_error_boundary(identity, [&] {
      news::Document analyzed;
      switch (task.kind) {
        case Task::Kind::kRecord:
          analyzed = news::analyze_record(task.line, task.line_number, options_, resources_);
          break;
        case Task::Kind::kStdin:
          analyzed = news::analyze(news::read_all(stdin), news::Source{}, options_, resources_);
          break;
        case Task::Kind::kFile:
          analyzed = news::analyze_file(task.file.path, options_, resources_, settings_.max_bytes,
                                        task.file.regular_only);
          if (analyzed.error && analyzed.error->code == "not_found" && task.file.from_folder) {
            analyzed.error = news::Error{"vanished", "vanished during the run (listed, then gone)"};
          }
          break;
      }
      return analyzed;
    });
  }

  // The page's path as the index links it: relative to OUT.
  std::string page_link(const fs::path& page) const {
    return page.lexically_relative(settings_.output_dir).generic_string();
  }

  news::HtmlPageOptions page_options(const fs::path& page) const {
    news::HtmlPageOptions page_options;
    if (!page.empty()) page_options.index_href = index_href_for(settings_.output_dir, page);
    return page_options;
  }

  // The fingerprint of a record written by an earlier run: its paragraphs
  // (text and role) are those fingerprint_of() saw then.
  static news::ArticleFingerprint stored_fingerprint(const nlohmann::json& record) {
    news::Document document;
    if (const auto found = record.find("paragraphs"); found != record.end() && found->is_array()) {
      for (const auto& stored : *found) {
        news::Paragraph paragraph;
        if (const auto text = stored.find("text"); text != stored.end() && text->is_string()) {
          paragraph.text = text->get<std::string>();
        }
        if (const auto role = stored.find("role"); role != stored.end() && role->is_string()) {
          for (const news::Role r :
               {news::Role::kTitle, news::Role::kBody, news::Role::kSubheading,
                news::Role::kCaption, news::Role::kByline, news::Role::kBoilerplate}) {
            if (*role == news::to_string(r)) paragraph.role = r;
          }
        }
        document.paragraphs.push_back(std::move(paragraph));
      }
    }
    return news::fingerprint_of(document);
  }

  bool pretty() const {
    return settings_.pretty || (single_output_ && !settings_.compact && isatty(STDOUT_FILENO));
  }

  std::string dump(const Json& record) const {
    return record.dump(pretty() ? 2 : -1, ' ', false, Json::error_handler_t::replace);
  }

  // Emitting thread: results arrive here in input order.
  void emit(Result& result) {
    if (result.interrupted) return;
    ++done_;
    print_notices();
    if (settings_.dedup_articles) {
      const std::size_t number = index_.size();
      const bool comparable = !result.fingerprint.minhash.empty();
      const auto match = index_.add(std::move(result.fingerprint));
      if (match && !result.skipped) {
        result.record["duplicate_of"] = original_names_.at(match->original);
        result.record["similarity"] = match->similarity;
        result.row.duplicate_of = original_names_.at(match->original);
        ++duplicates_;
      } else if (match) {
        ++duplicates_;
      } else if (comparable) {
        original_names_.emplace(number, result.name);
      }
      if (result.document) {
        news::HtmlPageOptions page_options = this->page_options(result.output);
        page_options.duplicate_of = result.row.duplicate_of;
        news::write_html_page(*result.document, page_options, result.text);
      } else if (result.text.empty() && !result.skipped) {
        result.text = dump(result.record);
      }
    }
    if (result.skipped) {
      ++skipped_;
    } else {
      bytes_ += result.bytes;
      if (!html()) result.text += '\n';  // a page ends with its own line end
      if (settings_.output_dir.empty()) {
        std::fwrite(result.text.data(), 1, result.text.size(), stdout);
        if (streaming_) std::fflush(stdout);
      } else if (auto error = write_atomically(result.output, result.text)) {
        result.ok = false;
        result.error_message = *error;
        result.row.page.clear();  // the index links no page that is not there
        result.row.error = "not written: " + *error;
      }
      if (result.ok) {
        ++ok_;
      } else {
        ++failed_;
        progress_.clear();
        std::fprintf(stderr, "analyze: %s: %s\n", result.name.c_str(),
                     result.error_message.c_str());
      }
    }
    if (html()) rows_.push_back(std::move(result.row));
    progress_.update(done_,
                     total_known_.load() ? std::optional<std::size_t>(total_.load()) : std::nullopt,
                     bytes_);
  }

  int summarize() {
    print_notices();
    const bool batch =
        done_ > 1 || !settings_.jsonl.empty() || !settings_.files_from.empty() || !single_output_;
    if (batch && !settings_.quiet) {
      const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
      const double mb = static_cast<double>(bytes_) / 1e6;
      std::string line = interrupted() ? "analyze: interrupted: " : "analyze: ";
      char text[256];
      std::snprintf(text, sizeof text, "%zu %s, %zu ok, %zu failed", done_,
                    settings_.jsonl.empty() ? "files" : "records", ok_ + skipped_, failed_);
      line += text;
      if (skipped_ > 0) line += " (" + std::to_string(skipped_) + " already done)";
      if (settings_.dedup_articles) line += ", " + std::to_string(duplicates_) + " near-duplicates";
      std::snprintf(text, sizeof text, "; %.1f MB in %.2f s, %.1f MB/s", mb, seconds,
                    seconds > 0 ? mb / seconds : 0.0);
      line += text;
      std::fprintf(stderr, "%s\n", line.c_str());
      if (interrupted() && !settings_.output_dir.empty()) {
        std::fprintf(stderr,
                     "analyze: every record written is complete; rerun with --resume to go on\n");
      }
    }
    return failed_ > 0 ? kExitFailedInputs : 0;
  }

 public:
  // True when the output is one article (pretty on a terminal by default).
  void set_single_output(bool single) {
    single_output_ = single;
    if (single) progress_.disable();
  }

 private:
  const Settings& settings_;
  const news::Options& options_;
  const news::Resources& resources_;
  const std::atomic<bool>& stop_;
  Clock::time_point start_;
  Progress progress_;

  std::vector<fs::path> roots_;
  news::WalkOptions walk_options_;
  std::optional<news::InputWalker> walker_;
  std::FILE* input_ = nullptr;
  std::optional<LineReader> lines_;
  bool streaming_ = false;
  bool single_output_ = false;
  std::mutex emit_mutex_;
  std::mutex notices_mutex_;
  std::vector<std::string> notices_;  // from the walker (a worker), printed by the emitter

  std::vector<Task> tasks_;
  std::vector<Result> results_;
  std::vector<news::IndexRow> rows_;  // --format html: the index, in input order

  news::NearDuplicateIndex index_;
  std::unordered_map<std::size_t, std::string> original_names_;

  std::atomic<std::size_t> total_{0};
  std::atomic<bool> total_known_{false};
  std::size_t done_ = 0, ok_ = 0, failed_ = 0, skipped_ = 0, duplicates_ = 0;
  std::uint64_t bytes_ = 0;
};

// The backstop of the first stop signal. The analysis looks at the stop
// flag inside its long loops (base/budget.h), so a run normally ends on its
// own well within a second; where a stage has no such check (one long
// library call, freeing a huge article), the watchdog ends the process
// kStopGrace after the signal, between two records, with what was written
// complete: stdout flushed, --output-dir files renamed into place or not at all.
class StopWatchdog {
 public:
  static constexpr std::chrono::milliseconds kStopGrace{500};

  StopWatchdog(const std::atomic<bool>& stop, const std::atomic<int>& stop_signal,
               std::mutex& emit_mutex)
      : thread_([&stop, &stop_signal, &emit_mutex, this] {
          std::unique_lock lock(mutex_);
          while (!finished_ && !stop.load()) changed_.wait_for(lock, std::chrono::milliseconds(20));
          if (finished_) return;
          if (changed_.wait_for(lock, kStopGrace, [this] { return finished_; })) return;
          const std::lock_guard between_records(emit_mutex);
          std::fflush(stdout);
          std::fprintf(stderr, "analyze: interrupted inside an article; stopped\n");
          std::_Exit(128 + stop_signal.load());
        }) {}
  ~StopWatchdog() { finish(); }
  StopWatchdog(const StopWatchdog&) = delete;
  StopWatchdog& operator=(const StopWatchdog&) = delete;

  void finish() {
    {
      const std::lock_guard lock(mutex_);
      finished_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool finished_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace

int run_inputs(const Settings& settings, const news::Options& options,
               const news::Resources& resources, const std::atomic<bool>& stop,
               const std::atomic<int>& stop_signal) {
  BatchRun run(settings, options, resources, stop);
  // One article named on the command line (not a folder): pretty JSON on a
  // terminal, no summary line — the foundation's single-file behaviour. A
  // path whose status cannot be read (a link to itself) is such an article:
  // reading it gives its error record.
  std::error_code unused;
  const bool single = settings.jsonl.empty() && settings.files_from.empty() &&
                      settings.files.size() == 1 &&
                      (settings.files[0] == "-" || !fs::is_directory(settings.files[0], unused));
  run.set_single_output(single);
  StopWatchdog watchdog(stop, stop_signal, run.emit_mutex());
  const int code = run.run();
  watchdog.finish();
  if (run.interrupted()) return 128 + stop_signal.load();
  return code;
}

}  // namespace analyze_cli
