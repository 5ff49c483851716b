// Price-and-branch: the restricted master's columns handed to CBC with integer vehicle counts.
//
// CBC sees every path in the master (column generation's and the heuristics' plans), the
// master's linking rows and cuts, y integer, the incumbent as start and a cutoff just below it,
// so anything it returns is strictly better. Its bound is NOT a bound for the full problem
// (columns are missing), so only the solution is used. Every path of the incumbent must be a
// column of the master. With `free_commodities` (a neighbourhood) CBC gets only the columns
// that can move (mip/fixed_column_reduction.h). CBC is told not to re-solve an LP to
// confirm its solutions and runs without its dense cut generators unless asked: both made it
// overrun its time limit by seconds on the medium network, and neither its bound nor that
// check is used here. CBC runs through mip/cbc_driver.h: one model at a time in the process.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/design_problem.h"
#include "engine/restricted_master.h"

namespace mm::engine {

struct PriceAndBranchOptions {
  // Budget from when CBC may start (while concurrent scenarios take turns, waiting for the
  // lock is not counted), never past `deadline` (the caller's time limit).
  double seconds = 10.0;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  std::uint64_t seed = 1;
  const std::atomic<bool>* stop = nullptr;
  // CBC's node limit: its work budget (with a node limit and one thread CBC is deterministic,
  // so the result does not depend on the machine's load; the seconds only cut it short).
  int max_nodes = 1000000;
  std::function<void()> heartbeat;  // called at CBC's events (progress reporting)
  // With a solved master: each commodity's paths beyond its this many cheapest under the LP's
  // duals (other than the incumbent's) are fixed at 0. 0: every path stays free.
  int paths_per_commodity = 0;
  // Fix the shares of paths outside `free_commodities` to the incumbent's, and the vehicles of
  // design arcs no path of a free commodity crosses: the IP-based local search re-optimizes
  // only a neighbourhood.
  const std::vector<bool>* free_commodities = nullptr;
  // CBC's own cut generators: worth their time on a neighbourhood's small MIP, not on the
  // whole pool (see above).
  bool cuts = false;
  // Set (when given) to whether CBC searched the columns it was given to the end: true when
  // nothing better than what it returns is among them (proven, or nothing could move), false
  // when its node or time limit cut the search short or it did not run.
  bool* closed = nullptr;
};

// CBC's arguments for the engine's searches: seeded, no preprocessing, at most `max_nodes`
// nodes, and with `cuts` only its sparse cut generators (see price_and_branch.cc).
std::vector<std::string> cbc_search_arguments(std::uint64_t seed, bool cuts, int max_nodes);

// Returns a solution strictly better than `incumbent`, or an empty one if CBC found none.
DesignSolution price_and_branch(const RestrictedMaster& master, const DesignSolution& incumbent,
                                const PriceAndBranchOptions& options);

}  // namespace mm::engine
