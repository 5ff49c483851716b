// What the engine reports while it works: one record per event (a new incumbent, a column-
// generation round, a heartbeat of a long phase), at least every two seconds in every phase.
// The CLI draws it (tools/progress_printer.h); scenario evaluation records the incumbents.
#pragma once

#include <chrono>
#include <functional>
#include <limits>
#include <string>

namespace mm::engine {

using Clock = std::chrono::steady_clock;

struct SolveProgress {
  // "start", "construction", "descent", "neighbourhoods", "columns", "rounding", "branch".
  std::string phase;
  int iteration = 0;
  int epoch = 0;
  double lower_bound = -std::numeric_limits<double>::infinity();
  double incumbent = std::numeric_limits<double>::infinity();
  double lp_value = std::numeric_limits<double>::infinity();
  double gap = std::numeric_limits<double>::infinity();  // network/gap.h, on the incumbent
  std::size_t columns = 0;
  double elapsed_seconds = 0.0;
  double lp_seconds = 0.0;       // column generation so far: time in CLP
  double pricing_seconds = 0.0;  // and in the shortest-path passes
  bool improved = false;         // this event is a new incumbent
};
using ProgressCallback = std::function<void(const SolveProgress&)>;

}  // namespace mm::engine
