// Scenario files: shape checks with their JSON paths (scenarios/scenario_file.h).
#include "scenarios/scenario_file.h"

#include <gtest/gtest.h>

#include "network/errors.h"

namespace mm::scenarios {
namespace {

std::vector<std::string> file_problems_of(const std::string& text) {
  try {
    parse_scenario_file(text, "s.json", ".");
  } catch (const network::ValidationError& e) {
    EXPECT_EQ(e.source(), "s.json");
    return e.problems();
  }
  return {};
}

TEST(ScenarioFile, ReadsEveryChangeType) {
  const ScenarioFile file = parse_scenario_file(R"({
    "format": "middlemile-scenarios/1",
    "scenarios": [{"name": "all", "description": "one of each", "changes": [
      {"type": "close_facility", "facility": "A"},
      {"type": "open_facility", "facility": {"id": "N"}, "lane_rules": "rules.json"},
      {"type": "add_lane", "lane": {"from": "A", "to": "B", "vehicle_type": "t"}},
      {"type": "remove_lane", "lane": "L"},
      {"type": "change_lane", "lane": "L2", "departures": [0, 60], "max_vehicles_per_departure": null},
      {"type": "change_vehicle_type", "vehicle_type": "t", "capacity": {"cube_m3": 2}, "fleet": 3},
      {"type": "scale_demand", "factor": 1.5, "region": "r.gpkg", "region_end": "either"},
      {"type": "set_sort_capacity", "facility": "B", "sort_capacity_per_hour": null}]}]})",
                                                "s.json", "dir");
  ASSERT_EQ(file.scenarios.size(), 1u);
  EXPECT_EQ(file.base_dir, "dir");
  const auto& changes = file.scenarios[0].changes;
  ASSERT_EQ(changes.size(), 8u);
  EXPECT_EQ(changes[0].type, ChangeType::close_facility);
  EXPECT_EQ(changes[6].type, ChangeType::scale_demand);
  EXPECT_EQ(changes[7].type, ChangeType::set_sort_capacity);
  EXPECT_EQ(changes[3].path, "scenarios[0].changes[3]");
  EXPECT_STREQ(to_string(changes[4].type), "change_lane");
}

TEST(ScenarioFile, ReportsEveryShapeProblemWithItsPath) {
  const auto problems = file_problems_of(R"({
    "format": "middlemile-scenarios/1",
    "scenarios": [
      {"name": "a", "changes": [{"type": "shut", "facility": "A"},
                                {"type": "scale_demand", "factor": -1},
                                {"type": "change_lane", "lane": "L"},
                                {"type": "close_facility", "facility": "A", "when": 3}]},
      {"name": "a", "changes": []},
      {"changes": [{"type": "set_sort_capacity", "facility": "B"}]}]})");
  const std::vector<std::string> expected = {
      "scenarios[0].changes[0].type: must be one of \"close_facility\", \"open_facility\", "
      "\"add_lane\", \"remove_lane\", \"change_lane\", \"change_vehicle_type\", "
      "\"scale_demand\", \"set_sort_capacity\" (got \"shut\")",
      "scenarios[0].changes[1].factor: must be > 0 (got -1)",
      "scenarios[0].changes[2]: change_lane changes nothing (give vehicle_type, departures or "
      "max_vehicles_per_departure)",
      "scenarios[0].changes[3].when: unknown field (expected one of: type, facility)",
      "scenarios[1].name: duplicate scenario name \"a\"",
      "scenarios[1].changes: must not be empty",
      "scenarios[2]: missing required field \"name\"",
      "scenarios[2].changes[0]: missing required field \"sort_capacity_per_hour\"",
  };
  EXPECT_EQ(problems, expected);
}

TEST(ScenarioFile, RejectsAWrongFormatAndBadJson) {
  EXPECT_EQ(file_problems_of(R"({"format": "middlemile-instance/1", "scenarios": []})"),
            (std::vector<std::string>{"format: expected \"middlemile-scenarios/1\" (got "
                                      "\"middlemile-instance/1\")",
                                      "scenarios: must not be empty"}));
  try {
    parse_scenario_file("{\"format\": ", "s.json", ".");
    FAIL() << "no error";
  } catch (const network::InputError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("s.json:1:", 0), 0u) << e.what();
  }
}

TEST(ScenarioFile, ReportsAnUnreadableFile) {
  try {
    read_scenario_file("/nonexistent/s.json");
    FAIL() << "no error";
  } catch (const network::InputError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("/nonexistent/s.json: cannot read: ", 0), 0u) << e.what();
  }
}

}  // namespace
}  // namespace mm::scenarios
