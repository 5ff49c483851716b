// Explicit demand scenarios, format "middlemile-demand-scenarios/1" (docs/FORMAT.md, "Demand
// scenarios"; docs/SIMULATION.md, "Scenario files"): instead of sampling, `simulate --scenarios
// FILE` simulates each day the file lists — say last year's peak days, or a planner's what-ifs.
//
//   {"format": "middlemile-demand-scenarios/1", "instance": "t_med",
//    "scenarios": [{"name": "cyber monday", "scale": 1.3, "packages": {"k1": 1800, "k7": 0}}]}
//
// A scenario's packages of demand k: `packages[k]` when listed, else `scale` (default 1) × the
// forecast. `instance`, when given, must be the instance's name. Names default to
// "scenario N" (1-based) and must be unique. Every problem of the file is reported at once,
// each with its JSON path (`scenarios[2].packages.k9: unknown demand "k9"`), in a
// network::ValidationError (network/json_fields.h); text that is not JSON is an InputError.
#pragma once

#include <string>
#include <vector>

#include "network/instance.h"

namespace mm::simulation {

struct DemandScenario {
  std::string name;
  std::vector<double> packages;  // per demand of the instance, in instance order
};

std::vector<DemandScenario> parse_demand_scenarios(const network::Instance& instance,
                                                   const std::string& json_text,
                                                   const std::string& source);
std::vector<DemandScenario> read_demand_scenarios(const network::Instance& instance,
                                                  const std::string& path);

}  // namespace mm::simulation
