#include "engine/design_solver.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "engine/local_search.h"
#include "engine/neighbourhood_search.h"
#include "engine/price_and_branch.h"
#include "engine/restricted_master.h"

namespace mm::engine {

namespace {

constexpr double kIntegral = 1e-6;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

using ArcLoads = std::vector<std::array<double, kDimensions>>;

// Load of every design arc in each dimension; `used` (if given) marks arcs any path crosses.
ArcLoads arc_loads(const DesignProblem& problem, const std::vector<DesignPath>& paths,
                   std::vector<bool>* used = nullptr) {
  ArcLoads load(problem.design_arcs.size(), {0.0, 0.0});
  if (used) used->assign(problem.design_arcs.size(), false);
  for (const DesignPath& p : paths) {
    const Commodity& k = problem.commodities[p.commodity];
    for (std::size_t a : p.arcs)
      if (a < problem.design_arcs.size()) {
        if (used && p.share > 0) (*used)[a] = true;
        for (int r = 0; r < kDimensions; ++r) load[a][r] += p.share * k.size[r];
      }
  }
  return load;
}

// Vehicles each design arc needs for the given paths: ceil(load / capacity) in the tightest
// dimension. Never above max_units when the loads come from a feasible LP.
std::vector<double> units_for_loads(const DesignProblem& problem,
                                    const std::vector<DesignPath>& paths) {
  std::vector<bool> used;
  const ArcLoads load = arc_loads(problem, paths, &used);
  std::vector<double> units(problem.design_arcs.size(), 0.0);
  for (std::size_t a = 0; a < units.size(); ++a) {
    double need = 0.0;
    for (int r = 0; r < kDimensions; ++r)
      if (std::isfinite(problem.design_arcs[a].capacity[r]) && load[a][r] > 0)
        need = std::max(need, load[a][r] / problem.design_arcs[a].capacity[r]);
    // Loads a hair above a whole number of vehicles are LP round-off.
    units[a] = need > 0 ? std::ceil(need - 1e-7) : 0.0;
    // Whatever rides a departure needs a vehicle, even packages of no cube and weight.
    if (used[a] && units[a] == 0) units[a] = 1;
  }
  return units;
}

// The first vehicle pool over its limit, or -1.
int violated_pool(const DesignProblem& problem, const std::vector<double>& units) {
  for (std::size_t p = 0; p < problem.vehicle_pools.size(); ++p) {
    double used = 0.0;
    for (std::size_t a : problem.vehicle_pools[p].arcs) used += units[a];
    if (used > problem.vehicle_pools[p].limit + 1e-6) return static_cast<int>(p);
  }
  return -1;
}

// Rounding: keep the LP's paths, give every arc the whole vehicles its load needs. Rounding up
// can break a vehicle pool (fleet); then, one vehicle at a time, the pool's arc whose last
// vehicle carries the least is given one vehicle fewer and the paths through it shrink in
// proportion (the difference becomes unserved). Loads never grow, so capacity, vehicles per
// departure and resource rows stay satisfied.
DesignSolution round_up(const DesignProblem& problem, const DesignSolution& lp) {
  DesignSolution s;
  s.paths = lp.paths;
  s.units = units_for_loads(problem, s.paths);
  for (int p = violated_pool(problem, s.units); p >= 0; p = violated_pool(problem, s.units)) {
    // Load per design arc, to find the vehicle that is cheapest to give up.
    const ArcLoads load = arc_loads(problem, s.paths);
    std::size_t chosen = problem.design_arcs.size();
    double best_keep = -1.0;
    for (std::size_t a : problem.vehicle_pools[p].arcs) {
      if (s.units[a] <= 0) continue;
      // Share of the arc's load that fits in one vehicle fewer.
      double keep = 1.0;
      for (int r = 0; r < kDimensions; ++r) {
        const double cap = problem.design_arcs[a].capacity[r];
        if (std::isfinite(cap) && load[a][r] > 0)
          keep = std::min(keep, (s.units[a] - 1) * cap / load[a][r]);
      }
      if (keep > best_keep) {
        best_keep = keep;
        chosen = a;
      }
    }
    if (chosen == problem.design_arcs.size()) break;  // nothing left to remove
    for (DesignPath& path : s.paths)
      if (std::find(path.arcs.begin(), path.arcs.end(), chosen) != path.arcs.end())
        path.share *= std::max(0.0, best_keep) * (1.0 - 1e-12);
    s.paths.erase(std::remove_if(s.paths.begin(), s.paths.end(),
                                 [](const DesignPath& path) { return path.share <= 1e-9; }),
                  s.paths.end());
    s.units = units_for_loads(problem, s.paths);
  }
  s.objective = design_objective(problem, s);
  return s;
}

// The paths of a related solve made to fit this problem: shares per commodity at most 1, then
// cut back on every arc beyond its vehicles per departure and in every resource group beyond
// its limit (loads only shrink, so one pass of each suffices), then rounded up with the pool
// repair. The difference is unserved.
DesignSolution fit_warm_incumbent(const DesignProblem& problem, std::vector<DesignPath> paths) {
  std::vector<double> served(problem.commodities.size(), 0.0);
  for (const DesignPath& p : paths) served[p.commodity] += p.share;
  for (DesignPath& p : paths)
    if (served[p.commodity] > 1.0) p.share /= served[p.commodity];
  const ArcLoads load = arc_loads(problem, paths);
  std::vector<double> keep_arc(problem.design_arcs.size(), 1.0);
  for (std::size_t a = 0; a < problem.design_arcs.size(); ++a) {
    const DesignArc& arc = problem.design_arcs[a];
    if (!std::isfinite(arc.max_units)) continue;
    for (int r = 0; r < kDimensions; ++r)
      if (std::isfinite(arc.capacity[r]) && load[a][r] > arc.max_units * arc.capacity[r])
        keep_arc[a] = std::min(keep_arc[a], arc.max_units * arc.capacity[r] / load[a][r]);
  }
  for (DesignPath& p : paths)
    for (std::size_t a : p.arcs)
      if (a < keep_arc.size()) p.share *= keep_arc[a] < 1.0 ? keep_arc[a] * (1 - 1e-12) : 1.0;
  std::vector<double> group_load(problem.resource_limits.size(), 0.0);
  for (const DesignPath& p : paths)
    for (std::size_t a : p.arcs)
      if (a < problem.design_arcs.size() && problem.design_arcs[a].resource_group >= 0)
        group_load[problem.design_arcs[a].resource_group] +=
            p.share * problem.commodities[p.commodity].packages;
  for (DesignPath& p : paths) {
    double keep = 1.0;
    for (std::size_t a : p.arcs) {
      const int g = a < problem.design_arcs.size() ? problem.design_arcs[a].resource_group : -1;
      if (g >= 0 && group_load[g] > problem.resource_limits[g])
        keep = std::min(keep, problem.resource_limits[g] / group_load[g] * (1 - 1e-12));
    }
    p.share *= keep;
  }
  paths.erase(std::remove_if(paths.begin(), paths.end(),
                             [](const DesignPath& p) { return p.share <= 1e-9; }),
              paths.end());
  DesignSolution lp;
  lp.paths = std::move(paths);
  return round_up(problem, lp);
}

// Nothing served, no vehicles: always feasible, so a plan exists whatever the time limit.
DesignSolution all_unserved(const DesignProblem& problem) {
  DesignSolution s;
  s.units.assign(problem.design_arcs.size(), 0.0);
  s.objective = design_objective(problem, s);
  return s;
}

class Pipeline {
 public:
  Pipeline(const DesignProblem& problem, const DesignSolverOptions& options,
           const ProgressCallback& progress)
      : problem_(problem),
        options_(options),
        progress_(progress),
        started_(Clock::now()),
        master_(problem),
        cg_(problem, master_),
        pools_of_arc_(problem.design_arcs.size()) {
    for (std::size_t p = 0; p < problem.vehicle_pools.size(); ++p)
      for (std::size_t a : problem.vehicle_pools[p].arcs) pools_of_arc_[a].push_back(p);
  }

