// Reading and writing simulation results as JSON, format "middlemile-simulation/1"
// (docs/FORMAT.md, "Simulation results"; docs/SIMULATION.md, "Outputs"). The writer is what
// `middlemile simulate --json` writes; the reader is what `middlemile report --simulation` uses.
// It is strict about types and required fields: it throws ValidationError listing every problem
// with its JSON path (network/json_fields.h), or InputError naming file, line and column when
// the text is not JSON. Fields the format does not name are passed over.
#pragma once

#include <string>

#include "network/simulation_results.h"

namespace mm::network {

std::string write_simulation_json(const SimulationResults& results);
SimulationResults parse_simulation_json(const std::string& json_text, const std::string& source);
SimulationResults read_simulation_file(const std::string& path);

}  // namespace mm::network
