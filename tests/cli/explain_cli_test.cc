// `middlemile explain` end to end on tests/data/explain/late_alternative.json (worked out in
// tests/explain/explain_test.cc): the instance is planned with `middlemile plan`, then
// explained per demand, departure and facility, as JSON and as text; unknown ids exit 2; and a
// cyclic plan's empty move and fleet (tests/data/balance/shuttle.json).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"

namespace {

using mm::cli_test::CliRun;
using mm::cli_test::quote;

namespace fs = std::filesystem;

const fs::path kExplainInstance = fs::path(MM_TEST_DATA_DIR) / "explain" / "late_alternative.json";

class ExplainCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("mm_explain_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    const CliRun plan = mm::cli_test::run_middlemile(
        "plan " + quote(kExplainInstance.string()) + " -o " + quote((dir_ / "plan.json").string()) +
            " --time-limit 20 --threads 1 --quiet",
        dir_);
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static CliRun explain(const std::string& args) {
    return mm::cli_test::run_middlemile("explain " + quote(kExplainInstance.string()) + " " +
                                            quote((dir_ / "plan.json").string()) + " " + args,
                                        dir_);
  }

  static fs::path dir_;
};

fs::path ExplainCli::dir_;

TEST_F(ExplainCli, DemandJsonHasRoutesAndAlternativesWithWhyNot) {
  const CliRun run = explain("--demand d1 --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  ASSERT_TRUE(json.contains("demand"));
  EXPECT_EQ(json["demand"]["id"], "d1");
  ASSERT_EQ(json["routes"].size(), 1u);
  EXPECT_EQ(json["routes"][0]["legs"][0]["lane"], "fast");
  ASSERT_EQ(json["alternatives"].size(), 2u);
  for (const auto& alt : json["alternatives"]) {
    EXPECT_TRUE(alt.contains("legs"));
    EXPECT_TRUE(alt.contains("cost"));
    EXPECT_TRUE(alt.contains("why_not"));
  }
  EXPECT_EQ(json["alternatives"][0]["why_not"], "arrives late");
  EXPECT_EQ(json["alternatives"][1]["why_not"], "would need another vehicle");
  EXPECT_TRUE(json["unserved"].is_null());
}

TEST_F(ExplainCli, UnservedDemandTextNamesTheReason) {
  const CliRun run = explain("--demand d_nowhere");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("unserved 5 packages: no path in window\n"
                         "  no route at all: no lane path from A to C\n"),
            std::string::npos)
      << run.out;
}

TEST_F(ExplainCli, DepartureAndFacilityJson) {
  const CliRun unused = explain("--departure slow@60 --json");
  ASSERT_EQ(unused.exit_code, 0) << unused.err;
  const auto departure = nlohmann::json::parse(unused.out);
  EXPECT_EQ(departure["departure"]["vehicles"], 0);
  EXPECT_EQ(departure["closing"]["resolved"], false);
  EXPECT_EQ(departure["shadow_prices"]["capacity_in_lp"], false);
  const CliRun facility = explain("--facility A --json");
  ASSERT_EQ(facility.exit_code, 0) << facility.err;
  const auto f = nlohmann::json::parse(facility.out);
  EXPECT_EQ(f["facility"]["packages_out"], 100.0);
  EXPECT_TRUE(f["due_values"].contains("method"));
}

TEST_F(ExplainCli, UnknownIdsAreBadInput) {
  CliRun run = explain("--demand nope");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "error: --demand: demand \"nope\" is not in instance \"late_alternative\"\n");
  run = explain("--departure ferry@60");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "error: --departure: lane \"ferry\" is not in instance \"late_alternative\"\n");
  run = explain("--departure fast");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "error: --departure: expected LANE@MINUTE (e.g. SEA1>SC-PDX@360), got \"fast\"\n");
  run = explain("--facility Z");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "error: --facility: facility \"Z\" is not in instance \"late_alternative\"\n");
  run = explain("");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "error: explain: give one of --demand ID, --departure LANE@MINUTE, --facility ID, "
            "--empty-move LANE@MINUTE, --fleet TYPE\n");
  run = explain("--demand d1 --facility A");
  EXPECT_EQ(run.exit_code, 2);
}

// Cyclic vehicle types (tests/data/balance/shuttle.json: the truck returns empty): why the
// empty move runs and what the fleet is worth, as text and JSON; a bad --empty-move exits 2.
TEST(ExplainCliCyclic, EmptyMoveAndFleet) {
  const fs::path dir =
      fs::temp_directory_path() / ("mm_explain_cyclic_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string instance = quote(std::string(MM_TEST_DATA_DIR) + "/balance/shuttle.json");
  const std::string plan = quote((dir / "plan.json").string());
  const CliRun planned = mm::cli_test::run_middlemile(
      "plan " + instance + " -o " + plan + " --time-limit 3 --threads 1 --quiet", dir);
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  const auto moves =
      nlohmann::json::parse(mm::cli_test::slurp((dir / "plan.json").string())).at("repositioning");
  ASSERT_EQ(moves.size(), 1u);
  const std::string move = moves[0]["lane"].get<std::string>() + "@" +
                           std::to_string(moves[0]["departure_minute"].get<int>());
  CliRun run = mm::cli_test::run_middlemile(
      "explain " + instance + " " + plan + " --empty-move " + quote(move), dir);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("empty move " + move + ": B → A"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("why: t vehicles arrive loaded at B 1 times"), std::string::npos)
      << run.out;
  run = mm::cli_test::run_middlemile(
      "explain " + instance + " " + plan + " --fleet t --json --time-limit 2", dir);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["fleet"]["used"], 1);
  EXPECT_EQ(json["one_fewer"]["delta"], 650.0);
  run = mm::cli_test::run_middlemile(
      "explain " + instance + " " + plan + " --empty-move " + quote(move + "1"), dir);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind("error: the plan has no empty move on lane", 0), 0u) << run.err;
  fs::remove_all(dir);
}

}  // namespace
