// Descent moves (engine/local_search.h) on a time-expanded lane with two departures and holding
// between them: a reroute moves a lone rider onto the later truck's room; shed_vehicles merges
// two half-full departures whose riders no single reroute can move; descend reaches the one-truck
// plan, and stops after its attempts when it has a count of them; ruin_and_recreate puts everything
// back when refused and, forced, opens a lane that only several commodities together pay for;
// largest_first and improves on hand-picked numbers.
#include "engine/local_search.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

using Ids = std::vector<std::size_t>;

// Node 0: O at t1, node 1: O at t2, node 2: D. Lane 0 leaves at t1 (0 -> 2), lane 1 at t2
// (1 -> 2), 100 m³ trucks at 500; arc 2 holds at O from t1 to t2. Commodities of `cubes` m³
// (10 packages each, penalty 10000), all ready at t1 and free to take either departure.
struct TwoDepartures {
  DesignProblem problem;
  std::size_t hold = 0;
  explicit TwoDepartures(const std::vector<double>& cubes) {
    test::ProblemBuilder b(3);
    b.lane(0, 2, test::vehicle(500, 100));
    b.lane(1, 2, test::vehicle(500, 100));
    hold = b.hold(0, 1);
    for (double cube : cubes) b.commodity(test::shipment(0, {0, 1}, 10, cube, 10000));
    problem = b.build();
  }
  Ids early() const { return {0}; }
  Ids late() const { return {hold, 1}; }
  // Commodity k whole on t1's truck where on_t1[k], else on t2's.
  PlanState plan(const std::vector<bool>& on_t1) const {
    PlanState state(problem);
    for (std::size_t k = 0; k < on_t1.size(); ++k) state.add(k, on_t1[k] ? early() : late(), 1.0);
    return state;
  }
};

SearchBudget unlimited() {
  return SearchBudget{};
}

TEST(LocalSearch, ImprovesMeansCheaperBeyondRoundOff) {
  EXPECT_TRUE(improves(100.0, 99.9));
  EXPECT_FALSE(improves(100.0, 100.0));
  EXPECT_FALSE(improves(100.0, 100.0 - 1e-8));  // within 1e-9 × 100
  EXPECT_TRUE(improves(100.0, 100.0 - 1e-6));
  EXPECT_FALSE(improves(100.0, 101.0));
  EXPECT_TRUE(improves(0.5, 0.5 - 2e-9));  // the tolerance is absolute below 1
}

TEST(LocalSearch, LargestFirstOrdersBySizeRelativeToTheLargestVehicleTiesByIndex) {
  // Cube relative to 100 m³: 0.1, 0.5, 0.5, 0.3.
  const TwoDepartures net({10, 50, 50, 30});
  EXPECT_EQ(largest_first(net.problem, {0, 1, 2, 3}), (Ids{1, 2, 3, 0}));
  EXPECT_EQ(largest_first(net.problem, {3, 2, 0}), (Ids{2, 3, 0}));
}

TEST(LocalSearch, RerouteMovesALoneRiderOntoTheLaterTrucksRoom) {
  // 40 m³ on t1 alone, 40 m³ on t2: two trucks (1000). Rerouting commodity 0 empties t1.
  const TwoDepartures net({40, 40});
  Inserter inserter(net.problem);
  PlanState state = net.plan({true, false});
  EXPECT_DOUBLE_EQ(state.objective(), 1000.0);
  EXPECT_EQ(reroute_pass(state, inserter, {0, 1}, unlimited()), 1);
  EXPECT_DOUBLE_EQ(state.objective(), 500.0);
  EXPECT_EQ(state.paths(0)[0].arcs, net.late());
  EXPECT_EQ(state.units(0), 0.0);
  // Nothing left to improve.
  EXPECT_EQ(reroute_pass(state, inserter, {0, 1}, unlimited()), 0);
}

