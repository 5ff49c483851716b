// k cheapest paths on a small DAG whose paths are listed by hand.
#include "routing/route_alternatives.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace mm::routing {
namespace {

// Nodes 0..3. Arcs: a0 0→1 (1), a1 0→2 (2), a2 1→2 (0.5), a3 1→3 (3), a4 2→3 (1),
// a5 3→(end) (0), the only sink. Paths: a0 a2 a4 a5 = 2.5; a1 a4 a5 = 3; a0 a3 a5 = 4.
PricingGraph diamond() {
  return PricingGraph(4, {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}, {3, kNoNode}}, true);
}

TEST(RouteAlternatives, ListsPathsCheapestFirst) {
  const PricingGraph g = diamond();
  const std::vector<double> cost{1, 2, 0.5, 3, 1, 0};
  const auto paths = k_cheapest_paths(g, 0, {5}, cost, 5);
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_DOUBLE_EQ(paths[0].cost, 2.5);
  EXPECT_EQ(paths[0].arcs, (std::vector<std::size_t>{0, 2, 4, 5}));
  EXPECT_DOUBLE_EQ(paths[1].cost, 3.0);
  EXPECT_EQ(paths[1].arcs, (std::vector<std::size_t>{1, 4, 5}));
  EXPECT_DOUBLE_EQ(paths[2].cost, 4.0);
  EXPECT_EQ(paths[2].arcs, (std::vector<std::size_t>{0, 3, 5}));
}

TEST(RouteAlternatives, StopsAtKAndSkipsUnusableArcs) {
  const PricingGraph g = diamond();
  std::vector<double> cost{1, 2, 0.5, 3, 1, 0};
  const auto two = k_cheapest_paths(g, 0, {5}, cost, 2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_DOUBLE_EQ(two[1].cost, 3.0);
  cost[4] = kUnreachable;  // 2→3 closed: only a0 a3 a5 is left
  const auto one = k_cheapest_paths(g, 0, {5}, cost, 5);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].arcs, (std::vector<std::size_t>{0, 3, 5}));
  EXPECT_TRUE(k_cheapest_paths(g, 0, {5}, cost, 0).empty());
  EXPECT_TRUE(k_cheapest_paths(g, 3, {4}, cost, 5).empty());  // 2→3 starts before node 3
}

TEST(RouteAlternatives, SeveralSinksCompete) {
  const PricingGraph g = diamond();
  const std::vector<double> cost{1, 2, 0.5, 3, 1, 0};
  // Ending with a3 (1→3) or a4 (2→3): a0 a2 a4 = 2.5, a1 a4 = 3, a0 a3 = 4.
  const auto paths = k_cheapest_paths(g, 0, {3, 4}, cost, 2);
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(paths[0].arcs, (std::vector<std::size_t>{0, 2, 4}));
  EXPECT_EQ(paths[1].arcs, (std::vector<std::size_t>{1, 4}));
}

TEST(RouteAlternatives, RefusesGraphsThatAreNotTopological) {
  const PricingGraph g(2, {{1, 0}, {0, 1}}, false);
  EXPECT_THROW(k_cheapest_paths(g, 0, {1}, {1.0, 1.0}, 3), std::invalid_argument);
}

}  // namespace
}  // namespace mm::routing
