// A minimum-cost flow solver for one fixed graph solved many times with different supplies,
// capacities and costs: LEMON's NetworkSimplex (primal network simplex with block-search
// pivots; P. Kovács, "Minimum-cost flow algorithms: an experimental evaluation", Optimization
// Methods and Software 30(1), 2015, compares it with LEMON's other algorithms), kept behind this
// plain interface so that no LEMON type leaves the simulation module's sources.
//
// LEMON requires integer data: flows, capacities and supplies are int64 (the recourse counts in
// thousandths of a package) and costs int64 (scaled by the caller). One object per thread: it
// keeps the graph and the solver's work arrays between solves. The result of a solve depends on
// its inputs only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace mm::simulation {

class MinCostFlow {
 public:
  // Arcs as (tail, head) node ids in [0, nodes).
  MinCostFlow(std::size_t nodes, const std::vector<std::pair<std::size_t, std::size_t>>& arcs);
  ~MinCostFlow();
  MinCostFlow(const MinCostFlow&) = delete;
  MinCostFlow& operator=(const MinCostFlow&) = delete;

  // Supplies sum to zero (positive: source). Capacities >= 0, lower bounds 0. Returns false
  // when no flow meets the supplies (callers add arcs that make every problem feasible).
  bool solve(const std::vector<std::int64_t>& supply, const std::vector<std::int64_t>& capacity,
             const std::vector<std::int64_t>& cost, std::vector<std::int64_t>& flow);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mm::simulation
