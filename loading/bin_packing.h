// Vector bin packing of containers into identical vehicles: three dimensions (cube m³, weight kg,
// floor positions), every dimension must fit.
//
// - `packing_lower_bound`: max over dimensions of ceil(total / capacity) (the continuous bound),
//   and the number of items that pairwise cannot share a vehicle (items larger than half of the
//   capacity in some dimension conflict pairwise). No packing uses fewer vehicles.
// - `first_fit_decreasing`: items sorted by their largest share of a capacity (ties: sum of the
//   shares, then input order), each put into the first open vehicle where it fits, else a new
//   one. Deterministic.
// - `pack_items`: FFD; when FFD exceeds the lower bound and the case is small enough, the exact
//   model of exact_bin_packing.h (CBC) either proves FFD optimal or finds fewer vehicles.
//
// Comparisons accept a relative slack of 1e-9 so that loads summed in a different order than
// the capacity was computed still fit.
#pragma once

#include <cstddef>
#include <vector>

namespace mm::loading {

struct PackItem {
  double cube_m3 = 0.0;
  double weight_kg = 0.0;
  int positions = 0;
};

struct BinCapacity {
  double cube_m3 = 0.0;
  double weight_kg = 0.0;
  int positions = 0;
};

enum class PackingMethod {
  first_fit_decreasing,  // FFD alone (it met the lower bound, or the case was too large)
  exact,                 // the CBC model ran (proven or stopped by its time limit)
};
const char* to_string(PackingMethod method);

struct Packing {
  std::vector<std::size_t> bin_of;  // per item, 0-based vehicle
  std::size_t bins = 0;
  std::size_t lower_bound = 0;
  bool proven_optimal = false;  // bins == lower_bound, or CBC proved it
  PackingMethod method = PackingMethod::first_fit_decreasing;
};

struct PackingOptions {
  std::size_t exact_max_items = 60;  // 0: never run the exact model
  double exact_time_limit_seconds = 2.0;
};

// True when `item` fits an empty bin of `capacity`.
bool fits_empty(const PackItem& item, const BinCapacity& capacity);

std::size_t packing_lower_bound(const std::vector<PackItem>& items, const BinCapacity& capacity);

// Every item must fit an empty bin (throws std::invalid_argument otherwise).
Packing first_fit_decreasing(const std::vector<PackItem>& items, const BinCapacity& capacity);

Packing pack_items(const std::vector<PackItem>& items, const BinCapacity& capacity,
                   const PackingOptions& options);

}  // namespace mm::loading
