#include "simulation/statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mm::simulation {

double quantile_of_sorted(const std::vector<double>& sorted, double q) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * q;
  const auto low = static_cast<std::size_t>(std::floor(h));
  if (low + 1 >= sorted.size()) return sorted.back();
  return sorted[low] + (h - static_cast<double>(low)) * (sorted[low + 1] - sorted[low]);
}

network::Distribution distribution_of(std::vector<double> values) {
  network::Distribution d;
  if (values.empty()) return d;
  std::sort(values.begin(), values.end());
  // Summed in sorted order: the same values give the same mean whatever their order.
  d.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  d.min = values.front();
  d.max = values.back();
  d.p5 = quantile_of_sorted(values, 0.05);
  d.p50 = quantile_of_sorted(values, 0.5);
  d.p95 = quantile_of_sorted(values, 0.95);
  return d;
}

}  // namespace mm::simulation
