// `middlemile evaluate INSTANCE (--scenarios S.json | --sweep RULE) -o RESULTS.json`: plan the
// baseline once, then every scenario warm from it, in parallel (scenarios run one thread each,
// as many at once as --threads); write the results as JSON and CSV, print a table
// (docs/SCENARIOS.md). With --mpi, under mpirun, the scenarios are dealt to the ranks
// (tools/cmd_evaluate_mpi.cc).
#include "network/errors.h"
#include "scenarios/scenario_evaluation.h"
#include "tools/commands.h"
#include "tools/evaluate_job.h"
#include "tools/interrupt.h"
#include "tools/on_ranks.h"
#include "tools/shared_flags.h"

namespace mm::tools {

namespace {

int run_evaluate(const EvaluateFlags& flags) {
  if (flags.mpi) return run_evaluate_on_ranks(flags);
  check_evaluate_outputs(flags);
  // Every scenario is built and validated before anything is solved.
  const EvaluateInputs inputs = read_evaluate_inputs(flags);
  const int threads = resolve_threads(flags.threads);
  const scenarios::EvaluationOptions options =
      evaluation_options(flags, threads, install_interrupt_handler());
  print_evaluate_start(flags, inputs, options,
                       "up to " + std::to_string(threads) + " scenarios at a time");
  const scenarios::EvaluationResult result = scenarios::evaluate_scenarios(
      *inputs.baseline.instance, inputs.scenarios, options, evaluate_progress(flags));
  write_evaluation(flags, inputs, result, options.warm);
  return finish_evaluation(flags, inputs, result, options.warm, interrupted());
}

}  // namespace

void add_evaluate_command(CLI::App& app, int* result) {
  auto flags = std::make_shared<EvaluateFlags>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate", "Plan a baseline and what-if scenarios side by side (docs/SCENARIOS.md)");
  cmd->add_option("instance", flags->instance, "Baseline instance JSON")->required();
  cmd->add_option("--scenarios", flags->scenarios, "Scenario file (middlemile-scenarios/1)");
  cmd->add_option("--sweep", flags->sweep,
                  "Generate scenarios instead: close-each=<facility kind> or close-each=lane");
  cmd->add_option("-o,--output", flags->output,
                  "Results JSON to write (.json; the CSV is written beside it as .csv)")
      ->required();
  cmd->add_option("--geo-out", flags->geo_out,
                  "Also write the differences as map layers (.gpkg, or .geojson per layer)");
  cmd->add_option("--plans-dir", flags->plans_dir,
                  "Also write the baseline plan and every scenario's instance and plan here");
  cmd->add_option("--time-limit", flags->time_limit, "Seconds per scenario (default 20)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--baseline-time-limit", flags->baseline_time_limit,
                  "Seconds for the baseline (default 60)")
      ->check(CLI::PositiveNumber);
  add_threads_flag(*cmd, &flags->threads);
  cmd->add_option("--seed", flags->seed, "Seed of the local search order (default 1)");
  cmd->add_option("--gap", flags->gap, "Stop each solve at this relative gap (default 0.0001)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--cold", flags->cold,
                "Plan every scenario from scratch instead of from the baseline (for comparison)");
  add_quiet_flag(*cmd, &flags->quiet);
  add_serialize_cbc_flag(*cmd);
  add_mpi_flags(*cmd, &flags->mpi, &flags->rank_timeout);
  cmd->callback([flags, result] { *result = run_guarded([&] { return run_evaluate(*flags); }); });
}

}  // namespace mm::tools
