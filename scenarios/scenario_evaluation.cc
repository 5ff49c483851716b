#include "scenarios/scenario_evaluation.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

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

bool cheaper(double objective, double than, double threshold) {
  return objective < than * (1.0 - threshold) - 1e-9;
}

}  // namespace

EvaluationResult evaluate_scenarios(const network::Instance& baseline,
                                    const std::vector<ScenarioToEvaluate>& scenarios,
                                    const EvaluationOptions& options,
                                    const EvaluationProgress& progress) {
  EvaluationResult result;
  const int threads = std::max(1, options.threads);
  tbb::task_arena arena(threads);

  engine::PlannerOptions base;
  base.time_limit_seconds = options.baseline_time_limit_seconds;
  base.threads = threads;
  base.seed = options.seed;
  base.engine.gap = options.gap;
  base.packing_efficiency = options.packing_efficiency;
  base.stop = options.stop;
  base.keep_columns = options.warm || options.offer_threshold > 0;
  const auto started = WallClock::now();
  engine::PlannerResult planned;
  arena.execute([&] { planned = engine::plan_network(baseline, base, nullptr); });
  result.baseline = std::move(planned.plan);
  result.baseline_seconds = seconds_since(started);
  referee(baseline, result.baseline, &result.baseline_violations, nullptr);
  const int total = static_cast<int>(scenarios.size());
  if (progress) progress("baseline", -1, 0, total, result.baseline_seconds);

  std::vector<engine::RouteColumn> baseline_pool = std::move(planned.column_pool);
  engine::PlannerWarmStart warm;
  if (options.warm) {
    warm.columns = baseline_pool;
    warm.routes = engine::plan_route_columns(baseline, result.baseline);
  }

  result.scenarios.resize(scenarios.size());
  const int concurrent = std::max(1, std::min(threads, total));
  const int threads_each = std::max(1, threads / concurrent);
  engine::PlannerOptions each = base;
  each.time_limit_seconds = options.scenario_time_limit_seconds;
  each.threads = threads_each;
  each.keep_columns = false;
  std::atomic<int> done{0};
  std::mutex progress_mutex;
  arena.execute([&] {
    tbb::parallel_for(0, total, [&](int i) {
      ScenarioOutcome& out = result.scenarios[i];
      out.name = scenarios[i].name;
      if (options.stop && options.stop->load()) return;
      const network::Instance& instance = *scenarios[i].instance;
      engine::PlannerOptions o = each;
      o.warm_start = options.warm ? &warm : nullptr;
      Solved s = solve(instance, o);
      out.seconds = s.seconds;
      out.solved = true;
      out.warm = options.warm;
      out.warm_columns_mapped = s.planner.warm_columns_mapped;
      out.warm_columns_refused = s.planner.warm_columns_refused;
      out.warm_start_objective = s.planner.warm_start_objective;
      out.plan = std::move(s.planner.plan);
      out.incumbent_trace = std::move(s.trace);
      out.incumbent_phases = std::move(s.phases);
      referee(instance, out.plan, &out.violations, &out.first_violation);
      const int finished = ++done;
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        progress(out.name, i, finished, total, out.seconds);
      }
    });
  });

  if (options.offer_threshold > 0 && !(options.stop && options.stop->load())) {
    // The baseline from the cheapest scenario plans that beat it (at most two tries).
    std::vector<int> below;
    for (int i = 0; i < total; ++i) {
      const ScenarioOutcome& s = result.scenarios[i];
      if (s.solved && s.violations == 0 &&
          cheaper(s.plan.objective, result.baseline.objective, 0.0))
        below.push_back(i);
    }
    std::sort(below.begin(), below.end(), [&](int l, int r) {
      return result.scenarios[l].plan.objective < result.scenarios[r].plan.objective;
    });
    if (below.size() > 2) below.resize(2);
    for (int i : below) {
      if (options.stop && options.stop->load()) break;
      engine::PlannerWarmStart offer;
      offer.columns = baseline_pool;
      offer.routes = engine::plan_route_columns(*scenarios[i].instance, result.scenarios[i].plan);
      engine::PlannerOptions o = base;
      o.time_limit_seconds = options.scenario_time_limit_seconds;
      o.keep_columns = false;
      o.warm_start = &offer;
      engine::PlannerResult again;
      arena.execute([&] { again = engine::plan_network(baseline, o, nullptr); });
      std::size_t violations = 0;
      referee(baseline, again.plan, &violations, nullptr);
      if (violations == 0 && cheaper(again.plan.objective, result.baseline.objective, 0.0)) {
        if (result.baseline_improved_from.empty())
          result.baseline_first_objective = result.baseline.objective;
        result.baseline_improved_from = result.scenarios[i].name;
        result.baseline = std::move(again.plan);
      }
    }
    // Each scenario from the cheapest sibling plan that beats its own by the threshold.
    arena.execute([&] {
      tbb::parallel_for(0, total, [&](int i) {
        ScenarioOutcome& out = result.scenarios[i];
        if (!out.solved || (options.stop && options.stop->load())) return;
        int best = -1;
        for (int j = 0; j < total; ++j) {
          const ScenarioOutcome& sibling = result.scenarios[j];
          if (j == i || !sibling.solved || sibling.violations != 0) continue;
          if (!cheaper(sibling.plan.objective, out.plan.objective, options.offer_threshold))
            continue;
          if (best < 0 || sibling.plan.objective < result.scenarios[best].plan.objective) best = j;
        }
        if (best < 0) return;
        engine::PlannerWarmStart offer;
        offer.columns = warm.columns;
        offer.routes =
            engine::plan_route_columns(*scenarios[best].instance, result.scenarios[best].plan);
        engine::PlannerOptions o = each;
        o.warm_start = &offer;
        Solved s = solve(*scenarios[i].instance, o);
        std::size_t violations = 0;
        std::string first;
        referee(*scenarios[i].instance, s.planner.plan, &violations, &first);
        if (violations == 0 && cheaper(s.planner.plan.objective, out.plan.objective, 0.0)) {
          out.improved_from = result.scenarios[best].name;
          out.objective_before_offer = out.plan.objective;
          out.plan = std::move(s.planner.plan);
          out.seconds += s.seconds;
        }
      });
    });
  }
  for (ScenarioOutcome& out : result.scenarios) {
    if (!out.solved) continue;
    out.difference = compare_plans(result.baseline, out.plan);
    out.cheaper_than_baseline =
        options.offer_threshold > 0 &&
        cheaper(out.plan.objective, result.baseline.objective, options.offer_threshold);
  }
  return result;
}

}  // namespace mm::scenarios