  DesignSolverResult run() {
    DesignSolverResult result;
    cg_.add_initial_paths(options_.threads);
    result.reachable.resize(problem_.commodities.size());
    for (std::size_t k = 0; k < problem_.commodities.size(); ++k) {
      result.reachable[k] = cg_.reachable(k);
      if (!result.reachable[k]) unavoidable_ += problem_.commodities[k].penalty;
    }

    consider(all_unserved(problem_), "start");
    {
      PlanState state(problem_);
      Inserter inserter(problem_);
      std::vector<std::size_t> all(problem_.commodities.size());
      std::iota(all.begin(), all.end(), 0);
      for (std::size_t k : largest_first(problem_, all)) inserter.insert(state, k);
      consider(state.solution(), "construction");
      Random random(options_.seed);
      SearchBudget budget;
      budget.deadline = deadline();
      budget.stop = options_.stop;
      descend(state, inserter, random, budget);
      consider(state.solution(), "descent");
      NeighbourhoodSearchOptions lns;
      lns.iterations = getenv("MM_LNS") ? atoi(getenv("MM_LNS")) : 20000;
      if (getenv("MM_THR")) lns.start_threshold = atof(getenv("MM_THR"));
      if (getenv("MM_MAXR")) lns.max_removed = atoi(getenv("MM_MAXR"));
      neighbourhood_search(state, inserter, random, lns, budget,
                           [&](const PlanState& s) { consider(s.solution(), "neighbourhoods"); }, nullptr);
      descend(state, inserter, random, budget);
      consider(state.solution(), "descent");
    }
    if (const DesignWarmStart* warm = options_.warm_start) {
      master_.add_paths(warm->columns);
      master_.add_paths(warm->incumbent);
      if (!warm->incumbent.empty()) {
        DesignSolution fitted = fit_warm_incumbent(problem_, warm->incumbent);
        result.warm_start_objective = fitted.objective;
        const std::vector<bool> disturbed = disturbed_commodities(*warm, fitted, result.reachable);
        consider(fitted, "warm start");
        warm_repair(fitted.units);
        warm_neighbourhoods(disturbed, fitted);
      }
    }

    // 1. Root column generation.
    master_.add_paths(best_.paths);
    CutsetSeparator cutsets(problem_);
    cg_.set_cut_separator(&cutsets);
    ColumnGenerationOptions root = cg_options(0.45);
    ColumnGenerationResult r = cg_.run(root, progress_, "columns", started_);
    result.cg_rounds = r.rounds;
    result.lower_bound = r.lower_bound;
    result.root_lp = r.lp_value;
    cg_.set_cut_separator(nullptr);
    if (progress_) fprintf(stderr, "cover rows %zu linking %zu sets %zu\n", master_.cover_row_count(), master_.linking_row_count(), cutsets.set_count());
    lower_bound_ = r.lower_bound;
    // A solve cut by the deadline leaves no usable solution: finish it (warm, usually quick).
    if (!master_.solution_optimal() && !stopped()) master_.solve(std::max(5.0, seconds_left()));
    // Penalty the root LP itself pays for reachable commodities it leaves unserved: like the
    // penalty of unreachable ones, it is in the bound and in every plan, and would otherwise
    // make any gap look tiny when penalties are large.
    penalty_floor_ = unavoidable_;
    for (std::size_t k = 0; k < problem_.commodities.size(); ++k)
      if (result.reachable[k])
        penalty_floor_ += problem_.commodities[k].penalty * master_.unserved_share(k);
    if (r.status == LpStatus::optimal || r.status == LpStatus::stopped) {
      // 2. Rounding.
      if (master_.solution_optimal())
        consider(round_up(problem_, master_.current_solution()), "rounding");
      if (!done() && !problem_.vehicle_pools.empty()) pool_first_rounding();
      // 3. Dive.
      if (!done()) dive();
      // 4. Price-and-branch, then 5. local search, on all columns generated so far.
      if (!done()) branch();
      // Alternate the design local search (which also enriches the column pool) with
      // price-and-branch over the grown pool, while either improves.
      for (int round = 0; !done(); ++round) {
        const double before = best_.objective;
        design_local_search(false);  // exact: only the incumbent's departures
        if (!done() && best_.objective >= before - 1e-9) design_local_search(true);  // swaps
        if (!done() && best_.objective < before - 1e-9) branch();
        if (best_.objective >= before - 1e-9) break;
      }
      if (!done()) local_search();
    }
    result.best = best_;
    result.lower_bound = lower_bound_;
    result.seconds = seconds_since(started_);
    result.columns = master_.path_count();
    result.linking_rows = master_.linking_row_count();
    result.interrupted = stopped();
    result.penalty_floor = penalty_floor_;
    result.controllable_gap = relative_gap();
    if (options_.keep_columns) {
      result.column_pool.reserve(master_.path_columns().size());
      for (const RestrictedMaster::PathColumn& c : master_.path_columns())
        result.column_pool.push_back({c.commodity, c.arcs, 0.0});
    }
    if (best_.empty()) {
      result.status = SolveStatus::no_solution;
    } else {
      const double gap = relative_gap();
      result.status = gap <= std::max(options_.gap, 1e-9) && r.converged ? SolveStatus::optimal
                                                                         : SolveStatus::feasible;
    }
    return result;
  }

