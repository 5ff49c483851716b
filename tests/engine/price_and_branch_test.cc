// Price-and-branch (engine/price_and_branch.h): CBC over the master's columns returns a plan
// strictly better than the incumbent or none. One commodity of 45 m³ over a 95 m³ truck lane
// (500), a 40 m³ van lane (300) and a 100 m³ lane at 700: from the 700 plan CBC finds the truck
// (500); from the truck, nothing. paths_per_commodity keeps only the cheapest paths under the
// LP's duals and the incumbent's; free_commodities re-optimizes a neighbourhood only; `closed`
// says whether CBC searched to the end.
#include "engine/price_and_branch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <utility>
#include <vector>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

using Ids = std::vector<std::size_t>;

constexpr std::size_t kTruck = 0, kVan = 1, kBig = 2;

DesignProblem three_lanes() {
  test::ParallelLanes net;
  net.add_lane(test::vehicle(500, 95));
  net.add_lane(test::vehicle(300, 40));
  net.add_lane(test::vehicle(700, 100));
  net.to_d(10, 45, 1e5);
  return net.builder.build();
}

// A plan: `units` per lane and each commodity whole on one lane.
DesignSolution plan(const DesignProblem& problem, std::vector<double> units,
                    const std::vector<std::size_t>& lane_of_commodity) {
  DesignSolution s;
  s.units = std::move(units);
  for (std::size_t k = 0; k < lane_of_commodity.size(); ++k)
    s.paths.push_back(test::column(k, {lane_of_commodity[k]}, 1.0));
  s.objective = design_objective(problem, s);
  return s;
}

// The master with the van's path first, then the truck's and the big lane's, solved with its
// linking rows: the LP is 1.125 vans (337.5; a truck or the big lane cost a whole vehicle per
// share).
struct SolvedMaster {
  DesignProblem problem = three_lanes();
  RestrictedMaster master{problem};
  SolvedMaster() {
    master.add_paths({test::column(0, {kVan}), test::column(0, {kTruck}), test::column(0, {kBig})});
    EXPECT_EQ(test::solve_with_linking(master), LpStatus::optimal);
    EXPECT_NEAR(master.objective(), 337.5, 1e-7);
  }
};

PriceAndBranchOptions options(int paths_per_commodity = 0) {
  PriceAndBranchOptions o;
  o.seconds = 1e9;  // the node limit ends it
  o.max_nodes = 1000;
  o.paths_per_commodity = paths_per_commodity;
  return o;
}

TEST(PriceAndBranch, FindsTheOneTruckPlanFromTheBigLanesPlan) {
  SolvedMaster m;
  const DesignSolution incumbent = plan(m.problem, {0, 0, 1}, {kBig});
  ASSERT_DOUBLE_EQ(incumbent.objective, 700.0);
  const DesignSolution better = price_and_branch(m.master, incumbent, options());
  ASSERT_FALSE(better.empty());
  EXPECT_DOUBLE_EQ(better.objective, 500.0);
  EXPECT_EQ(better.units, (std::vector<double>{1, 0, 0}));
  ASSERT_EQ(better.paths.size(), 1u);
  EXPECT_EQ(better.paths[0].arcs, (Ids{kTruck}));
  EXPECT_NEAR(better.paths[0].share, 1.0, 1e-9);
}

TEST(PriceAndBranch, ReturnsNothingWhenTheIncumbentIsOptimal) {
  SolvedMaster m;
  const DesignSolution truck = plan(m.problem, {1, 0, 0}, {kTruck});
  // And says that it searched to the end (what lets IP neighbourhoods grow).
  bool closed = false;
  PriceAndBranchOptions o = options();
  o.closed = &closed;
  EXPECT_TRUE(price_and_branch(m.master, truck, o).empty());
  EXPECT_TRUE(closed);
  // Not run (stopped before it starts): not closed.
  const std::atomic<bool> stop{true};
  o.stop = &stop;
  EXPECT_TRUE(price_and_branch(m.master, truck, o).empty());
  EXPECT_FALSE(closed);
  // Nor from a plan as good as the best (two vans cost 600 > 500: CBC finds the truck).
  const DesignSolution vans = plan(m.problem, {0, 2, 0}, {kVan});
  const DesignSolution from_vans = price_and_branch(m.master, vans, options());
  ASSERT_FALSE(from_vans.empty());
  EXPECT_DOUBLE_EQ(from_vans.objective, 500.0);
}

