// Every file in tests/data/broken/ is the FORMAT.md example (tests/data/tiny.json) with one
// class of mistake, except many_errors.json, which has several. Each test asserts the exact
// list of messages, so a reworded or lost message is a test failure.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "network/errors.h"
#include "network/instance_json.h"

namespace mm::network {
namespace {

std::string broken(const std::string& name) {
  return std::string(MM_TEST_DATA_DIR) + "/broken/" + name + ".json";
}

struct BrokenCase {
  std::string file;  // stem in tests/data/broken/
  std::vector<std::string> problems;
};

void PrintTo(const BrokenCase& c, std::ostream* out) {
  *out << c.file;
}

const std::vector<BrokenCase>& validation_cases() {
  static const std::vector<BrokenCase> cases = {
      {"empty_object",
       {R"((root): missing required field "format")",
        R"((root): missing required field "horizon_minutes")",
        R"((root): missing required field "vehicle_types")",
        R"((root): missing required field "facilities")",
        R"((root): missing required field "lanes")", R"((root): missing required field "demand")"}},
      {"not_an_object", {"(root): must be an object (got an array)"}},
      {"wrong_format", {R"(format: expected "middlemile-instance/1" (got "middlemile-plan/1"))"}},
      {"missing_field", {R"(facilities[2]: missing required field "kind")"}},
      {"unknown_field",
       {R"(vehicle_types[0]: missing required field "capacity")",
        R"(vehicle_types[0].capcity: unknown field (did you mean "capacity"?))"}},
      {"duplicate_key", {"facilities[1].lat: duplicate field"}},
      {"wrong_type", {R"(vehicle_types[1].capacity.cube_m3: must be a number (got string "400"))"}},
      {"number_as_string", {R"(facilities[1].lat: must be a number (got string "NaN"))"}},
      {"non_integer_minute", {"lanes[0].transit_minutes: must be an integer (got 240.5)"}},
      {"negative_capacity", {"vehicle_types[0].capacity.weight_kg: must be > 0 (got -1)"}},
      {"zero_packages", {"demand[0].packages: must be > 0 (got 0)"}},
      {"nonpositive_limits",
       {"horizon_minutes: must be > 0 (got 0)", "time_step_minutes: must be > 0 (got -30)",
        "vehicle_types[1].speed_kmh: must be > 0 (got 0)",
        "vehicle_types[1].circuity: must be > 0 (got 0)",
        "vehicle_types[1].fleet: must be >= 1 (got 0)",
        "lanes[1].max_vehicles_per_departure: must be >= 1 (got 0)"}},
      {"negative_costs",
       {"unserved_penalty_per_package: must be >= 0 (got -1)",
        "vehicle_types[0].cost_per_trip: must be >= 0 (got -250)",
        "vehicle_types[0].cost_per_km: must be >= 0 (got -1.6)",
        "facilities[1].handling_minutes: must be >= 0 (got -90)",
        "facilities[1].sort_capacity_per_hour: must be > 0 (got 0)",
        "facilities[1].handling_cost_per_package: must be >= 0 (got -0.05)",
        "lanes[0].distance_km: must be >= 0 (got -280)",
        "lanes[0].cost_per_trip: must be >= 0 (got -1)",
        "lanes[0].cost_per_package: must be >= 0 (got -1)",
        "demand[0].cube_m3: must be >= 0 (got -30.5)",
        "demand[0].weight_kg: must be >= 0 (got -4000)"}},
      {"duplicate_id", {R"(facilities[3].id: duplicate id "SC-PDX" (first at facilities[1]))"}},
      {"duplicate_default_lane_id",
       {R"(lanes[2].id: duplicate id "SC-PDX>DS-EUG:truck53" (first at lanes[1]))"}},
      {"unknown_facility", {R"(lanes[1].to: unknown facility "PDX9")"}},
      {"unknown_vehicle_type", {R"(lanes[0].vehicle_type: unknown vehicle type "b747")"}},
      {"lane_loops", {R"(lanes[1].to: must differ from "from" (both "SC-PDX"))"}},
      {"departure_outside_horizon",
       {"lanes[0].departures[1]: must be in [0, 2880) (got 2880)",
        "lanes[0].departures[2]: must be in [0, 2880) (got -30)"}},
      {"duplicate_departure",
       {"lanes[0].departures[2]: duplicate departure 360 (first at lanes[0].departures[0])"}},
      {"ready_not_before_due", {"demand[0].due_minute: must be > ready_minute 1440 (got 1440)"}},
      {"due_after_horizon", {"demand[0].due_minute: must be <= horizon_minutes 2880 (got 3000)"}},
      {"origin_is_destination",
       {R"(demand[0].destination: must differ from "origin" (both "SEA1"))"}},
      {"lat_out_of_range", {"facilities[0].lat: must be between -90 and 90 (got 95.0)"}},
      {"bad_enum_kind",
       {R"(facilities[1].kind: must be one of "origin", "sort_center", "air_hub", "delivery_station" (got "hub"))"}},
      {"bad_enum_mode", {R"(vehicle_types[1].mode: must be one of "truck", "air" (got "ship"))"}},
      {"many_errors",
       {"facilities[2].lon: must be between -180 and 180 (got -200)",
        R"(lanes[0].to: unknown facility "PDX9")",
        R"(lanes[1].vehicle_type: unknown vehicle type "van")",
        "lanes[1].speed: unknown field (expected one of: id, from, to, vehicle_type, distance_km, "
        "transit_minutes, departures, max_vehicles_per_departure, cost_per_trip, "
        "cost_per_package)",
        R"(demand[0].destination: must differ from "origin" (both "DS-EUG"))",
        "demand[0].packages: must be > 0 (got 0)",
        R"(demand[1].id: duplicate id "d1" (first at demand[0]))",
        R"(demand[1].packages: must be a number (got string "ten"))",
        R"(demand[1]: missing required field "due_minute")"}},
  };
  return cases;
}

// Files that are not even JSON: InputError with file, line and column.
const std::vector<std::pair<std::string, std::string>>& syntax_cases() {
  static const std::vector<std::pair<std::string, std::string>> cases = {
      {"bad_json_syntax",
       ":4:27: invalid JSON: syntax error while parsing object key - unexpected ','; expected "
       "string literal"},
      {"empty_file",
       ":1:1: invalid JSON: syntax error while parsing value - unexpected end of input; expected "
       "'[', '{', or a literal"},
      {"number_overflow", ":21:77: invalid JSON: number overflow parsing '1e400'"},
  };
  return cases;
}

class BrokenInstance : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenInstance, ReportsExactlyTheExpectedProblems) {
  const BrokenCase& c = GetParam();
  try {
    read_instance_file(broken(c.file));
    FAIL() << c.file << " was accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.source(), broken(c.file));
    EXPECT_EQ(e.problems(), c.problems);
  }
}

INSTANTIATE_TEST_SUITE_P(AllClasses, BrokenInstance, ::testing::ValuesIn(validation_cases()),
                         [](const auto& info) { return info.param.file; });

TEST(BrokenInstanceSyntax, ReportsFileLineAndColumn) {
  for (const auto& [file, message] : syntax_cases()) {
    try {
      read_instance_file(broken(file));
      ADD_FAILURE() << file << " was accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), broken(file) + message);
    }
  }
}

TEST(BrokenInstanceSyntax, ValidationErrorSummaryCountsProblems) {
  try {
    read_instance_file(broken("many_errors"));
    FAIL() << "accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(std::string(e.what()),
              broken("many_errors") +
                  ": 9 errors; first: facilities[2].lon: must be between -180 and 180 (got -200)");
  }
}

// A file added to tests/data/broken/ without an expected message list would test nothing.
TEST(BrokenInstanceFiles, EveryFileHasACase) {
  std::set<std::string> covered;
  for (const auto& c : validation_cases()) covered.insert(c.file);
  for (const auto& c : syntax_cases()) covered.insert(c.first);
  std::set<std::string> present;
  for (const auto& entry : std::filesystem::directory_iterator(MM_TEST_DATA_DIR "/broken"))
    present.insert(entry.path().stem().string());
  EXPECT_EQ(present, covered);
  EXPECT_GE(present.size(), 15u);
}

}  // namespace
}  // namespace mm::network
