// The one way the project runs CBC (COIN-OR branch and cut), for every MIP it solves: the
// engine's price-and-branch and neighbourhood searches, the compact baselines, the exact bin
// packing of loading. This module wraps CBC, so its header shows COIN types; no other module's
// public header does.
//
// run_cbc hands a loaded CbcModel to CBC's standard driver (CbcMain0, then CbcMain1 with
// arguments, as the `cbc` program runs), with:
//   - one process-wide lock: every CBC call in the process takes the same mutex, so at most one
//     CBC model is solved at a time. Debian's CBC 2.10 is not known to be thread-safe, and two
//     CbcMain1 at once were seen to crash inside CglPreProcess (a 12-scenario sweep of the
//     medium network, scenarios running side by side). Everything else (column generation,
//     CLP, pricing) still runs in parallel;
//   - a wall-clock limit: `seconds` from when the call holds the lock (waiting for another model
//     is not counted) and never past `deadline`; CBC counts elapsed time (`-timeMode elapsed`,
//     not CPU time) and an event handler stops it at the deadline or when `stop` is set,
//     because CBC checks its own limit only between phases (root cut generation can overrun it
//     by seconds);
//   - an optional MIP start (the caller's incumbent, not re-checked by an LP solve) and cutoff;
//   - no output: CBC, CLP and their message handlers print nothing (stdout belongs to the
//     command), and CBC installs no signal handler (Ctrl-C belongs to the CLI, which sets `stop`).
// After the call the model holds CBC's answer (bestSolution, getObjValue,
// getBestPossibleObjValue); the outcome summarizes it.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <coin/CbcModel.hpp>

namespace mm::mip {

enum class CbcOutcome {
  optimal,      // a solution, proven optimal (within CBC's gap tolerances)
  feasible,     // a solution, not proven optimal (time limit or stop)
  infeasible,   // proven infeasible (with a cutoff: nothing better than it)
  no_solution,  // stopped without any solution
  not_run,      // less than `minimum_seconds` left, or `stop` set, once the lock was held
};

const char* to_string(CbcOutcome outcome);

struct CbcOptions {
  // Wall-clock seconds from when the call holds the lock, never past `deadline`.
  double seconds = 10.0;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  // CBC is not started with less time than this left (the outcome is not_run).
  double minimum_seconds = 0.0;
  const std::atomic<bool>* stop = nullptr;  // set by the caller (Ctrl-C): CBC stops soon after
  // A feasible solution (one value per column) and its objective, to start from.
  const std::vector<double>* start = nullptr;
  double start_objective = 0.0;
  // Only solutions below this objective are of interest.
  std::optional<double> cutoff;
  // Skip the LP solve CBC makes to confirm each integer solution it finds (special option 4):
  // for callers that price and check the solution themselves, where that solve can take
  // seconds on a large matrix.
  bool skip_solution_check = false;
  // Called at every CBC event (nodes, solutions, cut passes): the caller's progress reporting.
  std::function<void()> heartbeat;
  // Further CbcMain1 arguments, in order ("-preprocess", "off", ...).
  std::vector<std::string> arguments;
};

struct CbcRun {
  CbcOutcome outcome = CbcOutcome::not_run;
  double seconds = 0.0;         // wall clock with the lock held
  double waited_seconds = 0.0;  // wall clock waiting for the lock
  // CBC searched the whole tree: nothing better than its best solution (or than the cutoff,
  // when it kept none) exists in the model. False when a node, time or other limit stopped it.
  bool search_complete = false;
};

// Solves `model` (a CbcModel over a loaded OsiClpSolverInterface, integer columns marked).
CbcRun run_cbc(CbcModel& model, const CbcOptions& options);

}  // namespace mm::mip
