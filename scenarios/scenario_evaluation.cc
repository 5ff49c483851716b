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
  base.keep_columns = options.warm;
  const auto started = WallClock::now();
  engine::PlannerResult planned;
  arena.execute([&] { planned = engine::plan_network(baseline, base, nullptr); });
  result.baseline = std::move(planned.plan);
  result.baseline_seconds = seconds_since(started);
  referee(baseline, result.baseline, &result.baseline_violations, nullptr);
  const int total = static_cast<int>(scenarios.size());
  if (progress) progress("baseline", -1, 0, total, result.baseline_seconds);

  engine::PlannerWarmStart warm;
  if (options.warm) {
    warm.columns = std::move(planned.column_pool);
    warm.routes = engine::plan_route_columns(baseline, result.baseline);
  }

  result.scenarios.resize(scenarios.size());
  const int concurrent = std::max(1, std::min(threads, total));
  const int threads_each = std::max(1, threads / concurrent);
  std::atomic<int> done{0};
  std::mutex progress_mutex;
  arena.execute([&] {
    tbb::parallel_for(0, total, [&](int i) {
      ScenarioOutcome& out = result.scenarios[i];
      out.name = scenarios[i].name;
      if (options.stop && options.stop->load()) return;
      const network::Instance& instance = *scenarios[i].instance;
      engine::PlannerOptions o = base;
      o.time_limit_seconds = options.scenario_time_limit_seconds;
      o.threads = threads_each;
      o.keep_columns = false;
      o.warm_start = options.warm ? &warm : nullptr;
      const auto scenario_started = WallClock::now();
      engine::ProgressCallback trace = [&](const engine::SolveProgress& p) {
        if (std::isfinite(p.incumbent) &&
            (out.incumbent_trace.empty() || p.incumbent < out.incumbent_trace.back().second)) {
          out.incumbent_trace.emplace_back(seconds_since(scenario_started), p.incumbent);
          out.incumbent_phases.push_back(p.phase);
        }
      };
      engine::PlannerResult r = engine::plan_network(instance, o, trace);
      out.seconds = seconds_since(scenario_started);
      out.solved = true;
      out.warm = options.warm;
      out.warm_columns_mapped = r.warm_columns_mapped;
      out.warm_columns_refused = r.warm_columns_refused;
      out.warm_start_objective = r.warm_start_objective;
      out.plan = std::move(r.plan);
      out.difference = compare_plans(result.baseline, out.plan);
      referee(instance, out.plan, &out.violations, &out.first_violation);
      const int finished = ++done;
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        progress(out.name, i, finished, total, out.seconds);
      }
    });
  });
  return result;
}

}  // namespace mm::scenarios
