// `middlemile plan INSTANCE -o PLAN` end to end: the built binary on tests/data/tiny.json (the
// FORMAT.md example), its plan re-checked by `middlemile verify`; an unwritable output path and
// a broken instance are bad input (exit 2) with one `error:` line.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include "tests/cli/cli_support.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "network/instance.h"
#include "network/instance_json.h"
#include "network/plan.h"
#include "network/plan_json.h"

namespace {

using mm::cli_test::CliRun;
using mm::cli_test::quote;
using mm::cli_test::slurp;

namespace fs = std::filesystem;

class PlanCli : public mm::cli_test::CliTest {
 protected:
  PlanCli() : CliTest("plan") {}
};

const std::string kTiny = std::string(MM_TEST_DATA_DIR) + "/tiny.json";

// tiny.json: 1200 packages (30.5 m³, one truck each way) SEA1 -> SC-PDX -> DS-EUG, ready 120,
// due 1440; only path: SEA1>SC-PDX (250 + 1.6 × 280 = 698 per trip, leaves 360, 720 or 1080),
// then SC-PDX>DS-EUG (default cost 250 + 1.6 × geodesic × 1.2), plus 0.05 handling per package
// leaving SC-PDX (60). One truck on each lane: 698 + that lane's trip cost + 60.
TEST_F(PlanCli, TinyInstancePlansVerifiesAndSummarizes) {
  const fs::path plan_path = dir_ / "plan.json";
  const CliRun plan = run("plan " + quote(kTiny) + " -o " + quote(plan_path.string()) +
                          " --time-limit 20 --threads 1 --quiet");
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_NE(plan.out.find("objective"), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("plan written to " + plan_path.string() + " (verified)"),
            std::string::npos)
      << plan.out;
  EXPECT_EQ(plan.err, "");  // --quiet: no progress
  ASSERT_TRUE(fs::exists(plan_path));
  // The atomic write leaves no temporary file behind: the plan is the folder's only file.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator{}), 1);

  const mm::network::Instance instance = mm::network::read_instance_file(kTiny);
  ASSERT_EQ(instance.lanes().size(), 2u);
  EXPECT_NEAR(instance.lanes()[0].cost_per_trip, 698.0, 1e-9);
  const double optimum = 698.0 + instance.lanes()[1].cost_per_trip + 0.05 * 1200;
  const mm::network::Plan written = mm::network::read_plan_file(plan_path.string());
  EXPECT_NEAR(written.objective, optimum, 1e-6 * optimum);
  EXPECT_EQ(written.status, mm::network::PlanStatus::optimal);
  EXPECT_TRUE(written.unserved.empty());
  ASSERT_EQ(written.departures.size(), 2u);
  EXPECT_EQ(written.departures[0].vehicles, 1);
  EXPECT_EQ(written.departures[1].vehicles, 1);

  const CliRun verify = run("verify " + quote(kTiny) + " " + quote(plan_path.string()));
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_EQ(verify.out.rfind("verify: OK", 0), 0u) << verify.out;
}

// The output folder is checked before the instance is even read: exit 2 at once, one error line
// naming the path, nothing written.
TEST_F(PlanCli, UnwritableOutputIsBadInputBeforeSolving) {
  const CliRun plan =
      run("plan " + quote(kTiny) + " -o /nonexistent-dir/p.json --time-limit 20 --quiet");
  EXPECT_EQ(plan.exit_code, 2) << plan.err;
  EXPECT_EQ(plan.out, "");
  EXPECT_EQ(plan.err.rfind("error: ", 0), 0u) << plan.err;
  EXPECT_NE(plan.err.find("/nonexistent-dir/p.json"), std::string::npos) << plan.err;
  EXPECT_EQ(std::count(plan.err.begin(), plan.err.end(), '\n'), 1) << plan.err;
  EXPECT_FALSE(fs::exists("/nonexistent-dir"));
  // Before the instance is read: with a broken instance too, the one error is the output's.
  const std::string broken = std::string(MM_TEST_DATA_DIR) + "/broken/unknown_field.json";
  const CliRun both = run("plan " + quote(broken) + " -o /nonexistent-dir/p.json --quiet");
  EXPECT_EQ(both.exit_code, 2) << both.err;
  EXPECT_EQ(both.err, plan.err);
}

// An instance that fails validation (a misspelt field): exit 2, the error names the JSON path,
// no plan is written.
TEST_F(PlanCli, BrokenInstanceIsBadInput) {
  const std::string broken = std::string(MM_TEST_DATA_DIR) + "/broken/unknown_field.json";
  const fs::path plan_path = dir_ / "plan.json";
  const CliRun plan =
      run("plan " + quote(broken) + " -o " + quote(plan_path.string()) + " --quiet");
  EXPECT_EQ(plan.exit_code, 2) << plan.err;
  EXPECT_EQ(plan.out, "");
  EXPECT_EQ(plan.err.rfind("error: ", 0), 0u) << plan.err;
  EXPECT_NE(plan.err.find("vehicle_types[0].capcity"), std::string::npos) << plan.err;
  EXPECT_FALSE(fs::exists(plan_path));
}

TEST_F(PlanCli, MissingInstanceFileIsBadInput) {
  const fs::path plan_path = dir_ / "plan.json";
  const CliRun plan = run("plan " + quote((dir_ / "absent.json").string()) + " -o " +
                          quote(plan_path.string()) + " --quiet");
  EXPECT_EQ(plan.exit_code, 2) << plan.err;
  EXPECT_EQ(plan.err.rfind("error: ", 0), 0u) << plan.err;
  EXPECT_NE(plan.err.find("absent.json"), std::string::npos) << plan.err;
  EXPECT_FALSE(fs::exists(plan_path));
}

// --manifests loads every departure into containers and vehicles, --geo-out writes the map
// layers: tiny.json's 30.5 m³ fit one truck per leg even in containers, so the plan keeps its
// two vehicles, the manifests add up to its loads, and the plan still verifies.
TEST_F(PlanCli, ManifestsAndGeoLayersAreWrittenBesideAVerifiedPlan) {
  const fs::path plan_path = dir_ / "plan.json";
  const fs::path manifests = dir_ / "manifests.json";
  const fs::path layers = dir_ / "plan.gpkg";
  const CliRun plan = run("plan " + quote(kTiny) + " -o " + quote(plan_path.string()) +
                          " --manifests " + quote(manifests.string()) + " --geo-out " +
                          quote(layers.string()) + " --time-limit 20 --threads 1 --quiet");
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_NE(plan.out.find("loading: "), std::string::npos) << plan.out;
  ASSERT_TRUE(fs::exists(manifests));
  ASSERT_TRUE(fs::exists(layers));
  const auto doc = nlohmann::json::parse(slurp(manifests));
  ASSERT_EQ(doc.at("departures").size(), 2u);
  for (const auto& dep : doc.at("departures")) {
    ASSERT_EQ(dep.at("vehicles").size(), 1u);
    double packages = 0.0;
    for (const auto& container : dep.at("vehicles")[0].at("containers"))
      for (const auto& d : container.at("demands")) packages += d.at("packages").get<double>();
    EXPECT_NEAR(packages, 1200.0, 1e-6);
  }
  const auto written = nlohmann::json::parse(slurp(plan_path));
  EXPECT_TRUE(written.at("kpis").contains("loading"));
  const CliRun verify = run("verify " + quote(kTiny) + " " + quote(plan_path.string()));
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  // The layers open with GDAL's own tool (gdal-bin), as QGIS would open them.
  std::string listing;
  if (FILE* pipe = popen(("ogrinfo -so -q " + quote(layers.string()) + " 2>&1").c_str(), "r")) {
    char buffer[256];
    while (fgets(buffer, sizeof buffer, pipe)) listing += buffer;
    pclose(pipe);
  }
  for (const char* layer : {"facilities", "departures", "lanes", "routes"})
    EXPECT_NE(listing.find(layer), std::string::npos) << listing;
}

}  // namespace
