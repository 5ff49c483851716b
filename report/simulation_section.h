// The report's simulation section (`middlemile report … --simulation RESULTS.json`): how the
// plan fares under uncertain demand, from the results `middlemile simulate --json` wrote
// (network/simulation_results.h; docs/SIMULATION.md).
//
// <section id="simulation"> holds: the settings; a table of each outcome's mean, p5, p50 and p95
// ("simulation-summary"); histograms of the days' cost, on-time share and spot vehicles (inline
// SVG "simulation-cost", "simulation-on-time", "simulation-spot"); and the departures and
// facilities that overflow most often ("simulation-departures", "simulation-facilities").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "network/simulation_results.h"

namespace mm::report {

// Counts of `values` in equal bins from their least to their largest value (`bins` of them; one
// when all values are equal). With `whole_numbers`, bins are whole numbers wide and start on one,
// so each bar counts whole values (spot vehicles).
struct Histogram {
  double low = 0.0;
  double width = 1.0;
  std::vector<int> counts;
};
Histogram histogram_of(const std::vector<double>& values, int bins, bool whole_numbers);

std::string render_simulation_section(const network::SimulationResults& results, std::size_t rows);

}  // namespace mm::report
