#include "batch/batch.h"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace news {

std::size_t window_size(const OrderedRunOptions& options) {
  const std::size_t threads = options.threads == 0 ? 1 : options.threads;
  return options.window != 0 ? options.window : 16 * threads;
}

namespace {

// The state shared by the workers and the emitting thread. `taken` and
// `emitted` are sequence numbers; slot = sequence % window.
class OrderedRun {
 public:
  OrderedRun(const OrderedRunCallbacks& callbacks, const OrderedRunOptions& options)
      : callbacks_(callbacks),
        options_(options),
        window_(window_size(options)),
        ready_(window_, false) {}

  std::size_t run() {
    const unsigned threads = options_.threads == 0 ? 1 : options_.threads;
    std::vector<std::thread> workers;
    workers.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) workers.emplace_back([this] { work_loop(); });
    emit_loop();
    for (std::thread& worker : workers) worker.join();
    if (failure_) std::rethrow_exception(failure_);
    return emitted_;
  }

 private:
  bool stopping() const {
    return failed_ || (options_.stop != nullptr && options_.stop->load(std::memory_order_relaxed));
  }

  // Takes the next task, or returns false when there is none (or we stop).
  // One taker at a time (take_mutex_), so tasks are taken in order; the
  // state lock is not held while `take` runs, so a taker blocked on its
  // input never holds up the emitting thread.
  bool take_next(std::size_t& sequence) {
    std::lock_guard take_lock(take_mutex_);
    {
      std::unique_lock lock(mutex_);
      space_.wait(lock,
                  [&] { return producer_done_ || stopping() || taken_ - emitted_ < window_; });
      if (producer_done_ || stopping()) {
        finish_producing(lock);
        return false;
      }
      sequence = taken_;
    }
    bool more = false;
    try {
      more = callbacks_.take(sequence % window_);
    } catch (...) {
      fail(std::current_exception());
    }
    std::unique_lock lock(mutex_);
    if (!more) {
      finish_producing(lock);
      return false;
    }
    ++taken_;
    return true;
  }

  void finish_producing(std::unique_lock<std::mutex>&) {
    producer_done_ = true;
    space_.notify_all();
    done_.notify_all();
  }

  void work_loop() {
    std::size_t sequence = 0;
    while (take_next(sequence)) {
      try {
        callbacks_.work(sequence % window_);
      } catch (...) {
        fail(std::current_exception());
      }
      std::lock_guard lock(mutex_);
      ready_[sequence % window_] = true;
      done_.notify_all();
    }
  }

  void emit_loop() {
    for (;;) {
      std::size_t slot = 0;
      {
        std::unique_lock lock(mutex_);
        done_.wait(lock, [&] {
          return ready_[emitted_ % window_] || (producer_done_ && emitted_ == taken_);
        });
        if (!ready_[emitted_ % window_]) return;  // every taken task was emitted
        slot = emitted_ % window_;
        ready_[slot] = false;
      }
      if (!failed_) {
        try {
          callbacks_.emit(slot);
        } catch (...) {
          fail(std::current_exception());
        }
      }
      std::lock_guard lock(mutex_);
      ++emitted_;
      space_.notify_all();
    }
  }

  void fail(std::exception_ptr error) {
    std::lock_guard lock(failure_mutex_);
    if (!failure_) failure_ = error;
    failed_ = true;
  }

  const OrderedRunCallbacks& callbacks_;
  const OrderedRunOptions& options_;
  const std::size_t window_;

  std::mutex take_mutex_;
  std::mutex mutex_;               // guards everything below except the failure
  std::condition_variable space_;  // a slot became free, or the producer is done
  std::condition_variable done_;   // a result became ready, or the producer is done
  std::vector<bool> ready_;
  std::size_t taken_ = 0;
  std::size_t emitted_ = 0;
  bool producer_done_ = false;

  std::mutex failure_mutex_;
  std::exception_ptr failure_;
  std::atomic<bool> failed_{false};
};

}  // namespace

std::size_t run_in_order(const OrderedRunCallbacks& callbacks, const OrderedRunOptions& options) {
  OrderedRun run(callbacks, options);
  return run.run();
}

}  // namespace news
