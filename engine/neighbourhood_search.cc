#include "engine/neighbourhood_search.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/local_search.h"

namespace mm::engine {

namespace {

enum class Ruin { departure, related, destination, origin, random, count };

class SetChooser {
 public:
  SetChooser(const DesignProblem& problem, const Inserter& inserter) : problem_(problem) {
    std::map<std::size_t, std::vector<std::size_t>> by_origin, by_destination;
    for (std::size_t k = 0; k < problem.commodities.size(); ++k) {
      if (!inserter.reachable(k)) continue;
      reachable_.push_back(k);
      by_origin[problem.commodities[k].origin].push_back(k);
      by_destination[problem.commodities[k].destination].push_back(k);
    }
    for (auto& [o, ks] : by_origin) of_origin_.push_back(std::move(ks));
    for (auto& [d, ks] : by_destination) of_destination_.push_back(std::move(ks));
    origin_index_.assign(problem.commodities.size(), 0);
    destination_index_.assign(problem.commodities.size(), 0);
    for (std::size_t i = 0; i < of_origin_.size(); ++i)
      for (std::size_t k : of_origin_[i]) origin_index_[k] = i;
    for (std::size_t i = 0; i < of_destination_.size(); ++i)
      for (std::size_t k : of_destination_[i]) destination_index_[k] = i;
  }

  bool empty() const { return reachable_.empty(); }

  // The commodities to take out, and vehicle caps to apply while reinserting them.
  void choose(const PlanState& state, Random& random, std::size_t size,
              std::vector<std::size_t>& out, std::vector<std::pair<std::size_t, double>>& caps) {
    out.clear();
    caps.clear();
    const auto ruin = static_cast<Ruin>(random.below(static_cast<std::size_t>(Ruin::count)));
    const std::size_t seed = reachable_[random.below(reachable_.size())];
    switch (ruin) {
      case Ruin::departure: {
        const std::size_t arc = pick_departure(state, random);
        if (arc == kNone) break;
        add_all(state.users(arc), out);
        caps.emplace_back(arc, state.units(arc) - 1);
        break;
      }
      case Ruin::related: {
        out.push_back(seed);
        std::vector<std::size_t> near;
        for (const StatePath& p : state.paths(seed))
          for (std::size_t a : p.arcs)
            if (a < state.arc_count())
              near.insert(near.end(), state.users(a).begin(), state.users(a).end());
        sample_into(near, size, random, out);
        break;
      }
      case Ruin::destination:
        sample_into(of_destination_[destination_index_[seed]], size, random, out);
        break;
      case Ruin::origin:
        sample_into(of_origin_[origin_index_[seed]], size, random, out);
        break;
      default:
        sample_into(reachable_, size, random, out);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::size_t pick_departure(const PlanState& state, Random& random) {
    used_.clear();
    for (std::size_t a = 0; a < state.arc_count(); ++a)
      if (state.units(a) > 0) used_.push_back(a);
    if (used_.empty()) return kNone;
    std::size_t best = used_[random.below(used_.size())];
    for (int i = 0; i < 2; ++i) {
      const std::size_t a = used_[random.below(used_.size())];
      if (state.last_vehicle_fill(a) < state.last_vehicle_fill(best)) best = a;
    }
    return best;
  }

  static void add_all(const std::vector<std::size_t>& from, std::vector<std::size_t>& out) {
    out.insert(out.end(), from.begin(), from.end());
  }

  // Up to `size` distinct members of `from`, at random.
  static void sample_into(std::vector<std::size_t> from, std::size_t size, Random& random,
                          std::vector<std::size_t>& out) {
    std::sort(from.begin(), from.end());
    from.erase(std::unique(from.begin(), from.end()), from.end());
    random.shuffle(from);
    if (from.size() > size) from.resize(size);
    out.insert(out.end(), from.begin(), from.end());
  }

  const DesignProblem& problem_;
  std::vector<std::size_t> reachable_;
  std::vector<std::vector<std::size_t>> of_origin_, of_destination_;
  std::vector<std::size_t> origin_index_, destination_index_;
  std::vector<std::size_t> used_;
};

}  // namespace

NeighbourhoodSearchResult neighbourhood_search(PlanState& state, Inserter& inserter, Random& random,
                                               const NeighbourhoodSearchOptions& options,
                                               const SearchBudget& budget,
                                               const std::function<void(const PlanState&)>& on_best,
                                               const std::function<void(int)>& heartbeat) {
  NeighbourhoodSearchResult result;
  SetChooser chooser(state.problem(), inserter);
  if (chooser.empty() || options.iterations <= 0) return result;
  PlanState best = state;
  double best_objective = state.objective();
  std::vector<std::size_t> removed;
  std::vector<std::pair<std::size_t, double>> caps;
  const std::size_t span =
      options.max_removed > options.min_removed ? options.max_removed - options.min_removed + 1 : 1;
  for (int it = 0; it < options.iterations && !budget.expired(); ++it) {
    result.iterations = it + 1;
    if (heartbeat && it % 16 == 0) heartbeat(it);
    const double threshold =
        options.start_threshold * (1.0 - static_cast<double>(it) / options.iterations);
    const std::size_t size = options.min_removed + random.below(span);
    chooser.choose(state, random, size, removed, caps);
    if (removed.empty()) continue;
    random.shuffle(removed);
    const double limit = best_objective * (1.0 + threshold);
    const InsertionOrder order =
        random.below(2) == 0 ? InsertionOrder::as_given : InsertionOrder::largest_first;
    const Reinsertion reinsertion =
        random.below(2) == 0 ? Reinsertion::paying : Reinsertion::forced;
    const bool kept = ruin_and_recreate(
        state, inserter, removed, caps, order, [&](double, double after) { return after <= limit; },
        reinsertion);
    if (kept && state.objective() < best_objective - kImprovementTolerance *
                                                         std::max(1.0, std::abs(best_objective))) {
      best = state;
      best_objective = state.objective();
      ++result.improvements;
      if (on_best) on_best(best);
    }
  }
  state = std::move(best);
  return result;
}

}  // namespace mm::engine
