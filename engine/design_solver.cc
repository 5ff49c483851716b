#include "engine/design_solver.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <numeric>
#include <string>
#include <thread>

#include "engine/column_generation.h"
#include "engine/cutset_cuts.h"
#include "engine/flow_neighbourhood.h"
#include "engine/insertion.h"
#include "engine/local_search.h"
#include "engine/mip_neighbourhood.h"
#include "engine/neighbourhood_search.h"
#include "engine/plan_repair.h"
#include "engine/plan_state.h"
#include "engine/price_and_branch.h"
#include "engine/restricted_master.h"
#include "engine/slope_scaling.h"
#include "network/gap.h"

namespace mm::engine {

namespace {

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Nothing served, no vehicles: always feasible, so a plan exists whatever the time limit.
DesignSolution all_unserved(const DesignProblem& problem) {
  DesignSolution s;
  s.units.assign(problem.design_arcs.size(), 0.0);
  s.objective = design_objective(problem, s);
  return s;
}

// Shares of one commodity above 1 (a related plan's routes, LP round-off) scaled down to 1.
std::vector<DesignPath> at_most_whole(const DesignProblem& problem, std::vector<DesignPath> paths) {
  std::vector<double> served(problem.commodities.size(), 0.0);
  for (const DesignPath& p : paths) served[p.commodity] += p.share;
  for (DesignPath& p : paths)
    if (served[p.commodity] > 1.0) p.share /= served[p.commodity];
  return paths;
}

// A plan's candidate from one branch of an epoch.
struct Candidate {
  DesignSolution solution;
  const char* phase = "";
};

class Pipeline {
 public:
  Pipeline(const DesignProblem& problem, const DesignSolverOptions& options,
           const ProgressCallback& progress)
      : problem_(problem),
        options_(options),
        engine_(options.engine),
        progress_(progress),
        started_(Clock::now()),
        deadline_(started_ +
                  std::chrono::duration_cast<Clock::duration>(
                      std::chrono::duration<double>(std::max(0.0, options.time_limit_seconds)))),
        master_(problem),
        cg_(problem, master_),
        cuts_(problem),
        flows_(problem),
        search_inserter_(problem),
        lp_inserter_(problem) {}

  DesignSolverResult run() {
    DesignSolverResult result;
    Ticker ticker(*this);
    cg_.add_initial_paths(std::max(1, options_.threads));
    result.reachable.resize(problem_.commodities.size());
    for (std::size_t k = 0; k < problem_.commodities.size(); ++k) {
      result.reachable[k] = cg_.reachable(k);
      if (!result.reachable[k]) unavoidable_ += problem_.commodities[k].penalty;
    }
    // A bound at once: the master LP's comes after its first rounds, minutes on a national
    // network, and is only then (and from then on) the stronger one.
    lower_bound_ = cg_.full_vehicle_bound().value;
    result.full_vehicle_cost = cg_.full_vehicle_bound().per_package;
    consider(all_unserved(problem_), "start");
    first_plan(result);
    cg_.set_cut_separator(&cuts_);
    for (int epoch = 0; !done(); ++epoch) {
      run_epoch(epoch);
      result.epochs = epoch + 1;
    }
    result.best = best_;
    result.lower_bound = lower_bound_;
    result.unavoidable = unavoidable_;
    result.gap = gap();
    result.lp_value = lp_value_;
    result.seconds = seconds_since(started_);
    result.cg_rounds = cg_rounds_;
    result.lp_converged = lp_converged_;
    result.columns = master_.path_count();
    result.linking_rows = master_.linking_row_count();
    result.cut_rows = master_.cover_row_count();
    result.residual_rows = master_.residual_row_count();
    result.interrupted = stopped();
    if (options_.keep_columns) {
      result.column_pool.reserve(master_.path_columns().size());
      for (const RestrictedMaster::PathColumn& c : master_.path_columns())
        result.column_pool.push_back({c.commodity, c.arcs, 0.0});
    }
    // "optimal" only when the bound proves it: the LP converged with every cut, and the gap
    // closed.
    result.status =
        gap() <= std::max(engine_.gap, 1e-9) ? SolveStatus::optimal : SolveStatus::feasible;
    return result;
  }

 private:
  bool stopped() const { return options_.stop && options_.stop->load(); }
  bool expired() const { return stopped() || Clock::now() >= deadline_; }
  double gap() const { return network::relative_gap(best_.objective, lower_bound_, unavoidable_); }
  bool done() const { return expired() || gap() <= engine_.gap; }

