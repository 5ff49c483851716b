#include "engine/flow_neighbourhood.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <unordered_map>

#include <coin/CbcModel.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include "engine/plan_state.h"
#include "engine/price_and_branch.h"
#include "mip/cbc_driver.h"

namespace mm::engine {

namespace {

constexpr double kFlowTolerance = 1e-7;

// The MIP under construction: columns with bounds and costs, rows as triplets.
struct Model {
  std::vector<double> cost, lower, upper;
  std::vector<int> integer;
  std::vector<double> row_lower, row_upper;
  std::vector<int> rows, cols;
  std::vector<double> values;

  int column(double c, double lo, double up) {
    cost.push_back(c);
    lower.push_back(lo);
    upper.push_back(up);
    return static_cast<int>(cost.size()) - 1;
  }
  int row(double lo, double up) {
    row_lower.push_back(lo);
    row_upper.push_back(up);
    return static_cast<int>(row_lower.size()) - 1;
  }
  void entry(int r, int c, double v) {
    rows.push_back(r);
    cols.push_back(c);
    values.push_back(v);
  }
};

// One free commodity in the model.
struct FreeCommodity {
  std::size_t commodity = 0;
  std::vector<std::size_t> through, ending;  // arcs, as in FlowNeighbourhood::Usable
  int first_through = 0, first_ending = 0;   // their first column
  int unserved = 0;                          // column of s_k
};

// The paths a commodity's flow (per arc: going on, ending) splits into, cycles cancelled.
std::vector<DesignPath> decompose(const DesignProblem& problem, const FreeCommodity& f,
                                  std::vector<double> through, std::vector<double> ending) {
  const std::size_t source = problem.commodities[f.commodity].source;
  std::unordered_map<std::size_t, std::vector<std::size_t>> out_through, out_ending;
  for (std::size_t i = 0; i < f.through.size(); ++i)
    out_through[problem.graph.arc(f.through[i]).tail].push_back(i);
  for (std::size_t i = 0; i < f.ending.size(); ++i)
    out_ending[problem.graph.arc(f.ending[i]).tail].push_back(i);
  auto best_of = [](const std::vector<std::size_t>* ids, const std::vector<double>& flow) {
    std::size_t best = std::numeric_limits<std::size_t>::max();
    if (!ids) return best;
    for (std::size_t i : *ids)
      if (flow[i] > kFlowTolerance &&
          (best == std::numeric_limits<std::size_t>::max() || flow[i] > flow[best]))
        best = i;
    return best;
  };
  auto find = [](auto& map, std::size_t node) {
    auto it = map.find(node);
    return it == map.end() ? nullptr : &it->second;
  };
  std::vector<DesignPath> paths;
  const std::size_t none = std::numeric_limits<std::size_t>::max();
  // Each round ends one path or cancels one cycle; the flow on some arc drops to 0 each time.
  for (std::size_t round = 0; round < 4 * (f.through.size() + f.ending.size()) + 4; ++round) {
    std::vector<std::size_t> steps;  // indices into f.through
    std::unordered_map<std::size_t, std::size_t> position{{source, 0}};
    std::size_t node = source;
    bool cycle = false;
    for (;;) {
      const std::size_t end = best_of(find(out_ending, node), ending);
      if (end != none) {
        double share = ending[end];
        for (std::size_t s : steps) share = std::min(share, through[s]);
        DesignPath p;
        p.commodity = f.commodity;
        for (std::size_t s : steps) {
          through[s] -= share;
          p.arcs.push_back(f.through[s]);
        }
        ending[end] -= share;
        p.arcs.push_back(f.ending[end]);
        p.share = share;
        if (share > 1e-9) paths.push_back(std::move(p));
        break;
      }
      const std::size_t next = best_of(find(out_through, node), through);
      if (next == none) return paths;  // no flow leaves: what is left is round-off
      steps.push_back(next);
      node = problem.graph.arc(f.through[next]).head;
      auto seen = position.find(node);
      if (seen != position.end()) {  // a cycle: cancel its flow, it only costs
        double least = std::numeric_limits<double>::infinity();
        for (std::size_t i = seen->second; i < steps.size(); ++i)
          least = std::min(least, through[steps[i]]);
        for (std::size_t i = seen->second; i < steps.size(); ++i) through[steps[i]] -= least;
        cycle = true;
        break;
      }
      position[node] = steps.size();
    }
    if (!cycle && best_of(find(out_ending, source), ending) == none &&
        best_of(find(out_through, source), through) == none)
      break;
  }
  return paths;
}

}  // namespace

FlowNeighbourhood::FlowNeighbourhood(const DesignProblem& problem)
    : problem_(problem),
      in_arcs_(problem.graph.node_count()),
      forward_(problem.graph.node_count(), 0),
      backward_(problem.graph.node_count(), 0) {
  for (std::size_t a = 0; a < problem.graph.arc_count(); ++a)
    if (problem.graph.arc(a).head != routing::kNoNode)
      in_arcs_[problem.graph.arc(a).head].push_back(a);
}

FlowNeighbourhood::Usable FlowNeighbourhood::usable_arcs(std::size_t k,
                                                         const std::vector<char>* allowed_arcs) {
  const routing::PricingGraph& g = problem_.graph;
  const Commodity& c = problem_.commodities[k];
  auto open = [&](std::size_t a) {
    return a >= problem_.design_arcs.size() ||
           (problem_.design_arcs[a].max_units > 0 && (!allowed_arcs || (*allowed_arcs)[a]));
  };
  // Nodes reachable from the source, and nodes from which one of the sinks' tails is reachable.
  std::vector<std::size_t> seen_forward{c.source}, seen_backward;
  forward_[c.source] = 1;
  for (std::size_t i = 0; i < seen_forward.size(); ++i)
    for (std::size_t a : g.out_arcs(seen_forward[i])) {
      const std::size_t h = g.arc(a).head;
      if (h != routing::kNoNode && open(a) && !forward_[h]) {
        forward_[h] = 1;
        seen_forward.push_back(h);
      }
    }
  Usable u;
  for (std::size_t a : c.sinks) {
    const std::size_t t = g.arc(a).tail;
    if (!forward_[t] || !open(a)) continue;
    u.ending.push_back(a);
    if (!backward_[t]) {
      backward_[t] = 1;
      seen_backward.push_back(t);
    }
  }
  for (std::size_t i = 0; i < seen_backward.size(); ++i)
    for (std::size_t a : in_arcs_[seen_backward[i]]) {
      const std::size_t t = g.arc(a).tail;
      if (forward_[t] && open(a) && !backward_[t]) {
        backward_[t] = 1;
        seen_backward.push_back(t);
      }
    }
  for (std::size_t n : seen_backward)
    for (std::size_t a : g.out_arcs(n)) {
      const std::size_t h = g.arc(a).head;
      if (h != routing::kNoNode && backward_[h] && open(a)) u.through.push_back(a);
    }
  for (std::size_t n : seen_forward) forward_[n] = 0;
  for (std::size_t n : seen_backward) backward_[n] = 0;
  std::sort(u.through.begin(), u.through.end());
  std::sort(u.ending.begin(), u.ending.end());
  return u;
}

DesignSolution FlowNeighbourhood::improve(const DesignSolution& incumbent,
                                          const std::vector<std::size_t>& order,
                                          const FlowNeighbourhoodOptions& options) {
  last_freed_ = 0;
  const std::size_t D = problem_.design_arcs.size();
  const std::size_t K = problem_.commodities.size();

  // The neighbourhood: commodities in order while the model stays within its budget.
  std::vector<FreeCommodity> freed;
  std::vector<bool> is_free(K, false);
  std::size_t variables = 0;
  for (std::size_t k : order) {
    if (freed.size() >= options.max_commodities) break;
    if (k >= K || is_free[k]) continue;
    Usable u = usable_arcs(k, options.allowed_arcs);
    if (u.ending.empty()) continue;  // no path at all: nothing to re-plan
    const std::size_t more = u.through.size() + u.ending.size();
    if (!freed.empty() && variables + more > options.max_variables) break;
    variables += more;
    is_free[k] = true;
    FreeCommodity f;
    f.commodity = k;
    f.through = std::move(u.through);
    f.ending = std::move(u.ending);
    freed.push_back(std::move(f));
  }
  if (freed.empty()) return {};

  // What the fixed commodities leave: their loads and the vehicles those need (PlanState's
  // rule), their sort-capacity use.
  PlanState fixed(problem_);
  DesignSolution kept;
  for (const DesignPath& p : incumbent.paths)
    if (!is_free[p.commodity]) kept.paths.push_back(p);
  fixed.assign(kept);
  std::vector<double> resource_used(problem_.resource_limits.size(), 0.0);
  for (const DesignPath& p : kept.paths)
    for (std::size_t a : p.arcs)
      if (a < D && problem_.design_arcs[a].resource_group >= 0)
        resource_used[problem_.design_arcs[a].resource_group] +=
            p.share * problem_.commodities[p.commodity].packages;

  Model m;
  std::vector<int> y_column(D, -1);
  auto y_of = [&](std::size_t a) {
    if (y_column[a] < 0) {
      const DesignArc& arc = problem_.design_arcs[a];
      y_column[a] = m.column(arc.fixed_cost, 0.0,
                             std::isfinite(arc.max_units) ? arc.max_units : COIN_DBL_MAX);
      m.integer.push_back(y_column[a]);
    }
    return y_column[a];
  };
  for (FreeCommodity& f : freed) {
    const Commodity& c = problem_.commodities[f.commodity];
    auto flow_cost = [&](std::size_t a) {
      return a < D ? c.packages * problem_.design_arcs[a].unit_cost : 0.0;
    };
    f.first_through = static_cast<int>(m.cost.size());
    for (std::size_t a : f.through) m.column(flow_cost(a), 0.0, 1.0);
    f.first_ending = static_cast<int>(m.cost.size());
    for (std::size_t a : f.ending) m.column(flow_cost(a), 0.0, 1.0);
    f.unserved = m.column(c.penalty, 0.0, 1.0);
  }
  // Per design arc: the flow columns on it with their commodity (capacity, linking, sort rows).
  std::unordered_map<std::size_t, std::vector<std::pair<int, std::size_t>>> on_arc;
  for (const FreeCommodity& f : freed) {
    for (std::size_t i = 0; i < f.through.size(); ++i)
      if (f.through[i] < D) on_arc[f.through[i]].push_back({f.first_through + int(i), f.commodity});
    for (std::size_t i = 0; i < f.ending.size(); ++i)
      if (f.ending[i] < D) on_arc[f.ending[i]].push_back({f.first_ending + int(i), f.commodity});
  }
  std::vector<std::size_t> arcs_used;
  for (const auto& entry : on_arc) arcs_used.push_back(entry.first);
  std::sort(arcs_used.begin(), arcs_used.end());

  // Flow conservation: out − in = 1 − s at the source, 0 elsewhere; sink arcs only leave.
  for (const FreeCommodity& f : freed) {
    const std::size_t source = problem_.commodities[f.commodity].source;
    std::unordered_map<std::size_t, int> row_of;
    auto row = [&](std::size_t node) {
      auto it = row_of.find(node);
      if (it != row_of.end()) return it->second;
      const double rhs = node == source ? 1.0 : 0.0;
      const int r = m.row(rhs, rhs);
      row_of.emplace(node, r);
      return r;
    };
    m.entry(row(source), f.unserved, 1.0);
    for (std::size_t i = 0; i < f.through.size(); ++i) {
      const routing::GraphArc& arc = problem_.graph.arc(f.through[i]);
      m.entry(row(arc.tail), f.first_through + int(i), 1.0);
      m.entry(row(arc.head), f.first_through + int(i), -1.0);
    }
    for (std::size_t i = 0; i < f.ending.size(); ++i)
      m.entry(row(problem_.graph.arc(f.ending[i]).tail), f.first_ending + int(i), 1.0);
  }
  // Capacity and strong linking per design arc the free commodities may use.
  std::unordered_map<int, std::vector<std::pair<int, double>>> sort_rows;  // group -> entries
  for (std::size_t a : arcs_used) {
    const DesignArc& arc = problem_.design_arcs[a];
    const int y = y_of(a);
    for (int r = 0; r < kDimensions; ++r) {
      if (!std::isfinite(arc.capacity[r])) continue;
      const int row = m.row(-COIN_DBL_MAX, -fixed.load(a)[r]);
      m.entry(row, y, -arc.capacity[r]);
      for (const auto& [column, k] : on_arc[a])
        if (problem_.commodities[k].size[r] > 0)
          m.entry(row, column, problem_.commodities[k].size[r]);
    }
    for (const auto& [column, k] : on_arc[a]) {
      double most = 1.0;  // share per vehicle; whatever rides needs a vehicle
      for (int r = 0; r < kDimensions; ++r)
        if (std::isfinite(arc.capacity[r]) && problem_.commodities[k].size[r] > 0)
          most = std::min(most, arc.capacity[r] / problem_.commodities[k].size[r]);
      const int row = m.row(-COIN_DBL_MAX, 0.0);
      m.entry(row, column, 1.0);
      m.entry(row, y, -most);
    }
    if (arc.resource_group >= 0)
      for (const auto& [column, k] : on_arc[a])
        sort_rows[arc.resource_group].push_back({column, problem_.commodities[k].packages});
  }
  for (const auto& [group, entries] : sort_rows) {
    const int row = m.row(-COIN_DBL_MAX, problem_.resource_limits[group] - resource_used[group]);
    for (const auto& [column, packages] : entries) m.entry(row, column, packages);
  }
  // Fleets: the model's vehicles plus the fixed ones elsewhere in the pool.
  for (const VehiclePool& pool : problem_.vehicle_pools) {
    double elsewhere = 0.0;
    std::vector<int> ys;
    for (std::size_t a : pool.arcs) {
      if (y_column[a] >= 0)
        ys.push_back(y_column[a]);
      else
        elsewhere += fixed.units(a);
    }
    if (ys.empty()) continue;
    const int row = m.row(-COIN_DBL_MAX, pool.limit - elsewhere);
    for (int y : ys) m.entry(row, y, 1.0);
  }

  // The incumbent as a start: its free paths, and the vehicles all loads need.
  std::vector<double> start(m.cost.size(), 0.0);
  bool start_ok = true;
  PlanState whole(problem_);
  whole.assign(incumbent);
  for (FreeCommodity& f : freed) {
    double served = 0.0;
    for (const StatePath& p : whole.paths(f.commodity)) {
      served += p.share;
      for (std::size_t i = 0; i < p.arcs.size(); ++i) {
        const bool last = i + 1 == p.arcs.size();
        const std::vector<std::size_t>& arcs = last ? f.ending : f.through;
        auto it = std::lower_bound(arcs.begin(), arcs.end(), p.arcs[i]);
        if (it == arcs.end() || *it != p.arcs[i]) {
          start_ok = false;
          continue;
        }
        const int first = last ? f.first_ending : f.first_through;
        start[first + (it - arcs.begin())] += p.share;
      }
    }
    start[f.unserved] = std::max(0.0, 1.0 - served);
  }
  for (std::size_t a : arcs_used) start[y_column[a]] = whole.units(a);
  double start_objective = 0.0;
  for (std::size_t i = 0; i < start.size(); ++i) start_objective += m.cost[i] * start[i];

  CoinPackedMatrix matrix(false, m.rows.data(), m.cols.data(), m.values.data(),
                          static_cast<CoinBigIndex>(m.values.size()));
  matrix.setDimensions(static_cast<int>(m.row_lower.size()), static_cast<int>(m.cost.size()));
  OsiClpSolverInterface solver;
  solver.loadProblem(matrix, m.lower.data(), m.upper.data(), m.cost.data(), m.row_lower.data(),
                     m.row_upper.data());
  for (int c : m.integer) solver.setInteger(c);
  solver.messageHandler()->setLogLevel(0);
  solver.getModelPtr()->setLogLevel(0);
  // CBC checks its time limit between events, and the first LP of a large model is one long
  // step (c39's arc-restricted MIP of 20,000 columns: 6 s), so the LP stops at the deadline too.
  if (options.deadline != Clock::time_point::max())
    solver.getModelPtr()->setMaximumWallSeconds(
        std::max(0.05, std::chrono::duration<double>(options.deadline - Clock::now()).count()));
  CbcModel model(solver);
  mip::CbcOptions cbc;
  cbc.seconds = 1e9;
  cbc.deadline = options.deadline;
  cbc.minimum_seconds = 0.05;
  cbc.stop = options.stop;
  cbc.heartbeat = options.heartbeat;
  if (start_ok) {
    cbc.start = &start;
    cbc.start_objective = start_objective;
    cbc.cutoff = start_objective - 1e-7 * std::max(1.0, std::abs(incumbent.objective));
  }
  cbc.arguments = cbc_search_arguments(options.seed, true, options.max_nodes);
  if (mip::run_cbc(model, cbc).outcome == mip::CbcOutcome::not_run) return {};
  if (model.bestSolution() == nullptr || model.getNumCols() != static_cast<int>(m.cost.size()))
    return {};
  const double* x = model.bestSolution();
  last_freed_ = freed.size();

  DesignSolution result;
  result.paths = std::move(kept.paths);
  for (const FreeCommodity& f : freed) {
    std::vector<double> through(x + f.first_through, x + f.first_through + f.through.size());
    std::vector<double> ending(x + f.first_ending, x + f.first_ending + f.ending.size());
    for (DesignPath& p : decompose(problem_, f, std::move(through), std::move(ending)))
      result.paths.push_back(std::move(p));
  }
  // Vehicles: what the loads need (the plan's rule); CBC's counts are at least that.
  PlanState state(problem_);
  state.assign(result);
  result = state.solution();
  result.objective = design_objective(problem_, result);
  if (result.objective >= incumbent.objective - 1e-9) return {};
  return result;
}

}  // namespace mm::engine
