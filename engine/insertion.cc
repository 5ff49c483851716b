#include "engine/insertion.h"

#include <algorithm>
#include <map>

namespace mm::engine {

namespace {

// Pieces a commodity may be split into when the whole does not fit or does not pay.
constexpr int kMaxPieces = 4;
constexpr double kMinShare = 1e-6;

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
  // Reachability ignores capacity: one pass per source node with every arc at cost 0.
  std::map<std::size_t, std::vector<std::size_t>> by_source;
  for (std::size_t k = 0; k < problem.commodities.size(); ++k)
    if (!problem.commodities[k].sinks.empty()) by_source[problem.commodities[k].source].push_back(k);
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

double Inserter::insert(PlanState& state, std::size_t commodity, const std::vector<char>* banned,
                        bool force) {
  const double penalty = problem_.commodities[commodity].penalty;
  double added = 0.0;
  for (int piece = 0; piece < kMaxPieces; ++piece) {
    const double left = 1.0 - state.served(commodity);
    if (left < kMinShare) break;
    bool placed = false;
    for (double share : {left, left / 2, left / 4}) {
      Path p = best_path(state, commodity, share, banned);
      // Inserting pays when the path costs less than the penalty it saves.
      if (p.cost < (force ? kInfinity : penalty * share * (1 - 1e-9))) {
        state.add(commodity, std::move(p.arcs), share);
        added += share;
        placed = true;
        break;
      }
    }
    if (!placed) break;
  }
  return added;
}

}  // namespace mm::engine
