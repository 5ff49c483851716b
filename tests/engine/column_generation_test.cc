// Column generation (engine/column_generation.h) to LP values computed by hand: initial paths
// under full-vehicle costs, the Lagrangian bound after one round, the strong LP once linking
// rows are separated (a new column that only prices out after them), the cut-set MIR cuts'
// LP, multi-column pricing, commodities without a path, the same columns with 1 or 2
// threads, and the bound at full vehicles.
#include "engine/column_generation.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

using Ids = std::vector<std::size_t>;

ColumnGenerationResult run(ColumnGeneration& cg, int max_rounds = 1000, bool linking = true,
                           int columns = 1, int threads = 1) {
  ColumnGenerationOptions o;
  o.max_rounds = max_rounds;
  o.separate_linking = linking;
  o.columns_per_commodity = columns;
  o.threads = threads;
  return cg.run(o, nullptr, "test", Clock::now());
}

// O (0), H (1), D (2). Lane 0: O->D, 100 m³ trucks at 100; lanes 1 (O->H) and 2 (H->D): 10 m³
// vans at 20. One commodity of 10 m³ (10 packages). Spread over full vehicles, direct costs
// 100/100 per m³ and the two vans 2 × 20/10: the initial path is direct. Its LP (0.1 truck) is 10;
// with the linking row share ≤ y0 a whole truck, 100, and then the vans (one each, 40) price
// out: the strong LP is 40 — the integer optimum too.
struct Diamond {
  DesignProblem problem;
  explicit Diamond(bool unreachable_extra = false) {
    test::ProblemBuilder b(3);
    b.lane(0, 2, test::vehicle(100, 100));
    b.lane(0, 1, test::vehicle(20, 10));
    b.lane(1, 2, test::vehicle(20, 10));
    b.commodity(test::shipment(0, {0, 2}, 10, 10, 1e4));
    // From D nothing leads back to O: no path at all.
    if (unreachable_extra) b.commodity(test::shipment(2, {0}, 10, 10, 777));
    problem = b.build();
  }
};

TEST(ColumnGeneration, InitialPathIsTheCheapestUnderFullVehicleCosts) {
  const Diamond net;
  RestrictedMaster master(net.problem);
  ColumnGeneration cg(net.problem, master);
  EXPECT_EQ(cg.add_initial_paths(1), 0u);
  EXPECT_TRUE(cg.reachable(0));
  EXPECT_EQ(master.path_count(), 1u);
  EXPECT_TRUE(master.has_path(0, {0}));
}

TEST(ColumnGeneration, OneRoundGivesTheLagrangianBound) {
  // Round 1: z = 10 (0.1 truck); the vans' arcs have no rows yet, so the two-hop path prices at
  // 0 − π = −10: bound 10 − 10 = 0. Not converged: the column was added.
  const Diamond net;
  RestrictedMaster master(net.problem);
  ColumnGeneration cg(net.problem, master);
  cg.add_initial_paths(1);
  const ColumnGenerationResult r = run(cg, 1);
  EXPECT_EQ(r.status, LpStatus::optimal);
  EXPECT_EQ(r.rounds, 1);
  EXPECT_FALSE(r.converged);
  EXPECT_NEAR(r.lp_value, 10.0, 1e-9);
  EXPECT_NEAR(r.lower_bound, 0.0, 1e-9);
  EXPECT_TRUE(master.has_path(0, {1, 2}));
}

TEST(ColumnGeneration, LinkingRowsLiftTheLpToTheStrongValue) {
  const Diamond net;
  RestrictedMaster master(net.problem);
  ColumnGeneration cg(net.problem, master);
  cg.add_initial_paths(1);
  const ColumnGenerationResult r = run(cg);
  EXPECT_TRUE(r.converged);
  EXPECT_NEAR(r.lp_value, 40.0, 1e-7);
  EXPECT_NEAR(r.lower_bound, 40.0, 1e-7);
  EXPECT_EQ(master.path_count(), 2u);
  EXPECT_GE(master.linking_row_count(), 1u);
  EXPECT_NEAR(master.units(1), 1.0, 1e-9);
  EXPECT_NEAR(master.units(2), 1.0, 1e-9);
}

