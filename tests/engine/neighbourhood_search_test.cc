// Large-neighbourhood search (engine/neighbourhood_search.h): from the all-unserved plan it finds
// the lane that only three commodities together pay for (500 against 600 of penalties); on
// return the state holds the best plan, never worse than at entry even when record-to-record
// travel wanders through worse plans; one seed gives one run; no iterations, no search.
#include "engine/neighbourhood_search.h"

#include <gtest/gtest.h>

#include <vector>

#include "engine/local_search.h"
#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

// One lane at 500 per 100 m³ truck; three commodities of 10 m³ and penalty 200 each.
DesignProblem shared_lane() {
  test::ParallelLanes net;
  net.add_lane(test::vehicle(500, 100));
  for (int i = 0; i < 3; ++i) net.to_d(10, 10, 200);
  return net.builder.build();
}

NeighbourhoodSearchOptions options(int iterations, double threshold) {
  NeighbourhoodSearchOptions o;
  o.iterations = iterations;
  o.start_threshold = threshold;
  o.min_removed = 2;
  o.max_removed = 5;
  return o;
}

TEST(NeighbourhoodSearch, FindsTheLaneOnlyThreeCommoditiesTogetherPayFor) {
  const DesignProblem problem = shared_lane();
  Inserter inserter(problem);
  PlanState state(problem);
  EXPECT_DOUBLE_EQ(state.objective(), 600.0);
  Random random(5);
  std::vector<double> bests;
  int heartbeats = 0;
  const NeighbourhoodSearchResult result = neighbourhood_search(
      state, inserter, random, options(200, 0.005), SearchBudget{},
      [&](const PlanState& best) { bests.push_back(best.objective()); },
      [&](int) { ++heartbeats; });
  EXPECT_DOUBLE_EQ(state.objective(), 500.0);
  for (std::size_t k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(state.served(k), 1.0) << k;
  EXPECT_EQ(result.iterations, 200);
  EXPECT_EQ(result.improvements, static_cast<int>(bests.size()));
  ASSERT_FALSE(bests.empty());
  EXPECT_DOUBLE_EQ(bests.back(), 500.0);
  EXPECT_GT(heartbeats, 0);
}

TEST(NeighbourhoodSearch, ReturnsTheBestPlanEvenAfterAcceptingWorseOnes) {
  // Start at the optimum (all three on the lane, 500) with a threshold that accepts plans up to
  // twice the best: the walk goes through worse plans, the state comes back at 500.
  const DesignProblem problem = shared_lane();
  Inserter inserter(problem);
  PlanState state(problem);
  for (std::size_t k = 0; k < 3; ++k) state.add(k, {0}, 1.0);
  EXPECT_DOUBLE_EQ(state.objective(), 500.0);
  Random random(11);
  const NeighbourhoodSearchResult result = neighbourhood_search(
      state, inserter, random, options(100, 1.0), SearchBudget{}, nullptr, nullptr);
  EXPECT_EQ(result.improvements, 0);
  EXPECT_DOUBLE_EQ(state.objective(), 500.0);
  for (std::size_t k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(state.served(k), 1.0) << k;
}

TEST(NeighbourhoodSearch, NeverEndsWorseThanItStartsAndOneSeedGivesOneRun) {
  const DesignProblem problem = test::hub_and_vans();
  Inserter inserter(problem);
  PlanState start(problem);
  for (std::size_t k : largest_first(problem, {0, 1, 2, 3, 4, 5, 6, 7})) inserter.insert(start, k);
  const double entry = start.objective();
  auto run = [&](std::uint64_t seed, NeighbourhoodSearchResult& result) {
    PlanState state = start;
    Random random(seed);
    result = neighbourhood_search(state, inserter, random, options(300, 0.05), SearchBudget{},
                                  nullptr, nullptr);
    return state.solution();
  };
  NeighbourhoodSearchResult first_result, second_result;
  const DesignSolution first = run(7, first_result);
  const DesignSolution second = run(7, second_result);
  EXPECT_LE(first.objective, entry + 1e-9);
  EXPECT_EQ(first.objective, second.objective);
  EXPECT_EQ(first.units, second.units);
  ASSERT_EQ(first.paths.size(), second.paths.size());
  for (std::size_t i = 0; i < first.paths.size(); ++i) {
    EXPECT_EQ(first.paths[i].commodity, second.paths[i].commodity) << i;
    EXPECT_EQ(first.paths[i].arcs, second.paths[i].arcs) << i;
    EXPECT_EQ(first.paths[i].share, second.paths[i].share) << i;
  }
  EXPECT_EQ(first_result.iterations, second_result.iterations);
  EXPECT_EQ(first_result.improvements, second_result.improvements);
}

TEST(NeighbourhoodSearch, NoIterationsOrAnExpiredBudgetLeaveTheStateAsItWas) {
  const DesignProblem problem = shared_lane();
  Inserter inserter(problem);
  PlanState state(problem);
  Random random(1);
  EXPECT_EQ(neighbourhood_search(state, inserter, random, options(0, 0.005), SearchBudget{},
                                 nullptr, nullptr)
                .iterations,
            0);
  SearchBudget over;
  over.deadline = Clock::time_point::min();
  EXPECT_EQ(
      neighbourhood_search(state, inserter, random, options(50, 0.005), over, nullptr, nullptr)
          .iterations,
      0);
  EXPECT_DOUBLE_EQ(state.objective(), 600.0);
}

}  // namespace
}  // namespace mm::engine
