#include "base/budget.h"

#include <atomic>

#include <gtest/gtest.h>

namespace news {
namespace {

// How many check_budget() calls it takes to throw, or -1 when `limit` calls pass.
int calls_until_thrown(int limit, BudgetExceeded::Reason& reason) {
  for (int i = 1; i <= limit; ++i) {
    try {
      check_budget();
    } catch (const BudgetExceeded& e) {
      reason = e.reason();
      return i;
    }
  }
  return -1;
}

TEST(BudgetTest, OutsideAScopeNothingStops) {
  BudgetExceeded::Reason reason{};
  EXPECT_EQ(calls_until_thrown(10 * budget_detail::kCheckEvery, reason), -1);
  EXPECT_NO_THROW(check_budget_now());
}

TEST(BudgetTest, TheStopFlagIsSeenWithinOneCheckPeriod) {
  std::atomic<bool> stop{false};
  const BudgetScope scope(WorkLimits{&stop, 0});
  BudgetExceeded::Reason reason{};
  EXPECT_EQ(calls_until_thrown(3 * budget_detail::kCheckEvery, reason), -1);
  stop.store(true);
  const int calls = calls_until_thrown(3 * budget_detail::kCheckEvery, reason);
  EXPECT_GT(calls, 0);
  EXPECT_LE(calls, budget_detail::kCheckEvery);
  EXPECT_EQ(reason, BudgetExceeded::Reason::kInterrupted);
  EXPECT_THROW(check_budget_now(), BudgetExceeded);
}

TEST(BudgetTest, AnElapsedDeadlineIsATimeout) {
  const BudgetScope scope(WorkLimits{nullptr, 1e-9});  // over before the first check
  BudgetExceeded::Reason reason{};
  const int calls = calls_until_thrown(3 * budget_detail::kCheckEvery, reason);
  EXPECT_GT(calls, 0);
  EXPECT_LE(calls, budget_detail::kCheckEvery);
  EXPECT_EQ(reason, BudgetExceeded::Reason::kTimeout);
}

TEST(BudgetTest, TheScopeEndsWithItsArticle) {
  std::atomic<bool> stop{true};
  { const BudgetScope scope(WorkLimits{&stop, 0}); }
  EXPECT_NO_THROW(check_budget_now());
}

}  // namespace
}  // namespace news
