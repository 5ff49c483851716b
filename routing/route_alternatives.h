// The k cheapest distinct paths of one commodity on a topologically ordered PricingGraph (the
// time-expanded network): the alternatives `middlemile explain` weighs against a planned route.
//
// Algorithm: k-best labels on a DAG. Nodes are visited once in id order from the source; each
// node keeps its k cheapest labels (cost, arc in, label at the arc's tail), each label being a
// distinct path from the source, so extending every label along every usable arc and keeping
// the k cheapest at each head is exact (Yen's algorithm gives the same set; on a DAG this pass
// is O(arcs · k · log k) with no repeated shortest-path runs). A path ends with one of the
// given sink arcs (which may have no head). In the TEN a sequence of dispatch arcs determines
// its holding arcs, so distinct paths are distinct routes. Costs: >= 0, or +inf = unusable.
#pragma once

#include <cstddef>
#include <vector>

#include "routing/pricing_graph.h"

namespace mm::routing {

struct RankedPath {
  double cost = 0.0;
  std::vector<std::size_t> arcs;  // graph arc ids in travel order, ending with a sink arc
};

// Up to `k` cheapest paths from `source` ending with one of `sinks`, cheapest first (ties in
// the order the pass meets them, so the result is deterministic). Throws std::invalid_argument
// on a graph that is not topologically ordered.
std::vector<RankedPath> k_cheapest_paths(const PricingGraph& graph, std::size_t source,
                                         const std::vector<std::size_t>& sinks,
                                         const std::vector<double>& arc_cost, std::size_t k);

}  // namespace mm::routing