  SearchBudget budget() const {
    SearchBudget b;
    b.deadline = deadline_;
    b.stop = options_.stop;
    return b;
  }

  // The budget of epoch e: `base` × growth^e.
  double grown(double base, int epoch) const {
    return base * std::pow(std::max(1.0, engine_.growth), std::min(epoch, 40));
  }

  // While a run lasts, a thread repeats the last report when nothing was reported for a
  // second, so that progress shows every second whatever phase is long (building the first
  // columns, a CBC node LP, a descent on a national network).
  class Ticker {
   public:
    explicit Ticker(Pipeline& pipeline) : pipeline_(pipeline), thread_([this] { tick(); }) {}
    ~Ticker() {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        done_ = true;
      }
      wake_.notify_all();
      thread_.join();
    }

   private:
    void tick() {
      std::unique_lock<std::mutex> lock(mutex_);
      while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return done_; }))
        pipeline_.heartbeat(nullptr, 0, kInfinity);
    }
    Pipeline& pipeline_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool done_ = false;
    std::thread thread_;
  };

  // Reports an event; thread-safe (both branches of an epoch and the ticker report).
  // With an extra cost (balance), a branch's own plans are not yet costed in full: only the
  // plans `consider` keeps (`kept`) move the incumbent shown.
  void report(SolveProgress p, bool kept = false) {
    if (options_.extra_cost && !kept) {
      p.incumbent = kInfinity;
      p.improved = false;
    }
    std::lock_guard<std::mutex> lock(report_mutex_);
    last_report_ = Clock::now();
    if (p.phase.empty()) p.phase = last_phase_;
    last_phase_ = p.phase;
    if (!progress_) return;
    p.elapsed_seconds = seconds_since(started_);
    p.lower_bound = lower_bound_;
    p.incumbent = std::min(p.incumbent, shown_incumbent_);
    shown_incumbent_ = p.incumbent;
    p.gap = network::relative_gap(p.incumbent, lower_bound_, unavoidable_);
    p.columns = master_path_count_;
    p.epoch = epoch_;
    progress_(p);
  }

  // A report when nothing was reported for a second: long phases stay visible. Without a
  // phase, the last one reported.
  void heartbeat(const char* phase, int iteration, double candidate) {
    {
      std::lock_guard<std::mutex> lock(report_mutex_);
      if (seconds_since(last_report_) < 1.0) return;
    }
    SolveProgress p;
    if (phase) p.phase = phase;
    p.iteration = iteration;
    p.incumbent = candidate;
    report(p);
  }

  // Keeps the candidate when it is the best plan so far. Called between branches only.
  void consider(DesignSolution candidate, const char* phase) {
    if (candidate.empty()) return;
    if (options_.extra_cost) candidate = options_.extra_cost->repair(candidate);
    candidate.objective = design_objective(problem_, candidate);
    if (options_.extra_cost) candidate.objective += options_.extra_cost->cost(candidate);
    if (!best_.empty() && candidate.objective >= best_.objective - 1e-9) return;
    best_ = std::move(candidate);
    SolveProgress p;
    p.phase = phase;
    p.incumbent = best_.objective;
    p.improved = true;
    report(p, true);
  }

  // The first plan, from up to two starts, each completed (every commodity not served inserted
  // where it is cheapest, largest first) and descended; the better goes on:
  //  - a related solve's plan made to fit (warm start), or nothing — skipped when it would need
  //    more than insertion_start_max_insertions insertions (on a national network inserting
  //    93,000 commodities one by one takes longer than the whole budget) and slope scaling gave
  //    a plan;
  //  - slope scaling's plan, when it is cheaper than the first start as it stands.
  // On the middle-mile samples neither start wins everywhere (BENCHMARKS.md).
  void first_plan(DesignSolverResult& result) {
    PlanState given(problem_);
    if (const DesignWarmStart* warm = options_.warm_start) {
      master_.add_paths(warm->columns);
      master_.add_paths(warm->incumbent);
      DesignSolution related;
      related.paths = at_most_whole(problem_, warm->incumbent);
      given.assign(related);
      // Whole, even past the deadline: the related plan offered back must keep what it serves
      // (what-if's baseline re-planned from a scenario's plan, engine/planner.h).
      repair_limits(given, search_inserter_);
      result.warm_start_objective = given.objective();
      consider(given.solution(), "warm start");
    }
    std::vector<PlanState> starts;
    DesignSolution scaled = scaled_plan();
    const bool scaled_start = !scaled.empty() && scaled.objective < given.objective();
    std::size_t unserved = 0;
    for (std::size_t k = 0; k < problem_.commodities.size(); ++k)
      unserved += given.served(k) < 1.0 - 1e-9 && search_inserter_.reachable(k);
    if (!scaled_start ||
        unserved <= static_cast<std::size_t>(engine_.insertion_start_max_insertions))
      starts.push_back(std::move(given));
    if (scaled_start) {
      consider(scaled, "slope scaling");
      starts.emplace_back(problem_);
      starts.back().assign(scaled);
    }
    std::vector<std::size_t> all(problem_.commodities.size());
    std::iota(all.begin(), all.end(), 0);
    const std::vector<std::size_t> order = largest_first(problem_, all);
    for (PlanState& state : starts) {
      SolveProgress constructing;
      constructing.phase = "construction";
      constructing.incumbent = best_.objective;
      report(constructing);
      // Within the time limit: on a national network inserting what slope scaling left took
      // 11-22 s, and a 40 s run ended at 51.5 s. What is not inserted stays unserved.
      for (std::size_t k : order) {
        if (expired()) break;
        if (state.served(k) < 1.0 - 1e-9) search_inserter_.insert(state, k);
      }
      consider(state.solution(), "construction");
      Random random(options_.seed);
      // Counted in moves tried: on a national network a descent to convergence takes longer
      // than the whole budget, and the epochs (the bound, the search in parallel) must start.
      std::size_t attempts = static_cast<std::size_t>(engine_.first_descent_attempts);
      SearchBudget counted = budget();
      counted.attempts_left = &attempts;
      descend(state, search_inserter_, random, counted);
      consider(state.solution(), "descent");
    }
    // Past the deadline no epoch follows to use them (on a national network adding them took
    // 1.2 s after a 40 s limit).
    if (!expired()) master_.add_paths(best_.paths);
    master_path_count_ = master_.path_count();
  }

  // Slope scaling's plan (engine/slope_scaling.h), or none when it is off.
  DesignSolution scaled_plan() {
    if (engine_.slope_scaling_iterations <= 0) return {};
    SlopeScalingOptions o;
    o.threads = std::max(1, options_.threads);
    o.iterations = engine_.slope_scaling_iterations;
    o.patience = engine_.slope_scaling_patience;
    o.limit_factor = engine_.slope_scaling_limit_factor;
    o.budget = budget();
    o.progress = [&](int iteration, double best) {
      SolveProgress p;
      p.phase = "slope scaling";
      p.iteration = iteration;
      p.incumbent = std::min(best, best_.objective);
      report(p);
    };
    return slope_scaling(problem_, search_inserter_, o).best;
  }

  // Branch A: the large-neighbourhood search from `start`.
  Candidate search_branch(int epoch, const DesignSolution& start) {
    PlanState state(problem_);
    state.assign(start);
    Random random(options_.seed * 1000003ull + static_cast<std::uint64_t>(epoch) * 2 + 1);
    NeighbourhoodSearchOptions o;
    std::size_t reachable = 0;
    for (std::size_t k = 0; k < problem_.commodities.size(); ++k) reachable += cg_.reachable(k);
    o.iterations = static_cast<int>(
        std::min(1e9, grown(std::max<double>(engine_.search_min_iterations,
                                             engine_.search_iterations_per_commodity * reachable),
                            epoch)));
    o.start_threshold = engine_.search_start_threshold;
    o.min_removed = static_cast<std::size_t>(std::max(1, engine_.search_min_removed));
    o.max_removed =
        static_cast<std::size_t>(std::max(engine_.search_min_removed, engine_.search_max_removed));
    double best = start.objective;
    neighbourhood_search(
        state, search_inserter_, random, o, budget(),
        [&](const PlanState& s) {
          best = s.objective();
          SolveProgress p;
          p.phase = "neighbourhoods";
          p.incumbent = best;
          p.improved = true;
          report(p);
        },
        [&](int iteration) { heartbeat("neighbourhoods", iteration, best); });
    descend(state, search_inserter_, random, budget());
    return {state.solution(), "neighbourhoods"};
  }

  // lp_rounds rounds of column generation (separating linking rows and cuts when pricing
  // converges): the bound rises, the master's duals and columns improve.
  void generate_columns() {
    const ColumnGenerationResult r = run_columns(cg_, true);
    cg_rounds_ += r.rounds;
    lp_converged_ = r.converged;
    if (r.status == LpStatus::optimal || r.status == LpStatus::stopped) lp_value_ = r.lp_value;
  }

  // lp_rounds rounds of `cg`; its bounds raise lower_bound_ (every master's is valid: its rows
  // are the problem's and valid cuts). `master`: cg is the master's own (its column count is
  // shown), not a snapshot's.
  ColumnGenerationResult run_columns(ColumnGeneration& cg, bool master) {
    ColumnGenerationOptions o;
    o.threads = std::max(1, options_.threads);
    o.stop = options_.stop;
    o.deadline = deadline_;
    o.max_rounds = engine_.lp_rounds;
    o.columns_per_commodity = engine_.columns_per_commodity;
    o.separation_gap = engine_.separation_gap;
    o.max_linking_rows_per_round = static_cast<std::size_t>(engine_.linking_rows_per_round);
    o.max_residual_rows_per_round = static_cast<std::size_t>(engine_.residual_rows_per_round);
    o.max_cuts_per_round = static_cast<std::size_t>(engine_.cuts_per_round);
    o.cut_tolerance = engine_.cut_tolerance;
    const ColumnGenerationResult r = cg.run(
        o,
        [&](const SolveProgress& round) {
          {
            std::lock_guard<std::mutex> lock(report_mutex_);
            if (master) master_path_count_ = round.columns;
            if (round.lower_bound > lower_bound_) lower_bound_ = round.lower_bound;
          }
          report(round);
        },
        "columns", started_);
    std::lock_guard<std::mutex> lock(report_mutex_);
    lower_bound_ = std::max(lower_bound_, r.lower_bound);
    return r;
  }

  // Branch B: column generation (the bound), the LP rounded, CBC on the columns.
  std::vector<Candidate> lp_branch(int epoch, const DesignSolution& start) {
    std::vector<Candidate> found;
    // Column generation in chunks of lp_rounds rounds, the LP rounded to a plan after each.
    const int chunks = static_cast<int>(std::min(1e6, grown(1.0, epoch)));
    for (int chunk = 0; chunk < chunks && !lp_converged_ && !expired(); ++chunk) {
      generate_columns();
      if (!master_.solution_optimal() || expired()) break;
      PlanState state(problem_);
      DesignSolution lp = master_.current_solution();
      lp.paths = at_most_whole(problem_, std::move(lp.paths));
      state.assign(lp);
      repair_limits(state, lp_inserter_, budget());
      Random random(options_.seed * 7919ull + static_cast<std::uint64_t>(epoch * 1000 + chunk));
      descend(state, lp_inserter_, random, budget());
      found.push_back({state.solution(), "rounding"});
    }
    if (lp_converged_ && !dived_ && engine_.dive_rounds > 0 && !expired()) {
      dived_ = true;
      DesignSolution dove = dive();
      if (!dove.empty()) {
        Random random(options_.seed * 15485863ull);
        found.push_back({kept_or_polished(dove, random), "dive"});
      }
    }
    if (expired()) return found;
    // While the LP has not converged, column generation goes on (another `chunks` × lp_rounds
    // rounds) in a snapshot of the master on the other core while CBC searches the master: the
    // bound rises during the searches instead of waiting for the next epoch. The snapshot serves
    // the bound only and is dropped after: the master, and so every plan, is what it would be
    // without it (the same seed, the same plans; a first version that went on in the master and
    // let the searches take the snapshot gave worse plans at 300 s, BENCHMARKS.md). CBC and CLP
    // never share a model; CBC itself still runs one model at a time.
    std::thread bound;
    std::exception_ptr bound_failed;
    std::unique_ptr<RestrictedMaster> snapshot;  // taken before the searches add columns
    if (options_.threads >= 2 && engine_.columns_beside_search && !lp_converged_) {
      snapshot = master_.snapshot();
      bound = std::thread([this, chunks, &bound_failed, &snapshot] {
        try {
          ColumnGeneration cg(cg_, *snapshot);
          for (int chunk = 0; chunk < chunks && !expired(); ++chunk) {
            const ColumnGenerationResult r = run_columns(cg, false);
            if (r.converged || r.status != LpStatus::optimal) break;
          }
        } catch (...) {
          bound_failed = std::current_exception();
        }
      });
    }
    try {
      search_columns(epoch, start, found);
    } catch (...) {
      if (bound.joinable()) bound.join();
      throw;
    }
    if (bound.joinable()) bound.join();
    if (bound_failed) std::rethrow_exception(bound_failed);
    return found;
  }

  // CBC on the master's columns: neighbourhood MIPs and the whole pool, from the better of the
  // epoch's start and the candidates found so far.
  void search_columns(int epoch, const DesignSolution& start, std::vector<Candidate>& found) {
    // CBC starts from the better of the epoch's start and the rounded LP.
    // (A rounded plan need not keep the design rows, and with them CBC's cutoff must be the
    // objective of a plan that does: then the start.)
    // Taken before the searches below change the master's LP.
    const std::vector<char> lp_arcs =
        engine_.arc_restricted_mip ? arcs_of_lp() : std::vector<char>();
    const DesignSolution* incumbent = &start;
    if (problem_.design_rows.empty())
      for (const Candidate& c : found)
        if (design_objective(problem_, c.solution) < incumbent->objective - 1e-9)
          incumbent = &c.solution;
    DesignSolution from = *incumbent;
    from.objective = design_objective(problem_, from);
    // Small neighbourhoods first (fast, with CBC's cuts), then CBC on the whole pool. With
    // design rows the other way round: CBC on the pool re-balances the whole design at once,
    // where a neighbourhood moves a tenth of it (on tight C+ instances neighbourhoods that each
    // served a few more commodities took the whole budget).
    Random random(options_.seed * 104729ull + static_cast<std::uint64_t>(epoch));
    auto take_better = [&] {
      if (!found.empty() && found.back().solution.objective < from.objective - 1e-9)
        from = found.back().solution;
    };
    const bool pool_first = !problem_.design_rows.empty();
    if (!pool_first) {
      improve_by_neighbourhood_mips(epoch, from, random, found);
      take_better();
    }
    master_.add_paths(from.paths);
    PriceAndBranchOptions o;
    o.seconds = 1e9;
    o.deadline = deadline_;
    o.seed = options_.seed + static_cast<std::uint64_t>(epoch);
    o.stop = options_.stop;
    o.max_nodes = static_cast<int>(std::min(1e9, grown(engine_.branch_nodes, epoch)));
    o.heartbeat = [&] { heartbeat("branch", epoch, from.objective); };
    const bool whole = small_pool();
    o.paths_per_commodity = whole ? 0 : engine_.branch_paths_per_commodity;
    o.cuts = whole;
    const DesignSolution branched = price_and_branch(master_, from, o);
    if (!branched.empty()) found.push_back({kept_or_polished(branched, random), "branch"});
    if (pool_first && !expired()) {
      take_better();
      improve_by_neighbourhood_mips(epoch, from, random, found);
    }
    if (engine_.arc_restricted_mip && problem_.design_rows.empty() && !expired()) {
      take_better();
      const DesignSolution restricted = solve_arc_restricted_mip(epoch, from, lp_arcs);
      if (!restricted.empty()) found.push_back({kept_or_polished(restricted, random), "arc MIP"});
    }
  }

  // The design arcs the master's LP uses (a path with a share, or vehicles), one flag each;
  // empty when its LP is not solved.
  std::vector<char> arcs_of_lp() const {
    std::vector<char> used;
    if (!master_.solution_optimal()) return used;
    used.assign(problem_.design_arcs.size(), 0);
    const DesignSolution lp = master_.current_solution(1e-6);
    for (const DesignPath& p : lp.paths)
      for (std::size_t a : p.arcs)
        if (a < used.size()) used[a] = 1;
    for (std::size_t a = 0; a < used.size() && a < lp.units.size(); ++a)
      if (lp.units[a] > 1e-6) used[a] = 1;
    return used;
  }

  // Every commodity re-planned over arc flows on the design arcs `from` or the LP uses
  // (`lp_arcs`), the rest closed: CBC picks which of them stay open and routes anything over
  // them, paths the pool does not have included.
  DesignSolution solve_arc_restricted_mip(int epoch, const DesignSolution& from,
                                          const std::vector<char>& lp_arcs) {
    std::vector<char> allowed = lp_arcs;
    allowed.resize(problem_.design_arcs.size(), 0);
    for (const DesignPath& p : from.paths)
      for (std::size_t a : p.arcs)
        if (a < allowed.size()) allowed[a] = 1;
    std::vector<std::size_t> all(problem_.commodities.size());
    std::iota(all.begin(), all.end(), 0);
    FlowNeighbourhoodOptions o;
    o.deadline = deadline_;
    o.stop = options_.stop;
    o.seed = options_.seed + static_cast<std::uint64_t>(epoch);
    o.max_nodes = static_cast<int>(std::min(1e9, grown(engine_.branch_nodes, epoch)));
    o.max_commodities = all.size();
    o.max_variables = static_cast<std::size_t>(engine_.arc_restricted_mip_variables);
    o.heartbeat = [this, epoch, objective = from.objective] {
      heartbeat("arc MIP", epoch, objective);
    };
    o.allowed_arcs = &allowed;
    DesignSolution better = flows_.improve(from, largest_first(problem_, std::move(all)), o);
    if (!better.empty()) master_.add_paths(better.paths);  // CBC on the pool sees them next
    return better;
  }

  // The column pool is small enough for CBC to take whole, with its cuts.
  bool small_pool() const {
    return master_.path_count() <=
           static_cast<std::size_t>(std::max(0, engine_.branch_full_pool_columns));
  }

  // Once the LP has converged: a dive with re-pricing. The quarter of the design arcs whose
  // vehicle counts are most nearly whole upward are fixed at their ceiling, column generation
  // re-prices the rest (paths that fit the fixed vehicles), until the LP is integral; its plan
  // is a candidate, and the columns priced on the way (routes around a committed design) go to
  // CBC. The fixings are undone and the master's LP restored after; the runs under fixings
  // give no bound. Each step is at most dive_rounds rounds. Fixings the LP cannot keep (design
  // rows or a fleet) are undone and half as many tried; a step that cannot fix anything, an LP
  // not solved to optimality or the deadline ends it.
  DesignSolution dive() {
    ColumnGenerationOptions o;
    o.threads = std::max(1, options_.threads);
    o.stop = options_.stop;
    o.deadline = deadline_;
    o.max_rounds = std::max(1, engine_.dive_rounds);
    o.columns_per_commodity = engine_.columns_per_commodity;
    o.separate_linking = false;
    DesignSolution lp;
    // The bounds the dive has set so far, per design arc.
    std::vector<double> lower(problem_.design_arcs.size(), 0.0), upper;
    for (const DesignArc& arc : problem_.design_arcs) upper.push_back(arc.max_units);
    for (int step = 1; !expired() && master_.solution_optimal(); ++step) {
      lp = master_.current_solution();
      std::vector<std::pair<double, std::size_t>> fractional;  // (fractional part, arc)
      for (std::size_t a = 0; a < lp.units.size(); ++a) {
        const double part = lp.units[a] - std::floor(lp.units[a]);
        if (part > 1e-6 && part < 1.0 - 1e-6) fractional.push_back({part, a});
      }
      if (fractional.empty()) break;
      std::sort(fractional.begin(), fractional.end(), [](const auto& l, const auto& r) {
        return l.first != r.first ? l.first > r.first : l.second < r.second;
      });
      std::size_t fix = std::max<std::size_t>(1, (fractional.size() + 3) / 4);
      LpStatus status = LpStatus::failed;
      while (!expired()) {
        for (std::size_t i = 0; i < fix; ++i) {
          const std::size_t a = fractional[i].second;
          master_.set_unit_bounds(a, std::ceil(lp.units[a]), upper[a]);
        }
        status = cg_.run(o, nullptr, "dive", started_).status;
        if (status != LpStatus::infeasible) break;
        // Fixings that no LP can keep (design rows: more arcs opened out of a node than can
        // enter it): undone, and half as many tried; a single one that cannot be kept is
        // ruled out instead (the arc's count stays below its ceiling).
        for (std::size_t i = 0; i < fix; ++i) {
          const std::size_t a = fractional[i].second;
          master_.set_unit_bounds(a, lower[a], upper[a]);
        }
        if (fix == 1) {
          const std::size_t a = fractional[0].second;
          upper[a] = std::floor(lp.units[a]);
          master_.set_unit_bounds(a, lower[a], upper[a]);
          status = cg_.run(o, nullptr, "dive", started_).status;
          break;
        }
        fix /= 2;
      }
      if (status != LpStatus::optimal) break;
      for (std::size_t i = 0; i < fix; ++i)
        lower[fractional[i].second] = std::ceil(lp.units[fractional[i].second]);
      heartbeat("dive", step, best_objective_seen());
    }
    DesignSolution plan;
    if (master_.solution_optimal()) {
      plan = master_.current_solution();
      plan.paths = at_most_whole(problem_, std::move(plan.paths));
      // With design rows the plan is taken as it is (kept_or_polished): only a whole one.
      const bool whole = std::all_of(plan.units.begin(), plan.units.end(),
                                     [](double u) { return std::abs(u - std::round(u)) <= 1e-6; });
      if (!whole && !problem_.design_rows.empty()) plan = {};
      if (whole)
        for (double& u : plan.units) u = std::round(u);
    }
    master_.reset_unit_bounds();
    if (!stopped()) master_.solve(std::max(1.0, budget().seconds_left()));
    master_path_count_ = master_.path_count();
    return plan;
  }

  double best_objective_seen() {
    std::lock_guard<std::mutex> lock(report_mutex_);
    return shown_incumbent_;
  }

  // A plan from CBC made to hold every limit (CBC sees the master's rows only) and descended.
  DesignSolution polished(const DesignSolution& solution, Random& random) {
    PlanState state(problem_);
    state.assign(solution);
    // Whole, even past the deadline: CBC's plans keep the master's rows and break few limits,
    // so this is quick, and a plan CBC found in its last second is kept.
    repair_limits(state, lp_inserter_);
    descend(state, lp_inserter_, random, budget());
    DesignSolution result = state.solution();
    result.objective = design_objective(problem_, result);
    return result;
  }

  // A plan from CBC or the dive, polished — unless the problem has design rows: such a plan
  // keeps them (it may open arcs that carry nothing to balance others), which a repair or a
  // descent of routes would not, and its objective (CBC's, the LP's) includes what the design
  // columns cost (empty moves, fleet), so that it compares with the incumbent's full cost.
  DesignSolution kept_or_polished(const DesignSolution& solution, Random& random) {
    if (problem_.design_rows.empty()) return polished(solution, random);
    return solution;
  }

  // IP-based local search: CBC with its cuts on small neighbourhoods of the plan
  // (engine/mip_neighbourhood.h), everything else fixed; each better plan is the next start.
  // After `neighbourhood_mips` (grown per epoch) failures in a row the neighbourhoods grow by
  // neighbourhood_mip_size_growth, up to half the commodities (on Canad instances the MIPs of
  // a tenth stop finding anything within seconds, while those of a fifth to a half still do;
  // BENCHMARKS.md); then the search ends.
  void improve_by_neighbourhood_mips(int epoch, DesignSolution current, Random& random,
                                     std::vector<Candidate>& found) {
    const std::size_t K = problem_.commodities.size();
    const std::size_t largest =
        static_cast<std::size_t>(std::max(1, engine_.neighbourhood_mip_max_commodities));
    std::size_t size = std::min<std::size_t>(
        std::max<std::size_t>(
            static_cast<std::size_t>(std::max(1, engine_.neighbourhood_mip_min_commodities)),
            static_cast<std::size_t>(engine_.neighbourhood_mip_share * static_cast<double>(K))),
        largest);
    // A neighbourhood of every commodity is the CBC on the pool beside it.
    if (size >= K) return;
    // Until this many neighbourhoods in a row bring nothing: the search goes on while it pays.
    const int patience = static_cast<int>(std::min(1e6, grown(engine_.neighbourhood_mips, epoch)));
    // Larger neighbourhoods where the whole pool is a small MIP (the CBC after them takes it
    // whole, with cuts), or where CBC closed each of the failed ones: then there is nothing
    // left at this size, and larger ones are still quick (c62's pool of 4,067 columns: 64
    // MIPs of 40 commodities closed at the root in 0.2 s each, then CBC on the pool spent 23 s
    // on its root and found nothing). Not where CBC stops at its node limit: on the
    // middle-mile networks' pools such neighbourhoods grown held epoch 0 until the time limit,
    // and the 300 s plans of all three were worse than without them (BENCHMARKS.md).
    bool all_closed = true;  // every failure in a row so far was closed
    for (int i = 0, failed = 0; !expired(); ++i, ++failed) {
      if (failed >= patience) {
        // Nothing left to find at this size: larger neighbourhoods.
        const double growth =
            small_pool() || all_closed ? engine_.neighbourhood_mip_size_growth : 1.0;
        size = next_mip_neighbourhood_size(size, growth, K, largest);
        if (size == 0) break;
        failed = 0;
        all_closed = true;
      }
      bool closed = false;
      const DesignSolution better =
          solve_mip_neighbourhood(epoch, i, current, size, random, closed);
      all_closed = all_closed && closed;
      if (better.empty()) continue;
      DesignSolution next = kept_or_polished(better, random);
      if (next.objective >= current.objective - 1e-9) continue;
      current = std::move(next);
      failed = -1;
      all_closed = true;
      found.push_back({current, "neighbourhood MIPs"});
      SolveProgress p;
      p.phase = "neighbourhood MIPs";
      p.incumbent = current.objective;
      p.improved = true;
      report(p);
    }
  }

  // One neighbourhood of about `size` commodities around a random one, re-planned by CBC: over
  // arc flows (any arc) or over the master's path columns.
  // `closed`: whether CBC searched the neighbourhood to the end (never for arc flows).
  DesignSolution solve_mip_neighbourhood(int epoch, int i, const DesignSolution& current,
                                         std::size_t size, Random& random, bool& closed) {
    closed = false;
    const std::uint64_t seed = options_.seed + static_cast<std::uint64_t>(epoch * 1000 + i);
    auto beat = [this, i, objective = current.objective] {
      heartbeat("neighbourhood MIPs", i, objective);
    };
    if (engine_.neighbourhood_mip_flows) {
      FlowNeighbourhoodOptions o;
      o.deadline = deadline_;
      o.stop = options_.stop;
      o.seed = seed;
      o.max_nodes = engine_.neighbourhood_mip_nodes;
      o.max_commodities = size;
      o.max_variables = static_cast<std::size_t>(engine_.neighbourhood_mip_variables);
      o.heartbeat = beat;
      DesignSolution better =
          flows_.improve(current, mip_neighbourhood_order(problem_, current, random), o);
      if (!better.empty()) master_.add_paths(better.paths);  // CBC on the pool sees them too
      return better;
    }
    const std::vector<bool> free = choose_mip_neighbourhood(problem_, current, size, random);
    master_.add_paths(current.paths);  // the start's paths must be columns
    PriceAndBranchOptions o;
    o.seconds = 1e9;
    o.deadline = deadline_;
    o.seed = seed;
    o.stop = options_.stop;
    o.max_nodes = engine_.neighbourhood_mip_nodes;
    o.heartbeat = beat;
    o.free_commodities = &free;
    o.cuts = true;
    o.closed = &closed;
    return price_and_branch(master_, current, o);
  }

  void run_epoch(int epoch) {
    epoch_ = epoch;
    const DesignSolution start = best_;
    Candidate searched;
    std::vector<Candidate> from_lp;
    if (options_.threads >= 2) {
      std::thread search([&] { searched = search_branch(epoch, start); });
      from_lp = lp_branch(epoch, start);
      search.join();
    } else {
      searched = search_branch(epoch, start);
      from_lp = lp_branch(epoch, start);
    }
    consider(std::move(searched.solution), searched.phase);
    for (Candidate& c : from_lp) consider(std::move(c.solution), c.phase);
    // The best plan's paths become columns: CBC and the LP see what the search found.
    master_.add_paths(best_.paths);
    master_path_count_ = master_.path_count();
  }

  const DesignProblem& problem_;
  const DesignSolverOptions& options_;
  const EngineOptions& engine_;
  const ProgressCallback& progress_;
  Clock::time_point started_;
  Clock::time_point deadline_;
  RestrictedMaster master_;
  ColumnGeneration cg_;
  CutsetSeparator cuts_;
  FlowNeighbourhood flows_;
  Inserter search_inserter_;  // branch A's
  Inserter lp_inserter_;      // branch B's
  DesignSolution best_;
  double lower_bound_ = -kInfinity;
  double unavoidable_ = 0.0;
  double lp_value_ = kInfinity;
  int cg_rounds_ = 0;
  bool lp_converged_ = false;
  bool dived_ = false;
  int epoch_ = 0;
  std::mutex report_mutex_;
  Clock::time_point last_report_ = Clock::now();
  std::string last_phase_ = "start";
  double shown_incumbent_ = kInfinity;
  std::size_t master_path_count_ = 0;
};

}  // namespace

DesignSolverResult solve_design(const DesignProblem& problem, const DesignSolverOptions& options,
                                const ProgressCallback& progress) {
  if (problem.commodities.empty()) {
    // Nothing to route: the empty design is optimal. (CLP crashes on a model without rows.)
    DesignSolverResult result;
    result.best = all_unserved(problem);
    result.status = SolveStatus::optimal;
    result.lower_bound = result.lp_value = result.best.objective;
    result.gap = 0.0;
    return result;
  }
  Pipeline pipeline(problem, options, progress);
  return pipeline.run();
}

}  // namespace mm::engine
