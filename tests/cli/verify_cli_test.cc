// `middlemile verify INSTANCE PLAN` end to end: the built binary on the hand-computed plan of
// tests/data/verify (the same instance and plan as tests/network/plan_verifier_test.cc), on a
// copy with a wrong objective and a late route, and on an unreadable plan.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include "tests/cli/cli_support.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using mm::cli_test::CliRun;
using mm::cli_test::quote;
using mm::cli_test::slurp;

namespace fs = std::filesystem;

const fs::path kData = fs::path(MM_TEST_DATA_DIR) / "verify";

class VerifyCli : public mm::cli_test::CliTest {
 protected:
  VerifyCli() : CliTest("verify") {}

  CliRun verify(const fs::path& instance, const fs::path& plan) const {
    return mm::cli_test::run_middlemile(
        "verify " + quote(instance.string()) + " " + quote(plan.string()), dir_);
  }

  // Writes the reference plan with each `from` replaced by `to` (each must occur once).
  fs::path mutated_plan(const std::vector<std::pair<std::string, std::string>>& edits) const {
    std::string text = slurp(kData / "tiny_plan.json");
    for (const auto& [from, to] : edits) {
      const auto at = text.find(from);
      EXPECT_NE(at, std::string::npos) << from;
      EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from;
      if (at != std::string::npos) text.replace(at, from.size(), to);
    }
    const fs::path path = dir_ / "plan.json";
    std::ofstream(path) << text;
    return path;
  }
};

TEST_F(VerifyCli, ValidPlanPasses) {
  const CliRun run = verify(kData / "tiny_instance.json", kData / "tiny_plan.json");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "verify: OK (objective 6044 recomputed 6044)\n");
  EXPECT_EQ(run.err, "");
}

TEST_F(VerifyCli, BrokenPlanListsEveryViolationAndExits2) {
  const fs::path plan = mutated_plan({
      {"\"objective\": 6044.0", "\"objective\": 6100.0"},
      {"\"gap\": 0.007279947054930509", "\"gap\": 0.01639344262295082"},
      {"{\"lane\": \"SC-PDX>DS-EUG\", \"departure_minute\": 720}",
       "{\"lane\": \"SC-PDX>DS-EUG\", \"departure_minute\": 660}"},
  });
  const CliRun run = verify(kData / "tiny_instance.json", plan);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.out,
            "violation: routes[0].legs[1].departure_minute: lane \"SC-PDX>DS-EUG\" has no "
            "departure at minute 660\n"
            "violation: routes[0].legs[1]: departs SC-PDX at minute 660 but package is available "
            "only at 690 (arrival 600 + handling 90)\n"
            "violation: routes[0].arrival_minute: is 840 but the last leg arrives at 780 "
            "(departure 660 + transit 120)\n"
            "violation: departures[1].load.packages: is 1200 but the routes on this departure "
            "carry 0\n"
            "violation: departures[1].load.cube_m3: is 30 but the routes on this departure carry "
            "0\n"
            "violation: departures[1].load.weight_kg: is 4000 but the routes on this departure "
            "carry 0\n"
            "violation: routes[0].legs[1]: rides lane \"SC-PDX>DS-EUG\" at minute 660 but there "
            "is no departures entry for it\n"
            "violation: objective: is 6100 but recomputed 6044\n"
            "verify: 8 violations (objective 6100 recomputed 6044)\n");
}

TEST_F(VerifyCli, UnreadablePlanIsBadInput) {
  const CliRun run = verify(kData / "tiny_instance.json", dir_ / "missing.json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err.rfind("error: ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find("missing.json"), std::string::npos) << run.err;
}

TEST_F(VerifyCli, PlanForAnotherInstanceIsAViolation) {
  const fs::path plan = mutated_plan({{"\"instance\": \"tiny\"", "\"instance\": \"other\""}});
  const CliRun run = verify(kData / "tiny_instance.json", plan);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.out,
            "violation: instance: plan is for instance \"other\" but the instance is \"tiny\"\n"
            "verify: 1 violation (objective 6044 recomputed 6044)\n");
}

}  // namespace
