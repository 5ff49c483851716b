#include "engine/commodity_groups.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace mm::engine {

namespace {

// Ratios within 15% share a group; the group prices with its smallest ratios.
int ratio_bucket(double ratio) {
  if (ratio <= 0.0) return -1000000;
  return static_cast<int>(std::floor(std::log(ratio) / std::log(1.15)));
}

}  // namespace

std::vector<CommodityGroup> group_by_source(const DesignProblem& problem, Grouping grouping) {
  std::array<bool, kDimensions> binds{};
  for (const auto& arc : binding_dimensions(problem))
    for (int r = 0; r < kDimensions; ++r) binds[r] = binds[r] || arc[r];
  std::vector<CommodityGroup> groups;
  std::vector<std::array<double, kDimensions>> size;  // per group, by_source: sums
  std::vector<double> packages;
  std::map<std::tuple<std::size_t, int, int>, std::size_t> index;
  for (std::size_t k = 0; k < problem.commodities.size(); ++k) {
    const Commodity& c = problem.commodities[k];
    std::array<double, kDimensions> ratio{};
    for (int r = 0; r < kDimensions; ++r) ratio[r] = c.packages > 0 ? c.size[r] / c.packages : 0;
    auto bucket = [&](int r) {
      return grouping == Grouping::by_ratio && binds[r] ? ratio_bucket(ratio[r]) : 0;
    };
    const auto key = std::make_tuple(c.source, bucket(0), bucket(1));
    auto [it, fresh] = index.emplace(key, groups.size());
    if (fresh) {
      groups.push_back({c.source, ratio, {}});
      size.push_back({});
      packages.push_back(0.0);
    }
    const std::size_t g = it->second;
    for (int r = 0; r < kDimensions; ++r) {
      groups[g].ratio[r] = std::min(groups[g].ratio[r], ratio[r]);
      size[g][r] += c.size[r];
    }
    packages[g] += c.packages;
    groups[g].members.push_back(k);
  }
  if (grouping == Grouping::by_source)
    for (std::size_t g = 0; g < groups.size(); ++g)
      for (int r = 0; r < kDimensions; ++r)
        if (packages[g] > 0) groups[g].ratio[r] = size[g][r] / packages[g];
  return groups;
}

std::pair<double, std::size_t> best_sink(const routing::PricingGraph& graph,
                                         const routing::ShortestPathTree& tree,
                                         const std::vector<double>& cost,
                                         const std::vector<std::size_t>& sinks) {
  double best = routing::kUnreachable;
  std::size_t arc = routing::kNoNode;
  for (std::size_t s : sinks) {
    const double d = tree.distance[graph.arc(s).tail];
    if (d == routing::kUnreachable) continue;
    const double total = d + cost[s];
    if (total < best) {
      best = total;
      arc = s;
    }
  }
  return {best, arc};
}

}  // namespace mm::engine
