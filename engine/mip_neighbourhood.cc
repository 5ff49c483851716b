#include "engine/mip_neighbourhood.h"

#include <algorithm>

namespace mm::engine {

std::vector<bool> choose_mip_neighbourhood(const DesignProblem& problem,
                                           const DesignSolution& incumbent, std::size_t size,
                                           Random& random) {
  const std::size_t K = problem.commodities.size();
  std::vector<bool> chosen(K, false);
  if (K == 0) return chosen;
  size = std::clamp<std::size_t>(size, 1, K);
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

  // Groups by relatedness, each shuffled; taken in order until the neighbourhood is full.
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
  chosen[seed] = true;
  std::size_t count = 1;
  for (std::vector<std::size_t>* group : {&riders, &ends, &others}) {
    random.shuffle(*group);
    for (std::size_t k : *group) {
      if (count >= size) return chosen;
      chosen[k] = true;
      ++count;
    }
  }
  return chosen;
}

}  // namespace mm::engine
