#include "engine/mip_neighbourhood.h"

#include <algorithm>
#include <cmath>

namespace mm::engine {

std::vector<std::size_t> mip_neighbourhood_order(const DesignProblem& problem,
                                                 const DesignSolution& incumbent, Random& random) {
  const std::size_t K = problem.commodities.size();
  std::vector<std::size_t> order;
  if (K == 0) return order;
  const std::size_t seed = random.below(K);
  const Commodity& s = problem.commodities[seed];

  // Design arcs the seed rides in the incumbent, and who else rides them.
  std::vector<bool> seed_arc(problem.design_arcs.size(), false);
  for (const DesignPath& p : incumbent.paths)
    if (p.commodity == seed)
      for (std::size_t a : p.arcs)
        if (a < seed_arc.size()) seed_arc[a] = true;
  std::vector<bool> shares_vehicle(K, false);
  for (const DesignPath& p : incumbent.paths)
    for (std::size_t a : p.arcs)
      if (a < seed_arc.size() && seed_arc[a]) shares_vehicle[p.commodity] = true;

  // Groups by relatedness, each shuffled, taken in order.
  std::vector<std::size_t> riders, ends, others;
  for (std::size_t k = 0; k < K; ++k) {
    if (k == seed) continue;
    const Commodity& c = problem.commodities[k];
    if (shares_vehicle[k])
      riders.push_back(k);
    else if (c.origin == s.origin || c.destination == s.destination)
      ends.push_back(k);
    else
      others.push_back(k);
  }
  order.reserve(K);
  order.push_back(seed);
  for (std::vector<std::size_t>* group : {&riders, &ends, &others}) {
    random.shuffle(*group);
    order.insert(order.end(), group->begin(), group->end());
  }
  return order;
}

std::vector<bool> choose_mip_neighbourhood(const DesignProblem& problem,
                                           const DesignSolution& incumbent, std::size_t size,
                                           Random& random) {
  const std::size_t K = problem.commodities.size();
  std::vector<bool> chosen(K, false);
  if (K == 0) return chosen;
  const std::vector<std::size_t> order = mip_neighbourhood_order(problem, incumbent, random);
  size = std::clamp<std::size_t>(size, 1, K);
  for (std::size_t i = 0; i < size; ++i) chosen[order[i]] = true;
  return chosen;
}

std::size_t next_mip_neighbourhood_size(std::size_t size, double growth, std::size_t commodities,
                                        std::size_t largest) {
  const auto next = static_cast<std::size_t>(std::ceil(static_cast<double>(size) * growth));
  if (next <= size || next > largest || 2 * next > commodities) return 0;
  return next;
}

}  // namespace mm::engine
