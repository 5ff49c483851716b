#include "tools/two_stage_job.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <vector>

#include "network/number_text.h"
#include "simulation/demand_scenarios.h"
#include "simulation/quantile_plan.h"
#include "simulation/two_stage_plan.h"
#include "tools/interrupt.h"
#include "tools/shared_flags.h"

namespace mm::tools {

namespace {

using Clock = std::chrono::steady_clock;

std::string money(double value) {
  return network::fixed_text(value, 0);
}

std::string summary_of(const simulation::TwoStageResult& r, const TwoStageFlags& flags,
                       double demand_cv) {
  using network::fixed_text;
  std::ostringstream out;
  out << "  two-stage plan on " << r.in_sample_days << " "
      << (flags.scenarios.empty() ? "sampled days (CV " + fixed_text(demand_cv, 2) +
                                        ", correlation " + fixed_text(flags.correlation, 2) + ")"
                                  : "days of " + flags.scenarios)
      << ": expected cost " << money(r.expected_cost) << " against the start's "
      << money(r.start_expected_cost) << " (+" << r.vehicles_added << " / -" << r.vehicles_removed
      << " vehicles, " << r.evaluations << " evaluations, " << fixed_text(r.search_seconds, 1)
      << " s)";
  if (r.out_of_sample) {
    const network::SimulationSummary& x = r.out_of_sample->summary;
    out << "\n  out of sample (" << r.out_of_sample->samples.size()
        << " fresh days): expected cost " << money(x.cost.mean) << ", on time p5 "
        << network::percent_text(x.on_time_share.p5, 1) << " p50 "
        << network::percent_text(x.on_time_share.p50, 1) << ", "
        << fixed_text(x.spot_vehicles.mean, 1) << " spot vehicles a day";
  }
  return out.str();
}

std::string progress_text(const simulation::TwoStageProgress& p) {
  std::string text = p.phase == "search"
                         ? "two-stage search: evaluation " + std::to_string(p.evaluations) +
                               ", expected cost " + money(p.best_expected_cost) + " (start " +
                               money(p.start_expected_cost) + ")"
                         : "out of sample";
  if (p.days_total > 0)
    text += ", " + std::to_string(p.days_done) + " of " + std::to_string(p.days_total) + " days";
  return text + ", " + network::fixed_text(p.elapsed_seconds, 1) + " s";
}

}  // namespace

void add_two_stage_flags(CLI::App& command, TwoStageFlags* flags) {
  auto* samples =
      command
          .add_option("--samples", flags->samples,
                      "Two-stage plan: choose the vehicles for this many sampled days of demand, "
                      "each routed with the recourse of `simulate` (docs/SIMULATION.md)")
          ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  command
      .add_option("--scenarios", flags->scenarios,
                  "Two-stage plan for the days of this file (middlemile-demand-scenarios/1) "
                  "instead of sampled days")
      ->excludes(samples);
  add_correlation_flag(command, &flags->correlation);
  add_spot_factor_flag(command, &flags->spot_factor);
  add_late_penalty_flag(command, &flags->late_penalty);
  command.add_option("--out-of-sample", flags->out_of_sample,
                     "Two-stage plan: fresh days drawn to report the service level the plan "
                     "promises (default 500; 0: none)");
  command
      .add_option("--engine-share", flags->engine_share,
                  "Two-stage plan: share of the time limit the engine's start gets; the search "
                  "over vehicles has the rest (default 0.5)")
      ->check(CLI::Range(0.05, 0.95));
}

TwoStageRun plan_for_days(const network::Instance& instance, const TwoStageFlags& flags,
                          std::optional<double> demand_quantile, double demand_cv,
                          double time_limit, bool quiet, engine::PlannerOptions planner,
                          ProgressDisplay& progress) {
  std::vector<simulation::DemandScenario> days;
  if (!flags.scenarios.empty()) days = simulation::read_demand_scenarios(instance, flags.scenarios);
  simulation::TwoStageOptions t;
  t.samples = flags.samples;
  // The in-sample days get a seed of their own, derived from --seed, so that `simulate --seed S`
  // on the plan is out of sample for any small S (kpis.two_stage.seed records it: `simulate
  // --seed` with it replays the in-sample days).
  t.seed = planner.seed * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL;
  t.demand_cv = demand_cv;
  t.correlation = flags.correlation;
  if (!flags.scenarios.empty()) {
    t.scenarios = &days;
    t.scenarios_file = flags.scenarios;
  }
  t.spot_factor = flags.spot_factor;
  t.late_penalty_per_package = flags.late_penalty;
  t.out_of_sample = flags.out_of_sample;
  t.threads = planner.threads;
  t.stop = planner.stop;

  const Clock::time_point started = Clock::now();
  planner.time_limit_seconds = flags.engine_share * time_limit;
  network::Plan start = demand_quantile
                            ? simulation::plan_for_quantile(instance, *demand_quantile, demand_cv,
                                                            planner, progress.callback())
                                  .plan
                            : engine::plan_network(instance, planner, progress.callback()).plan;
  progress.finish();
  TwoStageRun run;
  if (start.status == network::PlanStatus::no_solution || interrupted()) {
    run.plan = std::move(start);
    run.interrupted = interrupted();
    return run;
  }
  // The search has what the engine left of the time limit.
  const auto since_start = [&] {
    return std::chrono::duration<double>(Clock::now() - started).count();
  };
  t.time_limit_seconds = std::max(0.0, time_limit - since_start());
  ProgressOutput output(quiet, isatty(fileno(stderr)) != 0);
  std::string phase;
  const simulation::TwoStageResult r =
      simulation::improve_for_days(instance, start, t, [&](const simulation::TwoStageProgress& p) {
        // Rate-limited on the run's own clock (each phase's elapsed time starts at 0); a new
        // phase always shows.
        const bool first_of_phase = p.phase != phase;
        phase = p.phase;
        const std::string text = progress_text(p);
        output.draw(since_start(), first_of_phase, text, text);
      });
  output.finish();
  run.plan = r.plan;
  run.interrupted = r.interrupted;
  run.summary = summary_of(r, flags, demand_cv);
  return run;
}

}  // namespace mm::tools
