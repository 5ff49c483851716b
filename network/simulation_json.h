// Reading and writing simulation results as JSON, format "middlemile-simulation/1"
// (docs/SIMULATION.md, "Outputs"). The writer is what `middlemile simulate --json` writes; the
// reader is strict (network/json_reader.h) and is what `middlemile report --simulation` uses.
#pragma once

#include <string>

#include "network/simulation_results.h"

namespace mm::network {

std::string write_simulation_json(const SimulationResults& results);
SimulationResults parse_simulation_json(const std::string& json_text, const std::string& source);
SimulationResults read_simulation_file(const std::string& path);

}  // namespace mm::network
