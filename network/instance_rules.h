// The rules of the instance format checked on resolved data (an InstanceData), the gate every
// Instance passes: Instance::create calls it, so an instance built in code (a variant with a
// departure removed, a generated sample) is held to the same rules as one read from a file.
//
// The JSON reader (network/instance_json.h) checks the same rules on the file first, with the
// file's own values in its messages; here the values are already numbers and indices. Problems
// name their path as in a file: `lanes[3].departures[2]: must be in [0, 2880) (got 2880)`.
//   - ids non-empty and unique in their list; every index in range; lane from ≠ to, demand
//     origin ≠ destination;
//   - numbers finite, within their bounds and the sanity limits (amounts ≤ 1e12, minutes ≤ 5e8):
//     capacities, speeds, circuity, packages, sort capacity > 0; costs, cube, weight, distances,
//     handling ≥ 0; fleet and max vehicles per departure ≥ 1; −180 ≤ lon ≤ 180, −90 ≤ lat ≤ 90;
//   - horizon and time step > 0; departures strictly increasing in [0, horizon);
//     0 ≤ ready < due ≤ horizon; the loading section, when present, a JSON object;
//   - a demand's optional spread (docs/SIMULATION.md): 0 ≤ packages_cv ≤ 10, or packages_p10
//     and packages_p90 together (> 0, amounts), with p10 ≤ packages ≤ p90, not both forms;
//   - a facility's optional region non-empty.
#pragma once

#include <string>
#include <vector>

#include "network/instance.h"
#include "network/json_fields.h"

namespace mm::network {

// Every problem of `data`, each "<path>: <message>"; empty when it is a valid instance.
std::vector<std::string> instance_problems(const InstanceData& data);

// The bound of a demand's packages_cv: a coefficient of variation above 10 (a standard deviation
// ten times the mean) is no forecast.
Bound packages_cv_bound();

// How a demand's packages and its spread go together, the three fields each valid on its own:
// packages_p10 and packages_p90 both or neither, not with packages_cv, and p10 ≤ packages ≤ p90.
// Each problem "<path>[.<field>]: <message>", `path` the demand's ("demand[3]").
std::vector<std::string> demand_spread_problems(const Demand& demand, const std::string& path);

}  // namespace mm::network
