// `middlemile plan --samples N` (or --scenarios FILE): the two-stage plan's flags, and the run
// that turns them into a plan — the engine's start (the forecast, or a quantile of it) with its
// share of the time limit, the search over vehicles on the in-sample days with the rest, then
// the out-of-sample check (simulation/two_stage_plan.h; docs/SIMULATION.md). Progress on
// stderr; the summary's extra lines are returned for `plan` to print after its own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "engine/planner.h"
#include "network/instance.h"
#include "network/plan.h"
#include "tools/progress_printer.h"

namespace mm::tools {

struct TwoStageFlags {
  std::size_t samples = 0;  // in-sample days drawn (0 and no scenarios: no two-stage plan)
  std::string scenarios;    // or the days of this file
  double correlation = 0.0;
  double spot_factor = 1.5;
  std::optional<double> late_penalty;
  std::size_t out_of_sample = 500;
  double engine_share = 0.5;
  bool on() const { return samples > 0 || !scenarios.empty(); }
};

// --samples, --scenarios, --correlation, --spot-factor, --late-penalty, --out-of-sample,
// --engine-share.
void add_two_stage_flags(CLI::App& command, TwoStageFlags* flags);

struct TwoStageRun {
  network::Plan plan;  // the two-stage plan, or the start when it has no solution
  bool interrupted = false;
  std::string summary;  // lines for the plan summary (no trailing newline)
};

// `planner` holds the engine's settings with the whole time limit; the in-sample days are drawn
// with a seed derived from its seed (never the days of `simulate --seed` with a small seed).
// `progress` draws the engine's phase.
TwoStageRun plan_for_days(const network::Instance& instance, const TwoStageFlags& flags,
                          std::optional<double> demand_quantile, double demand_cv,
                          double time_limit, bool quiet, engine::PlannerOptions planner,
                          ProgressDisplay& progress);

}  // namespace mm::tools
