// The graph pricing runs on, and the shortest-path passes that price new columns.
//
// A PricingGraph is a compact (CSR) digraph whose arcs are either design arcs (a vehicle
// departure, or a CMND arc) or free arcs (holding a package at a facility). An arc may have no
// head: it can only end a path (a last leg into a facility with no later departure).
//
// Two passes, both exact for non-negative arc costs:
//  - when the nodes are numbered in topological order (the time-expanded network always is),
//    one sweep over node ids from the source — O(arcs);
//  - otherwise (CMND: cyclic graphs) LEMON's Dijkstra with a binary heap.
// Costs are given per call (reduced costs change every column-generation round); an arc with an
// infinite cost is unusable. Passes are independent, so callers run many in parallel, one
// ShortestPathTree per thread.
#pragma once

#include <cstddef>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

namespace mm::routing {

constexpr std::size_t kNoNode = static_cast<std::size_t>(-1);
constexpr double kUnreachable = std::numeric_limits<double>::infinity();

struct GraphArc {
  std::size_t tail = 0;
  std::size_t head = kNoNode;  // kNoNode: the arc only ends paths
};

struct ShortestPathTree {
  std::vector<double> distance;       // per node; kUnreachable if not reached
  std::vector<std::size_t> pred_arc;  // per node; kNoNode at the source or if unreached
};

class PricingGraph {
 public:
  PricingGraph(std::size_t node_count, std::vector<GraphArc> arcs, bool topologically_ordered);
  ~PricingGraph();
  PricingGraph(PricingGraph&&) noexcept;
  PricingGraph& operator=(PricingGraph&&) noexcept;

  std::size_t node_count() const { return node_count_; }
  std::size_t arc_count() const { return arcs_.size(); }
  const GraphArc& arc(std::size_t a) const { return arcs_[a]; }
  bool topologically_ordered() const { return topological_; }
  // The arcs leaving a node (those without a head included), as a range of arc ids.
  struct ArcRange {
    const std::size_t* first;
    const std::size_t* last;
    const std::size_t* begin() const { return first; }
    const std::size_t* end() const { return last; }
  };
  ArcRange out_arcs(std::size_t node) const {
    return {out_arcs_.data() + out_offset_[node], out_arcs_.data() + out_offset_[node + 1]};
  }

  // Fills `tree` with shortest distances from `source` under `arc_cost` (one entry per arc,
  // all >= 0 or +inf).
  void shortest_paths(std::size_t source, const std::vector<double>& arc_cost,
                      ShortestPathTree& tree) const;

  // The same passes with each arc's cost asked of `arc_cost(a)` only when the pass reaches the
  // arc: for costs that depend on a search state (the marginal cost of adding a commodity to the
  // vehicles already planned, engine/plan_state.h), where most arcs are never reached. In a
  // topological graph nodes after `last_node` are not expanded (nothing beyond a commodity's
  // last sink matters); a Dijkstra pass ignores it.
  using ArcCost = std::function<double(std::size_t arc)>;
  void shortest_paths(std::size_t source, const ArcCost& arc_cost, ShortestPathTree& tree,
                      std::size_t last_node = kNoNode) const;

  // The arcs of the tree path from the source to the tail of `last_arc`, then `last_arc`.
  std::vector<std::size_t> path_ending_with(const ShortestPathTree& tree,
                                            std::size_t last_arc) const;

 private:
  void dag_pass(std::size_t source, const std::vector<double>& arc_cost,
                ShortestPathTree& tree) const;
  void dijkstra_pass(std::size_t source, const std::vector<double>& arc_cost,
                     ShortestPathTree& tree) const;

  std::size_t node_count_;
  std::vector<GraphArc> arcs_;
  std::vector<std::size_t> out_offset_;  // CSR over arcs with a head... all arcs by tail
  std::vector<std::size_t> out_arcs_;
  bool topological_;
  struct LemonGraph;                   // LEMON StaticDigraph for the Dijkstra pass
  std::unique_ptr<LemonGraph> lemon_;  // only built for graphs that are not topological
};

}  // namespace mm::routing
