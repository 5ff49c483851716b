// `middlemile generate --family middle-mile` end to end: a tiny network of the family is valid,
// plans with a short time limit and passes the referee; impossible requests exit 2 with one
// clear line; the sample generator's flags keep their meaning.
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/cli_support.h"

namespace {

using mm::cli_test::CliRun;
using mm::cli_test::quote;
using mm::cli_test::run_cli;

std::string temp(const std::string& name) {
  return ::testing::TempDir() + "/" + name;
}

std::string cities() {
  return quote(std::string(MM_SOURCE_DIR) + "/data/uscities-top1000.csv");
}

// Generates with `flags`, validates, plans for a few seconds and verifies the plan.
void generate_plan_verify(const std::string& name, const std::string& flags) {
  const std::string instance = temp(name + ".json");
  const std::string plan = temp(name + "-plan.json");
  CliRun generated = run_cli("generate --cities " + cities() + " --family middle-mile " + flags +
                             " -o " + quote(instance));
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  EXPECT_NE(generated.out.find("wrote " + instance + " (" + name + ", seed 1)"), std::string::npos)
      << generated.out;
  EXPECT_NE(generated.out.find("packages: "), std::string::npos) << generated.out;
  CliRun validated = run_cli("validate " + quote(instance));
  ASSERT_EQ(validated.exit_code, 0) << validated.err;
  CliRun planned = run_cli("plan " + quote(instance) + " -o " + quote(plan) +
                           " --time-limit 5 --threads 1 --quiet");
  ASSERT_EQ(planned.exit_code, 0) << planned.err << planned.out;
  CliRun verified = run_cli("verify " + quote(instance) + " " + quote(plan));
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  EXPECT_NE(verified.out.find("OK"), std::string::npos) << verified.out;
}

TEST(GenerateCli, TinyMiddleMileNetworkWithSortCapacityPlansAndVerifies) {
  generate_plan_verify("tiny-cap",
                       "--region IL,IN --origins 1 --sort-centers 2 --stations 4 "
                       "--sort-capacity 300 --packages-per-day 2000");
}

TEST(GenerateCli, TinyMiddleMileNetworkWithFreightersPlansAndVerifies) {
  generate_plan_verify("tiny-air",
                       "--origins 1 --sort-centers 3 --air-hubs 2 --stations 4 --freighters 1 "
                       "--packages-per-day 3000 --trunk-departures 4");
}

TEST(GenerateCli, FacilitiesSplitInTheFamilysProportions) {
  CliRun run =
      run_cli("generate --cities " + cities() +
              " --family middle-mile --facilities 40 --days 2 -o " + quote(temp("split.json")));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("facilities: 40 (3 origins, 5 sort centers, 0 air hubs, 32 delivery "
                         "stations)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("demand: 384 ("), std::string::npos) << run.out;  // 3 × 32 × 2 × 2
  EXPECT_NE(run.out.find("over 2 service days; horizon 5 days"), std::string::npos) << run.out;
}

TEST(GenerateCli, ImpossibleRequestsExitTwoWithOneLine) {
  struct Case {
    std::string flags, message;
  };
  for (const Case& c : {
           Case{"--sort-capacity 3000", "error: --sort-capacity needs --family middle-mile\n"},
           Case{"--family middle-mile --demands 10",
                "error: --demands does not apply to --family middle-mile"},
           Case{"--family middle-mile --region VT --stations 50",
                "error: only 1 place in the region (cities 8 km apart) for 50 delivery "
                "stations\n"},
           Case{"--family middle-mile --facilities 20 --origins 2 --sort-centers 2 --stations 5",
                "error: --facilities 20 is not --origins + --sort-centers + --air-hubs + "
                "--stations (9)\n"},
           Case{"--family middle-mile --facilities 10 --origins 4 --sort-centers 6",
                "error: --facilities 10 leaves no delivery station"},
           Case{"--family middle-mile --freighters 3",
                "error: --freighters needs at least one air hub (--air-hubs)\n"},
           Case{"--family national", "--family: national not in {sample,middle-mile}"},
       }) {
    SCOPED_TRACE(c.flags);
    CliRun run = run_cli("generate --cities " + cities() + " " + c.flags + " -o " +
                         quote(temp("never.json")));
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find(c.message), std::string::npos) << run.err;
  }
}

}  // namespace
