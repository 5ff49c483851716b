#include "engine/column_generation.h"

#include <algorithm>
#include <cmath>

#include <tbb/enumerable_thread_specific.h>

namespace mm::engine {

ColumnGeneration::ColumnGeneration(const DesignProblem& problem, RestrictedMaster& master)
    : problem_(problem),
      master_(master),
      groups_(group_by_source(problem)),
      reachable_(problem.commodities.size(), false) {}

ColumnGeneration::ColumnGeneration(const ColumnGeneration& other, RestrictedMaster& master)
    : problem_(other.problem_),
      master_(master),
      groups_(other.groups_),
      reachable_(other.reachable_),
      unavoidable_(other.unavoidable_),
      banned_(other.banned_),
      cuts_(other.cuts_) {}

template <typename ArcCost, typename Visit>
void ColumnGeneration::for_each_cheapest_sink(int threads, ArcCost arc_cost, Visit visit) const {
  const auto& graph = problem_.graph;
  const std::size_t A = problem_.design_arcs.size();
  tbb::enumerable_thread_specific<ThreadBuffers> buffers;
  parallel_over(groups_.size(), threads, [&](std::size_t gi) {
    const CommodityGroup& g = groups_[gi];
    ThreadBuffers& buf = buffers.local();
    buf.cost.assign(graph.arc_count(), 0.0);
    for (std::size_t a = 0; a < A; ++a) buf.cost[a] = arc_cost(g, a);
    graph.shortest_paths(g.source, buf.cost, buf.tree);
    for (std::size_t k : g.members) {
      auto [best, sink] = best_sink(graph, buf.tree, buf.cost, problem_.commodities[k].sinks);
      if (sink != routing::kNoNode) visit(gi, k, best, sink, buf.tree);
    }
  });
}

std::size_t ColumnGeneration::add_initial_paths(int threads) {
  std::vector<std::vector<DesignPath>> found(groups_.size());
  // The cost per package at 100% fill.
  for_each_cheapest_sink(
      threads,
      [&](const CommodityGroup& g, std::size_t a) {
        return full_vehicle_cost_per_package(problem_.design_arcs[a], g.ratio);
      },
      [&](std::size_t gi, std::size_t k, double, std::size_t sink,
          const routing::ShortestPathTree& tree) {
        found[gi].push_back({k, problem_.graph.path_ending_with(tree, sink), 0.0});
      });
  std::vector<DesignPath> all;
  for (auto& f : found)
    for (auto& p : f) {
      reachable_[p.commodity] = true;
      all.push_back(std::move(p));
    }
  unavoidable_ = 0.0;
  for (std::size_t k = 0; k < problem_.commodities.size(); ++k)
    if (!reachable_[k]) unavoidable_ += problem_.commodities[k].penalty;
  master_.add_paths(all);
  return static_cast<std::size_t>(std::count(reachable_.begin(), reachable_.end(), false));
}

FullVehicleBound ColumnGeneration::full_vehicle_bound(int threads) const {
  const std::size_t A = problem_.design_arcs.size();
  const std::size_t K = problem_.commodities.size();
  // One dimension per arc, the one the whole demand would fill first. Charging each commodity
  // the largest of its shares over several dimensions is no Lagrangian multiplier (the max of
  // sums is below the sum of maxima) and would not bound; one row per arc is one.
  std::array<double, kDimensions> total{};
  for (const Commodity& c : problem_.commodities)
    for (int r = 0; r < kDimensions; ++r) total[r] += c.size[r];
  std::vector<double> share_per_unit(A, 0.0);  // f_a / u_a^r of the arc's row
  std::vector<int> dimension(A, -1);
  for (std::size_t a = 0; a < A; ++a) {
    const DesignArc& arc = problem_.design_arcs[a];
    double fullest = -1.0;
    for (int r = 0; r < kDimensions; ++r) {
      if (!std::isfinite(arc.capacity[r]) || arc.capacity[r] <= 0) continue;
      const double load = total[r] / arc.capacity[r];
      if (load > fullest) {
        fullest = load;
        dimension[a] = r;
        share_per_unit[a] = arc.fixed_cost / arc.capacity[r];
      }
    }
  }
  // Per commodity, its cheapest path's cost per package (written by its group's pass only).
  // The group's smallest ratios: a lower bound of each member's cost.
  FullVehicleBound bound;
  bound.per_package.assign(K, kInfinity);
  for_each_cheapest_sink(
      threads,
      [&](const CommodityGroup& g, std::size_t a) {
        return problem_.design_arcs[a].unit_cost +
               (dimension[a] >= 0 ? g.ratio[dimension[a]] * share_per_unit[a] : 0.0);
      },
      [&](std::size_t, std::size_t k, double best, std::size_t, const routing::ShortestPathTree&) {
        bound.per_package[k] = best;
      });
  for (std::size_t k = 0; k < K; ++k) {
    const Commodity& c = problem_.commodities[k];
    bound.value += bound.per_package[k] < kInfinity
                       ? std::min(c.penalty, c.packages * bound.per_package[k])
                       : c.penalty;
  }
  return bound;
}

void ColumnGeneration::collect_paths(const MasterDuals& duals, std::size_t k, ThreadBuffers& buf,
                                     double scale, double tolerance,
                                     std::size_t columns_per_commodity,
                                     PricedCommodity& result) const {
  const auto& graph = problem_.graph;
  const Commodity& c = problem_.commodities[k];
  // The commodity's sinks by the cost of reaching them in this tree, cheapest first.
  std::vector<std::pair<double, std::size_t>> ends;
  for (std::size_t s : c.sinks) {
    const double d = buf.tree.distance[graph.arc(s).tail];
    if (d != routing::kUnreachable) ends.emplace_back(scale * (d + buf.cost[s]), s);
  }
  std::sort(ends.begin(), ends.end());
  for (const auto& [cost, sink] : ends) {
    if (result.paths.size() >= columns_per_commodity) break;
    if (cost - duals.convexity[k] >= -tolerance) break;  // no cheaper sink prices out either
    std::vector<std::size_t> path = graph.path_ending_with(buf.tree, sink);
    if (master_.reduced_cost(duals, k, path) < -tolerance && !master_.has_path(k, path)) {
      result.paths.push_back(std::move(path));
      result.improving = true;
    }
  }
}

void ColumnGeneration::price(const MasterDuals& duals, int threads, double tolerance,
                             std::size_t columns_per_commodity,
                             std::vector<PricedCommodity>& out) const {
  const auto& graph = problem_.graph;
  const std::size_t A = problem_.design_arcs.size();
  const std::size_t K = problem_.commodities.size();
  out.assign(K, {});
  // Per-package base cost and per-dimension capacity prices of each design arc.
  std::vector<double> base(A);
  std::vector<std::array<double, kDimensions>> cap_price(A);
  for (std::size_t a = 0; a < A; ++a) {
    const DesignArc& arc = problem_.design_arcs[a];
    base[a] = arc.unit_cost - (arc.resource_group >= 0 ? duals.resource[arc.resource_group] : 0.0);
    for (int r = 0; r < kDimensions; ++r) cap_price[a][r] = -duals.capacity[a][r];
    if (banned_ && (*banned_)[a]) base[a] = kInfinity;
  }
  tbb::enumerable_thread_specific<ThreadBuffers> buffers;
  parallel_over(groups_.size(), threads, [&](std::size_t gi) {
    const CommodityGroup& g = groups_[gi];
    ThreadBuffers& buf = buffers.local();
    buf.cost.assign(graph.arc_count(), 0.0);
    for (std::size_t a = 0; a < A; ++a) {
      double c = base[a];
      for (int r = 0; r < kDimensions; ++r) c += g.ratio[r] * cap_price[a][r];
      buf.cost[a] = std::max(0.0, c);
    }
    graph.shortest_paths(g.source, buf.cost, buf.tree);
    std::vector<std::size_t> exact;  // members the group pass could not settle
    for (std::size_t k : g.members) {
      const Commodity& c = problem_.commodities[k];
      const double pi = duals.convexity[k];
      const double scale = tolerance * std::max(1.0, std::abs(pi));
      auto [best, sink] = best_sink(graph, buf.tree, buf.cost, c.sinks);
      PricedCommodity& result = out[k];
      if (sink == routing::kNoNode) {
        result.bound = 0.0;  // no path: nothing prices out
        continue;
      }
      result.bound = std::min(0.0, c.packages * best - pi);
      collect_paths(duals, k, buf, c.packages, scale, columns_per_commodity, result);
      if (!result.improving && result.bound < -scale) exact.push_back(k);
    }
    // Exact pricing with the commodity's own ratios and linking duals.
    for (std::size_t k : exact) {
      const Commodity& c = problem_.commodities[k];
      for (std::size_t a = 0; a < A; ++a) {
        double cost = c.packages * base[a];
        for (int r = 0; r < kDimensions; ++r) cost += c.size[r] * cap_price[a][r];
        auto it = duals.linking.find(a * K + k);
        if (it != duals.linking.end()) cost -= it->second;
        buf.cost[a] = std::max(0.0, cost);
      }
      graph.shortest_paths(g.source, buf.cost, buf.tree);
      auto [best, sink] = best_sink(graph, buf.tree, buf.cost, c.sinks);
      PricedCommodity& result = out[k];
      const double pi = duals.convexity[k];
      result.bound = std::min(0.0, best - pi);
      if (sink == routing::kNoNode) continue;
      collect_paths(duals, k, buf, 1.0, tolerance * std::max(1.0, std::abs(pi)),
                    columns_per_commodity, result);
    }
  });
}

ColumnGenerationResult ColumnGeneration::run(const ColumnGenerationOptions& options,
                                             const ProgressCallback& progress,
                                             const std::string& phase, Clock::time_point started) {
  ColumnGenerationResult result;
  std::vector<PricedCommodity> priced;
  auto seconds_left = [&] {
    if (options.deadline == Clock::time_point::max()) return 1e9;
    return std::chrono::duration<double>(options.deadline - Clock::now()).count();
  };
  for (int round = 1; round <= options.max_rounds; ++round) {
    const auto lp_started = Clock::now();
    result.status = master_.solve(seconds_left());
    result.lp_seconds += std::chrono::duration<double>(Clock::now() - lp_started).count();
    result.rounds = round;
    if (result.status != LpStatus::optimal) break;
    result.lp_value = master_.objective();
    const MasterDuals duals = master_.duals();
    const auto pricing_started = Clock::now();
    price(duals, options.threads, options.tolerance,
          static_cast<std::size_t>(std::max(1, options.columns_per_commodity)), priced);
    result.pricing_seconds += std::chrono::duration<double>(Clock::now() - pricing_started).count();
    double bound = result.lp_value;
    std::vector<DesignPath> columns;
    for (std::size_t k = 0; k < priced.size(); ++k) {
      bound += priced[k].bound;
      for (auto& path : priced[k].paths) columns.push_back({k, std::move(path), 0.0});
    }
    result.lower_bound = std::max(result.lower_bound, bound);
    if (progress) {
      SolveProgress p;
      p.phase = phase;
      p.iteration = round;
      p.lower_bound = result.lower_bound;
      p.lp_value = result.lp_value;
      p.columns = master_.path_count();
      p.elapsed_seconds = std::chrono::duration<double>(Clock::now() - started).count();
      p.lp_seconds = result.lp_seconds;
      p.pricing_seconds = result.pricing_seconds;
      progress(p);
    }
    const bool out_of_time =
        Clock::now() >= options.deadline || (options.stop && options.stop->load());
    // Relative to what pricing can change: commodities with no path add a constant penalty.
    const double lp_gap = (result.lp_value - result.lower_bound) /
                          std::max(1.0, std::abs(result.lp_value - unavoidable_));
    std::size_t added = 0;
    if (!columns.empty() && lp_gap > options.bound_gap_to_stop) added = master_.add_paths(columns);
    // Separate linking rows only once pricing has converged, or nearly (its tail adds a few
    // columns a round for a long time while the bound barely moves): each batch re-solves by
    // dual simplex, which is the expensive step on large masters.
    const bool priced_out = added == 0 || lp_gap <= options.separation_gap;
    if (options.separate_linking && !out_of_time && priced_out) {
      const std::size_t columns_added = added;
      added = master_.add_violated_linking_rows(1e-6, options.max_linking_rows_per_round);
      // Residual rows cut other points (arcs with more than one vehicle's worth): both at once.
      added += master_.add_violated_residual_rows(options.cut_tolerance,
                                                  options.max_residual_rows_per_round);
      if (added == 0 && cuts_)
        added += cuts_->separate(master_, options.cut_tolerance, options.max_cuts_per_round);
      added += columns_added;
    }
    if (added == 0) {
      result.converged = true;
      // With no row added and no column, the master's optimum is the bound.
      result.lower_bound = std::max(result.lower_bound, std::min(result.lp_value, bound));
      break;
    }
    if (out_of_time) break;
  }
  return result;
}

}  // namespace mm::engine