TEST(ColumnGeneration, WithoutLinkingRowsTheWeakLpIsTheBound) {
  const Diamond net;
  RestrictedMaster master(net.problem);
  ColumnGeneration cg(net.problem, master);
  cg.add_initial_paths(1);
  const ColumnGenerationResult r = run(cg, 1000, /*linking=*/false);
  EXPECT_TRUE(r.converged);
  EXPECT_NEAR(r.lp_value, 10.0, 1e-7);
  EXPECT_NEAR(r.lower_bound, 10.0, 1e-7);
  EXPECT_EQ(master.linking_row_count(), 0u);
}

TEST(ColumnGeneration, ACommodityWithoutAPathOnlyAddsItsPenalty) {
  const Diamond net(/*unreachable_extra=*/true);
  RestrictedMaster master(net.problem);
  ColumnGeneration cg(net.problem, master);
  EXPECT_EQ(cg.add_initial_paths(1), 1u);
  EXPECT_TRUE(cg.reachable(0));
  EXPECT_FALSE(cg.reachable(1));
  const ColumnGenerationResult r = run(cg);
  EXPECT_TRUE(r.converged);
  EXPECT_NEAR(r.lp_value, 40.0 + 777.0, 1e-7);
  EXPECT_NEAR(r.lower_bound, 40.0 + 777.0, 1e-7);
  EXPECT_TRUE(master.paths_of(1).empty());
}

// Three parallel 100 m³ truck lanes at 100, 110 and 120; 50 m³ (10 packages). The initial path
// is lane 0; after round 1 (y0 = 0.5, π = 50) lanes 1 and 2, without rows, both price at −50
// (the bound is 50 − 50 = 0 either way).
TEST(ColumnGeneration, ColumnsPerCommodityAddsPathsToThatManyCheapestSinks) {
  test::ParallelLanes net;
  net.add_lane(test::vehicle(100, 100));
  net.add_lane(test::vehicle(110, 100));
  net.add_lane(test::vehicle(120, 100));
  net.to_d(10, 50, 1e4);
  const DesignProblem problem = net.builder.build();
  for (const int columns : {1, 2}) {
    RestrictedMaster master(problem);
    ColumnGeneration cg(problem, master);
    cg.add_initial_paths(1);
    EXPECT_TRUE(master.has_path(0, {0}));
    const ColumnGenerationResult r = run(cg, 1, true, columns);
    EXPECT_NEAR(r.lp_value, 50.0, 1e-9);
    EXPECT_NEAR(r.lower_bound, 0.0, 1e-9) << columns;
    EXPECT_EQ(master.path_count(), 1u + columns) << columns;
  }
}

TEST(ColumnGeneration, CutSetCutsRaiseTheLpToTheHandComputedValue) {
  // One commodity of 45 m³; lane 0: 95 m³ trucks at 500, lane 1: 40 m³ vans at 300. Strong LP:
  // 1.125 vans, 337.5; with the cut-set MIR cuts (cutset_cuts_test.cc) 1240/3.
  test::ParallelLanes net;
  net.add_lane(test::vehicle(500, 95));
  net.add_lane(test::vehicle(300, 40));
  net.to_d(10, 45, 1e5);
  const DesignProblem problem = net.builder.build();
  {
    RestrictedMaster master(problem);
    ColumnGeneration cg(problem, master);
    cg.add_initial_paths(1);
    const ColumnGenerationResult r = run(cg);
    EXPECT_TRUE(r.converged);
    EXPECT_NEAR(r.lp_value, 337.5, 1e-7);
    EXPECT_EQ(master.cover_row_count(), 0u);
  }
  RestrictedMaster master(problem);
  ColumnGeneration cg(problem, master);
  CutsetSeparator cuts(problem);
  cg.set_cut_separator(&cuts);
  cg.add_initial_paths(1);
  const ColumnGenerationResult r = run(cg);
  EXPECT_TRUE(r.converged);
  EXPECT_NEAR(r.lp_value, 1240.0 / 3.0, 1e-7);
  EXPECT_NEAR(r.lower_bound, 1240.0 / 3.0, 1e-7);
  EXPECT_EQ(master.cover_row_count(), 1u);
}

