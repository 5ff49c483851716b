// The "decreasing" order shared by first-fit decreasing and the exact model's symmetry breaking:
// items by their largest share of a vehicle capacity, then by the sum of their shares (both
// descending), then by input position. The exact model relies on FFD opening vehicles in this
// order, so its start solution obeys "item k (in this order) uses a vehicle ≤ k".
#pragma once

#include <cstddef>
#include <vector>

#include "loading/bin_packing.h"

namespace mm::loading {

std::vector<std::size_t> decreasing_order(const std::vector<PackItem>& items,
                                          const BinCapacity& capacity);

}  // namespace mm::loading