// Two riders of 20 m³ on each departure. Rerouting one alone never pays (its truck still runs
// for the other), so reroute_pass finds nothing; shedding t1's truck takes both out at once and
// they fit t2's 60 m³ of room: one truck, 500.
TEST(LocalSearch, ShedVehiclesMergesTwoHalfFullDeparturesThatNoRerouteCan) {
  const TwoDepartures net({20, 20, 20, 20});
  Inserter inserter(net.problem);
  PlanState state = net.plan({true, true, false, false});
  EXPECT_DOUBLE_EQ(state.objective(), 1000.0);
  EXPECT_EQ(reroute_pass(state, inserter, {0, 1, 2, 3}, unlimited()), 0);
  EXPECT_DOUBLE_EQ(state.objective(), 1000.0);
  EXPECT_EQ(shed_vehicles(state, inserter, unlimited()), 1);
  EXPECT_DOUBLE_EQ(state.objective(), 500.0);
  EXPECT_EQ(state.units(0) + state.units(1), 1.0);
  EXPECT_DOUBLE_EQ(state.load(0)[0] + state.load(1)[0], 80.0);
  for (std::size_t k = 0; k < 4; ++k) EXPECT_DOUBLE_EQ(state.served(k), 1.0) << k;
}

TEST(LocalSearch, ShedVehiclesKeepsATruckWhoseRidersFitNowhereElse) {
  // 60 + 60 m³: one truck each, no room for the other's load. Nothing sheds.
  const TwoDepartures net({60, 60});
  Inserter inserter(net.problem);
  PlanState state = net.plan({true, false});
  EXPECT_EQ(shed_vehicles(state, inserter, unlimited()), 0);
  EXPECT_DOUBLE_EQ(state.objective(), 1000.0);
  EXPECT_EQ(state.paths(0)[0].arcs, net.early());
  EXPECT_EQ(state.paths(1)[0].arcs, net.late());
}

TEST(LocalSearch, DescendReachesTheOneTruckPlan) {
  const TwoDepartures net({20, 20, 20, 20});
  Inserter inserter(net.problem);
  PlanState state = net.plan({true, true, false, false});
  Random random(3);
  EXPECT_GE(descend(state, inserter, random, unlimited()), 1);
  EXPECT_DOUBLE_EQ(state.objective(), 500.0);
}

TEST(LocalSearch, ADescentStopsAfterItsAttempts) {
  // The four 20 m³ riders of DescendReachesTheOneTruckPlan: the first reroute pass tries 4
  // moves and none pays (see ShedVehiclesMergesTwoHalfFullDeparturesThatNoRerouteCan); with 4
  // attempts the shed sweep that would merge the trucks never starts.
  const TwoDepartures net({20, 20, 20, 20});
  Inserter inserter(net.problem);
  PlanState state = net.plan({true, true, false, false});
  Random random(3);
  std::size_t attempts = 4;
  SearchBudget counted;
  counted.attempts_left = &attempts;
  EXPECT_EQ(descend(state, inserter, random, counted), 0);
  EXPECT_EQ(attempts, 0u);
  EXPECT_DOUBLE_EQ(state.objective(), 1000.0);
  // One attempt more is the shed that merges them.
  attempts = 1;
  EXPECT_EQ(descend(state, inserter, random, counted), 0);  // the reroute pass takes it
  attempts = 5;
  EXPECT_GE(descend(state, inserter, random, counted), 1);
  EXPECT_DOUBLE_EQ(state.objective(), 500.0);
}

TEST(LocalSearch, RefusedRuinAndRecreatePutsEveryPathBack) {
  const TwoDepartures net({40, 40});
  Inserter inserter(net.problem);
  PlanState state = net.plan({true, false});
  const bool kept = ruin_and_recreate(state, inserter, {0, 1}, {}, InsertionOrder::as_given,
                                      [](double, double) { return false; });
  EXPECT_FALSE(kept);
  EXPECT_DOUBLE_EQ(state.objective(), 1000.0);
  EXPECT_EQ(state.paths(0)[0].arcs, net.early());
  EXPECT_EQ(state.paths(1)[0].arcs, net.late());
  // Accepted, the same move merges them (500).
  EXPECT_TRUE(ruin_and_recreate(state, inserter, {0, 1}, {}, InsertionOrder::as_given, improves));
  EXPECT_DOUBLE_EQ(state.objective(), 500.0);
}