 private:
  ColumnGenerationOptions cg_options(double share_of_time) const {
    ColumnGenerationOptions o;
    o.threads = options_.threads;
    o.stop = options_.stop;
    o.deadline =
        started_ + std::chrono::duration_cast<Clock::duration>(
                       std::chrono::duration<double>(options_.time_limit_seconds * share_of_time));
    return o;
  }

  Clock::time_point deadline() const {
    return started_ + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(options_.time_limit_seconds));
  }
  double seconds_left() const {
    return std::chrono::duration<double>(deadline() - Clock::now()).count();
  }
  bool stopped() const { return options_.stop && options_.stop->load(); }
  // Relative to the part of the objective the solver can influence: the penalty of demand
  // with no path at all is a constant that would otherwise make every gap look tiny.
  double relative_gap() const {
    if (best_.empty()) return kInfinity;
    return std::max(0.0, best_.objective - lower_bound_) /
           std::max(1e-9, std::abs(best_.objective - penalty_floor_));
  }
  bool done() const { return stopped() || seconds_left() <= 0.0 || relative_gap() <= options_.gap; }

  void consider(DesignSolution candidate, const char* phase) {
    if (candidate.empty()) return;
    // A solver's vehicles may fall short only where loads are zero-sized (no capacity row
    // binds them); give such arcs the vehicle their paths need.
    const std::vector<double> needed = units_for_loads(problem_, candidate.paths);
    for (std::size_t a = 0; a < needed.size(); ++a)
      candidate.units[a] = std::max(candidate.units[a], needed[a]);
    candidate.objective = design_objective(problem_, candidate);
    if (best_.empty() || candidate.objective < best_.objective - 1e-9) {
      best_ = std::move(candidate);
      report(phase, 0);
    }
  }

