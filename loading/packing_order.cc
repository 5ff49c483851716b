#include "loading/packing_order.h"

#include <algorithm>
#include <numeric>

namespace mm::loading {

std::vector<std::size_t> decreasing_order(const std::vector<PackItem>& items,
                                          const BinCapacity& capacity) {
  const auto share = [](double used, double available) {
    return available > 0.0 ? used / available : 0.0;
  };
  std::vector<double> largest(items.size()), sum(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const double c = share(items[i].cube_m3, capacity.cube_m3);
    const double w = share(items[i].weight_kg, capacity.weight_kg);
    const double p = share(items[i].positions, capacity.positions);
    largest[i] = std::max({c, w, p});
    sum[i] = c + w + p;
  }
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (largest[a] != largest[b]) return largest[a] > largest[b];
    return sum[a] > sum[b];
  });
  return order;
}

}  // namespace mm::loading
