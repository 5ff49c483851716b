// The project's one CBC driver (mip/cbc_driver.h) on small MIPs with hand-checked optima: the
// outcome, the MIP start and the cutoff, the stop flag, and models solved from several threads
// at once (the process-wide lock runs them one at a time).
#include "mip/cbc_driver.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>

namespace mm::mip {
namespace {

// A knapsack the LP relaxation does not solve: max 8x + 11y + 6z + 4w (as the min of the
// negation) s.t. 5x + 7y + 4z + 3w <= 14, binary. Optimum y = z = w = 1, value 21; the LP bound
// is 22 (x = 1, y = 1, z = 0.5), so CBC has to branch or cut.
OsiClpSolverInterface knapsack() {
  CoinPackedMatrix matrix(false, 0, 0);
  const int index[] = {0, 1, 2, 3};
  const double weight[] = {5, 7, 4, 3};
  matrix.appendRow(4, index, weight);
  const double lower[] = {0, 0, 0, 0}, upper[] = {1, 1, 1, 1};
  const double objective[] = {-8, -11, -6, -4};
  const double row_lower[] = {-COIN_DBL_MAX}, row_upper[] = {14};
  OsiClpSolverInterface solver;
  solver.loadProblem(matrix, lower, upper, objective, row_lower, row_upper);
  for (int j = 0; j < 4; ++j) solver.setInteger(j);
  solver.messageHandler()->setLogLevel(0);
  return solver;
}

TEST(CbcDriver, SolvesAKnapsackToItsOptimum) {
  OsiClpSolverInterface solver = knapsack();
  CbcModel model(solver);
  CbcOptions options;
  options.seconds = 20.0;
  const CbcRun run = run_cbc(model, options);
  EXPECT_EQ(run.outcome, CbcOutcome::optimal);
  EXPECT_TRUE(run.search_complete);
  ASSERT_NE(model.bestSolution(), nullptr);
  EXPECT_NEAR(model.getObjValue(), -21.0, 1e-9);
  const double* x = model.bestSolution();
  EXPECT_NEAR(x[0], 0.0, 1e-9);
  EXPECT_NEAR(x[1] + x[2] + x[3], 3.0, 1e-9);
}

// A start at the optimum and a cutoff just below it: CBC finds nothing better, and the model
// keeps the start.
TEST(CbcDriver, StartAndCutoff) {
  OsiClpSolverInterface solver = knapsack();
  CbcModel model(solver);
  const std::vector<double> start = {0, 1, 1, 1};
  CbcOptions options;
  options.seconds = 20.0;
  options.start = &start;
  options.start_objective = -21.0;
  options.cutoff = -21.0 - 1e-6;
  const CbcRun run = run_cbc(model, options);
  EXPECT_NE(run.outcome, CbcOutcome::not_run);
  EXPECT_TRUE(run.search_complete);  // nothing better than the cutoff, and that is proven
  ASSERT_NE(model.bestSolution(), nullptr);
  EXPECT_NEAR(model.getObjValue(), -21.0, 1e-9);
}

// The root alone (no nodes, cuts or heuristics) cannot close the knapsack (LP 22, optimum 21):
// the search is cut short, and said to be.
TEST(CbcDriver, ANodeLimitThatCutsTheSearchShortIsNotComplete) {
  OsiClpSolverInterface solver = knapsack();
  CbcModel model(solver);
  CbcOptions options;
  options.seconds = 20.0;
  options.arguments = {"-preprocess",      "off", "-cuts",     "off",
                       "-heuristicsOnOff", "off", "-maxNodes", "0"};
  const CbcRun run = run_cbc(model, options);
  EXPECT_NE(run.outcome, CbcOutcome::optimal);
  EXPECT_FALSE(run.search_complete);
}

TEST(CbcDriver, DoesNotStartWhenStoppedOrOutOfTime) {
  OsiClpSolverInterface solver = knapsack();
  {
    CbcModel model(solver);
    const std::atomic<bool> stop{true};
    CbcOptions options;
    options.stop = &stop;
    const CbcRun run = run_cbc(model, options);
    EXPECT_EQ(run.outcome, CbcOutcome::not_run);
    EXPECT_FALSE(run.search_complete);
    EXPECT_EQ(model.bestSolution(), nullptr);
  }
  {
    CbcModel model(solver);
    CbcOptions options;
    options.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    options.minimum_seconds = 0.05;
    EXPECT_EQ(run_cbc(model, options).outcome, CbcOutcome::not_run);
  }
}

// Four threads at once, each with its own model: every one gets the optimum. (Unserialized,
// Debian's CBC 2.10 was seen to crash in CglPreProcess with two at once.)
TEST(CbcDriver, ModelsFromSeveralThreadsAllSolve) {
  std::vector<double> values(4, 0.0);
  std::vector<CbcOutcome> outcomes(4, CbcOutcome::not_run);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &values, &outcomes] {
      OsiClpSolverInterface solver = knapsack();
      CbcModel model(solver);
      CbcOptions options;
      options.seconds = 20.0;
      outcomes[t] = run_cbc(model, options).outcome;
      values[t] = model.bestSolution() ? model.getObjValue() : NAN;
    });
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) {
    EXPECT_EQ(outcomes[t], CbcOutcome::optimal) << t;
    EXPECT_NEAR(values[t], -21.0, 1e-9) << t;
  }
}

TEST(CbcDriver, OutcomeNames) {
  EXPECT_STREQ(to_string(CbcOutcome::optimal), "optimal");
  EXPECT_STREQ(to_string(CbcOutcome::not_run), "not_run");
}

}  // namespace
}  // namespace mm::mip
