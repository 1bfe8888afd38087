// base/budget.h — stopping one article's analysis from inside long loops.
//
// A stop signal (SIGINT/SIGTERM) must end a run within a second, and one
// hostile article must not hold a batch for ever (--max-article-seconds);
// both have to be noticed inside the loops that one huge paragraph spends
// its time in, not only between articles. analyze() opens a BudgetScope for
// the article; long loops call check_budget(), which counts down and every
// kCheckEvery calls looks at the stop flag and the clock, throwing
// BudgetExceeded when either says stop. analyze() turns that into the
// article's error record ("timeout" or "interrupted").
//
// Outside a scope (tests, tools) check_budget() never throws. The state is
// per thread: each worker has its own article and deadline.
#pragma once

#include <atomic>
#include <chrono>
#include <exception>

#include "news/options.h"  // WorkLimits

namespace news {

class BudgetExceeded : public std::exception {
 public:
  enum class Reason { kInterrupted, kTimeout };
  explicit BudgetExceeded(Reason reason) : reason_(reason) {}
  Reason reason() const { return reason_; }
  const char* what() const noexcept override {
    return reason_ == Reason::kInterrupted ? "interrupted" : "time budget exceeded";
  }

 private:
  Reason reason_;
};

// The limits of the article analyzed on this thread, for the scope's life.
class BudgetScope {
 public:
  explicit BudgetScope(const WorkLimits& limits);
  ~BudgetScope();
  BudgetScope(const BudgetScope&) = delete;
  BudgetScope& operator=(const BudgetScope&) = delete;
};

namespace budget_detail {
// Calls left before the next look at the flag and the clock. A loop step is
// at most microseconds, so 256 steps stay far below the second allowed.
inline constexpr int kCheckEvery = 256;
extern thread_local int countdown;
void check_now();
}  // namespace budget_detail

// Throws BudgetExceeded when the run is stopping or the article's time is
// up; costs a decrement on most calls.
inline void check_budget() {
  if (--budget_detail::countdown <= 0) budget_detail::check_now();
}

// check_budget() at once, between stages whose steps are long.
inline void check_budget_now() { budget_detail::check_now(); }

}  // namespace news
