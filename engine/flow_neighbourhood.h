// IP-based local search over arc flows: a few commodities re-routed on ANY arc of the graph,
// with everything else fixed at the incumbent (Hewitt, Nemhauser & Savelsbergh 2010; Erera,
// Hewitt & Savelsbergh solve the same kind of neighbourhood over a time-expanded network).
//
// The path-based neighbourhood (engine/price_and_branch.h with `free_commodities`) can only
// pick among the master's columns, and on the Canad CMND instances it stalls once the pool's
// paths are used up. Here the free commodities get the compact arc formulation instead — a
// flow variable per commodity and usable arc (reachable from its source and leading to one of
// its sinks), an "unserved" share, integer vehicles on every design arc they can use — on top
// of the loads, sort-capacity use and fleet use the fixed commodities leave:
//
//   min Σ f_a y_a + Σ_k n_k Σ_a c_a x_ka + Σ_k M_k s_k
//   flow conservation per commodity and node (the source sends 1 − s_k, sink arcs end paths)
//   Σ_k q_k^r x_ka ≤ u_a^r y_a − fixed load,  x_ka ≤ min(1, u_a/q_k) y_a  (strong linking)
//   sort capacity and fleet rows with the fixed commodities' use taken off their limits
//
// CBC solves it from the incumbent (MIP start, cutoff just below), and the flows are split
// back into paths. The neighbourhood takes commodities in the caller's order while the model
// stays under a variable budget, so one call is bounded on a national network too.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/design_problem.h"
#include "engine/search_budget.h"

namespace mm::engine {

struct FlowNeighbourhoodOptions {
  Clock::time_point deadline = Clock::time_point::max();
  const std::atomic<bool>* stop = nullptr;
  std::uint64_t seed = 1;
  int max_nodes = 500;                // CBC's node limit (its work budget)
  std::size_t max_commodities = 10;   // freed at most
  std::size_t max_variables = 50000;  // flow variables at most (the first commodity always)
  std::function<void()> heartbeat;    // CBC's events (progress reporting)
  // When given (one flag per design arc), the free commodities may use only the design arcs
  // flagged: the arc-restricted MIP (engine/design_solver.cc) frees every commodity on the arcs
  // the incumbent and the LP use.
  const std::vector<char>* allowed_arcs = nullptr;
};

class FlowNeighbourhood {
 public:
  // `problem` must outlive this.
  explicit FlowNeighbourhood(const DesignProblem& problem);

  // A solution strictly better than `incumbent` with the first commodities of `order` re-routed
  // (as many as the options allow), or an empty one.
  DesignSolution improve(const DesignSolution& incumbent, const std::vector<std::size_t>& order,
                         const FlowNeighbourhoodOptions& options);

  // How many commodities the last call freed.
  std::size_t last_freed() const { return last_freed_; }

 private:
  struct Usable {
    std::vector<std::size_t> through;  // arcs the commodity may cross and go on
    std::vector<std::size_t> ending;   // its sink arcs it may end on
  };
  Usable usable_arcs(std::size_t commodity, const std::vector<char>* allowed_arcs);

  const DesignProblem& problem_;
  std::vector<std::vector<std::size_t>> in_arcs_;  // per node
  std::vector<char> forward_, backward_;           // per node, scratch
  std::size_t last_freed_ = 0;
};

}  // namespace mm::engine