TEST(PriceAndBranch, PathsPerCommodityKeepsTheCheapestUnderTheDualsAndTheIncumbents) {
  SolvedMaster m;
  const DesignSolution incumbent = plan(m.problem, {0, 0, 1}, {kBig});
  // Rank the paths as price_and_branch does: reduced cost, then column.
  const MasterDuals duals = m.master.duals();
  std::vector<std::pair<double, int>> ranked;
  for (std::size_t i : m.master.paths_of(0)) {
    const auto& p = m.master.path_columns()[i];
    ranked.emplace_back(m.master.reduced_cost(duals, 0, p.arcs), p.column);
  }
  std::sort(ranked.begin(), ranked.end());
  // The van is basic (reduced cost 0); the truck's is >= 0 (0 at a degenerate dual), and a tie
  // goes to the lower column, the van's: the van ranks first.
  const int van_column = m.master.path_columns()[m.master.paths_of(0)[0]].column;
  ASSERT_EQ(ranked.front().second, van_column);
  // Kept: the van and the incumbent's big lane. Best of those: two vans, 600.
  const DesignSolution one = price_and_branch(m.master, incumbent, options(1));
  ASSERT_FALSE(one.empty());
  EXPECT_DOUBLE_EQ(one.objective, 600.0);
  EXPECT_EQ(one.units, (std::vector<double>{0, 2, 0}));
  // With every path: the truck, 500.
  const DesignSolution all = price_and_branch(m.master, incumbent, options(3));
  ASSERT_FALSE(all.empty());
  EXPECT_DOUBLE_EQ(all.objective, 500.0);
}

// Two commodities of 30 m³ over the truck (95 m³, 500) and van (40 m³, 300) lanes. Incumbent:
// 0 on the truck, 1 on a van (800). Freeing 1, it joins the truck: 500. Freeing 0 only, 1 stays
// on its van (its share is fixed) and the best 0 can do is a second van beside it: 600, not the
// 500 of the whole problem.
TEST(PriceAndBranch, FreeCommoditiesReoptimizeOnlyTheNeighbourhood) {
  test::ParallelLanes net;
  net.add_lane(test::vehicle(500, 95));
  net.add_lane(test::vehicle(300, 40));
  net.to_d(10, 30, 1e5);
  net.to_d(10, 30, 1e5);
  const DesignProblem problem = net.builder.build();
  RestrictedMaster master(problem);
  master.add_paths({test::column(0, {kTruck}), test::column(0, {kVan}), test::column(1, {kTruck}),
                    test::column(1, {kVan})});
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  const DesignSolution incumbent = plan(problem, {1, 1}, {kTruck, kVan});
  ASSERT_DOUBLE_EQ(incumbent.objective, 800.0);

  std::vector<bool> free_second{false, true};
  PriceAndBranchOptions o = options();
  o.free_commodities = &free_second;
  const DesignSolution merged = price_and_branch(master, incumbent, o);
  ASSERT_FALSE(merged.empty());
  EXPECT_DOUBLE_EQ(merged.objective, 500.0);
  EXPECT_EQ(merged.units, (std::vector<double>{1, 0}));

  std::vector<bool> free_first{true, false};
  o.free_commodities = &free_first;
  const DesignSolution vans = price_and_branch(master, incumbent, o);
  ASSERT_FALSE(vans.empty());
  EXPECT_DOUBLE_EQ(vans.objective, 600.0);
  EXPECT_EQ(vans.units, (std::vector<double>{0, 2}));
  // From there, freeing 0 again finds nothing better.
  EXPECT_TRUE(price_and_branch(master, vans, o).empty());
}

}  // namespace
}  // namespace mm::engine
