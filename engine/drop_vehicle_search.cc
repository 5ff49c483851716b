#include "engine/drop_vehicle_search.h"

#include <algorithm>
#include <set>

#include "engine/local_search.h"

namespace mm::engine {

std::size_t drop_vehicle_descent(PlanState& state, Inserter& inserter,
                                 std::vector<std::size_t> candidates, std::size_t trials,
                                 const std::function<double(const PlanState&)>& total) {
  candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                  [&](std::size_t a) { return state.units(a) < 0.5; }),
                   candidates.end());
  std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t x, std::size_t y) {
    return state.last_vehicle_fill(x) < state.last_vehicle_fill(y);
  });
  if (candidates.size() > trials) candidates.resize(trials);
  double best = total(state);
  std::size_t kept = 0;
  for (std::size_t a : candidates) {
    const double units = state.units(a);
    if (units < 0.5) continue;
    const DesignSolution before = state.solution();
    const std::vector<std::size_t> users = state.users(a);
    const std::set<std::size_t> riders(users.begin(), users.end());
    for (std::size_t k : riders) state.remove(k);
    state.set_unit_cap(a, units - 1.0);
    for (std::size_t k :
         inserter.largest_first(std::vector<std::size_t>(riders.begin(), riders.end())))
      inserter.insert(state, k);
    const double now = total(state);
    if (now < best - 1e-6) {
      best = now;
      ++kept;
    } else {
      state.assign(before);
      state.set_unit_cap(a, kInfinity);
    }
  }
  return kept;
}

}  // namespace mm::engine
