// The design-balanced CMND (baselines/cmnd_balance.h): the cheapest arcs that balance a design,
// the arcs to close where openings cannot, the compact model with balance rows, and the engine
// on c33 with the balance cost.
#include "baselines/cmnd_balance.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "baselines/cmnd_design.h"
#include "baselines/cmnd_instance.h"
#include "baselines/cmnd_solution.h"
#include "baselines/compact_cmnd_mip.h"

namespace mm::baselines {
namespace {

const std::string kData = MM_TEST_DATA_DIR;

// Nodes 1, 2, 3; one commodity of 5 units from 1 to 2. Arcs (0-based): 0 = 1->2 (unit 1,
// fixed 10), 1 = 2->3 (fixed 10), 2 = 3->1 (fixed 10), 3 = 2->1 (fixed 25). Unbalanced: open
// 1->2 alone, 10 + 5 = 15. Balanced, a vehicle must come back to 1: via 3 (10 + 10) beats the
// direct 2->1 (25), so 15 + 20 = 35.
CmndInstance triangle() {
  std::istringstream in(
      "TRIANGLE\n3 4 1\n"
      "1 2 1 10 10 1 1\n2 3 1 10 10 1 2\n3 1 1 10 10 1 3\n2 1 1 10 25 1 4\n"
      "1 2 5\n");
  return parse_dow(in, "triangle.dow", "triangle");
}

TEST(CmndBalance, CheapestArcsThatBalanceADesign) {
  const CmndInstance instance = triangle();
  const auto added = balancing_arcs(instance, {true, false, false, false});
  ASSERT_TRUE(added.has_value());
  EXPECT_EQ(*added, (std::vector<std::size_t>{1, 2}));
  EXPECT_TRUE(balancing_arcs(instance, {true, true, true, false})->empty());
}

// Nodes 1, 2, 3; arcs 0 = 1->2, 1 = 3->2, 2 = 2->1. With 1->2 and 3->2 open, node 2 has two
// open arcs in and one arc out: opening 2->1 leaves one too many in, and node 3 has no arc in
// to open. Openings alone cannot balance it; closing 3->2 (its flow rerouted) can.
TEST(CmndBalance, ClosingAnArcWhereOpeningsCannotBalance) {
  std::istringstream in(
      "CLOSING\n3 3 1\n"
      "1 2 1 10 10 1 1\n3 2 1 10 10 1 2\n2 1 1 10 10 1 3\n"
      "1 2 5\n");
  const CmndInstance instance = parse_dow(in, "closing.dow", "closing");
  EXPECT_FALSE(balancing_arcs(instance, {true, true, false}).has_value());
  const auto moves = balancing_moves(instance, {true, true, false});
  ASSERT_TRUE(moves.has_value());
  EXPECT_EQ(moves->open, (std::vector<std::size_t>{2}));
  EXPECT_EQ(moves->close, (std::vector<std::size_t>{1}));
  // A balanced design needs no move; one with openings enough needs no closing.
  EXPECT_TRUE(balancing_moves(instance, {true, false, true})->close.empty());
  EXPECT_TRUE(balancing_moves(instance, {true, false, true})->open.empty());
}

TEST(CmndBalance, CompactModelWithBalanceRows) {
  const CmndInstance instance = triangle();
  EXPECT_NEAR(solve_compact_cmnd(instance, 10.0).objective, 15.0, 1e-6);
  const CompactCmndResult balanced = solve_compact_cmnd(instance, 10.0, true);
  EXPECT_EQ(balanced.status, CmndStatus::optimal);
  EXPECT_NEAR(balanced.objective, 35.0, 1e-6);
  const CmndCheck check = check_cmnd_solution(instance, balanced.solution, 1e-6, true);
  EXPECT_TRUE(check.violations.empty());
  // The unbalanced optimum fails the balanced check.
  EXPECT_FALSE(
      check_cmnd_solution(instance, solve_compact_cmnd(instance, 10.0).solution, 1e-6, true)
          .violations.empty());
}

TEST(CmndBalance, OneDesignRowPerNode) {
  const CmndInstance instance = triangle();
  EXPECT_TRUE(cmnd_design_problem(instance).design_rows.empty());
  const engine::DesignProblem problem = cmnd_design_problem(instance, true);
  ASSERT_EQ(problem.design_rows.size(), 3u);
  // Node 2 (index 1): 1->2 enters it, 2->3 and 2->1 leave it.
  using Entries = std::vector<std::pair<std::size_t, double>>;
  EXPECT_EQ(problem.design_rows[1].arcs, (Entries{{0, -1.0}, {1, 1.0}, {3, 1.0}}));
}

TEST(CmndBalance, TheBoundKeepsTheBalanceRows) {
  // With the rows in the master LP, strong linking opens 1->2 whole and balance asks for the
  // cheapest way back (10 + 10): the bound is the balanced optimum, 35, not the plain 15.
  const CmndInstance instance = triangle();
  engine::DesignSolverOptions options;
  options.time_limit_seconds = 5.0;
  options.threads = 1;
  const CmndEngineResult plain = solve_cmnd(instance, options, nullptr);
  EXPECT_NEAR(plain.objective, 15.0, 1e-6);
  EXPECT_LE(plain.lower_bound, 15.0 + 1e-6);
  const CmndEngineResult balanced = solve_cmnd(instance, options, nullptr, true);
  ASSERT_NE(balanced.status, CmndStatus::no_solution);
  EXPECT_NEAR(balanced.objective, 35.0, 1e-6);
  EXPECT_NEAR(balanced.lower_bound, 35.0, 1e-6);
  const CmndCheck check = check_cmnd_solution(instance, balanced.solution, 1e-6, true);
  for (const std::string& v : check.violations) ADD_FAILURE() << v;
}

TEST(CmndBalance, EngineFindsABalancedDesignOnC33) {
  // CBC on the strong formulation with balance rows proves 434,469 for c33 (issue 16).
  const CmndInstance instance = read_dow_file(kData + "/cmnd/c33.dow");
  engine::DesignSolverOptions options;
  options.time_limit_seconds = 5.0;
  options.threads = 1;
  const CmndEngineResult result = solve_cmnd(instance, options, nullptr, true);
  ASSERT_NE(result.status, CmndStatus::no_solution);
  const CmndCheck check = check_cmnd_solution(instance, result.solution, 1e-6, true);
  for (const std::string& v : check.violations) ADD_FAILURE() << v;
  EXPECT_NEAR(check.objective, result.objective, 1e-6 * result.objective);
  EXPECT_GE(result.objective, 434469.0 - 1e-6);
  EXPECT_LE(result.lower_bound, 434469.0 + 1e-6);
}

}  // namespace
}  // namespace mm::baselines
