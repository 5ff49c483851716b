// Summaries of an outcome over the samples: mean, extremes and quantiles.
//
// Quantiles interpolate linearly between order statistics: for n values sorted ascending,
// q-quantile = x[h] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) with h = (n − 1)q — Hyndman & Fan's type 7,
// the default of R and NumPy, so figures can be checked there.
#pragma once

#include <vector>

#include "network/simulation_results.h"

namespace mm::simulation {

// `sorted` ascending, non-empty; q in [0, 1].
double quantile_of_sorted(const std::vector<double>& sorted, double q);

// All zero for no values.
network::Distribution distribution_of(std::vector<double> values);

}  // namespace mm::simulation
