#include "baselines/compact_cmnd_mip.h"

#include <gtest/gtest.h>

#include <string>

#include "baselines/cmnd_instance.h"
#include "baselines/cmnd_solution.h"
#include "network/errors.h"
#include "tests/network/error_text.h"

namespace mm::baselines {
namespace {

const std::string kCompactData = MM_TEST_DATA_DIR;

// tiny.dow: A = 10 units 1->4, B = 5 units 2->4. The best design opens 1->2 (30), 2->4 (40,
// capacity 12) and the small free arc 2->4 (10, capacity 4): 15 units need node 2 -> 4, the big
// arc takes 11 (cost 1 each), the small one 4 (cost 0); A pays 10 on 1->2. 80 + 10 + 11 = 101.
// Without the small arc 3 units of A must detour via 3 (121) or B and A split otherwise (≥ 102).
TEST(CompactCmnd, SolvesTinyInstanceToHandComputedOptimum) {
  const CmndInstance instance = read_dow_file(kCompactData + "/cmnd/tiny.dow");
  const CompactCmndResult result = solve_compact_cmnd(instance, 30.0);
  EXPECT_EQ(result.status, CmndStatus::optimal);
  EXPECT_NEAR(result.objective, 101.0, 1e-6);
  EXPECT_NEAR(result.lower_bound, 101.0, 1e-6);
  EXPECT_EQ(result.solution.open_arcs, (std::vector<std::size_t>{1, 2, 3}));

  const CmndCheck check = check_cmnd_solution(instance, result.solution);
  EXPECT_TRUE(check.violations.empty()) << check.violations.front();
  EXPECT_NEAR(check.objective, 101.0, 1e-6);
}

TEST(CompactCmnd, StrongLinkingLpBoundOnSingleArc) {
  // One arc (cost 1, capacity 20, fixed 100), demand 4: strong linking x <= 4 y forces y = 1 in
  // the LP, so the bound is 100 + 4 (the weak bound would be 100 * 4/20 + 4 = 24).
  const CmndInstance instance = read_dow_file(kCompactData + "/cmnd/single_arc.dow");
  EXPECT_NEAR(strong_lp_bound(instance), 104.0, 1e-9);
  const CompactCmndResult result = solve_compact_cmnd(instance, 10.0);
  EXPECT_EQ(result.status, CmndStatus::optimal);
  EXPECT_NEAR(result.objective, 104.0, 1e-9);
}

TEST(CompactCmnd, StrongLpBoundIsBelowTheOptimum) {
  const CmndInstance instance = read_dow_file(kCompactData + "/cmnd/tiny.dow");
  const double bound = strong_lp_bound(instance);
  EXPECT_LE(bound, 101.0 + 1e-9);
  // Every unit pays at least its cheapest path's flow cost (A: 2 via 1-2-4(small), B: 0).
  EXPECT_GT(bound, 20.0);
}

TEST(CompactCmnd, InfeasibleInstanceHasNoSolution) {
  // Demand 30 over one arc of capacity 20.
  CmndInstance instance;
  instance.name = "over";
  instance.nodes = 2;
  instance.arcs = {{0, 1, 1.0, 20.0, 100.0}};
  instance.commodities = {{0, 1, 30.0}};
  const CompactCmndResult result = solve_compact_cmnd(instance, 10.0);
  EXPECT_EQ(result.status, CmndStatus::no_solution);
  EXPECT_TRUE(result.solution.open_arcs.empty());
  EXPECT_EQ(strong_lp_bound(instance), std::numeric_limits<double>::infinity());
}

TEST(CmndSolutionJson, RoundTripsAndKeepsShape) {
  CmndSolution solution;
  solution.open_arcs = {1, 4};
  solution.flows = {{0, 1, 10.0}, {1, 4, 0.1}};
  const std::string text = write_cmnd_solution_json(solution);
  EXPECT_EQ(text,
            "{\"open_arcs\": [1, 4],\n \"flows\": [\n"
            "  {\"commodity\": 0, \"arc\": 1, \"flow\": 10.0},\n"
            "  {\"commodity\": 1, \"arc\": 4, \"flow\": 0.1}\n ]}\n");
  const CmndSolution back = parse_cmnd_solution_json(text, "s.json");
  EXPECT_EQ(back.open_arcs, solution.open_arcs);
  ASSERT_EQ(back.flows.size(), 2u);
  EXPECT_EQ(back.flows[1].commodity, 1u);
  EXPECT_EQ(back.flows[1].arc, 4u);
  EXPECT_EQ(back.flows[1].flow, 0.1);
  EXPECT_EQ(write_cmnd_solution_json(CmndSolution{}), "{\"open_arcs\": [],\n \"flows\": []}\n");
}

// Every problem, each "<source>: <problem>", joined by " | " (tests/network/error_text.h).
std::string parse_error(const std::string& text) {
  return network::error_text([&] { parse_cmnd_solution_json(text, "s.json"); });
}

TEST(CmndSolutionJson, RejectsBadInputWithJsonPath) {
  EXPECT_EQ(parse_error("{\"open_arcs\": [], \"flows\": [], \"x\": 1}"),
            "s.json: x: unknown field (expected one of: open_arcs, flows)");
  EXPECT_EQ(parse_error("{\"flows\": []}"), "s.json: (root): missing required field \"open_arcs\"");
  EXPECT_EQ(parse_error("{\"open_arcs\": [-1], \"flows\": []}"),
            "s.json: open_arcs[0]: must be >= 0 (got -1)");
  EXPECT_EQ(parse_error("{\"open_arcs\": [], \"flows\": [{\"commodity\": 0, \"arc\": 1.5, "
                        "\"flow\": 1}]}"),
            "s.json: flows[0].arc: must be an integer (got 1.5)");
  EXPECT_EQ(parse_error("{\"open_arcs\": [], \"flows\": [{\"commodity\": 0, \"arc\": 1}]}"),
            "s.json: flows[0]: missing required field \"flow\"");
  EXPECT_EQ(parse_error("[1]"), "s.json: (root): must be an object (got an array)");
}

TEST(CheckCmndSolution, ReportsEveryViolation) {
  const CmndInstance instance = read_dow_file(kCompactData + "/cmnd/tiny.dow");
  CmndSolution solution;
  solution.open_arcs = {1, 2, 9, 1};
  solution.flows = {
      {0, 1, 10.0},  // A on 1->2
      {0, 2, 10.0},  // A on 2->4 (big)
      {1, 2, 5.0},   // B on 2->4 (big): load 15 > capacity 12
      {1, 3, -1.0},  // negative, and on the closed small arc
      {1, 3, 1.0},   // duplicate entry (total 0 on arc 3 then)
      {0, 4, 2.0},   // A on 1->3 closed, and it does not continue: node 2 (0-based) unbalanced
      {7, 0, 1.0},   // no such commodity
  };
  const CmndCheck check = check_cmnd_solution(instance, solution);
  // Fixed 30 + 40; flows 10 + 10 + 5 + 0 (arc 3 has unit cost 0) + 2*2.
  EXPECT_NEAR(check.objective, 99.0, 1e-12);
  const std::vector<std::string> expected = {
      "open_arcs[2]: arc 9 does not exist (6 arcs)",
      "open_arcs[3]: arc 1 listed twice",
      "flows[3]: negative flow -1.0",
      "flows[4]: commodity 1 on arc 3 already given in flows[3]",
      "flows[6]: commodity 7 does not exist (2 commodities)",
      "arc 2: flow 15.0 exceeds capacity 12.0",
      "arc 4: flow 2.0 on a closed arc",
      "commodity 0 node 0: net outflow 12.0, expected 10.0",
      "commodity 0 node 2: net outflow -2.0, expected 0.0",
  };
  EXPECT_EQ(check.violations, expected);
}

TEST(CheckCmndSolution, AcceptsAFeasibleSolutionAndCountsUnmetDemand) {
  const CmndInstance instance = read_dow_file(kCompactData + "/cmnd/single_arc.dow");
  CmndSolution solution;
  solution.open_arcs = {0};
  solution.flows = {{0, 0, 4.0}};
  CmndCheck check = check_cmnd_solution(instance, solution);
  EXPECT_TRUE(check.violations.empty());
  EXPECT_EQ(check.objective, 104.0);

  solution.flows.clear();
  check = check_cmnd_solution(instance, solution);
  EXPECT_EQ(check.violations,
            (std::vector<std::string>{"commodity 0 node 0: net outflow 0.0, expected 4.0",
                                      "commodity 0 node 1: net outflow 0.0, expected -4.0"}));
}

}  // namespace
}  // namespace mm::baselines