  void report(const char* phase, int iteration) {
    if (!progress_) return;
    SolveProgress p;
    p.phase = phase;
    p.iteration = iteration;
    p.lower_bound = lower_bound_;
    p.incumbent = best_.empty() ? kInfinity : best_.objective;
    p.columns = master_.path_count();
    p.elapsed_seconds = seconds_since(started_);
    progress_(p);
  }

  void dive() {
    ColumnGenerationOptions o = cg_options(0.70);
    o.separate_linking = false;
    o.max_rounds = 30;
    for (int step = 1; !stopped() && Clock::now() < o.deadline; ++step) {
      if (!master_.solution_optimal()) break;  // fixing from a cut-off LP would be guesswork
      const DesignSolution lp = master_.current_solution();
      struct Fractional {
        double part;
        std::size_t arc;
      };
      std::vector<Fractional> fractional;
      for (std::size_t a = 0; a < lp.units.size(); ++a) {
        const double part = lp.units[a] - std::floor(lp.units[a]);
        if (part > kIntegral && part < 1.0 - kIntegral) fractional.push_back({part, a});
      }
      if (fractional.empty()) break;
      std::sort(fractional.begin(), fractional.end(), [](const Fractional& l, const Fractional& r) {
        return l.part != r.part ? l.part > r.part : l.arc < r.arc;
      });
      const std::size_t fix = std::max<std::size_t>(1, (fractional.size() + 3) / 4);
      // Vehicles used per pool at the LP: a fix that would overfill a fleet is skipped, so the
      // dive's LP stays feasible.
      std::vector<double> pool_used(problem_.vehicle_pools.size(), 0.0);
      for (std::size_t p = 0; p < pool_used.size(); ++p)
        for (std::size_t a : problem_.vehicle_pools[p].arcs) pool_used[p] += lp.units[a];
      std::size_t fixed = 0;
      for (std::size_t i = 0; i < fractional.size() && fixed < fix; ++i) {
        const std::size_t a = fractional[i].arc;
        const double raise = std::ceil(lp.units[a]) - lp.units[a];
        bool fits = true;
        for (std::size_t p : pools_of_arc_[a])
          fits = fits && pool_used[p] + raise <= problem_.vehicle_pools[p].limit + 1e-6;
        if (!fits) continue;
        for (std::size_t p : pools_of_arc_[a]) pool_used[p] += raise;
        master_.set_unit_bounds(a, std::ceil(lp.units[a]), problem_.design_arcs[a].max_units);
        ++fixed;
      }
      if (fixed == 0) break;
      const ColumnGenerationResult r = cg_.run(o, nullptr, "dive", started_);
      if (r.status != LpStatus::optimal) break;
      report("dive", step);
    }
    // Whole or not, the dive's paths with the vehicles their loads need — if the last LP was
    // solved to optimality (a stopped solve may be infeasible).
    if (!master_.solution_optimal() && !stopped()) master_.solve(std::max(5.0, seconds_left()));
    if (master_.solution_optimal())
      consider(round_up(problem_, master_.current_solution()), "dive");
    master_.reset_unit_bounds();
    // Re-solve so the master's solution is the LP again (its columns now include the dive's).
    master_.solve(std::max(1.0, seconds_left()));
  }

