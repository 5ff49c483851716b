#include "engine/column_generation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

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

namespace {

// What a package of per-package size `ratio` pays on `arc` under the full-vehicle bound's prices:
// its unit cost and its share of a full vehicle by the arc's row `dimension` (-1: none). The
// same arithmetic as full_vehicle_cost_per_package, so that the two agree to the bit wherever
// that dimension is the one the package fills first.
double bound_cost(const DesignArc& arc, int dimension,
                  const std::array<double, kDimensions>& ratio) {
  return arc.unit_cost +
         (dimension >= 0 ? ratio[dimension] * arc.fixed_cost / arc.capacity[dimension] : 0.0);
}

}  // namespace

template <typename ArcCost, typename Visit>
void ColumnGeneration::for_each_cheapest_sink(const std::vector<std::size_t>& group_ids,
                                              int threads, ArcCost arc_cost, Visit visit) const {
  const auto& graph = problem_.graph;
  const std::size_t A = problem_.design_arcs.size();
  tbb::enumerable_thread_specific<ThreadBuffers> buffers;
  parallel_over(group_ids.size(), threads, [&](std::size_t i) {
    const std::size_t gi = group_ids[i];
    const CommodityGroup& g = groups_[gi];
    ThreadBuffers& buf = buffers.local();
    buf.cost.assign(graph.arc_count(), 0.0);
    for (std::size_t a = 0; a < A; ++a) buf.cost[a] = arc_cost(gi, a);
    graph.shortest_paths(g.source, buf.cost, buf.tree);
    for (std::size_t k : g.members) {
      auto [best, sink] = best_sink(graph, buf.tree, buf.cost, problem_.commodities[k].sinks);
      if (sink != routing::kNoNode) visit(gi, k, best, sink, buf.tree);
    }
  });
}

std::vector<int> ColumnGeneration::bound_dimensions() const {
  // One dimension per arc, the one the whole demand would fill first. Charging each commodity
  // the largest of its shares over several dimensions is no Lagrangian multiplier (the max of
  // sums is below the sum of maxima) and would not bound; one row per arc is one.
  std::array<double, kDimensions> total{};
  for (const Commodity& c : problem_.commodities)
    for (int r = 0; r < kDimensions; ++r) total[r] += c.size[r];
  std::vector<int> dimension(problem_.design_arcs.size(), -1);
  for (std::size_t a = 0; a < dimension.size(); ++a) {
    const DesignArc& arc = problem_.design_arcs[a];
    double fullest = -1.0;
    for (int r = 0; r < kDimensions; ++r) {
      if (!std::isfinite(arc.capacity[r]) || arc.capacity[r] <= 0) continue;
      if (total[r] / arc.capacity[r] > fullest) {
        fullest = total[r] / arc.capacity[r];
        dimension[a] = r;
      }
    }
  }
  return dimension;
}

std::size_t ColumnGeneration::add_initial_paths(int threads) {
  const std::size_t K = problem_.commodities.size();
  const std::vector<int> dimension = bound_dimensions();
  std::vector<std::size_t> every_group(groups_.size());
  std::iota(every_group.begin(), every_group.end(), std::size_t{0});
  std::vector<std::vector<DesignPath>> found(groups_.size());
  // Per group: whether the bound's prices differ from the first columns' on some arc (its
  // packages fill another dimension first there); then the bound takes a pass of its own.
  std::vector<char> own_pass(groups_.size(), 0);
  full_bound_ = FullVehicleBound{};
  full_bound_.per_package.assign(K, kInfinity);
  // The first columns: the cost per package at 100% fill (by the dimension it fills first).
  for_each_cheapest_sink(
      every_group, threads,
      [&](std::size_t gi, std::size_t a) {
        const DesignArc& arc = problem_.design_arcs[a];
        const double cost = full_vehicle_cost_per_package(arc, groups_[gi].ratio);
        if (cost != bound_cost(arc, dimension[a], groups_[gi].ratio)) own_pass[gi] = 1;
        return cost;
      },
      [&](std::size_t gi, std::size_t k, double best, std::size_t sink,
          const routing::ShortestPathTree& tree) {
        found[gi].push_back({k, problem_.graph.path_ending_with(tree, sink), 0.0});
        if (!own_pass[gi]) full_bound_.per_package[k] = best;
      });
  std::vector<std::size_t> rest;
  for (std::size_t gi = 0; gi < groups_.size(); ++gi)
    if (own_pass[gi]) rest.push_back(gi);
  // The group's smallest ratios: a lower bound of each member's cost.
  for_each_cheapest_sink(
      rest, threads,
      [&](std::size_t gi, std::size_t a) {
        return bound_cost(problem_.design_arcs[a], dimension[a], groups_[gi].ratio);
      },
      [&](std::size_t, std::size_t k, double best, std::size_t, const routing::ShortestPathTree&) {
        full_bound_.per_package[k] = best;
      });
  for (std::size_t k = 0; k < K; ++k) {
    const Commodity& c = problem_.commodities[k];
    full_bound_.value += full_bound_.per_package[k] < kInfinity
                             ? std::min(c.penalty, c.packages * full_bound_.per_package[k])
                             : c.penalty;
  }
  std::vector<DesignPath> all;
  for (auto& f : found)
    for (auto& p : f) {
      reachable_[p.commodity] = true;
      all.push_back(std::move(p));
    }
  unavoidable_ = 0.0;
  for (std::size_t k = 0; k < K; ++k)
    if (!reachable_[k]) unavoidable_ += problem_.commodities[k].penalty;
  master_.add_paths(all);
  return static_cast<std::size_t>(std::count(reachable_.begin(), reachable_.end(), false));
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
