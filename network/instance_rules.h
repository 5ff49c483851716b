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
//     0 ≤ ready < due ≤ horizon; the loading section, when present, a JSON object.
#pragma once

#include <string>
#include <vector>

#include "network/instance.h"

namespace mm::network {

// Every problem of `data`, each "<path>: <message>"; empty when it is a valid instance.
std::vector<std::string> instance_problems(const InstanceData& data);

}  // namespace mm::network