  void branch() {
    const double budget = std::max(0.5, seconds_left() * 0.6);
    PriceAndBranchOptions o;
    o.seconds = budget;
    o.deadline = deadline();
    o.seed = options_.seed;
    o.stop = options_.stop;
    consider(price_and_branch(master_, best_, o), "branch");
  }

  // After a warm start: what the related solve's plan can no longer carry (a closed facility's
  // flows, say) is re-routed at once, before the root LP. Column generation runs with every
  // vehicle of the fitted plan kept as a lower bound — their spare room is free to use — and
  // new vehicles allowed; the LP is rounded up, which also drops kept vehicles left empty.
  void warm_repair(const std::vector<double>& units) {
    for (std::size_t a = 0; a < units.size(); ++a)
      if (units[a] > 0.5) master_.set_unit_bounds(a, units[a], problem_.design_arcs[a].max_units);
    reprice_and_round(0.25, "warm repair");
  }

  // Reachable commodities the fitted warm solution serves less of than the related plan did.
  std::vector<bool> disturbed_commodities(const DesignWarmStart& warm, const DesignSolution& fitted,
                                          const std::vector<bool>& reachable) const {
    std::vector<double> after(problem_.commodities.size(), 0.0);
    for (const DesignPath& p : fitted.paths) after[p.commodity] += p.share;
    std::vector<bool> disturbed(after.size(), false);
    for (std::size_t k = 0; k < after.size(); ++k)
      disturbed[k] = reachable[k] && after[k] < std::min(1.0, warm.served[k]) - 1e-6;
    return disturbed;
  }

  // After the repair: the disturbed commodities re-planned by CBC over the columns at hand
  // (the related solve's, the repair's) with every other commodity at the fitted plan — not
  // the repair's, which rounded a whole LP up and moved everything. Then once more, from the
  // result, with the commodities that share a vehicle with them, so that their loads can
  // consolidate with what moved.
  void warm_neighbourhoods(std::vector<bool> free, const DesignSolution& fitted) {
    if (done() || std::none_of(free.begin(), free.end(), [](bool f) { return f; })) return;
    const double budget = options_.time_limit_seconds * 0.1;
    improve_neighbourhood(free, fitted, budget, options_.seed, "warm neighbourhood");
    if (done()) return;
    std::vector<bool> shared(problem_.design_arcs.size(), false);
    for (const DesignPath& p : best_.paths)
      if (free[p.commodity])
        for (std::size_t a : p.arcs)
          if (a < shared.size()) shared[a] = true;
    for (const DesignPath& p : best_.paths)
      if (std::any_of(p.arcs.begin(), p.arcs.end(),
                      [&](std::size_t a) { return a < shared.size() && shared[a]; }))
        free[p.commodity] = true;
    improve_neighbourhood(free, best_, budget, options_.seed + 1, "warm neighbourhood");
  }

