// The pipeline's promise (engine/design_solver.h): one seed gives one sequence of plans, with one
// thread or two. On a problem whose solve ends by closing the gap (its strong LP equals the
// integer optimum), 1 and 2 threads return the same plan, proven optimal.
//
// Origins O1 (node 0) and O2 (node 1), a hub H (2), a station D (3); 100 m³ trucks: O1->H,
// O2->H and H->D at 100 (lanes 0-2), direct O1->D and O2->D at 250 (lanes 3, 4). A (O1) and B
// (O2) are 50 m³ each. Via the hub they share H->D: 100 + 100 + 100 = 300; direct 500; one of
// each 450. With the linking rows share <= y every used lane needs a whole truck, so the LP is
// 300 as well and the gap closes.
#include "engine/design_solver.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

DesignProblem two_origins_one_hub() {
  test::ProblemBuilder b(4);
  b.lane(0, 2, test::vehicle(100, 100));
  b.lane(1, 2, test::vehicle(100, 100));
  b.lane(2, 3, test::vehicle(100, 100));
  b.lane(0, 3, test::vehicle(250, 100));
  b.lane(1, 3, test::vehicle(250, 100));
  b.commodity(test::shipment(0, {2, 3}, 10, 50, 1e4, 0, 3));
  b.commodity(test::shipment(1, {2, 4}, 10, 50, 1e4, 1, 3));
  return b.build();
}

DesignSolverResult solve(const DesignProblem& problem, int threads, int lp_rounds = 0,
                         int columns_beside_search = 1) {
  DesignSolverOptions options;
  if (lp_rounds > 0) options.engine.lp_rounds = lp_rounds;
  options.engine.columns_beside_search = columns_beside_search;
  options.time_limit_seconds = 60;  // generous: the solve ends when the gap closes
  options.threads = threads;
  options.seed = 42;
  return solve_design(problem, options, nullptr);
}

TEST(DesignSolver, OneOrTwoThreadsGiveTheSamePlanOnAProblemThatClosesItsGap) {
  const DesignProblem problem = two_origins_one_hub();
  const DesignSolverResult one = solve(problem, 1);
  const DesignSolverResult two = solve(problem, 2);
  for (const DesignSolverResult* r : {&one, &two}) {
    EXPECT_EQ(r->status, SolveStatus::optimal);
    EXPECT_DOUBLE_EQ(r->best.objective, 300.0);
    EXPECT_NEAR(r->lower_bound, 300.0, 1e-6);
    EXPECT_LE(r->gap, 1e-4);
    EXPECT_FALSE(r->interrupted);
  }
  EXPECT_EQ(one.best.objective, two.best.objective);
  EXPECT_EQ(one.best.units, two.best.units);
  EXPECT_EQ(one.best.units, (std::vector<double>{1, 1, 1, 0, 0}));
  ASSERT_EQ(one.best.paths.size(), two.best.paths.size());
  for (std::size_t i = 0; i < one.best.paths.size(); ++i) {
    EXPECT_EQ(one.best.paths[i].commodity, two.best.paths[i].commodity) << i;
    EXPECT_EQ(one.best.paths[i].arcs, two.best.paths[i].arcs) << i;
    EXPECT_EQ(one.best.paths[i].share, two.best.paths[i].share) << i;
  }
  EXPECT_EQ(one.epochs, two.epochs);
  EXPECT_EQ(one.cg_rounds, two.cg_rounds);
  EXPECT_EQ(one.columns, two.columns);
}

// One round of column generation per chunk: the LP has not converged when the CBC searches
// start, so with two threads column generation goes on in a snapshot of the master while they
// search (unless columns_beside_search is 0). The bound closes on the optimum (with two threads
// possibly from the snapshot's rounds, before the master's own LP has converged), and the plan
// is the same as with one thread.
TEST(DesignSolver, ColumnGenerationBesideTheSearchesStillClosesTheGap) {
  const DesignProblem problem = two_origins_one_hub();
  const DesignSolverResult one = solve(problem, 1, 1);
  const DesignSolverResult two = solve(problem, 2, 1);
  const DesignSolverResult apart = solve(problem, 2, 1, 0);
  for (const DesignSolverResult* r : {&one, &two, &apart}) {
    EXPECT_EQ(r->status, SolveStatus::optimal);
    EXPECT_DOUBLE_EQ(r->best.objective, 300.0);
    EXPECT_NEAR(r->lower_bound, 300.0, 1e-6);
    EXPECT_FALSE(r->interrupted);
  }
  EXPECT_EQ(one.best.units, two.best.units);
  EXPECT_EQ(one.best.units, apart.best.units);
}

// A run with no time at all still reports a bound: each commodity on its cheapest path at full
// vehicles, via the hub 50 + 50 for A and for B (direct 125 each), 200.
TEST(DesignSolver, ARunWithoutTimeHasTheFullVehicleBound) {
  const DesignProblem problem = two_origins_one_hub();
  DesignSolverOptions options;
  options.time_limit_seconds = 0;
  const DesignSolverResult r = solve_design(problem, options, nullptr);
  EXPECT_NEAR(r.lower_bound, 200.0, 1e-9);
  EXPECT_GE(r.best.objective, 300.0);
  EXPECT_EQ(r.cg_rounds, 0);
}

}  // namespace
}  // namespace mm::engine
