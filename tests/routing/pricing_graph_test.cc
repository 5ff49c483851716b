// PricingGraph (routing/pricing_graph.h) on graphs of 4-5 nodes with distances worked out by
// hand: the DAG sweep and LEMON's Dijkstra, with a cost vector and with a lazy cost callback;
// unusable (infinite) arcs, unreachable nodes, the last_node cut-off, path_ending_with through
// head-less arcs, out_arcs (CSR order), and the constructor's refusals.
#include "routing/pricing_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <vector>

namespace mm::routing {
namespace {

using Arcs = std::vector<std::size_t>;

// Topological: 0 -> 1 -> 2 -> 3 with a shortcut and a detour, and two head-less arcs.
//   arc 0: 0->1 cost 1     arc 1: 0->2 cost 4     arc 2: 1->2 cost 1
//   arc 3: 2->3 cost 1     arc 4: 1->3 cost 5     arc 5: 3->(end) cost 2
//   arc 6: 1->(end) cost 0
// From 0: d = (0, 1, 2, 3); node 2 via 0-1-2 (2 < 4), node 3 via 2 (3 < 1 + 5).
PricingGraph dag() {
  return PricingGraph(4, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {1, 3}, {3, kNoNode}, {1, kNoNode}},
                      true);
}
const std::vector<double> kDagCost{1, 4, 1, 1, 5, 2, 0};

// Cyclic (Dijkstra): arc 0: 0->1 cost 1, arc 1: 1->0 cost 1, arc 2: 1->2 cost 2, arc 3: 0->2
// cost 5, arc 4: 2->3 cost 1, arc 5: 3->1 cost 0, arc 6: 3->(end). From 0: d = (0, 1, 3, 4).
PricingGraph cyclic() {
  return PricingGraph(4, {{0, 1}, {1, 0}, {1, 2}, {0, 2}, {2, 3}, {3, 1}, {3, kNoNode}}, false);
}
const std::vector<double> kCyclicCost{1, 1, 2, 5, 1, 0, 0};

PricingGraph::ArcCost lazy(const std::vector<double>& cost, std::vector<std::size_t>* asked) {
  return [&cost, asked](std::size_t a) {
    if (asked) asked->push_back(a);
    return cost[a];
  };
}

// The tree from `source` under a cost vector.
ShortestPathTree tree_from(const PricingGraph& graph, std::size_t source,
                           const std::vector<double>& cost) {
  ShortestPathTree tree;
  graph.shortest_paths(source, cost, tree);
  return tree;
}

TEST(PricingGraph, DagSweepFindsHandComputedDistancesAndTree) {
  const PricingGraph graph = dag();
  EXPECT_TRUE(graph.topologically_ordered());
  const ShortestPathTree tree = tree_from(graph, 0, kDagCost);
  EXPECT_EQ(tree.distance, (std::vector<double>{0, 1, 2, 3}));
  EXPECT_EQ(tree.pred_arc, (Arcs{kNoNode, 0, 2, 3}));
  // A path ends with a head-less arc out of the node it reaches.
  EXPECT_EQ(graph.path_ending_with(tree, 5), (Arcs{0, 2, 3, 5}));
  EXPECT_EQ(graph.path_ending_with(tree, 6), (Arcs{0, 6}));
  // An arc out of the source is a path of its own.
  EXPECT_EQ(graph.path_ending_with(tree, 1), (Arcs{1}));
}

TEST(PricingGraph, DijkstraOnACyclicGraphFindsHandComputedDistancesAndTree) {
  const PricingGraph graph = cyclic();
  EXPECT_FALSE(graph.topologically_ordered());
  const ShortestPathTree from_0 = tree_from(graph, 0, kCyclicCost);
  EXPECT_EQ(from_0.distance, (std::vector<double>{0, 1, 3, 4}));
  EXPECT_EQ(from_0.pred_arc, (Arcs{kNoNode, 0, 2, 4}));
  EXPECT_EQ(graph.path_ending_with(from_0, 6), (Arcs{0, 2, 4, 6}));
  // From node 2 the cycle 2 -> 3 -> 1 -> 0 is the only way back: d = (2, 1, 0, 1).
  const ShortestPathTree from_2 = tree_from(graph, 2, kCyclicCost);
  EXPECT_EQ(from_2.distance, (std::vector<double>{2, 1, 0, 1}));
  EXPECT_EQ(graph.path_ending_with(from_2, 3), (Arcs{4, 5, 1, 3}));
}

TEST(PricingGraph, LazyCostsGiveTheSameTreesAsACostVector) {
  for (const bool topological : {true, false}) {
    const PricingGraph graph = topological ? dag() : cyclic();
    const std::vector<double>& cost = topological ? kDagCost : kCyclicCost;
    ShortestPathTree by_vector, by_callback;
    graph.shortest_paths(0, cost, by_vector);
    graph.shortest_paths(0, lazy(cost, nullptr), by_callback);
    EXPECT_EQ(by_vector.distance, by_callback.distance) << topological;
    EXPECT_EQ(by_vector.pred_arc, by_callback.pred_arc) << topological;
  }
}

TEST(PricingGraph, InfiniteArcsAreUnusableAndUnreachedNodesSaySo) {
  const PricingGraph graph = dag();
  // Without arc 2 (1->2) node 2 is reached by the shortcut (4) and 3 through it (4 + 1 < 1 + 5).
  std::vector<double> cost = kDagCost;
  cost[2] = kUnreachable;
  ShortestPathTree tree;
  graph.shortest_paths(0, cost, tree);
  EXPECT_EQ(tree.distance, (std::vector<double>{0, 1, 4, 5}));
  EXPECT_EQ(tree.pred_arc[2], 1u);
  // Without both arcs out of 0, nothing but the source is reached.
  cost[0] = cost[1] = kUnreachable;
  graph.shortest_paths(0, cost, tree);
  EXPECT_EQ(tree.distance[0], 0.0);
  for (std::size_t n = 1; n < 4; ++n) {
    EXPECT_EQ(tree.distance[n], kUnreachable) << n;
    EXPECT_EQ(tree.pred_arc[n], kNoNode) << n;
  }
  // The same in the cyclic graph: without arc 0 the only way on is the 5-cost arc to 2.
  const PricingGraph loop = cyclic();
  std::vector<double> loop_cost = kCyclicCost;
  loop_cost[0] = kUnreachable;
  loop.shortest_paths(0, loop_cost, tree);
  EXPECT_EQ(tree.distance, (std::vector<double>{0, 6, 5, 6}));
  EXPECT_EQ(tree.pred_arc[1], 5u);
}

TEST(PricingGraph, ASweepFromALaterSourceNeverReachesEarlierNodes) {
  const PricingGraph graph = dag();
  ShortestPathTree tree;
  graph.shortest_paths(1, kDagCost, tree);
  EXPECT_EQ(tree.distance, (std::vector<double>{kUnreachable, 0, 1, 2}));
  // A source out of range reaches nothing.
  graph.shortest_paths(9, kDagCost, tree);
  EXPECT_EQ(tree.distance, std::vector<double>(4, kUnreachable));
  graph.shortest_paths(9, lazy(kDagCost, nullptr), tree);
  EXPECT_EQ(tree.distance, std::vector<double>(4, kUnreachable));
}

TEST(PricingGraph, LastNodeStopsTheLazySweepAndOnlyReachedArcsArePriced) {
  const PricingGraph graph = dag();
  std::vector<std::size_t> asked;
  ShortestPathTree tree;
  // Up to node 1: only arc 0 (0->1) leads to a node within the cut-off; arcs to 2 and 3 and
  // head-less arcs are never priced.
  graph.shortest_paths(0, lazy(kDagCost, &asked), tree, 1);
  EXPECT_EQ(tree.distance, (std::vector<double>{0, 1, kUnreachable, kUnreachable}));
  EXPECT_EQ(asked, (Arcs{0}));
  // Up to node 2: arcs 0, 1 (out of 0) and 2 (1->2); arc 4 (1->3) points past the cut-off.
  asked.clear();
  graph.shortest_paths(0, lazy(kDagCost, &asked), tree, 2);
  std::sort(asked.begin(), asked.end());
  EXPECT_EQ(asked, (Arcs{0, 1, 2}));
  EXPECT_EQ(tree.distance[2], 2.0);
  EXPECT_EQ(tree.distance[3], kUnreachable);
  // Arcs out of unreached nodes are never priced: with arc 0 unusable, node 1 is unreached and
  // arcs 2 and 4 are never asked for.
  std::vector<double> cost = kDagCost;
  cost[0] = kUnreachable;
  asked.clear();
  graph.shortest_paths(0, lazy(cost, &asked), tree);
  std::sort(asked.begin(), asked.end());
  EXPECT_EQ(asked, (Arcs{0, 1, 3}));
  // Dijkstra ignores the cut-off: every node is reached.
  const PricingGraph loop = cyclic();
  loop.shortest_paths(0, lazy(kCyclicCost, nullptr), tree, 1);
  EXPECT_EQ(tree.distance, (std::vector<double>{0, 1, 3, 4}));
}

TEST(PricingGraph, OutArcsListEachNodesArcsInIdOrderWithHeadlessOnes) {
  const PricingGraph graph = dag();
  EXPECT_EQ(graph.node_count(), 4u);
  EXPECT_EQ(graph.arc_count(), 7u);
  auto out = [&](std::size_t node) {
    const auto range = graph.out_arcs(node);
    return Arcs(range.begin(), range.end());
  };
  EXPECT_EQ(out(0), (Arcs{0, 1}));
  EXPECT_EQ(out(1), (Arcs{2, 4, 6}));
  EXPECT_EQ(out(2), (Arcs{3}));
  EXPECT_EQ(out(3), (Arcs{5}));
  EXPECT_EQ(graph.arc(6).tail, 1u);
  EXPECT_EQ(graph.arc(6).head, kNoNode);
}

TEST(PricingGraph, RefusesBackwardArcsInATopologicalGraphAndEndpointsOutOfRange) {
  EXPECT_THROW(PricingGraph(3, {{0, 1}, {2, 1}}, true), std::invalid_argument);
  EXPECT_THROW(PricingGraph(3, {{1, 1}}, true), std::invalid_argument);
  EXPECT_NO_THROW(PricingGraph(3, {{0, 1}, {2, 1}}, false));
  EXPECT_THROW(PricingGraph(3, {{0, 3}}, false), std::invalid_argument);
  EXPECT_THROW(PricingGraph(3, {{3, kNoNode}}, true), std::invalid_argument);
}

}  // namespace
}  // namespace mm::routing