TEST(ColumnGeneration, OneOrTwoThreadsGiveTheSameColumnsInTheSameOrder) {
  const DesignProblem problem = test::hub_and_vans();
  std::vector<std::vector<Ids>> columns;
  std::vector<double> values;
  for (const int threads : {1, 2}) {
    RestrictedMaster master(problem);
    ColumnGeneration cg(problem, master);
    cg.add_initial_paths(threads);
    const ColumnGenerationResult r = run(cg, 1000, true, 2, threads);
    EXPECT_TRUE(r.converged) << threads;
    EXPECT_LE(r.lower_bound, r.lp_value + 1e-7) << threads;
    values.push_back(r.lp_value);
    columns.emplace_back();
    for (const RestrictedMaster::PathColumn& p : master.path_columns()) {
      Ids key{p.commodity};
      key.insert(key.end(), p.arcs.begin(), p.arcs.end());
      columns.back().push_back(key);
    }
  }
  EXPECT_EQ(values[0], values[1]);
  EXPECT_EQ(columns[0], columns[1]);
  EXPECT_GT(columns[0].size(), 8u);  // pricing added paths beyond the initial ones
}

// The bound at full vehicles: the direct truck at 100/100 per m³ (10 for 10 m³) against the two
// vans at 2 × 20/10 (40); the unreachable commodity adds its penalty.
TEST(ColumnGeneration, FullVehicleBoundIsTheCheapestPathAtFullVehicles) {
  for (const bool extra : {false, true}) {
    const Diamond net(extra);
    RestrictedMaster master(net.problem);
    ColumnGeneration cg(net.problem, master);
    cg.add_initial_paths(1);
    const FullVehicleBound bound = cg.full_vehicle_bound();
    EXPECT_NEAR(bound.value, extra ? 10.0 + 777.0 : 10.0, 1e-9) << extra;
    ASSERT_EQ(bound.per_package.size(), extra ? 2u : 1u);
    EXPECT_NEAR(bound.per_package[0], 1.0, 1e-9);  // 1 m³ a package at 1 per m³
    if (extra) {
      EXPECT_EQ(bound.per_package[1], kInfinity);
    }
  }
}

// A commodity whose cheapest path costs more than leaving it unserved counts its penalty.
TEST(ColumnGeneration, FullVehicleBoundTakesThePenaltyWhereItIsCheaper) {
  test::ParallelLanes net;
  net.add_lane(test::vehicle(100, 10));
  net.to_d(5, 5, 30);  // half a vehicle: 50 at full vehicles, the penalty 30
  const DesignProblem problem = net.builder.build();
  RestrictedMaster master(problem);
  ColumnGeneration cg(problem, master);
  cg.add_initial_paths(2);
  const FullVehicleBound bound = cg.full_vehicle_bound();
  EXPECT_NEAR(bound.value, 30.0, 1e-9);
  EXPECT_NEAR(bound.per_package[0], 10.0, 1e-9);  // above the penalty's 6 a package
}

// One 100 m³, 10 t truck at 100 carries both commodities (61 m³, 10 t): the optimum is 100.
// Charged the larger of its two shares, a (60 m³, 1 t) would pay 60 and b (1 m³, 9 t) 90, 150
// in all, above the optimum; the bound keeps one row, weight (the fuller: 10/10 against
// 61/100), and is 100 × 10/10.
TEST(ColumnGeneration, FullVehicleBoundKeepsOneDimensionPerArc) {
  test::ParallelLanes net;
  DesignArc truck = test::vehicle(100, 100);
  truck.capacity[1] = 10;
  net.add_lane(truck);
  net.to_d(1, 60, 1e4);
  net.to_d(1, 1, 1e4);
  DesignProblem problem = net.builder.build();
  problem.commodities[0].size[1] = 1;
  problem.commodities[1].size[1] = 9;
  RestrictedMaster master(problem);
  ColumnGeneration cg(problem, master);
  cg.add_initial_paths(1);
  EXPECT_NEAR(cg.full_vehicle_bound().value, 100.0, 1e-9);
}

// Below the LP with strong linking rows, which only adds rows to the weak one.
TEST(ColumnGeneration, FullVehicleBoundIsBelowTheConvergedLp) {
  const DesignProblem problem = test::hub_and_vans();
  RestrictedMaster master(problem);
  ColumnGeneration cg(problem, master);
  cg.add_initial_paths(1);
  const double bound = cg.full_vehicle_bound().value;
  const ColumnGenerationResult r = run(cg);
  ASSERT_TRUE(r.converged);
  EXPECT_GT(bound, 0.0);
  EXPECT_LE(bound, r.lower_bound + 1e-7);
}

}  // namespace
}  // namespace mm::engine
