// Sweeps: scenarios generated from a rule instead of written by hand (`evaluate --sweep`).
//
//   close-each=<kind>   one scenario per facility of that kind (origin, sort_center, air_hub,
//                       delivery_station): "close <id>", closing it
//   close-each=lane     one scenario per lane: "remove <lane id>", removing it
//
// The result is an ordinary ScenarioFile, checked and built like a written one.
#pragma once

#include <string>

#include "network/instance.h"
#include "scenarios/scenario_file.h"

namespace mm::scenarios {

// Throws network::InputError naming the flag for an unknown rule or kind, or a sweep that
// makes no scenario.
ScenarioFile sweep_scenarios(const std::string& spec, const network::Instance& baseline);

}  // namespace mm::scenarios