  // CBC on the `free` commodities with every other one at `incumbent` (price_and_branch.h),
  // for at most `seconds` and never past the time limit; a better plan is kept.
  void improve_neighbourhood(const std::vector<bool>& free, const DesignSolution& incumbent,
                             double seconds, std::uint64_t seed, const char* phase) {
    PriceAndBranchOptions o;
    o.seconds = std::max(0.5, std::min(seconds_left(), seconds));
    o.deadline = deadline();
    o.seed = seed;
    o.stop = options_.stop;
    o.free_commodities = &free;
    consider(price_and_branch(master_, incumbent, o), phase);
  }

  // With some vehicle counts bounded (by the caller), re-price with a short column generation,
  // offer the LP rounded up as a solution, then lift the bounds again.
  void reprice_and_round(double share_of_time, const char* phase) {
    ColumnGenerationOptions o = cg_options(share_of_time);
    o.separate_linking = false;
    o.max_rounds = 30;
    const ColumnGenerationResult r = cg_.run(o, nullptr, phase, started_);
    if (r.status == LpStatus::optimal && master_.solution_optimal())
      consider(round_up(problem_, master_.current_solution()), phase);
    master_.reset_unit_bounds();
  }

  // With fleets, plain rounding overfills a pool and its repair drops flow. Here the pooled
  // arcs are rounded first — up where the pool has room, most nearly whole first, else down —
  // and fixed; column generation then re-routes what no longer fits, and the remaining
  // (unpooled) arcs are rounded up, which can no longer break a pool.
  void pool_first_rounding() {
    if (!master_.solution_optimal()) return;
    const DesignSolution lp = master_.current_solution();
    // Only needed when rounding the LP up overfills a pool (plain rounding then had to drop
    // flow); otherwise the time is better left to the dive and CBC.
    if (violated_pool(problem_, units_for_loads(problem_, lp.paths)) < 0) return;
    std::vector<std::size_t> pooled;
    for (std::size_t a = 0; a < problem_.design_arcs.size(); ++a)
      if (!pools_of_arc_[a].empty()) pooled.push_back(a);
    std::sort(pooled.begin(), pooled.end(), [&](std::size_t l, std::size_t r) {
      const double fl = lp.units[l] - std::floor(lp.units[l]);
      const double fr = lp.units[r] - std::floor(lp.units[r]);
      return fl != fr ? fl > fr : l < r;
    });
    std::vector<double> pool_used(problem_.vehicle_pools.size(), 0.0);
    for (std::size_t p = 0; p < pool_used.size(); ++p)
      for (std::size_t a : problem_.vehicle_pools[p].arcs)
        pool_used[p] += std::floor(lp.units[a] + kIntegral);
    for (std::size_t a : pooled) {
      double units = std::floor(lp.units[a] + kIntegral);
      if (lp.units[a] - units > kIntegral) {
        bool fits = true;
        for (std::size_t p : pools_of_arc_[a])
          fits = fits && pool_used[p] + 1.0 <= problem_.vehicle_pools[p].limit + 1e-6;
        if (fits) {
          units += 1.0;
          for (std::size_t p : pools_of_arc_[a]) pool_used[p] += 1.0;
        }
      }
      master_.set_unit_bounds(a, units, units);
    }
    reprice_and_round(0.6, "pool rounding");
    if (!stopped()) master_.solve(std::max(1.0, seconds_left()));
  }

