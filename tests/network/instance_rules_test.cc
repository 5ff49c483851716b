// Instance::create holds data built in code to the rules a file is held to
// (network/instance_rules.h): every problem at once, with the path a file would have.
#include "network/instance_rules.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "network/errors.h"
#include "network/instance_json.h"

namespace mm::network {
namespace {

// Two facilities, one lane, one demand: valid.
InstanceData small_data() {
  InstanceData data;
  data.name = "small";
  data.horizon_minutes = 1440;
  data.unserved_penalty_per_package = 10.0;
  VehicleType truck;
  truck.id = "truck";
  truck.capacity = {100.0, 20000.0};
  truck.cost_per_trip = 250.0;
  truck.speed_kmh = 75.0;
  data.vehicle_types = {truck};
  data.facilities = {
      {"A", FacilityKind::origin, -122.3, 47.6, 60, std::nullopt, 0.0, std::nullopt},
      {"B", FacilityKind::delivery_station, -122.7, 45.5, 30, 500.0, 0.1, std::nullopt}};
  data.lanes = {{"A>B", 0, 1, 0, 280.0, 240, {60, 360}, 2, 500.0, 0.0}};
  data.demand = {{"d1", 0, 1, 100.0, 2.5, 250.0, 0, 720, std::nullopt, std::nullopt, std::nullopt}};
  return data;
}

std::vector<std::string> problems_of(const InstanceData& data) {
  try {
    Instance::create(data, "built");
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.source(), "built");
    return e.problems();
  }
  return {};
}

TEST(InstanceRules, ValidDataBuildsAnInstance) {
  EXPECT_TRUE(instance_problems(small_data()).empty());
  const Instance instance = Instance::create(small_data(), "built");
  EXPECT_EQ(instance.lane_index("A>B"), 0u);
  EXPECT_EQ(instance.facility_index("B"), 1u);
}

TEST(InstanceRules, EveryBrokenRuleIsReportedWithItsPath) {
  InstanceData data = small_data();
  data.vehicle_types[0].speed_kmh = 0.0;
  data.facilities[1].id = "A";
  data.facilities[1].lat = 95.0;
  data.lanes[0].to = 7;
  data.lanes[0].departures = {360, 60, 1440};
  data.lanes[0].cost_per_trip = std::numeric_limits<double>::quiet_NaN();
  data.demand[0].due_minute = 0;
  EXPECT_EQ(problems_of(data),
            (std::vector<std::string>{
                "vehicle_types[0].speed_kmh: must be > 0 (got 0)",
                "facilities[1].id: duplicate id \"A\"",
                "facilities[1].lat: must be between -90 and 90 (got 95)",
                "lanes[0].to: index 7 is not in facilities (2 items)",
                "lanes[0].departures[1]: must be later than the departure before it, 360 (got 60)",
                "lanes[0].departures[2]: must be in [0, 1440) (got 1440)",
                "lanes[0].cost_per_trip: must be finite (got nan)",
                "demand[0].due_minute: must be > ready_minute 0 (got 0)",
            }));
}

TEST(InstanceRules, SanityLimitsAndLoops) {
  InstanceData data = small_data();
  data.demand[0].packages = 1e300;
  data.lanes[0].to = 0;
  data.demand[0].destination = 0;
  data.loading_json = "[1]";
  EXPECT_EQ(problems_of(data),
            (std::vector<std::string>{"lanes[0].to: must differ from \"from\"",
                                      "demand[0].destination: must differ from \"origin\"",
                                      "demand[0].packages: must be at most 1e12 (got 1e+300)",
                                      "loading: must be an object"}));
}

// The optional uncertainty fields (docs/SIMULATION.md): a variant built in code, such as a
// scaled demand that kept its quantiles, is held to the reader's rules.
TEST(InstanceRules, DemandSpreadAndRegion) {
  InstanceData data = small_data();
  data.facilities[0].region = "";
  data.demand[0].packages_cv = 11.0;
  EXPECT_EQ(problems_of(data),
            (std::vector<std::string>{"facilities[0].region: must not be empty",
                                      "demand[0].packages_cv: must be at most 10 (got 11)"}));
  data = small_data();
  data.demand[0].packages_cv = 0.5;
  data.demand[0].packages_p10 = 80.0;
  data.demand[0].packages_p90 = 90.0;
  EXPECT_EQ(
      problems_of(data),
      (std::vector<std::string>{
          "demand[0].packages_cv: give packages_cv or packages_p10 and packages_p90, not both",
          "demand[0].packages_p90: must be >= packages 100 (got 90)"}));
  data = small_data();
  data.demand[0].packages_p90 = 150.0;
  EXPECT_EQ(problems_of(data),
            (std::vector<std::string>{"demand[0]: packages_p10 and packages_p90 go together "
                                      "(missing \"packages_p10\")"}));
  data.demand[0].packages_p10 = 60.0;
  data.facilities[0].region = "north";
  EXPECT_TRUE(problems_of(data).empty());
}

// A file goes through the same gate: what the reader resolves is what create checks.
TEST(InstanceRules, ParsedInstancesPassTheSameGate) {
  const Instance instance = read_instance_file(MM_TEST_DATA_DIR "/tiny.json");
  EXPECT_TRUE(instance_problems(instance.data()).empty());
}

}  // namespace
}  // namespace mm::network
