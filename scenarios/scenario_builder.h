// Builds each scenario of a scenario file as an instance of its own: the baseline instance's
// JSON with the scenario's changes applied in order, then parsed and validated exactly like an
// instance file (network/instance_json.h), so every derived value (distance, transit, trip
// cost, default departures) is derived again from the changed data.
//
// What stays fixed so that costs compare: the unserved penalty per package is pinned to the
// baseline's (its default depends on the lanes, which scenarios change), and every lane keeps
// its baseline id (written out explicitly, since a default id names the vehicle type).
//
// Closing a facility removes every lane into or out of it; the facility and its demand stay,
// so that demand is reported unserved ("no lane path …") rather than silently dropped. Opening a
// facility adds it and the lanes that the scenario's lane rules (geo/lane_rules.h) make
// between it and the rest of the network. Problems — an unknown id, a change contradicting an
// earlier one (changing a lane that an earlier change removed, setting the same value twice),
// an invalid result — name the scenario and the change; all are reported at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "network/instance.h"
#include "scenarios/scenario_file.h"

namespace mm::scenarios {

struct BaselineDocument {
  std::string source;           // the instance file, for messages
  nlohmann::ordered_json json;  // as read
  std::shared_ptr<const network::Instance> instance;
};

BaselineDocument read_baseline(const std::string& instance_path);

struct ScenarioInstance {
  std::string name;
  std::shared_ptr<const network::Instance> instance;
  std::vector<std::string> effects;        // one line per change: what it did
  std::vector<std::string> lanes_added;    // lane ids the scenario adds
  std::vector<std::string> lanes_removed;  // baseline lane ids it removes
};

// Throws network::ValidationError listing every problem of every scenario.
std::vector<ScenarioInstance> build_scenarios(const BaselineDocument& baseline,
                                              const ScenarioFile& file);

}  // namespace mm::scenarios
