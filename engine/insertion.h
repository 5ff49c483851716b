// Consolidation-aware insertion: the cheapest way to add a commodity to a plan as it stands.
//
// The cost of a path is the sum of PlanState::marginal_cost over its design arcs: unit costs,
// plus the fixed cost of a vehicle only where the load no longer fits in the vehicles already
// planned. A departure with spare room costs nothing to ride, so packages go where capacity is
// already paid for, and wait (holding arcs are free) for a later departure when that one has
// room. The shortest path under these costs (one pass over the time-expanded DAG, or Dijkstra on
// the cyclic CMND graph; routing/pricing_graph.h) is exact for the whole share inserted at once.
//
// `insert` adds what is unserved of a commodity, the cheaper of two ways: the whole of it on its
// best path, or poured piece by piece (`augment`): the cheapest path for a sliver, filled with
// as much as the room on it takes — the spare room of vehicles already planned, or one new
// vehicle where they are full — then the next (successive shortest paths on a fixed-charge
// network). Pouring fills vehicles exactly and splits what fits nowhere whole (a sort capacity,
// a fleet, vehicles per departure, a CMND arc's capacity). A piece is added only where it beats
// the unserved penalty (unless forced); what does not pay stays unserved.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/plan_state.h"
#include "routing/pricing_graph.h"

namespace mm::engine {

class Inserter {
 public:
  explicit Inserter(const DesignProblem& problem);

  struct Path {
    std::vector<std::size_t> arcs;
    double cost = kInfinity;  // marginal cost of the share (inf: no feasible path)
  };
  // The cheapest path for `share` of the commodity; design arcs marked in `banned` are not used.
  Path best_path(const PlanState& state, std::size_t commodity, double share,
                 const std::vector<char>* banned = nullptr);

  // Adds the unserved share of the commodity where it pays (see above), or with `force` wherever
  // it fits, paying or not (a lane that pays only once several commodities share it is opened
  // by the first; the caller prunes what does not pay afterwards). Returns the share added.
  double insert(PlanState& state, std::size_t commodity, const std::vector<char>* banned = nullptr,
                bool force = false);

  // Pours the unserved share along cheapest paths, each piece as much as their room takes.
  double augment(PlanState& state, std::size_t commodity, const std::vector<char>* banned = nullptr,
                 bool force = false);

  // `commodities` in engine/local_search.h's largest_first order, from ranks computed once (that
  // order's scale reads every design arc: on a national network too slow to redo per move).
  std::vector<std::size_t> largest_first(std::vector<std::size_t> commodities) const;

  // Whether the commodity has any path to a sink at all (no capacity considered).
  bool reachable(std::size_t commodity) const { return reachable_[commodity]; }

 private:
  const DesignProblem& problem_;
  std::vector<std::size_t> last_node_;  // per commodity: latest tail of its sinks
  std::vector<bool> reachable_;
  std::vector<std::size_t> size_rank_;  // per commodity: its place in the largest-first order
  routing::ShortestPathTree tree_;
};

}  // namespace mm::engine
