// Scenario files (`middlemile-scenarios/1`, docs/SCENARIOS.md): named what-if variants of an
// instance, each an ordered list of changes to the baseline — close or open a facility, add,
// remove or change a lane, change a vehicle type, scale demand, change a sort capacity.
//
// Reading checks the file's shape only: every key known, every value of the right type and
// range, every change of a known type with what it needs. Whether the ids it names exist, and
// whether two changes contradict each other, depends on the baseline and is checked when the
// scenario is built (scenario_builder.h). All shape problems are reported at once
// (network::ValidationError), each with its JSON path: `scenarios[2].changes[0].factor: must
// be > 0 (got -1)`.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace mm::scenarios {

enum class ChangeType {
  close_facility,
  open_facility,
  add_lane,
  remove_lane,
  change_lane,
  change_vehicle_type,
  scale_demand,
  set_sort_capacity,
};

const char* to_string(ChangeType type);

struct Change {
  ChangeType type = ChangeType::close_facility;
  std::string path;             // "scenarios[1].changes[0]", for messages
  nlohmann::ordered_json spec;  // the change object as written (shape already checked)
};

struct Scenario {
  std::string name;
  std::string path;  // "scenarios[1]"
  std::vector<Change> changes;
};

struct ScenarioFile {
  std::string source;    // the file, for messages
  std::string base_dir;  // relative paths in changes (lane rules, regions) resolve here
  std::vector<Scenario> scenarios;
};

ScenarioFile parse_scenario_file(const std::string& json_text, const std::string& source,
                                 const std::string& base_dir);
ScenarioFile read_scenario_file(const std::string& path);

}  // namespace mm::scenarios
