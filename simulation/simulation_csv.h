// The per-sample table of a simulation as CSV (`simulate --csv`; docs/SIMULATION.md, "Outputs"):
// a header line, then one line per sample in sample order with its packages, outcomes, spot
// vehicles and cost split. Numbers in plain decimal (up to 10 significant digits), texts quoted
// RFC 4180 style when they hold a comma, quote or line break.
#pragma once

#include <string>

#include "network/simulation_results.h"

namespace mm::simulation {

std::string simulation_csv(const network::SimulationResults& results);

}  // namespace mm::simulation
