// batch/batch.h — ordered parallel execution: many workers, one output order.
//
// run_in_order() pulls tasks from a producer (a folder walk, a JSON Lines
// reader), runs them on `threads` worker threads and hands every result to
// the consumer on the calling thread in exactly the order the tasks were
// produced, whatever the thread count or how long each task takes. So the
// output of `analyze -j8` is byte for byte that of `analyze -j1`.
//
// Memory stays bounded however many tasks there are: at most `window` tasks
// are between "taken" and "emitted" at any time (the reorder window). The
// caller owns two arrays of `window` slots, one for tasks and one for
// results; a callback gets the slot to fill or read (sequence % window).
// A slot is reused only after its result has been emitted.
//
// Thread-safety: `take` is called by one thread at a time, in sequence
// order (it may block, e.g. on stdin, without holding up the output);
// `work` runs concurrently on the workers, each call on its own slot;
// `emit` runs on the calling thread, one slot at a time, in order.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace news {

struct OrderedRunOptions {
  unsigned threads = 1;    // worker threads (at least 1)
  std::size_t window = 0;  // tasks in flight at most; 0: 16 per thread
  // When set (e.g. by a SIGINT handler), no further task is taken; the tasks
  // already taken are finished and emitted, then run_in_order() returns.
  const std::atomic<bool>* stop = nullptr;
};

struct OrderedRunCallbacks {
  // Fills the task slot; returns false when there are no more tasks.
  std::function<bool(std::size_t slot)> take;
  // Computes the result of the task in `slot` into the result slot.
  std::function<void(std::size_t slot)> work;
  // Consumes the result in `slot` (in task order).
  std::function<void(std::size_t slot)> emit;
};

// The window that `options` resolves to: the number of slots to allocate.
std::size_t window_size(const OrderedRunOptions& options);

// Runs every task; returns the number of tasks emitted. An exception thrown
// by a callback stops the run (as `stop` does) and is rethrown here after
// every thread has joined.
std::size_t run_in_order(const OrderedRunCallbacks& callbacks, const OrderedRunOptions& options);

}  // namespace news
