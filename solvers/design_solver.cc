#include "solvers/design_solver.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "solvers/price_and_branch.h"
#include "solvers/restricted_master.h"

namespace mm::solvers {

namespace {

constexpr double kIntegral = 1e-6;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

bool pools_respected(const DesignProblem& problem, const std::vector<double>& units) {
  for (const VehiclePool& pool : problem.vehicle_pools) {
    double used = 0.0;
    for (std::size_t a : pool.arcs) used += units[a];
    if (used > pool.limit + 1e-6) return false;
  }
  return true;
}

// Rounds every vehicle count of an LP solution up: capacity rows stay satisfied; bounds on
// units are whole numbers so they do too; only vehicle pools can break.
DesignSolution round_up(const DesignProblem& problem, const DesignSolution& lp) {
  DesignSolution s = lp;
  for (double& u : s.units) u = std::ceil(u - kIntegral);
  if (!pools_respected(problem, s.units)) return {};
  s.objective = design_objective(problem, s);
  return s;
}

bool integral(const std::vector<double>& units) {
  for (double u : units)
    if (std::abs(u - std::round(u)) > kIntegral) return false;
  return true;
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
        cg_(problem, master_) {}

  DesignSolverResult run() {
    DesignSolverResult result;
    cg_.add_initial_paths(options_.threads);
    result.reachable.resize(problem_.commodities.size());
    for (std::size_t k = 0; k < problem_.commodities.size(); ++k)
      result.reachable[k] = cg_.reachable(k);

    // 1. Root column generation.
    ColumnGenerationOptions root = cg_options(0.45);
    ColumnGenerationResult r = cg_.run(root, progress_, "columns", started_);
    result.cg_rounds = r.rounds;
    result.lower_bound = r.lower_bound;
    result.root_lp = r.lp_value;
    lower_bound_ = r.lower_bound;
    if (r.status == LpStatus::optimal || r.status == LpStatus::stopped) {
      // 2. Rounding.
      consider(round_up(problem_, master_.current_solution()), "rounding");
      // 3. Dive.
      if (!done()) dive();
      // 4. Price-and-branch, then 5. local search, on all columns generated so far.
      if (!done() && !best_.empty()) branch();
      if (!done() && !best_.empty()) local_search();
    }
    result.best = best_;
    result.lower_bound = lower_bound_;
    result.seconds = seconds_since(started_);
    result.columns = master_.path_count();
    result.linking_rows = master_.linking_row_count();
    result.interrupted = stopped();
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
    o.deadline = started_ + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(options_.time_limit_seconds *
                                                              share_of_time));
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
  double relative_gap() const {
    if (best_.empty()) return kInfinity;
    return (best_.objective - lower_bound_) / std::max(1e-9, std::abs(best_.objective));
  }
  bool done() const {
    return stopped() || seconds_left() <= 0.0 || relative_gap() <= options_.gap;
  }

  void consider(DesignSolution candidate, const char* phase) {
    if (candidate.empty()) return;
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
      for (std::size_t i = 0; i < fix; ++i) {
        const std::size_t a = fractional[i].arc;
        master_.set_unit_bounds(a, std::ceil(lp.units[a]), problem_.design_arcs[a].max_units);
      }
      const ColumnGenerationResult r = cg_.run(o, nullptr, "dive", started_);
      if (r.status != LpStatus::optimal) break;
      report("dive", step);
    }
    DesignSolution lp = master_.current_solution();
    if (integral(lp.units)) {
      for (double& u : lp.units) u = std::round(u);
      consider(std::move(lp), "dive");
    } else {
      consider(round_up(problem_, lp), "dive");
    }
    master_.reset_unit_bounds();
    // Re-solve so the master's solution is the LP again (its columns now include the dive's).
    master_.solve(std::max(1.0, seconds_left()));
  }

  void branch() {
    const double budget = std::max(0.5, seconds_left() * 0.6);
    PriceAndBranchOptions o;
    o.seconds = budget;
    o.seed = options_.seed;
    o.stop = options_.stop;
    consider(price_and_branch(master_, best_, o), "branch");
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
      PriceAndBranchOptions o;
      o.seconds = std::min(std::max(0.5, seconds_left()), 5.0);
      o.seed = options_.seed + i;
      o.stop = options_.stop;
      o.free_commodities = &free;
      consider(price_and_branch(master_, best_, o), "local search");
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
};

}  // namespace

DesignSolverResult solve_design(const DesignProblem& problem, const DesignSolverOptions& options,
                                const ProgressCallback& progress) {
  Pipeline pipeline(problem, options, progress);
  return pipeline.run();
}

}  // namespace mm::solvers
