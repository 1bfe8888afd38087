#include "batch/batch.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace news {
namespace {

// Work whose cost varies a lot from task to task, so workers finish out of
// order: the emitted order must still be the taken order.
std::uint64_t uneven_work(std::uint64_t n) {
  std::uint64_t x = n;
  const std::uint64_t rounds = (n * 7919) % 97 * 2000;
  for (std::uint64_t i = 0; i < rounds; ++i)
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
  return x;
}

struct Harness {
  explicit Harness(std::size_t window) : tasks(window), results(window) {}
  std::vector<std::uint64_t> tasks;
  std::vector<std::uint64_t> results;
  std::vector<std::uint64_t> emitted;
  std::uint64_t next = 0;
  std::atomic<std::size_t> in_flight{0};
  std::size_t max_in_flight = 0;
};

std::vector<std::uint64_t> expected_results(std::uint64_t count) {
  std::vector<std::uint64_t> expected;
  for (std::uint64_t n = 0; n < count; ++n) expected.push_back(uneven_work(n));
  return expected;
}

std::vector<std::uint64_t> run(unsigned threads, std::uint64_t count,
                               std::size_t* max_in_flight = nullptr) {
  OrderedRunOptions options;
  options.threads = threads;
  options.window = 8;
  Harness h(window_size(options));
  OrderedRunCallbacks callbacks;
  callbacks.take = [&](std::size_t slot) {
    if (h.next == count) return false;
    h.tasks[slot] = h.next++;
    const std::size_t now = ++h.in_flight;
    if (now > h.max_in_flight) h.max_in_flight = now;  // take is never concurrent
    return true;
  };
  callbacks.work = [&](std::size_t slot) { h.results[slot] = uneven_work(h.tasks[slot]); };
  callbacks.emit = [&](std::size_t slot) {
    h.emitted.push_back(h.results[slot]);
    --h.in_flight;
  };
  EXPECT_EQ(run_in_order(callbacks, options), count);
  if (max_in_flight != nullptr) *max_in_flight = h.max_in_flight;
  return h.emitted;
}

TEST(BatchTest, EmitsInTakeOrderWhateverTheThreadCount) {
  const auto expected = expected_results(500);
  EXPECT_EQ(run(1, 500), expected);
  EXPECT_EQ(run(2, 500), expected);
  EXPECT_EQ(run(5, 500), expected);
}

TEST(BatchTest, NeverHoldsMoreThanTheWindow) {
  std::size_t max_in_flight = 0;
  run(4, 300, &max_in_flight);
  EXPECT_LE(max_in_flight, 8u);
  EXPECT_GE(max_in_flight, 1u);
}

TEST(BatchTest, NoTasksIsFine) {
  EXPECT_TRUE(run(3, 0).empty());
}

TEST(BatchTest, StopFinishesWhatWasTakenAndTakesNoMore) {
  std::atomic<bool> stop{false};
  OrderedRunOptions options;
  options.threads = 3;
  options.window = 6;
  options.stop = &stop;
  std::vector<std::uint64_t> tasks(6), results(6), emitted;
  std::uint64_t taken = 0;
  OrderedRunCallbacks callbacks;
  callbacks.take = [&](std::size_t slot) {
    tasks[slot] = taken++;
    return true;  // an endless input: only `stop` ends the run
  };
  callbacks.work = [&](std::size_t slot) { results[slot] = tasks[slot]; };
  callbacks.emit = [&](std::size_t slot) {
    emitted.push_back(results[slot]);
    if (emitted.size() == 20) stop = true;
  };
  const std::size_t count = run_in_order(callbacks, options);
  EXPECT_EQ(count, taken);  // every task taken was emitted
  ASSERT_GE(emitted.size(), 20u);
  EXPECT_LE(emitted.size(), 20u + 6u);
  for (std::size_t i = 0; i < emitted.size(); ++i) EXPECT_EQ(emitted[i], i);
}

TEST(BatchTest, AnExceptionInWorkIsRethrownAfterTheRun) {
  OrderedRunOptions options;
  options.threads = 2;
  std::vector<int> tasks(window_size(options));
  int next = 0;
  OrderedRunCallbacks callbacks;
  callbacks.take = [&](std::size_t slot) {
    tasks[slot] = next++;
    return next <= 100;
  };
  callbacks.work = [&](std::size_t slot) {
    if (tasks[slot] == 42) throw std::runtime_error("task 42");
  };
  callbacks.emit = [](std::size_t) {};
  EXPECT_THROW(run_in_order(callbacks, options), std::runtime_error);
}

}  // namespace
}  // namespace news
