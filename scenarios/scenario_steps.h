// The steps of a scenario evaluation (scenarios/scenario_evaluation.h), each a function of its
// inputs, so that the one-process evaluation and the MPI ranks of cluster/ run the same code:
// the one-process evaluation calls them on TBB threads, cluster/ deals the same calls to ranks
// and gathers what they return at rank 0.
//
//   plan_baseline          the baseline, keeping its column pool
//   warm_start_from        the baseline's columns and routes every scenario starts from
//   plan_scenario          one scenario (a ScenarioOutcome; an exception becomes its `error`)
//   baseline_offers        which scenario plans to offer back to the baseline (at most two)
//   sibling_offers         per scenario, the cheapest sibling plan beating its own
//   plan_offer             the baseline or a scenario planned again from an offered plan
//   accept_baseline_offer  keeps the baseline's when it is cheaper (in baseline_offers' order)
//   accept_sibling_offer   keeps a scenario's when it is cheaper
//   compare_with_baseline  the differences against the final baseline, and the flags
//
// The offers are chosen from the plans as they are after every scenario was planned, before any
// offer is tried, so the result does not depend on the order in which offers finish.
#pragma once

#include <string>
#include <vector>

#include "engine/planner.h"
#include "network/instance.h"
#include "network/plan.h"
#include "scenarios/scenario_evaluation.h"

namespace mm::scenarios {

struct BaselinePlanned {
  network::Plan plan;
  double seconds = 0.0;
  std::size_t violations = 0;
  std::vector<engine::RouteColumn> pool;  // its column pool (kept when warm or offering)
};

BaselinePlanned plan_baseline(const network::Instance& baseline, const EvaluationOptions& options,
                              int threads);

// The pool and the plan's routes (empty when options.warm is false).
engine::PlannerWarmStart warm_start_from(const network::Instance& baseline,
                                         const network::Plan& plan,
                                         const std::vector<engine::RouteColumn>& pool,
                                         const EvaluationOptions& options);

// Threads each scenario's planner gets when `threads` run `scenarios` scenarios, as many at once
// as there are threads: one each, or the spare ones shared when there are fewer scenarios.
int scenario_threads(int threads, std::size_t scenarios);

// Plans one scenario (`warm` null: from scratch) and referees its plan. Never throws for the
// scenario's own failure: an exception is caught and returned as the outcome's `error`.
ScenarioOutcome plan_scenario(const std::string& name, const network::Instance& instance,
                              const engine::PlannerWarmStart* warm,
                              const EvaluationOptions& options, int threads);

// A plan made again from an offered plan, refereed.
struct Replan {
  network::Plan plan;
  double seconds = 0.0;
  std::size_t violations = 0;
};

// Indices of the scenarios whose verified plans cost less than the baseline's, cheapest first,
// at most two; empty when offering is off.
std::vector<std::size_t> baseline_offers(const EvaluationResult& result,
                                         const EvaluationOptions& options);

// The baseline, or a scenario, planned from `columns` (the baseline: its pool; a scenario: the
// baseline's pool when warm, else none) and the routes of an offered plan (engine::
// plan_route_columns of the offering scenario's instance and plan).
Replan plan_offer(const network::Instance& instance,
                  const std::vector<engine::RouteColumn>& columns,
                  std::vector<engine::RouteColumn> offered_routes, const EvaluationOptions& options,
                  int threads);

// Keeps `again` as the baseline when it is verified and cheaper than the current one.
void accept_baseline_offer(EvaluationResult& result, std::size_t scenario, Replan&& again);

// Per scenario, the index of the cheapest verified sibling plan that beats its own by more than
// the offer threshold, or -1 (all -1 when offering is off).
std::vector<int> sibling_offers(const EvaluationResult& result, const EvaluationOptions& options);

// Keeps `again` as the scenario's plan when it is verified and cheaper.
void accept_sibling_offer(ScenarioOutcome& outcome, const std::string& sibling, Replan&& again);

// Differences against the final baseline and the cheaper-than-baseline flags.
void compare_with_baseline(EvaluationResult& result, const EvaluationOptions& options);

}  // namespace mm::scenarios
