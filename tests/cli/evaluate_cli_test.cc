// `middlemile evaluate` end to end: results JSON and CSV, difference layers, per-scenario plans
// that `verify` accepts, and the errors of bad scenario files (docs/SCENARIOS.md).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"

namespace mm::cli_test {
namespace {

namespace fs = std::filesystem;

const std::string kData = std::string(MM_TEST_DATA_DIR) + "/scenarios/";

class EvaluateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mm_evaluate_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(EvaluateCli, WritesResultsLayersAndPlansThatVerify) {
  const CliRun run = run_middlemile(
      "evaluate " + quote(kData + "far_center.json") + " --scenarios " +
          quote(kData + "near_center.json") + " -o " + quote((dir_ / "results.json").string()) +
          " --geo-out " + quote((dir_ / "diff.gpkg").string()) + " --plans-dir " +
          quote((dir_ / "plans").string()) + " --time-limit 5 --baseline-time-limit 5 --quiet",
      dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_NE(run.out.find("close Boise"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("(every plan verified)"), std::string::npos) << run.out;

  const auto results = nlohmann::json::parse(slurp(dir_ / "results.json"));
  EXPECT_EQ(results["format"], "middlemile-evaluation/1");
  EXPECT_EQ(results["start"], "warm");
  ASSERT_EQ(results["scenarios"].size(), 4u);
  const auto& close = results["scenarios"][1];
  EXPECT_EQ(close["name"], "close Boise");
  EXPECT_EQ(close["changes"], nlohmann::json::array({"closed \"SC-BOI\": 2 lanes removed"}));
  EXPECT_DOUBLE_EQ(close["unserved_packages"].get<double>(), 2500.0);
  EXPECT_DOUBLE_EQ(close["on_time_share"].get<double>(), 0.0);
  EXPECT_EQ(close["verified"], true);
  for (const char* key :
       {"objective", "delta_objective", "delta_percent", "cost", "vehicle_trips", "fill_cube",
        "lanes_opened", "lanes_closed", "lanes_added", "lanes_removed", "rerouted_demands",
        "seconds", "warm_start", "incumbents"})
    EXPECT_TRUE(close.contains(key)) << key;
  EXPECT_DOUBLE_EQ(
      close["delta_objective"].get<double>(),
      close["objective"].get<double>() - results["baseline"]["objective"].get<double>());

  std::istringstream csv(slurp(dir_ / "results.csv"));
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(csv, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0].rfind("scenario,status,objective,delta_objective,", 0), 0u);
  EXPECT_EQ(lines[1].rfind("baseline,", 0), 0u);
  EXPECT_EQ(lines[3].rfind("close Boise,", 0), 0u);

  const CliRun layers = run_shell("ogrinfo -ro -q " + quote((dir_ / "diff.gpkg").string()), dir_);
  ASSERT_EQ(layers.exit_code, 0) << layers.err;
  EXPECT_NE(layers.out.find("lane_changes (Line String)"), std::string::npos) << layers.out;
  EXPECT_NE(layers.out.find("facility_changes (Point)"), std::string::npos) << layers.out;
  const CliRun closed = run_shell(
      "ogrinfo -ro -q -sql \"SELECT change FROM lane_changes WHERE scenario = 'close Boise'\" " +
          quote((dir_ / "diff.gpkg").string()),
      dir_);
  EXPECT_NE(closed.out.find("change (String) = closed"), std::string::npos) << closed.out;

  for (const char* stem : {"open_Portland", "close_Boise", "two_trucks", "bigger_trucks"}) {
    const fs::path plans = dir_ / "plans";
    const CliRun verify = run_middlemile(
        "verify " + quote((plans / (std::string(stem) + ".instance.json")).string()) + " " +
            quote((plans / (std::string(stem) + ".plan.json")).string()),
        dir_);
    EXPECT_EQ(verify.exit_code, 0) << stem << ": " << verify.out << verify.err;
  }
}

TEST_F(EvaluateCli, BadScenariosFailBeforeSolvingNamingTheScenarioAndChange) {
  const fs::path scenarios = dir_ / "bad.json";
  std::ofstream(scenarios) << R"({"format": "middlemile-scenarios/1", "scenarios": [
      {"name": "typo", "changes": [{"type": "close_facility", "facility": "SC-BIO"}]}]})";
  const CliRun run =
      run_middlemile("evaluate " + quote(kData + "far_center.json") + " --scenarios " +
                         quote(scenarios.string()) + " -o " + quote((dir_ / "r.json").string()),
                     dir_);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "error: scenarios[0].changes[0].facility: unknown facility \"SC-BIO\" (scenario "
            "\"typo\")\nerror: " +
                scenarios.string() + ": 1 validation error\n");
  EXPECT_FALSE(fs::exists(dir_ / "r.json"));
}

TEST_F(EvaluateCli, NeedsScenariosOrASweepAndAJsonResultsFile) {
  const std::string instance = quote(kData + "far_center.json");
  CliRun run =
      run_middlemile("evaluate " + instance + " -o " + quote((dir_ / "r.json").string()), dir_);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "error: give either --scenarios FILE or --sweep RULE\n");
  run = run_middlemile("evaluate " + instance + " --sweep close-each=sort_center -o " +
                           quote((dir_ / "r.txt").string()),
                       dir_);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "error: " + (dir_ / "r.txt").string() +
                         ": the results file must end in .json (the CSV is written beside it)\n");
  run = run_middlemile(
      "evaluate " + instance + " --sweep close-each=hub -o " + quote((dir_ / "r.json").string()),
      dir_);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind("error: --sweep \"close-each=hub\": unknown facility kind \"hub\"", 0),
            0u)
      << run.err;
}

}  // namespace
}  // namespace mm::cli_test
