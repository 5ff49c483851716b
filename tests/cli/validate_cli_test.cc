// `middlemile validate` end to end: runs the built binary on the FORMAT.md example and on
// broken files, and checks exit codes, the summary on stdout and the error lines on stderr.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include "tests/cli/cli_support.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using mm::cli_test::CliRun;
using mm::cli_test::quote;
using mm::cli_test::run_cli;
using mm::cli_test::slurp;

std::string data(const std::string& name) {
  return std::string(MM_TEST_DATA_DIR) + "/" + name;
}

TEST(ValidateCli, FormatExampleIsValidAndSummarized) {
  CliRun run = run_cli("validate '" + data("tiny.json") + "'");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  for (const char* line : {
           "valid instance \"tiny\"\n",
           "horizon: 2880 minutes, time step 30 minutes\n",
           "facilities: 3 (origin 1, sort_center 1, air_hub 0, delivery_station 1)\n",
           "vehicle types: 2 (truck 1, air 1)\n",
           // 3 given departures + 96 defaults (every 30 minutes in 2880).
           "lanes: 2 (truck 2 with 99 departures; air 0 with 0 departures)\n",
           "demand: 1 (1200 packages, 30.5 m3, 4000 kg)\n",
           "unserved penalty: 50 per package\n",
       }) {
    EXPECT_NE(run.out.find(line), std::string::npos) << line << "in:\n" << run.out;
  }
  // FORMAT.md/TEN rules fix these: lane 2's 5 departures after minute 2720 arrive after the
  // horizon; nodes are SEA1 {120, 360, 720, 1080, 2880}, SC-PDX {0, 30, ..., 2700, 2880} and
  // DS-EUG {2880}; holding arcs join consecutive nodes of a facility (98 - 3).
  EXPECT_NE(run.out.find("time-expanded network: 98 nodes, 94 dispatch arcs, 95 holding arcs, 5 "
                         "dropped departures"),
            std::string::npos)
      << run.out;
}

TEST(ValidateCli, BrokenFileExitsTwoWithEveryProblemOnStderr) {
  std::string file = data("broken/many_errors.json");
  CliRun run = run_cli("validate '" + file + "'");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("error: lanes[0].to: unknown facility \"PDX9\"\n"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("error: demand[0].packages: must be > 0 (got 0)\n"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("error: " + file + ": 9 validation errors\n"), std::string::npos)
      << run.err;
  // One line per problem plus the count.
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 10);
}

TEST(ValidateCli, InvalidJsonAndMissingFilesExitTwo) {
  std::string file = data("broken/bad_json_syntax.json");
  CliRun syntax = run_cli("validate '" + file + "'");
  EXPECT_EQ(syntax.exit_code, 2);
  EXPECT_EQ(syntax.err.rfind("error: " + file + ":4:27: invalid JSON: ", 0), 0u) << syntax.err;

  std::string missing = data("no_such_instance.json");
  CliRun absent = run_cli("validate '" + missing + "'");
  EXPECT_EQ(absent.exit_code, 2);
  EXPECT_EQ(absent.err, "error: " + missing + ": cannot read: No such file or directory\n");
}

TEST(ValidateCli, MissingArgumentIsAUsageError) {
  CliRun run = run_cli("validate");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("INSTANCE"), std::string::npos) << run.err;
}

}  // namespace
