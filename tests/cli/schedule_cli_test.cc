// Vehicle balance end to end (issue 16): `generate --cyclic` (sample and middle-mile family),
// `plan` (the plan verified and
// written with its fleet and rotations), `verify`, `schedule` as a table and CSV, and
// `cmnd --balanced` on a triangle whose balanced optimum is worked out by hand.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"

namespace {

using mm::cli_test::CliRun;

namespace fs = std::filesystem;

class BalanceCli : public mm::cli_test::CliTest {
 protected:
  BalanceCli() : CliTest("balance") {}
  // A file of the test's folder, quoted for the command line.
  std::string at(const std::string& name) const {
    return mm::cli_test::quote((dir_ / name).string());
  }
};

TEST_F(BalanceCli, CyclicSamplePlannedVerifiedAndScheduled) {
  ASSERT_EQ(run("generate --cyclic --facilities 8 --demands 12 --seed 3 --cities " +
                mm::cli_test::quote(std::string(MM_SOURCE_DIR) + "/data/uscities-top1000.csv") +
                " -o " + at("cyclic.json"))
                .exit_code,
            0);
  const CliRun plan = run("plan " + at("cyclic.json") + " -o " + at("plan.json") +
                          " --time-limit 3 --threads 1 --quiet");
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_NE(plan.out.find("(cyclic): fleet"), std::string::npos) << plan.out;
  EXPECT_EQ(run("verify " + at("cyclic.json") + " " + at("plan.json")).exit_code, 0);
  const nlohmann::json written = nlohmann::json::parse(mm::cli_test::slurp(dir_ / "plan.json"));
  ASSERT_TRUE(written.contains("rotations"));
  ASSERT_FALSE(written["rotations"].empty());

  const CliRun table = run("schedule " + at("plan.json"));
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("loaded"), std::string::npos);
  EXPECT_NE(table.out.find(" rotations, "), std::string::npos);
  const CliRun csv = run("schedule " + at("plan.json") + " --csv --type truck53");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind(
                "tail,vehicle_type,cycles,leg,from,to,departure_minute,arrival_minute,kind\n", 0),
            0u);
  const CliRun unknown = run("schedule " + at("plan.json") + " --type zeppelin");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("zeppelin"), std::string::npos);
}

TEST_F(BalanceCli, CyclicFamilyNetworkPlannedAndVerified) {
  ASSERT_EQ(run("generate --family middle-mile --cyclic --facilities 10 --seed 2 --cities " +
                mm::cli_test::quote(std::string(MM_SOURCE_DIR) + "/data/uscities-top1000.csv") +
                " -o " + at("family.json"))
                .exit_code,
            0);
  const nlohmann::json instance = nlohmann::json::parse(mm::cli_test::slurp(dir_ / "family.json"));
  EXPECT_EQ(instance["cycle_minutes"], 1440);
  for (const auto& type : instance["vehicle_types"]) EXPECT_EQ(type["balance"], "cyclic");
  const CliRun plan = run("plan " + at("family.json") + " -o " + at("plan.json") +
                          " --time-limit 3 --threads 1 --quiet");
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_NE(plan.out.find("(cyclic): fleet"), std::string::npos) << plan.out;
  EXPECT_EQ(run("verify " + at("family.json") + " " + at("plan.json")).exit_code, 0);
}

TEST_F(BalanceCli, CmndBalancedOnATriangle) {
  // 1->2 carries 5 units (10 + 5); balanced, the way back via 3 costs 20 (2->1 direct: 25).
  std::ofstream(dir_ / "triangle.dow") << "TRIANGLE\n3 4 1\n"
                                          "1 2 1 10 10 1 1\n2 3 1 10 10 1 2\n3 1 1 10 10 1 3\n"
                                          "2 1 1 10 25 1 4\n1 2 5\n";
  for (const std::string method : {"cg", "compact"}) {
    const CliRun r = run("cmnd " + at("triangle.dow") +
                         " --balanced --quiet --time-limit 5 --threads 1 --method " + method);
    ASSERT_EQ(r.exit_code, 0) << method << ": " << r.err;
    const nlohmann::json line = nlohmann::json::parse(r.out);
    EXPECT_EQ(line["balanced"], true);
    EXPECT_NEAR(line["objective"].get<double>(), 35.0, 1e-6) << method;
  }
  const CliRun plain =
      run("cmnd " + at("triangle.dow") + " --quiet --time-limit 5 --method compact");
  EXPECT_NEAR(nlohmann::json::parse(plain.out)["objective"].get<double>(), 15.0, 1e-6);
}

}  // namespace
