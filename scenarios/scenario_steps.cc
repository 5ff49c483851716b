#include "scenarios/scenario_steps.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>

#include "network/plan_verifier.h"

namespace mm::scenarios {

namespace {

using WallClock = std::chrono::steady_clock;

double seconds_since(WallClock::time_point t) {
  return std::chrono::duration<double>(WallClock::now() - t).count();
}

void referee(const network::Instance& instance, const network::Plan& plan, std::size_t* count,
             std::string* first) {
  const std::vector<network::Violation> violations = network::verify_plan(instance, plan);
  *count = violations.size();
  if (!violations.empty() && first)
    *first = violations.front().where + ": " + violations.front().message;
}

bool cheaper(double objective, double than, double threshold) {
  return objective < than * (1.0 - threshold) - 1e-9;
}

engine::PlannerOptions planner_options(const EvaluationOptions& options, double time_limit,
                                       int threads) {
  engine::PlannerOptions o;
  o.time_limit_seconds = time_limit;
  o.threads = std::max(1, threads);
  o.seed = options.seed;
  o.engine.gap = options.gap;
  o.packing_efficiency = options.packing_efficiency;
  o.stop = options.stop;
  return o;
}

// One solve of one instance, warm or cold, with its incumbent trace.
struct Solved {
  engine::PlannerResult planner;
  std::vector<std::pair<double, double>> trace;
  std::vector<std::string> phases;
  double seconds = 0.0;
};

Solved solve(const network::Instance& instance, const engine::PlannerOptions& options) {
  Solved s;
  const auto started = WallClock::now();
  engine::ProgressCallback trace = [&](const engine::SolveProgress& p) {
    if (std::isfinite(p.incumbent) && (s.trace.empty() || p.incumbent < s.trace.back().second)) {
      s.trace.emplace_back(seconds_since(started), p.incumbent);
      s.phases.push_back(p.phase);
    }
  };
  s.planner = engine::plan_network(instance, options, trace);
  s.seconds = seconds_since(started);
  return s;
}

Replan replan(const network::Instance& instance, const engine::PlannerOptions& options) {
  Replan r;
  const auto started = WallClock::now();
  r.plan = engine::plan_network(instance, options, nullptr).plan;
  r.seconds = seconds_since(started);
  referee(instance, r.plan, &r.violations, nullptr);
  return r;
}

}  // namespace

BaselinePlanned plan_baseline(const network::Instance& baseline, const EvaluationOptions& options,
                              int threads) {
  engine::PlannerOptions o = planner_options(options, options.baseline_time_limit_seconds, threads);
  o.keep_columns = options.warm || options.offer_threshold > 0;
  BaselinePlanned b;
  const auto started = WallClock::now();
  engine::PlannerResult planned = engine::plan_network(baseline, o, nullptr);
  b.plan = std::move(planned.plan);
  b.pool = std::move(planned.column_pool);
  b.seconds = seconds_since(started);
  referee(baseline, b.plan, &b.violations, nullptr);
  return b;
}

engine::PlannerWarmStart warm_start_from(const network::Instance& baseline,
                                         const network::Plan& plan,
                                         const std::vector<engine::RouteColumn>& pool,
                                         const EvaluationOptions& options) {
  engine::PlannerWarmStart warm;
  if (!options.warm) return warm;
  warm.columns = pool;
  warm.routes = engine::plan_route_columns(baseline, plan);
  return warm;
}

int scenario_threads(int threads, std::size_t scenarios) {
  threads = std::max(1, threads);
  const int concurrent = std::max(
      1, static_cast<int>(std::min<std::size_t>(threads, std::max<std::size_t>(scenarios, 1))));
  return std::max(1, threads / concurrent);
}

ScenarioOutcome plan_scenario(const std::string& name, const network::Instance& instance,
                              const engine::PlannerWarmStart* warm,
                              const EvaluationOptions& options, int threads) {
  ScenarioOutcome out;
  out.name = name;
  try {
    engine::PlannerOptions o =
        planner_options(options, options.scenario_time_limit_seconds, threads);
    o.warm_start = warm;
    Solved s = solve(instance, o);
    out.seconds = s.seconds;
    out.solved = true;
    out.warm = warm != nullptr;
    out.warm_columns_mapped = s.planner.warm_columns_mapped;
    out.warm_columns_refused = s.planner.warm_columns_refused;
    out.warm_start_objective = s.planner.warm_start_objective;
    out.plan = std::move(s.planner.plan);
    out.incumbent_trace = std::move(s.trace);
    out.incumbent_phases = std::move(s.phases);
    referee(instance, out.plan, &out.violations, &out.first_violation);
  } catch (const std::exception& e) {
    out = ScenarioOutcome{};
    out.name = name;
    out.error = e.what();
  }
  return out;
}

std::vector<std::size_t> baseline_offers(const EvaluationResult& result,
                                         const EvaluationOptions& options) {
  std::vector<std::size_t> below;
  if (options.offer_threshold <= 0) return below;
  for (std::size_t i = 0; i < result.scenarios.size(); ++i) {
    const ScenarioOutcome& s = result.scenarios[i];
    if (s.solved && s.violations == 0 && cheaper(s.plan.objective, result.baseline.objective, 0.0))
      below.push_back(i);
  }
  std::stable_sort(below.begin(), below.end(), [&](std::size_t l, std::size_t r) {
    return result.scenarios[l].plan.objective < result.scenarios[r].plan.objective;
  });
  if (below.size() > 2) below.resize(2);
  return below;
}

Replan plan_offer(const network::Instance& instance,
                  const std::vector<engine::RouteColumn>& columns,
                  std::vector<engine::RouteColumn> offered_routes, const EvaluationOptions& options,
                  int threads) {
  engine::PlannerWarmStart offer;
  offer.columns = columns;
  offer.routes = std::move(offered_routes);
  engine::PlannerOptions o = planner_options(options, options.scenario_time_limit_seconds, threads);
  o.warm_start = &offer;
  return replan(instance, o);
}

void accept_baseline_offer(EvaluationResult& result, std::size_t scenario, Replan&& again) {
  if (again.violations != 0 || !cheaper(again.plan.objective, result.baseline.objective, 0.0))
    return;
  if (result.baseline_improved_from.empty())
    result.baseline_first_objective = result.baseline.objective;
  result.baseline_improved_from = result.scenarios[scenario].name;
  result.baseline = std::move(again.plan);
}

std::vector<int> sibling_offers(const EvaluationResult& result, const EvaluationOptions& options) {
  const std::vector<ScenarioOutcome>& all = result.scenarios;
  std::vector<int> offers(all.size(), -1);
  if (options.offer_threshold <= 0) return offers;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!all[i].solved) continue;
    int best = -1;
    for (std::size_t j = 0; j < all.size(); ++j) {
      const ScenarioOutcome& sibling = all[j];
      if (j == i || !sibling.solved || sibling.violations != 0) continue;
      if (!cheaper(sibling.plan.objective, all[i].plan.objective, options.offer_threshold))
        continue;
      if (best < 0 || sibling.plan.objective < all[best].plan.objective) best = static_cast<int>(j);
    }
    offers[i] = best;
  }
  return offers;
}

void accept_sibling_offer(ScenarioOutcome& outcome, const std::string& sibling, Replan&& again) {
  if (again.violations != 0 || !cheaper(again.plan.objective, outcome.plan.objective, 0.0)) return;
  outcome.improved_from = sibling;
  outcome.objective_before_offer = outcome.plan.objective;
  outcome.plan = std::move(again.plan);
  outcome.seconds += again.seconds;
}

void compare_with_baseline(EvaluationResult& result, const EvaluationOptions& options) {
  for (ScenarioOutcome& out : result.scenarios) {
    if (!out.solved) continue;
    out.difference = compare_plans(result.baseline, out.plan);
    out.cheaper_than_baseline =
        options.offer_threshold > 0 &&
        cheaper(out.plan.objective, result.baseline.objective, options.offer_threshold);
  }
}

}  // namespace mm::scenarios
