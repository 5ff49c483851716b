#include "baselines/cmnd_balance.h"

#include "engine/drop_vehicle_search.h"
#include "engine/insertion.h"
#include "engine/plan_state.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>

namespace mm::baselines {

namespace {

constexpr int kClosingRounds = 6;  // repair rounds of closings and reroutes

std::vector<bool> open_of(const engine::DesignSolution& solution) {
  std::vector<bool> open(solution.units.size());
  for (std::size_t a = 0; a < open.size(); ++a) open[a] = solution.units[a] > 0.5;
  return open;
}

// Balancing as a minimum-cost flow: every node sends its excess of entering over leaving open
// arcs; a closed arc carries one unit at its fixed cost (opened); with `closings`, an open arc's
// reverse carries one unit at a price above every opening (the arc closed).
std::optional<BalancingMoves> balancing_flow(const CmndInstance& instance,
                                             const std::vector<bool>& open, bool closings) {
  using Solver = lemon::NetworkSimplex<lemon::ListDigraph, std::int64_t, std::int64_t>;
  lemon::ListDigraph graph;
  std::vector<lemon::ListDigraph::Node> nodes(instance.nodes);
  for (auto& n : nodes) n = graph.addNode();
  lemon::ListDigraph::NodeMap<std::int64_t> supply(graph, 0);
  lemon::ListDigraph::ArcMap<std::int64_t> upper(graph);
  lemon::ListDigraph::ArcMap<std::int64_t> cost(graph);  // hundredths (integer data)
  std::vector<std::pair<std::size_t, lemon::ListDigraph::Arc>> closed, reversed;
  std::int64_t all_fixed = 1;
  for (const CmndArc& arc : instance.arcs)
    all_fixed += static_cast<std::int64_t>(std::llround(arc.fixed_cost * 100.0));
  bool balanced = true;
  for (std::size_t a = 0; a < instance.arcs.size(); ++a) {
    const CmndArc& arc = instance.arcs[a];
    if (a < open.size() && open[a]) {
      // A node with more open arcs in than out must open arcs out: it supplies the flow.
      supply[nodes[arc.head]] += 1;
      supply[nodes[arc.tail]] -= 1;
      if (closings) {
        const lemon::ListDigraph::Arc id = graph.addArc(nodes[arc.head], nodes[arc.tail]);
        upper[id] = 1;
        cost[id] = all_fixed;  // dearer than opening every closed arc
        reversed.push_back({a, id});
      }
      continue;
    }
    const lemon::ListDigraph::Arc id = graph.addArc(nodes[arc.tail], nodes[arc.head]);
    upper[id] = 1;
    cost[id] = static_cast<std::int64_t>(std::llround(arc.fixed_cost * 100.0));
    closed.push_back({a, id});
  }
  for (std::size_t n = 0; n < instance.nodes; ++n) balanced &= supply[nodes[n]] == 0;
  if (balanced) return BalancingMoves{};
  Solver solver(graph);
  solver.upperMap(upper).costMap(cost).supplyMap(supply);
  if (solver.run() != Solver::OPTIMAL) return std::nullopt;
  BalancingMoves moves;
  for (const auto& [a, id] : closed)
    if (solver.flow(id) > 0) moves.open.push_back(a);
  for (const auto& [a, id] : reversed)
    if (solver.flow(id) > 0) moves.close.push_back(a);
  return moves;
}

}  // namespace

std::optional<std::vector<std::size_t>> balancing_arcs(const CmndInstance& instance,
                                                       const std::vector<bool>& open) {
  const auto moves = balancing_flow(instance, open, false);
  if (!moves) return std::nullopt;
  return moves->open;
}

std::optional<BalancingMoves> balancing_moves(const CmndInstance& instance,
                                              const std::vector<bool>& open) {
  return balancing_flow(instance, open, true);
}

double CmndBalance::cost(const engine::DesignSolution& solution) const {
  const auto added = balancing_arcs(instance_, open_of(solution));
  if (!added) return engine::kInfinity;
  double cost = 0.0;
  for (std::size_t a : *added) cost += instance_.arcs[a].fixed_cost;
  return cost;
}

engine::DesignSolution CmndBalance::repair(const engine::DesignSolution& solution) const {
  engine::DesignSolution improved = solution;
  if (improve_trials_ > 0 && !solution.paths.empty()) {
    engine::PlanState state(problem_);
    state.assign(solution);
    engine::Inserter inserter(problem_);
    std::vector<std::size_t> open;
    for (std::size_t a = 0; a < problem_.design_arcs.size(); ++a) open.push_back(a);
    // CMND serves every commodity in full: a drop that leaves a sliver of one unserved (its
    // per-unit penalty can undercut an arc's fixed cost) is refused, not weighed.
    std::vector<std::size_t> full;
    for (std::size_t k = 0; k < problem_.commodities.size(); ++k)
      if (state.served(k) > 1.0 - 1e-6) full.push_back(k);
    engine::drop_vehicle_descent(state, inserter, std::move(open),
                                 static_cast<std::size_t>(improve_trials_),
                                 [&](const engine::PlanState& s) {
                                   for (const std::size_t k : full)
                                     if (s.served(k) <= 1.0 - 1e-6) return engine::kInfinity;
                                   engine::DesignSolution d;
                                   d.units.resize(problem_.design_arcs.size());
                                   for (std::size_t a = 0; a < d.units.size(); ++a)
                                     d.units[a] = s.units(a);
                                   return s.objective() + cost(d);
                                 });
    improved = state.solution();
  }
  // Openings where they balance the design; else closings, their commodities rerouted over
  // the arcs left (which may open others), and again, a few rounds.
  std::vector<char> banned(problem_.design_arcs.size(), 0);
  for (int round = 0; round < kClosingRounds; ++round) {
    const auto moves = balancing_moves(instance_, open_of(improved));
    if (!moves) return improved;  // cost() says +inf
    if (moves->close.empty()) {
      engine::DesignSolution balanced = improved;
      for (std::size_t a : moves->open) balanced.units[a] = 1.0;
      return balanced;
    }
    for (std::size_t a : moves->close) banned[a] = 1;
    engine::PlanState state(problem_);
    state.assign(improved);
    engine::Inserter inserter(problem_);
    std::vector<std::size_t> rerouted;
    for (const engine::DesignPath& p : improved.paths)
      for (std::size_t a : p.arcs)
        if (banned[a] && (rerouted.empty() || rerouted.back() != p.commodity))
          rerouted.push_back(p.commodity);
    std::sort(rerouted.begin(), rerouted.end());
    rerouted.erase(std::unique(rerouted.begin(), rerouted.end()), rerouted.end());
    for (std::size_t k : rerouted) state.remove(k);
    for (std::size_t k : rerouted) inserter.insert(state, k, &banned, /*force=*/true);
    improved = state.solution();
  }
  return improved;
}

}  // namespace mm::baselines
