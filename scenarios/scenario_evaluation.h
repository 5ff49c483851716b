// Scenario evaluation (issue 6): one baseline plan, then every scenario planned from a warm
// start, scenarios in parallel.
//
// The baseline is planned once and keeps its column pool. Each scenario's planner starts from
// the baseline's columns and plan mapped onto the scenario's network (engine/route_columns.h:
// what is still valid is kept, the rest dropped): the columns seed the restricted master, so
// column generation starts near the baseline's LP; the baseline's routes, cut back where the
// changed network no longer has room, are the first incumbent. With `warm = false` every
// scenario is planned from scratch (the reference the benchmark compares against).
//
// Then every plan is offered where it may be cheaper (issue 14: what-if that cannot contradict
// itself). A scenario that only removes options (closes a facility, removes a lane, cuts a
// capacity) has a plan that is also a plan of the baseline; if it is cheaper than the baseline's,
// the baseline plan was not optimal, and comparing against it would show a closure "saving"
// money. So the baseline is planned again from the cheapest such plans (a warm start keeps
// every route that is valid in the baseline, and the engine never ends worse than its start),
// and each scenario from the cheapest sibling plan that beats its own by more than
// `offer_threshold`. Differences are then taken against the improved baseline, and a scenario
// whose plan still costs less than the baseline by more than `offer_threshold` is flagged
// (`cheaper_than_baseline`): shown as a finding to check, never as a saving.
//
// The steps are functions of their own (scenarios/scenario_steps.h), so that cluster/ runs the
// same steps on MPI ranks. A scenario whose planning throws is reported with its `error`, and
// the others still finish.
//
// Parallelism: up to `threads` scenarios run at once, each single-threaded (one TBB arena of
// `threads`); with fewer scenarios than threads, each scenario gets the spare threads for its
// pricing. Their CBC calls take turns, as every CBC call in the process does (mip/cbc_driver.h):
// two CbcMain1 calls at once were seen to crash in CBC's preprocessing.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "engine/planner.h"
#include "network/instance.h"
#include "network/plan.h"
#include "scenarios/plan_comparison.h"

namespace mm::scenarios {

struct EvaluationOptions {
  double baseline_time_limit_seconds = 60.0;
  double scenario_time_limit_seconds = 20.0;
  int threads = 1;
  std::uint64_t seed = 1;
  double gap = 1e-4;
  double packing_efficiency = 1.0;
  bool warm = true;
  // Offer plans across scenarios and to the baseline (above), and the relative difference that
  // counts: a sibling's plan is tried when it beats a scenario's own by more than this, and a
  // scenario cheaper than the baseline by more than this is flagged. 0 turns offering off.
  double offer_threshold = 0.005;
  const std::atomic<bool>* stop = nullptr;
};

struct ScenarioToEvaluate {
  std::string name;
  const network::Instance* instance = nullptr;  // must outlive the evaluation
};

struct ScenarioOutcome {
  std::string name;
  bool solved = false;  // false: not run (interrupted before it started), or failed (`error`)
  // Why a scenario has no plan: its planning failed (the exception's message), or the MPI rank
  // planning it was lost (cluster/). Empty otherwise.
  std::string error;
  network::Plan plan;
  PlanDifference difference;
  double seconds = 0.0;
  bool warm = false;
  std::size_t warm_columns_mapped = 0;
  std::size_t warm_columns_refused = 0;
  double warm_start_objective = engine::kInfinity;
  // (seconds, objective) each time the incumbent improved: how fast it got there.
  std::vector<std::pair<double, double>> incumbent_trace;
  std::vector<std::string> incumbent_phases;  // the solver phase that found each of them
  std::size_t violations = 0;  // the referee's (network/plan_verifier.h); 0 in a correct plan
  std::string first_violation;
  // The sibling scenario whose plan this scenario was planned again from (it was cheaper), and
  // the objective before; empty when it was not.
  std::string improved_from;
  double objective_before_offer = engine::kInfinity;
  // Why offering the sibling's plan failed (the scenario keeps its own); empty otherwise.
  std::string offer_error;
  // Costs less than the (improved) baseline by more than the offer threshold: a finding to
  // check (the baseline plan is not proven optimal, or the change is not a pure removal).
  bool cheaper_than_baseline = false;
};

struct EvaluationResult {
  network::Plan baseline;
  double baseline_seconds = 0.0;
  std::size_t baseline_violations = 0;
  // The scenario whose plan improved the baseline when it was offered back, and the baseline's
  // first objective; empty / infinity when no offer improved it.
  std::string baseline_improved_from;
  double baseline_first_objective = engine::kInfinity;
  // Why offering a scenario's plan to the baseline failed (it keeps its plan); empty otherwise.
  std::string baseline_offer_error;
  std::vector<ScenarioOutcome> scenarios;  // in input order
};

// Called on the evaluation's thread pool when the baseline or a scenario is done: name
// ("baseline" for the baseline), index among scenarios (-1 for the baseline), how many are done.
using EvaluationProgress =
    std::function<void(const std::string& name, int index, int done, int total, double seconds)>;

EvaluationResult evaluate_scenarios(const network::Instance& baseline,
                                    const std::vector<ScenarioToEvaluate>& scenarios,
                                    const EvaluationOptions& options,
                                    const EvaluationProgress& progress);

}  // namespace mm::scenarios
