// `middlemile simulate INSTANCE PLAN`: the plan's schedule under sampled (or given) days of
// demand, with recourse (docs/SIMULATION.md). Progress on stderr, a one-screen summary on
// stdout, --json and --csv written atomically. Exit 0; 2 for bad input (the plan must pass the
// referee against the instance); 130 after Ctrl-C, with the days finished so far written. With
// --mpi, under mpirun, blocks of days are dealt to the ranks (tools/cmd_simulate_mpi.cc).
#include <iostream>

#include <spdlog/spdlog.h>

#include "simulation/simulator.h"
#include "tools/commands.h"
#include "tools/interrupt.h"
#include "tools/on_ranks.h"
#include "tools/progress_printer.h"
#include "tools/shared_flags.h"
#include "tools/simulate_job.h"

namespace mm::tools {

namespace {

int run_simulate(const SimulateFlags& flags) {
  if (flags.mpi) return run_simulate_on_ranks(flags);
  check_simulate_outputs(flags);
  const SimulateInputs inputs = read_simulate_inputs(flags);
  const simulation::SimulationOptions options = simulation_options(
      flags, inputs, resolve_threads(flags.threads), install_interrupt_handler());
  spdlog::info("simulating {} on {} with {} threads", flags.plan, flags.instance, options.threads);

  CountProgressDisplay display(flags.quiet);
  const CountProgressCallback draw = display.callback();
  const network::SimulationResults results = simulation::simulate_plan(
      inputs.instance, inputs.plan, options, [&](const simulation::SimulationProgress& p) {
        if (draw) draw({p.done, p.total, p.elapsed_seconds, "samples"});
      });
  display.finish();
  write_simulation(flags, results);
  print_simulation(
      flags, results,
      "on " + std::to_string(results.threads) + " thread" + (results.threads == 1 ? "" : "s"));
  return results.interrupted || interrupted() ? kInterrupted : kSuccess;
}

}  // namespace

void add_simulate_command(CLI::App& app, int* result) {
  auto flags = std::make_shared<SimulateFlags>();
  CLI::App* cmd = app.add_subcommand(
      "simulate",
      "Simulate a plan's schedule under uncertain demand: sampled days routed with recourse "
      "(spare room, later departures, spot vehicles, late, unserved)");
  cmd->add_option("instance", flags->instance, "Instance JSON (middlemile-instance/1)")->required();
  cmd->add_option("plan", flags->plan, "Plan JSON (middlemile-plan/1) of that instance")
      ->required();
  auto* samples = cmd->add_option("--samples", flags->samples, "Days to draw (default 1000)")
                      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}));
  cmd->add_option("--seed", flags->seed,
                  "Seed of the draws (default 1); the same seed gives the same days for any "
                  "thread count and any plan");
  add_demand_cv_flag(*cmd, &flags->demand_cv);
  add_correlation_flag(*cmd, &flags->correlation);
  cmd->add_option("--scenarios", flags->scenarios,
                  "Simulate the days of this file (middlemile-demand-scenarios/1) instead of "
                  "drawing them")
      ->excludes(samples);
  add_spot_factor_flag(*cmd, &flags->spot_factor);
  cmd->add_flag("--no-spot", flags->no_spot, "No spot vehicles: only the planned ones");
  add_late_penalty_flag(*cmd, &flags->late_penalty);
  add_threads_flag(*cmd, &flags->threads);
  cmd->add_option("--json", flags->json, "Write the results (middlemile-simulation/1) here");
  cmd->add_option("--csv", flags->csv, "Write one line per day here");
  cmd->add_option("--rows", flags->rows,
                  "Departures and facilities listed in the summary (default 5)")
      ->check(CLI::PositiveNumber);
  add_quiet_flag(*cmd, &flags->quiet);
  add_mpi_flags(*cmd, &flags->mpi, &flags->rank_timeout);
  cmd->callback([flags, result] { *result = run_guarded([&] { return run_simulate(*flags); }); });
}

}  // namespace mm::tools