  // Design local search: with every vehicle count fixed to the incumbent's, take one vehicle
  // away from a departure (least loaded last vehicle first), re-run column generation with the
  // design fixed — its LP optimum is then the exact cost of that design, flows re-routed — and
  // keep the move if it is cheaper. Without swaps, arcs the design does not use are banned from
  // pricing (the LP is then the exact cost of the design); with swaps they may open, and the
  // LP is rounded up.
  void design_local_search(bool allow_swaps) {
    const std::size_t A = problem_.design_arcs.size();
    const std::vector<double>& units = best_.units;
    // How full each arc's last vehicle is: the cheapest vehicles to try removing first.
    const ArcLoads load = arc_loads(problem_, best_.paths);
    struct Candidate {
      double last_fill;
      std::size_t arc;
    };
    std::vector<Candidate> candidates;
    for (std::size_t a = 0; a < A; ++a) {
      if (units[a] < 0.5) continue;
      double fill = 0.0;
      for (int r = 0; r < kDimensions; ++r)
        if (std::isfinite(problem_.design_arcs[a].capacity[r]))
          fill = std::max(fill, load[a][r] / problem_.design_arcs[a].capacity[r] - (units[a] - 1));
      candidates.push_back({fill, a});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& l, const Candidate& r) {
      return l.last_fill != r.last_fill ? l.last_fill < r.last_fill : l.arc < r.arc;
    });
    std::vector<bool> banned(A);
    ColumnGenerationOptions o = cg_options(1.0);
    o.separate_linking = false;
    o.max_rounds = 50;
    cg_.set_banned(&banned);
    int moves = 0;
    for (const Candidate& c : candidates) {
      if (done()) break;
      std::vector<double> trial = best_.units;
      trial[c.arc] -= 1.0;
      // Used arcs keep exactly their vehicles; unused ones stay free to open (fractionally in
      // the LP, whole after rounding), so a move can swap one departure for another. Only the
      // vehicle just taken away may not come back.
      for (std::size_t a = 0; a < A; ++a) {
        banned[a] = trial[a] < 0.5 && (!allow_swaps || a == c.arc);
        if (trial[a] > 0.5 || banned[a]) {
          if (master_.arc_active(a) || trial[a] > 0.5)
            master_.set_unit_bounds(a, trial[a], trial[a]);
        } else if (master_.arc_active(a)) {
          master_.set_unit_bounds(a, 0.0, problem_.design_arcs[a].max_units);
        }
      }
      const ColumnGenerationResult r = cg_.run(o, nullptr, "local search", started_);
      if (r.status != LpStatus::optimal || !master_.solution_optimal()) continue;
      consider(round_up(problem_, master_.current_solution()), "local search");
      report("local search", ++moves);
    }
    cg_.set_banned(nullptr);
    master_.reset_unit_bounds();
    if (!stopped()) master_.solve(std::max(1.0, seconds_left()));
  }

  // Neighbourhoods: commodities grouped by source node, visited in a seeded order.
  void local_search() {
    std::map<std::size_t, std::vector<std::size_t>> by_source;
    for (std::size_t k = 0; k < problem_.commodities.size(); ++k)
      by_source[problem_.commodities[k].source].push_back(k);
    std::vector<std::vector<std::size_t>> hoods;
    for (auto& [source, members] : by_source) hoods.push_back(std::move(members));
    if (hoods.size() < 2) return;  // one neighbourhood = the whole problem, done by branch()
    std::uint64_t state = options_.seed * 0x9E3779B97F4A7C15ull + 1;
    for (std::size_t i = hoods.size(); i > 1; --i) {  // Fisher–Yates with a fixed generator
      state ^= state << 13;
      state ^= state >> 7;
      state ^= state << 17;
      std::swap(hoods[i - 1], hoods[state % i]);
    }
    int iteration = 0;
    for (std::size_t i = 0; !done() && i < hoods.size(); ++i) {
      std::vector<bool> free(problem_.commodities.size(), false);
      // Two source groups at a time: consolidation happens between them.
      for (std::size_t k : hoods[i]) free[k] = true;
      for (std::size_t k : hoods[(i + 1) % hoods.size()]) free[k] = true;
      improve_neighbourhood(free, best_, 5.0, options_.seed + i, "local search");
      report("local search", ++iteration);
    }
  }

  const DesignProblem& problem_;
  const DesignSolverOptions& options_;
  const ProgressCallback& progress_;
  Clock::time_point started_;
  RestrictedMaster master_;
  ColumnGeneration cg_;
  DesignSolution best_;
  double lower_bound_ = -kInfinity;
  double unavoidable_ = 0.0;    // penalty of commodities that cannot reach any sink
  double penalty_floor_ = 0.0;  // unavoidable_ + penalty the root LP pays
  std::vector<std::vector<std::size_t>> pools_of_arc_;
};

}  // namespace

DesignSolverResult solve_design(const DesignProblem& problem, const DesignSolverOptions& options,
                                const ProgressCallback& progress) {
  if (problem.commodities.empty()) {
    // Nothing to route: the empty design is optimal. (CLP crashes on a model without rows.)
    DesignSolverResult result;
    result.best = all_unserved(problem);
    result.status = SolveStatus::optimal;
    result.lower_bound = result.root_lp = result.best.objective;
    result.controllable_gap = 0.0;
    return result;
  }
  Pipeline pipeline(problem, options, progress);
  return pipeline.run();
}

}  // namespace mm::engine
