#include "scenarios/scenario_evaluation.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "scenarios/scenario_steps.h"

namespace mm::scenarios {

namespace {
bool stopped(const EvaluationOptions& options) {
  return options.stop && options.stop->load();
}
}  // namespace

EvaluationResult evaluate_scenarios(const network::Instance& baseline,
                                    const std::vector<ScenarioToEvaluate>& scenarios,
                                    const EvaluationOptions& options,
                                    const EvaluationProgress& progress) {
  EvaluationResult result;
  const int threads = std::max(1, options.threads);
  tbb::task_arena arena(threads);

  BaselinePlanned planned;
  arena.execute([&] { planned = plan_baseline(baseline, options, threads); });
  result.baseline = std::move(planned.plan);
  result.baseline_seconds = planned.seconds;
  result.baseline_violations = planned.violations;
  const int total = static_cast<int>(scenarios.size());
  if (progress) progress("baseline", -1, 0, total, result.baseline_seconds);

  const engine::PlannerWarmStart warm =
      warm_start_from(baseline, result.baseline, planned.pool, options);
  const int threads_each = scenario_threads(threads, scenarios.size());
  result.scenarios.resize(scenarios.size());
  std::atomic<int> done{0};
  std::mutex progress_mutex;
  arena.execute([&] {
    tbb::parallel_for(0, total, [&](int i) {
      ScenarioOutcome& out = result.scenarios[i];
      out.name = scenarios[i].name;
      if (stopped(options)) return;
      out = plan_scenario(scenarios[i].name, *scenarios[i].instance, options.warm ? &warm : nullptr,
                          options, threads_each);
      const int finished = ++done;
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        progress(out.name, i, finished, total, out.seconds);
      }
    });
  });

  if (!stopped(options)) {
    // Both kinds of offer are chosen from the plans as they are now (scenario_steps.h).
    const std::vector<std::size_t> to_baseline = baseline_offers(result, options);
    const std::vector<int> to_scenarios = sibling_offers(result, options);
    for (std::size_t i : to_baseline) {
      if (stopped(options)) break;
      try {
        Replan again;
        arena.execute([&] {
          again = plan_offer(
              baseline, planned.pool,
              engine::plan_route_columns(*scenarios[i].instance, result.scenarios[i].plan), options,
              threads);
        });
        accept_baseline_offer(result, i, std::move(again));
      } catch (const std::exception& e) {
        result.baseline_offer_error = e.what();
      }
    }
    std::vector<std::vector<engine::RouteColumn>> offered(scenarios.size());
    for (std::size_t i = 0; i < scenarios.size(); ++i)
      if (to_scenarios[i] >= 0)
        offered[i] = engine::plan_route_columns(*scenarios[to_scenarios[i]].instance,
                                                result.scenarios[to_scenarios[i]].plan);
    std::vector<std::optional<Replan>> again(scenarios.size());
    arena.execute([&] {
      tbb::parallel_for(0, total, [&](int i) {
        if (to_scenarios[i] < 0 || stopped(options)) return;
        try {
          again[i] = plan_offer(*scenarios[i].instance, warm.columns, std::move(offered[i]),
                                options, threads_each);
        } catch (const std::exception& e) {
          result.scenarios[i].offer_error = e.what();
        }
      });
    });
    for (int i = 0; i < total; ++i)
      if (again[i])
        accept_sibling_offer(result.scenarios[i], scenarios[to_scenarios[i]].name,
                             std::move(*again[i]));
  }
  compare_with_baseline(result, options);
  return result;
}

}  // namespace mm::scenarios
