#include "loading/bin_packing.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "loading/exact_bin_packing.h"
#include "loading/packing_order.h"

namespace mm::loading {

namespace {

constexpr double kSlack = 1e-9;

bool within(double used, double capacity) {
  return used <= capacity * (1.0 + kSlack) + kSlack;
}

// ceil(total / capacity), forgiving totals a hair above a whole number of capacities.
std::size_t bins_for(double total, double capacity) {
  if (capacity <= 0.0) return 0;
  const double ratio = total / capacity;
  return static_cast<std::size_t>(std::max(0.0, std::ceil(ratio - 1e-9)));
}

}  // namespace

const char* to_string(PackingMethod method) {
  switch (method) {
    case PackingMethod::first_fit_decreasing:
      return "first_fit_decreasing";
    case PackingMethod::exact:
      return "exact";
  }
  return "?";
}

bool fits_empty(const PackItem& item, const BinCapacity& capacity) {
  return within(item.cube_m3, capacity.cube_m3) && within(item.weight_kg, capacity.weight_kg) &&
         item.positions <= capacity.positions;
}

std::size_t packing_lower_bound(const std::vector<PackItem>& items, const BinCapacity& capacity) {
  double cube = 0.0, weight = 0.0;
  long long positions = 0;
  std::size_t big_cube = 0, big_weight = 0, big_positions = 0;
  for (const PackItem& item : items) {
    cube += item.cube_m3;
    weight += item.weight_kg;
    positions += item.positions;
    // Items above half a vehicle in one dimension cannot share a vehicle with each other.
    big_cube += item.cube_m3 > capacity.cube_m3 / 2 * (1.0 + kSlack) + kSlack;
    big_weight += item.weight_kg > capacity.weight_kg / 2 * (1.0 + kSlack) + kSlack;
    big_positions += 2 * item.positions > capacity.positions;
  }
  std::size_t bound =
      std::max({bins_for(cube, capacity.cube_m3), bins_for(weight, capacity.weight_kg),
                bins_for(static_cast<double>(positions), capacity.positions), big_cube, big_weight,
                big_positions});
  if (!items.empty()) bound = std::max<std::size_t>(bound, 1);
  return bound;
}

Packing first_fit_decreasing(const std::vector<PackItem>& items, const BinCapacity& capacity) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!fits_empty(items[i], capacity))
      throw std::invalid_argument("item " + std::to_string(i) + " does not fit an empty vehicle");
  struct Load {
    double cube = 0.0, weight = 0.0;
    int positions = 0;
  };
  std::vector<Load> bins;
  Packing packing;
  packing.bin_of.assign(items.size(), 0);
  for (std::size_t i : decreasing_order(items, capacity)) {
    const PackItem& item = items[i];
    std::size_t b = 0;
    for (; b < bins.size(); ++b) {
      if (within(bins[b].cube + item.cube_m3, capacity.cube_m3) &&
          within(bins[b].weight + item.weight_kg, capacity.weight_kg) &&
          bins[b].positions + item.positions <= capacity.positions)
        break;
    }
    if (b == bins.size()) bins.emplace_back();
    bins[b].cube += item.cube_m3;
    bins[b].weight += item.weight_kg;
    bins[b].positions += item.positions;
    packing.bin_of[i] = b;
  }
  packing.bins = bins.size();
  packing.lower_bound = packing_lower_bound(items, capacity);
  packing.proven_optimal = packing.bins <= packing.lower_bound;
  return packing;
}

Packing pack_items(const std::vector<PackItem>& items, const BinCapacity& capacity,
                   const PackingOptions& options) {
  Packing packing = first_fit_decreasing(items, capacity);
  if (packing.proven_optimal || items.size() > options.exact_max_items) return packing;
  const auto exact =
      solve_exact_packing(items, capacity, packing, options.exact_time_limit_seconds);
  if (!exact) return packing;
  Packing result = exact->packing;
  result.lower_bound = exact->proven ? result.bins : packing.lower_bound;
  result.proven_optimal = exact->proven || result.bins <= packing.lower_bound;
  result.method = PackingMethod::exact;
  return result;
}

}  // namespace mm::loading
