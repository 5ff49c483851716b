// `middlemile evaluate INSTANCE (--scenarios S.json | --sweep RULE) -o RESULTS.json`: plan the
// baseline once, then every scenario warm from it, in parallel (scenarios run one thread each,
// as many at once as --threads); write the results as JSON and CSV, print a table
// (docs/SCENARIOS.md).
#include <cctype>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_json.h"
#include "network/text_file.h"
#include "scenarios/evaluation_output.h"
#include "scenarios/scenario_builder.h"
#include "scenarios/scenario_evaluation.h"
#include "scenarios/scenario_file.h"
#include "scenarios/sweep.h"
#include "tools/commands.h"
#include "tools/interrupt.h"
#include "tools/shared_flags.h"

namespace mm::tools {

namespace {

struct EvaluateFlags {
  std::string instance;
  std::string scenarios;
  std::string sweep;
  std::string output;
  std::string geo_out;
  std::string plans_dir;
  double time_limit = 20.0;
  double baseline_time_limit = 60.0;
  int threads = 0;
  std::uint64_t seed = 1;
  double gap = 1e-4;
  bool cold = false;
  bool quiet = false;
};

std::string csv_path(const std::string& json_path) {
  std::filesystem::path p(json_path);
  return p.replace_extension(".csv").string();
}

// A file name from a scenario name: letters, digits, '-', '_' and '.' kept, the rest '_'.
std::string file_stem(const std::string& name) {
  std::string stem;
  for (unsigned char c : name) stem += std::isalnum(c) || c == '-' || c == '.' ? char(c) : '_';
  return stem;
}

int run_evaluate(const EvaluateFlags& flags) {
  if (flags.scenarios.empty() == flags.sweep.empty())
    throw network::InputError("give either --scenarios FILE or --sweep RULE");
  if (std::filesystem::path(flags.output).extension() != ".json")
    throw network::InputError(flags.output +
                              ": the results file must end in .json (the CSV is "
                              "written beside it)");
  network::check_writable(flags.output);
  network::check_writable(csv_path(flags.output));
  if (!flags.geo_out.empty())
    for (const std::string& file : scenarios::difference_layer_files(flags.geo_out))
      network::check_writable(file);
  if (!flags.plans_dir.empty()) std::filesystem::create_directories(flags.plans_dir);

  // Every scenario is built and validated before anything is solved.
  const scenarios::BaselineDocument baseline = scenarios::read_baseline(flags.instance);
  const scenarios::ScenarioFile file =
      flags.sweep.empty() ? scenarios::read_scenario_file(flags.scenarios)
                          : scenarios::sweep_scenarios(flags.sweep, *baseline.instance);
  const std::vector<scenarios::ScenarioInstance> built = scenarios::build_scenarios(baseline, file);
  std::vector<scenarios::ScenarioToEvaluate> inputs;
  for (const auto& s : built) inputs.push_back({s.name, s.instance.get()});

  scenarios::EvaluationOptions options;
  options.baseline_time_limit_seconds = flags.baseline_time_limit;
  options.scenario_time_limit_seconds = flags.time_limit;
  options.threads = resolve_threads(flags.threads);
  options.seed = flags.seed;
  options.gap = flags.gap;
  options.warm = !flags.cold;
  options.stop = install_interrupt_handler();
  if (!flags.quiet)
    std::cerr << "evaluating " << built.size() << " scenario" << (built.size() == 1 ? "" : "s")
              << " of " << baseline.instance->name() << ": baseline first (up to "
              << flags.baseline_time_limit << " s), then up to " << options.threads
              << " scenarios at a time (up to " << flags.time_limit << " s each, "
              << (options.warm ? "warm" : "cold") << " start)\n";
  const auto progress = [&](const std::string& name, int, int done, int total, double seconds) {
    if (flags.quiet) return;
    std::cerr << std::fixed << std::setprecision(1);
    if (done == 0)
      std::cerr << "  baseline planned in " << seconds << " s\n";
    else
      std::cerr << "  [" << done << "/" << total << "] " << name << ": " << seconds << " s\n";
    std::cerr << std::defaultfloat;
  };
  const scenarios::EvaluationResult result =
      scenarios::evaluate_scenarios(*baseline.instance, inputs, options, progress);

  const scenarios::Evaluation evaluation{baseline.instance.get(), &built, &result, options.warm};
  network::write_file_atomically(flags.output,
                                 scenarios::evaluation_json(evaluation).dump(1) + "\n");
  network::write_file_atomically(csv_path(flags.output), scenarios::evaluation_csv(evaluation));
  if (!flags.geo_out.empty()) scenarios::write_difference_layers(evaluation, flags.geo_out);
  if (!flags.plans_dir.empty()) {
    namespace fs = std::filesystem;
    network::write_file_atomically((fs::path(flags.plans_dir) / "baseline-plan.json").string(),
                                   network::write_plan_json(result.baseline));
    for (std::size_t i = 0; i < built.size(); ++i) {
      if (!result.scenarios[i].solved) continue;
      const fs::path stem = fs::path(flags.plans_dir) / file_stem(built[i].name);
      network::write_file_atomically(stem.string() + ".instance.json",
                                     network::write_instance_json(*built[i].instance));
      network::write_file_atomically(stem.string() + ".plan.json",
                                     network::write_plan_json(result.scenarios[i].plan));
    }
  }
  scenarios::print_evaluation_table(evaluation, std::cout);
  std::size_t failed = result.baseline_violations > 0 ? 1 : 0;
  for (const auto& s : result.scenarios) failed += s.violations > 0 ? 1 : 0;
  if (failed > 0) throw std::runtime_error(std::to_string(failed) + " plans fail verification");
  std::cout << "results written to " << flags.output << " and " << csv_path(flags.output)
            << " (every plan verified)\n";
  return interrupted() ? kInterrupted : kSuccess;
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
  cmd->callback([flags, result] { *result = run_guarded([&] { return run_evaluate(*flags); }); });
}

}  // namespace mm::tools
