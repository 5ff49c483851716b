#include "engine/local_search.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mm::engine {

bool improves(double before, double after) {
  return after < before - kImprovementTolerance * std::max(1.0, std::abs(before));
}

bool ruin_and_recreate(PlanState& state, Inserter& inserter,
                       const std::vector<std::size_t>& commodities,
                       const std::vector<std::pair<std::size_t, double>>& caps,
                       InsertionOrder order, const Acceptance& accept, Reinsertion reinsertion) {
  const double before = state.objective();
  std::vector<std::vector<StatePath>> saved;
  saved.reserve(commodities.size());
  for (std::size_t k : commodities) saved.push_back(state.remove(k));
  for (const auto& [arc, cap] : caps) state.set_unit_cap(arc, cap);
  const bool force = reinsertion == Reinsertion::forced;
  const std::vector<std::size_t> sequence =
      order == InsertionOrder::largest_first ? inserter.largest_first(commodities) : commodities;
  for (std::size_t k : sequence) inserter.insert(state, k, nullptr, force);
  if (force) {
    // Each commodity rerouted given the others: a path that only some of them needed, or
    // none, is left again.
    for (std::size_t k : sequence) {
      const double kept = state.objective();
      std::vector<StatePath> old = state.remove(k);
      inserter.insert(state, k);
      if (!improves(kept, state.objective())) state.restore(k, std::move(old));
    }
  }
  for (const auto& [arc, cap] : caps) state.set_unit_cap(arc, kInfinity);
  if (accept(before, state.objective())) return true;
  for (std::size_t i = 0; i < commodities.size(); ++i)
    state.restore(commodities[i], std::move(saved[i]));
  return false;
}

std::vector<std::size_t> largest_first(const DesignProblem& problem,
                                       std::vector<std::size_t> commodities) {
  // Size relative to the largest capacity of each dimension over all design arcs.
  std::array<double, kDimensions> scale{0.0, 0.0};
  for (const DesignArc& a : problem.design_arcs)
    for (int r = 0; r < kDimensions; ++r)
      if (std::isfinite(a.capacity[r])) scale[r] = std::max(scale[r], a.capacity[r]);
  auto size = [&](std::size_t k) {
    double s = 0.0;
    for (int r = 0; r < kDimensions; ++r)
      if (scale[r] > 0) s = std::max(s, problem.commodities[k].size[r] / scale[r]);
    return s;
  };
  std::stable_sort(commodities.begin(), commodities.end(),
                   [&](std::size_t l, std::size_t r) { return size(l) > size(r); });
  return commodities;
}

int reroute_pass(PlanState& state, Inserter& inserter, const std::vector<std::size_t>& order,
                 const SearchBudget& budget) {
  int moves = 0;
  for (std::size_t k : order) {
    if (budget.expired()) break;
    if (!inserter.reachable(k)) continue;
    budget.spend();
    if (ruin_and_recreate(state, inserter, {k}, {}, InsertionOrder::as_given, improves)) ++moves;
  }
  return moves;
}

int shed_vehicles(PlanState& state, Inserter& inserter, const SearchBudget& budget) {
  struct Candidate {
    double fill;
    std::size_t arc;
  };
  std::vector<Candidate> candidates;
  for (std::size_t a = 0; a < state.arc_count(); ++a)
    if (state.units(a) > 0) candidates.push_back({state.last_vehicle_fill(a), a});
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& l, const Candidate& r) {
    return l.fill != r.fill ? l.fill < r.fill : l.arc < r.arc;
  });
  int shed = 0;
  for (const Candidate& c : candidates) {
    if (budget.expired()) break;
    if (state.units(c.arc) <= 0) continue;  // emptied by an earlier move
    budget.spend();
    std::vector<std::size_t> riders = state.users(c.arc);
    std::sort(riders.begin(), riders.end());
    riders.erase(std::unique(riders.begin(), riders.end()), riders.end());
    if (ruin_and_recreate(state, inserter, riders, {{c.arc, state.units(c.arc) - 1}},
                          InsertionOrder::largest_first, improves))
      ++shed;
  }
  return shed;
}

int descend(PlanState& state, Inserter& inserter, Random& random, const SearchBudget& budget) {
  std::vector<std::size_t> order(state.problem().commodities.size());
  std::iota(order.begin(), order.end(), 0);
  int total = 0;
  while (!budget.expired()) {
    random.shuffle(order);
    int moves = reroute_pass(state, inserter, order, budget);
    if (!budget.expired()) moves += shed_vehicles(state, inserter, budget);
    total += moves;
    if (moves == 0) break;
  }
  return total;
}

}  // namespace mm::engine
