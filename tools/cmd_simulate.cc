// `middlemile simulate INSTANCE PLAN`: the plan's schedule under sampled (or given) days of
// demand, with recourse (docs/SIMULATION.md). Progress on stderr, a one-screen summary on
// stdout, --json and --csv written atomically. Exit 0; 2 for bad input (the plan must pass the
// referee against the instance); 130 after Ctrl-C, with the days finished so far written.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include <spdlog/spdlog.h>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/number_text.h"
#include "network/plan_json.h"
#include "network/simulation_json.h"
#include "network/text_file.h"
#include "simulation/demand_scenarios.h"
#include "simulation/simulation_csv.h"
#include "simulation/simulator.h"
#include "tools/commands.h"
#include "tools/interrupt.h"
#include "tools/progress_printer.h"
#include "tools/shared_flags.h"
#include "tools/simulation_summary.h"

namespace mm::tools {

namespace {

struct SimulateFlags {
  std::string instance;
  std::string plan;
  std::size_t samples = 1000;
  std::uint64_t seed = 1;
  double demand_cv = 0.2;
  double correlation = 0.0;
  std::string scenarios;
  double spot_factor = 1.5;
  bool no_spot = false;
  std::optional<double> late_penalty;
  int threads = 0;
  std::string json;
  std::string csv;
  std::size_t rows = 5;
  bool quiet = false;
};

// Outputs are checked before any work, and never overwrite an input.
void check_output(const std::string& output, const SimulateFlags& flags) {
  if (output.empty()) return;
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& input : {flags.instance, flags.plan, flags.scenarios})
    if (!input.empty() && fs::exists(output, ec) && fs::equivalent(output, input, ec))
      throw network::InputError(output + ": refusing to overwrite an input");
  network::check_writable(output);
}

int run_simulate(const SimulateFlags& flags) {
  check_output(flags.json, flags);
  check_output(flags.csv, flags);
  if (!flags.json.empty() && !flags.csv.empty() && flags.json == flags.csv)
    throw network::InputError(flags.json + ": --json and --csv name the same file");
  const network::Instance instance = network::read_instance_file(flags.instance);
  const network::Plan plan = network::read_plan_file(flags.plan);
  std::vector<simulation::DemandScenario> scenarios;
  if (!flags.scenarios.empty())
    scenarios = simulation::read_demand_scenarios(instance, flags.scenarios);

  simulation::SimulationOptions options;
  options.samples = flags.samples;
  options.seed = flags.seed;
  options.demand_cv = flags.demand_cv;
  options.correlation = flags.correlation;
  if (!flags.scenarios.empty()) {
    options.scenarios = &scenarios;
    options.scenarios_file = flags.scenarios;
  }
  options.spot = !flags.no_spot;
  options.spot_factor = flags.spot_factor;
  options.late_penalty_per_package = flags.late_penalty;
  options.threads = resolve_threads(flags.threads);
  options.plan_name = flags.plan;
  options.stop = install_interrupt_handler();
  spdlog::info("simulating {} on {} with {} threads", flags.plan, flags.instance, options.threads);

  CountProgressDisplay display(flags.quiet);
  const CountProgressCallback draw = display.callback();
  const network::SimulationResults results = simulation::simulate_plan(
      instance, plan, options, [&](const simulation::SimulationProgress& p) {
        if (draw) draw({p.done, p.total, p.elapsed_seconds, "samples"});
      });
  display.finish();

  if (!flags.json.empty())
    network::write_file_atomically(flags.json, network::write_simulation_json(results));
  if (!flags.csv.empty())
    network::write_file_atomically(flags.csv, simulation::simulation_csv(results));
  print_simulation_summary(results, flags.rows, std::cout);
  std::cout << "  " << results.samples.size() << " days in "
            << network::fixed_text(results.seconds, 1) << " s on " << results.threads << " thread"
            << (results.threads == 1 ? "" : "s");
  if (!flags.json.empty()) std::cout << "; results written to " << flags.json;
  if (!flags.csv.empty()) std::cout << (flags.json.empty() ? "; " : " and ") << flags.csv;
  std::cout << "\n";
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
  cmd->add_option("--correlation", flags->correlation,
                  "Correlation of the log-demand of two demands sharing origin and destination "
                  "region (half for those sharing one), 0..1 (default 0)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--scenarios", flags->scenarios,
                  "Simulate the days of this file (middlemile-demand-scenarios/1) instead of "
                  "drawing them")
      ->excludes(samples);
  cmd->add_option("--spot-factor", flags->spot_factor,
                  "A spot vehicle costs this many times the lane's cost per trip (default 1.5)")
      ->check(CLI::Range(0.0, 1e6));
  cmd->add_flag("--no-spot", flags->no_spot, "No spot vehicles: only the planned ones");
  cmd->add_option("--late-penalty", flags->late_penalty,
                  "Cost per package delivered after its due minute (default: half the "
                  "instance's unserved penalty)")
      ->check(CLI::Range(0.0, 1e12));
  add_threads_flag(*cmd, &flags->threads);
  cmd->add_option("--json", flags->json, "Write the results (middlemile-simulation/1) here");
  cmd->add_option("--csv", flags->csv, "Write one line per day here");
  cmd->add_option("--rows", flags->rows,
                  "Departures and facilities listed in the summary (default 5)")
      ->check(CLI::PositiveNumber);
  add_quiet_flag(*cmd, &flags->quiet);
  cmd->callback([flags, result] { *result = run_guarded([&] { return run_simulate(*flags); }); });
}

}  // namespace mm::tools
