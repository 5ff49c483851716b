// Scenario files (middlemile-demand-scenarios/1): days as listed, defaults, and bad files naming
// the JSON path of every problem (network/json_fields.h).
#include <gtest/gtest.h>

#include "network/errors.h"
#include "network/instance_json.h"
#include "simulation/demand_scenarios.h"
#include "tests/network/error_text.h"
#include "tests/simulation/hand_plans.h"

namespace mm::simulation {
namespace {

using simulation_test::hand_demand;
using simulation_test::hand_instance_json;

network::Instance two_demands() {
  return network::parse_instance(
      hand_instance_json(0, hand_demand("d1", 1000, 1000) + "," + hand_demand("d2", 200, 1000)),
      "hand.json");
}

// What parse_demand_scenarios reports (tests/network/error_text.h), or "" when it reads the file.
std::string error_of(const std::string& json) {
  return network::error_text([&] { parse_demand_scenarios(two_demands(), json, "days.json"); });
}

TEST(DemandScenarios, ListedPackagesScaleAndDefaults) {
  const auto days = parse_demand_scenarios(two_demands(), R"({
      "format": "middlemile-demand-scenarios/1", "instance": "hand",
      "scenarios": [{"name": "peak", "scale": 1.5, "packages": {"d2": 0}},
                    {"packages": {"d1": 1234.5}},
                    {}]})",
                                           "days.json");
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days[0].name, "peak");
  EXPECT_EQ(days[0].packages, (std::vector<double>{1500, 0}));
  EXPECT_EQ(days[1].name, "scenario 2");
  EXPECT_EQ(days[1].packages, (std::vector<double>{1234.5, 200}));
  EXPECT_EQ(days[2].packages, (std::vector<double>{1000, 200}));
}

TEST(DemandScenarios, BadFilesNameThePath) {
  const std::string head = R"({"format": "middlemile-demand-scenarios/1", "scenarios": )";
  EXPECT_EQ(error_of(head + R"([{"packages": {"d9": 5}}]})"),
            "days.json: scenarios[0].packages.d9: unknown demand \"d9\"");
  EXPECT_EQ(error_of(head + R"([{"packages": {"d1": -5}}]})"),
            "days.json: scenarios[0].packages.d1: must be >= 0 (got -5)");
  EXPECT_EQ(error_of(head + R"([{"scale": "big"}]})"),
            "days.json: scenarios[0].scale: must be a number (got string \"big\")");
  // Found by fuzz_demand_scenarios: a scale within the cap that takes a demand beyond it (the
  // simulation then counted vehicles past an int).
  EXPECT_EQ(error_of(head + R"([{"scale": 59999999999.5}]})"),
            "days.json: scenarios[0].scale: scales a demand beyond 1e12 packages");
  EXPECT_EQ(error_of(head + R"([{"sclae": 2}]})"),
            "days.json: scenarios[0].sclae: unknown field (did you mean \"scale\"?)");
  EXPECT_EQ(error_of(head + R"([]})"), "days.json: scenarios: must not be empty");
  EXPECT_EQ(error_of(head + R"([{"name": "a"}, {"name": "a"}]})"),
            "days.json: scenarios[1].name: duplicate scenario name \"a\"");
  EXPECT_EQ(error_of(R"({"format": "middlemile-demand-scenarios/1", "instance": "other",
                        "scenarios": [{}]})"),
            "days.json: instance: the scenarios are for instance \"other\" but the instance is "
            "\"hand\"");
  EXPECT_EQ(error_of(R"({"format": "middlemile-scenarios/1", "scenarios": [{}]})"),
            "days.json: format: expected \"middlemile-demand-scenarios/1\" (got "
            "\"middlemile-scenarios/1\")");
}

TEST(DemandScenarios, EveryProblemIsReportedAtOnce) {
  EXPECT_EQ(error_of(R"({"format": "middlemile-demand-scenarios/1", "scenarios": [
                          {"scale": -1, "packages": {"d9": 5, "d1": "x"}}, {"nmae": "b"}]})"),
            "days.json: scenarios[0].scale: must be >= 0 (got -1) | "
            "days.json: scenarios[0].packages.d9: unknown demand \"d9\" | "
            "days.json: scenarios[0].packages.d1: must be a number (got string \"x\") | "
            "days.json: scenarios[1].nmae: unknown field (did you mean \"name\"?)");
}

}  // namespace
}  // namespace mm::simulation
