#include "engine/slope_scaling.h"

#include <algorithm>
#include <cmath>

#include <tbb/enumerable_thread_specific.h>

#include "engine/commodity_groups.h"
#include "engine/plan_repair.h"
#include "engine/plan_state.h"

namespace mm::engine {

namespace {

// Relative change of a routing's cost below which it counts as a repeat.
constexpr double kRepeatTolerance = 1e-9;

struct TreeBuffers {
  std::vector<double> cost;
  routing::ShortestPathTree tree;
};

// Vehicles' worth of load on an arc: the largest load / capacity over its finite dimensions.
double vehicle_loads(const DesignArc& arc, const std::array<double, kDimensions>& load) {
  double x = 0.0;
  for (int r = 0; r < kDimensions; ++r)
    if (std::isfinite(arc.capacity[r]) && arc.capacity[r] > 0)
      x = std::max(x, load[r] / arc.capacity[r]);
  return x;
}

class SlopeScaling {
 public:
  SlopeScaling(const DesignProblem& problem, Inserter& inserter, const SlopeScalingOptions& options)
      : problem_(problem),
        inserter_(inserter),
        options_(options),
        groups_(group_by_source(problem, Grouping::by_source)),
        fixed_(problem.design_arcs.size()),
        factor_(problem.design_arcs.size(), 1.0) {
    for (std::size_t a = 0; a < fixed_.size(); ++a) fixed_[a] = problem.design_arcs[a].fixed_cost;
    spread_prices();
  }

  SlopeScalingResult run() {
    SlopeScalingResult result;
    double best_exact = kInfinity;
    double previous = kInfinity;
    for (int it = 0; it < options_.iterations && !options_.budget.expired(); ++it) {
      DesignSolution routing = route();
      if (options_.budget.expired()) break;
      PlanState state(problem_);
      state.assign(routing);
      const double raw = state.objective();
      result.iterations = it + 1;
      // A routing that does not beat the best as it stands is not repaired: the repair takes
      // riders off what is over its limit and inserts them again where they still pay, which
      // seldom makes a plan cheaper, and on a national network it costs seconds.
      if (result.best.empty() || raw < best_exact - kRepeatTolerance * std::abs(best_exact)) {
        PlanState repaired = state;
        repair_limits(repaired, inserter_, options_.budget);
        if (repaired.objective() < best_exact) {
          best_exact = repaired.objective();
          result.best = repaired.solution();
          result.best.objective = best_exact;
          result.best_iteration = it;
        }
      }
      if (options_.progress) options_.progress(it, best_exact);
      if (it - result.best_iteration >= options_.patience) break;
      if (std::abs(raw - previous) <= kRepeatTolerance * std::max(1.0, std::abs(raw))) break;
      previous = raw;
      update_prices(state);
    }
    return result;
  }

 private:
  // Every commodity on its cheapest path under the current prices, or unserved where that path
  // costs more than its penalty. Paths merged in group order: the same for any thread count.
  DesignSolution route() const {
    const auto& graph = problem_.graph;
    const std::size_t A = problem_.design_arcs.size();
    std::vector<std::vector<DesignPath>> found(groups_.size());
    tbb::enumerable_thread_specific<TreeBuffers> buffers;
    parallel_over(groups_.size(), options_.threads, [&](std::size_t gi) {
      if (options_.budget.expired()) return;
      const CommodityGroup& g = groups_[gi];
      TreeBuffers& buf = buffers.local();
      buf.cost.assign(graph.arc_count(), 0.0);
      for (std::size_t a = 0; a < A; ++a) {
        double share = 0.0;
        for (int r = 0; r < kDimensions; ++r) share = std::max(share, g.ratio[r] * per_size_[a][r]);
        buf.cost[a] = problem_.design_arcs[a].unit_cost + share;
      }
      graph.shortest_paths(g.source, buf.cost, buf.tree);
      for (std::size_t k : g.members) {
        const Commodity& c = problem_.commodities[k];
        auto [cost, sink] = best_sink(graph, buf.tree, buf.cost, c.sinks);
        if (sink == routing::kNoNode || cost * c.packages >= c.penalty) continue;
        found[gi].push_back({k, graph.path_ending_with(buf.tree, sink), 1.0});
      }
    });
    DesignSolution routing;
    routing.units.assign(A, 0.0);
    for (auto& f : found)
      for (DesignPath& p : f) routing.paths.push_back(std::move(p));
    return routing;
  }

  // The next iteration's prices: fixed × vehicles / vehicles' worth of load on every arc that
  // carried something (never below the price of a full vehicle), and dearer where a limit broke.
  void update_prices(const PlanState& state) {
    const std::size_t A = problem_.design_arcs.size();
    std::vector<char> broke(A, 0);
    for (std::size_t a = 0; a < A; ++a) broke[a] = state.over_vehicle_limit(a);
    for (std::size_t a = 0; a < A; ++a) {
      const int g = problem_.design_arcs[a].resource_group;
      if (g >= 0 && state.over_resource_limit(static_cast<std::size_t>(g))) broke[a] = 1;
    }
    for (std::size_t p = 0; p < problem_.vehicle_pools.size(); ++p)
      if (state.over_pool_limit(p))
        for (std::size_t a : problem_.vehicle_pools[p].arcs) broke[a] = 1;
    for (std::size_t a = 0; a < A; ++a) {
      const DesignArc& arc = problem_.design_arcs[a];
      const double x = vehicle_loads(arc, state.load(a));
      if (x > 0 && state.units(a) > 0)
        fixed_[a] = arc.fixed_cost * std::max(1.0, state.units(a) / x);
      if (broke[a]) factor_[a] *= options_.limit_factor;
    }
    spread_prices();
  }

  // Per design arc and dimension, the price of a unit of size: the vehicle's price over its
  // capacity (full_vehicle_cost_per_package's terms, computed once per iteration, not per
  // group).
  void spread_prices() {
    per_size_.resize(fixed_.size());
    for (std::size_t a = 0; a < fixed_.size(); ++a) {
      const DesignArc& arc = problem_.design_arcs[a];
      for (int r = 0; r < kDimensions; ++r)
        per_size_[a][r] = std::isfinite(arc.capacity[r]) && arc.capacity[r] > 0
                              ? fixed_[a] * factor_[a] / arc.capacity[r]
                              : 0.0;
    }
  }

  const DesignProblem& problem_;
  Inserter& inserter_;
  const SlopeScalingOptions& options_;
  std::vector<CommodityGroup> groups_;
  std::vector<double> fixed_;   // per design arc: the fixed cost spread over its last load
  std::vector<double> factor_;  // per design arc: growth for broken limits
  std::vector<std::array<double, kDimensions>> per_size_;  // per design arc: price per size
};

}  // namespace

SlopeScalingResult slope_scaling(const DesignProblem& problem, Inserter& inserter,
                                 const SlopeScalingOptions& options) {
  return SlopeScaling(problem, inserter, options).run();
}

}  // namespace mm::engine