TEST(LocalSearch, VehicleCapsHoldDuringTheMoveOnlyAndAreLiftedAfter) {
  // One 40 m³ rider on t1; with t1 capped at 0 vehicles it must wait for t2 (a truck there
  // too, 500: not cheaper, so refused by `improves`); the cap is lifted after the move.
  const TwoDepartures net({40});
  Inserter inserter(net.problem);
  PlanState state = net.plan({true});
  EXPECT_FALSE(
      ruin_and_recreate(state, inserter, {0}, {{0, 0.0}}, InsertionOrder::as_given, improves));
  EXPECT_EQ(state.paths(0)[0].arcs, net.early());
  // Accepting anything: the capped departure is avoided.
  EXPECT_TRUE(ruin_and_recreate(state, inserter, {0}, {{0, 0.0}}, InsertionOrder::as_given,
                                [](double, double) { return true; }));
  EXPECT_EQ(state.paths(0)[0].arcs, net.late());
  EXPECT_DOUBLE_EQ(state.marginal_cost(0, 0, 1.0), 500.0);  // cap lifted
}

// One lane at 500; three commodities of penalty 200 each. Alone, none pays for the truck
// (500 > 200), so paying reinsertion leaves all three unserved (600); forced, they open the lane
// together and each then stays on it (removing one saves no truck): 500.
TEST(LocalSearch, ForcedReinsertionOpensALaneOnlySeveralCommoditiesPayFor) {
  test::ParallelLanes net;
  net.add_lane(test::vehicle(500, 100));
  for (int i = 0; i < 3; ++i) net.to_d(10, 10, 200);
  const DesignProblem problem = net.builder.build();
  Inserter inserter(problem);
  PlanState state(problem);
  EXPECT_FALSE(ruin_and_recreate(state, inserter, {0, 1, 2}, {}, InsertionOrder::as_given, improves,
                                 Reinsertion::paying));
  EXPECT_DOUBLE_EQ(state.objective(), 600.0);
  EXPECT_TRUE(ruin_and_recreate(state, inserter, {0, 1, 2}, {}, InsertionOrder::as_given, improves,
                                Reinsertion::forced));
  EXPECT_DOUBLE_EQ(state.objective(), 500.0);
  for (std::size_t k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(state.served(k), 1.0) << k;
  // Two of them alone, forced: 500 + 200 unserved = 700 > 600, refused.
  PlanState two(problem);
  EXPECT_FALSE(ruin_and_recreate(two, inserter, {0, 1}, {}, InsertionOrder::as_given, improves,
                                 Reinsertion::forced));
  EXPECT_DOUBLE_EQ(two.objective(), 600.0);
}

TEST(LocalSearch, AnExpiredBudgetStopsBeforeTheFirstMove) {
  const TwoDepartures net({40, 40});
  Inserter inserter(net.problem);
  PlanState state = net.plan({true, false});
  SearchBudget over;
  over.deadline = Clock::time_point::min();
  Random random(1);
  EXPECT_EQ(reroute_pass(state, inserter, {0, 1}, over), 0);
  EXPECT_EQ(shed_vehicles(state, inserter, over), 0);
  EXPECT_EQ(descend(state, inserter, random, over), 0);
  EXPECT_DOUBLE_EQ(state.objective(), 1000.0);
  std::atomic<bool> stop{true};
  SearchBudget interrupted;
  interrupted.stop = &stop;
  EXPECT_EQ(reroute_pass(state, inserter, {0, 1}, interrupted), 0);
}

}  // namespace
}  // namespace mm::engine
