// batch_run.h — running many inputs: files, folders, --files-from lists and
// --jsonl records, on -j worker threads, results in input order.
//
// One record per input on stdout (JSON Lines) or one file per input under
// --output-dir; a line on stderr per failed input; progress on stderr when
// it is a terminal; a summary line at the end of a batch. See docs/batch.md.
#pragma once

#include <atomic>

#include "pipeline.h"
#include "resources.h"
#include "settings.h"

namespace analyze_cli {

inline constexpr int kExitFailedInputs = 1;
inline constexpr int kExitUsage = 2;

// Runs the inputs of `settings`; returns the exit code (0, 1, or 128+signal
// when `stop` was raised by a signal, whose number is in `stop_signal`).
int run_inputs(const Settings& settings, const news::Options& options,
               const news::Resources& resources, const std::atomic<bool>& stop,
               const std::atomic<int>& stop_signal);

}  // namespace analyze_cli
