#include "base/budget.h"

namespace news {
namespace {

struct ThreadBudget {
  bool active = false;
  const std::atomic<bool>* stop = nullptr;
  bool has_deadline = false;
  std::chrono::steady_clock::time_point deadline;
};

thread_local ThreadBudget current;

}  // namespace

namespace budget_detail {

thread_local int countdown = kCheckEvery;

void check_now() {
  countdown = kCheckEvery;
  if (!current.active) return;
  if (current.stop != nullptr && current.stop->load(std::memory_order_relaxed))
    throw BudgetExceeded(BudgetExceeded::Reason::kInterrupted);
  if (current.has_deadline && std::chrono::steady_clock::now() >= current.deadline)
    throw BudgetExceeded(BudgetExceeded::Reason::kTimeout);
}

}  // namespace budget_detail

BudgetScope::BudgetScope(const WorkLimits& limits) {
  current.active = true;
  current.stop = limits.stop;
  current.has_deadline = limits.max_seconds > 0;
  if (current.has_deadline) {
    current.deadline = std::chrono::steady_clock::now() +
                       std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                           std::chrono::duration<double>(limits.max_seconds));
  }
  budget_detail::countdown = budget_detail::kCheckEvery;
}

BudgetScope::~BudgetScope() { current = ThreadBudget{}; }

}  // namespace news
