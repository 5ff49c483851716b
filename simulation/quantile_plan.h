// `middlemile plan --demand-quantile Q` (docs/SIMULATION.md, "Planning for a quantile"): plan
// for the Q-quantile of every demand instead of its forecast, with the planner unchanged.
//
// 1. Every demand's packages are set to the Q-quantile of its distribution
//    (simulation/demand_model.h: the same lognormal `simulate` draws from), cube and weight in
//    proportion; the scaled instance is planned by engine::plan_network.
// 2. The plan is written for the original instance: every departure keeps its vehicles and
//    every route its packages, except that a demand whose routes carry more than its forecast
//    has them all scaled down alike to the forecast (so a demand the quantile plan served only
//    in part — sort capacity, say — is served in full at the forecast when its routes hold
//    that much). Loads and sort use only shrink, so the plan passes the referee against the
//    original instance, and its objective is the forecast's cost with the quantile's vehicles:
//    the buffer is paid for, no package is invented. Its lower bound is dropped (it bounded
//    the scaled problem, not this one); kpis.demand_quantile keeps the scaled solve's figures.
// Q must therefore put every demand at or above its forecast: a quantile plan is a buffer. The
// forecast is the mean of a lognormal, which lies above its median (at Φ(σ/2) ≈ 0.54 for
// CV 0.2), so Q = 0.5 is refused (network::InputError naming the demand and the least Q that
// works); below the forecast, plan for the forecast itself.
#pragma once

#include "engine/planner.h"
#include "network/instance.h"
#include "network/plan.h"
#include "network/time_expanded_network.h"

namespace mm::simulation {

// The instance with every demand at its q-quantile (q in (0, 1)); uncertainty fields dropped.
// Throws network::InputError when some demand's q-quantile is below its forecast.
network::Instance quantile_instance(const network::Instance& instance, double quantile,
                                    double demand_cv);

// A plan of `scaled` (the same network, more packages) as a plan of `original`: departures keep
// their vehicles, routes their packages up to each demand's forecast (see above).
network::Plan plan_for_original(const network::Instance& original, const network::Instance& scaled,
                                const network::Plan& plan);
// The same with the original's time-expanded network built once by the caller (a search that
// re-assembles many plans: simulation/two_stage_plan.h).
network::Plan plan_for_original(const network::Instance& original,
                                const network::TimeExpandedNetwork& ten,
                                const network::Instance& scaled, const network::Plan& plan);

struct QuantilePlanResult {
  engine::PlannerResult scaled;  // the planner's result on the scaled instance
  network::Plan plan;            // for the original instance
  double forecast_packages = 0.0;
  double planned_packages = 0.0;  // Σ quantiles
};

QuantilePlanResult plan_for_quantile(const network::Instance& instance, double quantile,
                                     double demand_cv, const engine::PlannerOptions& options,
                                     const engine::ProgressCallback& progress);

}  // namespace mm::simulation
