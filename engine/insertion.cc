#include "engine/insertion.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/local_search.h"

namespace mm::engine {

namespace {

// Pieces a commodity may be poured into (augment).
constexpr int kMaxAugmentations = 8;
constexpr double kMinShare = 1e-6;
// The share priced when looking for room: small enough that any room counts.
constexpr double kSliver = 1e-4;

}  // namespace

Inserter::Inserter(const DesignProblem& problem)
    : problem_(problem),
      last_node_(problem.commodities.size(), routing::kNoNode),
      reachable_(problem.commodities.size(), false) {
  const auto& graph = problem.graph;
  const bool dag = graph.topologically_ordered();
  for (std::size_t k = 0; k < problem.commodities.size(); ++k) {
    const Commodity& c = problem.commodities[k];
    if (c.sinks.empty()) continue;
    if (dag) {
      std::size_t last = 0;
      for (std::size_t s : c.sinks) last = std::max(last, graph.arc(s).tail);
      last_node_[k] = last;
    }
  }
  {
    std::vector<std::size_t> all(problem.commodities.size());
    for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
    size_rank_.resize(all.size());
    const std::vector<std::size_t> order = engine::largest_first(problem, std::move(all));
    for (std::size_t i = 0; i < order.size(); ++i) size_rank_[order[i]] = i;
  }
  // Reachability ignores capacity: one pass per source node with every arc at cost 0.
  std::map<std::size_t, std::vector<std::size_t>> by_source;
  for (std::size_t k = 0; k < problem.commodities.size(); ++k)
    if (!problem.commodities[k].sinks.empty())
      by_source[problem.commodities[k].source].push_back(k);
  const routing::PricingGraph::ArcCost zero = [](std::size_t) { return 0.0; };
  for (const auto& [source, members] : by_source) {
    std::size_t last = 0;
    for (std::size_t k : members)
      last = last_node_[k] == routing::kNoNode ? routing::kNoNode : std::max(last, last_node_[k]);
    graph.shortest_paths(source, zero, tree_, dag ? last : routing::kNoNode);
    for (std::size_t k : members)
      for (std::size_t s : problem.commodities[k].sinks)
        if (tree_.distance[graph.arc(s).tail] != routing::kUnreachable) reachable_[k] = true;
  }
}

std::vector<std::size_t> Inserter::largest_first(std::vector<std::size_t> commodities) const {
  std::stable_sort(commodities.begin(), commodities.end(),
                   [&](std::size_t l, std::size_t r) { return size_rank_[l] < size_rank_[r]; });
  return commodities;
}

Inserter::Path Inserter::best_path(const PlanState& state, std::size_t commodity, double share,
                                   const std::vector<char>* banned) {
  Path best;
  if (!reachable_[commodity]) return best;
  const Commodity& c = problem_.commodities[commodity];
  const std::size_t A = problem_.design_arcs.size();
  const routing::PricingGraph::ArcCost cost = [&](std::size_t a) {
    if (a >= A) return 0.0;
    if (banned && (*banned)[a]) return kInfinity;
    return state.marginal_cost(a, commodity, share);
  };
  const auto& graph = problem_.graph;
  graph.shortest_paths(c.source, cost, tree_, last_node_[commodity]);
  std::size_t sink = routing::kNoNode;
  for (std::size_t s : c.sinks) {
    const double d = tree_.distance[graph.arc(s).tail];
    if (d == routing::kUnreachable || d >= best.cost) continue;
    const double total = d + cost(s);
    if (total < best.cost) {
      best.cost = total;
      sink = s;
    }
  }
  if (sink != routing::kNoNode) best.arcs = graph.path_ending_with(tree_, sink);
  return best;
}

double Inserter::augment(PlanState& state, std::size_t commodity, const std::vector<char>* banned,
                         bool force) {
  const double penalty = problem_.commodities[commodity].penalty;
  const std::size_t A = problem_.design_arcs.size();
  double added = 0.0;
  for (int piece = 0; piece < kMaxAugmentations; ++piece) {
    const double left = 1.0 - state.served(commodity);
    if (left < kMinShare) break;
    Path p = best_path(state, commodity, std::min(left, kSliver), banned);
    if (!std::isfinite(p.cost)) break;
    double share = left;
    for (std::size_t a : p.arcs)
      if (a < A) share = std::min(share, state.room(a, commodity));
    if (share < kMinShare) break;
    const double cost = state.path_cost(commodity, p.arcs, share);
    if (!std::isfinite(cost) || (!force && cost >= penalty * share * (1 - 1e-9))) break;
    state.add(commodity, std::move(p.arcs), share);
    added += share;
  }
  return added;
}

double Inserter::insert(PlanState& state, std::size_t commodity, const std::vector<char>* banned,
                        bool force) {
  const double penalty = problem_.commodities[commodity].penalty;
  const double left = 1.0 - state.served(commodity);
  if (left < kMinShare) return 0.0;
  // The whole rest on one path, or the rest poured into room piece by piece: whichever changes
  // the objective least (a path that does not pay is not an option unless forced).
  Path whole = best_path(state, commodity, left, banned);
  double whole_change = whole.cost - penalty * left;
  if (!std::isfinite(whole.cost) || (!force && whole_change >= -1e-9 * penalty * left))
    whole_change = kInfinity;
  const double before = state.objective();
  const std::vector<StatePath> saved = state.paths(commodity);
  const double poured = augment(state, commodity, banned, force);
  if (whole_change >= state.objective() - before - 1e-9 * std::max(1.0, std::abs(before)))
    return poured;
  state.restore(commodity, saved);
  state.add(commodity, std::move(whole.arcs), left);
  return left;
}

}  // namespace mm::engine
