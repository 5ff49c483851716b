// The one-screen summary `middlemile simulate` prints on stdout: the settings, each outcome's
// mean, p5, p50 and p95 (on-time share, cost, spot vehicles, late and unserved packages), the
// mean cost split, and the departures and facilities that overflow most often.
#pragma once

#include <cstddef>
#include <ostream>

#include "network/simulation_results.h"

namespace mm::tools {

void print_simulation_summary(const network::SimulationResults& results, std::size_t rows,
                              std::ostream& out);

}  // namespace mm::tools
