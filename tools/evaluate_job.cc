#include "tools/evaluate_job.h"

#include <cctype>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/number_text.h"
#include "network/plan_json.h"
#include "network/text_file.h"
#include "scenarios/evaluation_output.h"
#include "scenarios/scenario_file.h"
#include "scenarios/sweep.h"
#include "tools/commands.h"

namespace mm::tools {

namespace {

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

}  // namespace

void check_evaluate_outputs(const EvaluateFlags& flags) {
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
}

EvaluateInputs read_evaluate_inputs(const EvaluateFlags& flags) {
  EvaluateInputs in;
  in.baseline = scenarios::read_baseline(flags.instance);
  const scenarios::ScenarioFile file =
      flags.sweep.empty() ? scenarios::read_scenario_file(flags.scenarios)
                          : scenarios::sweep_scenarios(flags.sweep, *in.baseline.instance);
  in.built = scenarios::build_scenarios(in.baseline, file);
  for (const auto& s : in.built) in.scenarios.push_back({s.name, s.instance.get()});
  return in;
}

scenarios::EvaluationOptions evaluation_options(const EvaluateFlags& flags, int threads,
                                                const std::atomic<bool>* stop) {
  scenarios::EvaluationOptions options;
  options.baseline_time_limit_seconds = flags.baseline_time_limit;
  options.scenario_time_limit_seconds = flags.time_limit;
  options.threads = threads;
  options.seed = flags.seed;
  options.gap = flags.gap;
  options.warm = !flags.cold;
  options.stop = stop;
  return options;
}

void print_evaluate_start(const EvaluateFlags& flags, const EvaluateInputs& inputs,
                          const scenarios::EvaluationOptions& options, const std::string& where) {
  if (flags.quiet) return;
  const std::size_t n = inputs.built.size();
  std::cerr << "evaluating " << n << " scenario" << (n == 1 ? "" : "s") << " of "
            << inputs.baseline.instance->name() << ": baseline first (up to "
            << flags.baseline_time_limit << " s), then " << where << " (up to " << flags.time_limit
            << " s each, " << (options.warm ? "warm" : "cold") << " start)\n";
}

scenarios::EvaluationProgress evaluate_progress(const EvaluateFlags& flags) {
  if (flags.quiet) return nullptr;
  // The ETA counts from when the scenarios started (after the baseline).
  auto started = std::make_shared<std::chrono::steady_clock::time_point>();
  return [started](const std::string& name, int, int done, int total, double seconds) {
    const auto now = std::chrono::steady_clock::now();
    if (done == 0) {
      *started = now;
      std::cerr << "  baseline planned in " << network::fixed_text(seconds, 1) << " s\n";
      return;
    }
    std::cerr << "  [" << done << "/" << total << "] " << name << ": "
              << network::fixed_text(seconds, 1) << " s";
    if (done < total) {
      const double elapsed = std::chrono::duration<double>(now - *started).count();
      std::cerr << "  ETA " << network::fixed_text(elapsed / done * (total - done), 0) << " s";
    }
    std::cerr << "\n";
  };
}

void write_evaluation(const EvaluateFlags& flags, const EvaluateInputs& inputs,
                      const scenarios::EvaluationResult& result, bool warm) {
  const scenarios::Evaluation evaluation{inputs.baseline.instance.get(), &inputs.built, &result,
                                         warm};
  network::write_file_atomically(flags.output,
                                 scenarios::evaluation_json(evaluation).dump(1) + "\n");
  network::write_file_atomically(csv_path(flags.output), scenarios::evaluation_csv(evaluation));
  if (!flags.geo_out.empty()) scenarios::write_difference_layers(evaluation, flags.geo_out);
  if (flags.plans_dir.empty()) return;
  namespace fs = std::filesystem;
  network::write_file_atomically((fs::path(flags.plans_dir) / "baseline-plan.json").string(),
                                 network::write_plan_json(result.baseline));
  for (std::size_t i = 0; i < inputs.built.size(); ++i) {
    if (!result.scenarios[i].solved) continue;
    const fs::path stem = fs::path(flags.plans_dir) / file_stem(inputs.built[i].name);
    network::write_file_atomically(stem.string() + ".instance.json",
                                   network::write_instance_json(*inputs.built[i].instance));
    network::write_file_atomically(stem.string() + ".plan.json",
                                   network::write_plan_json(result.scenarios[i].plan));
  }
}

int finish_evaluation(const EvaluateFlags& flags, const EvaluateInputs& inputs,
                      const scenarios::EvaluationResult& result, bool warm, bool interrupted) {
  const scenarios::Evaluation evaluation{inputs.baseline.instance.get(), &inputs.built, &result,
                                         warm};
  scenarios::print_evaluation_table(evaluation, std::cout);
  std::size_t refused = result.baseline_violations > 0 ? 1 : 0;
  std::size_t failed = 0;
  for (const auto& s : result.scenarios) {
    refused += s.violations > 0 ? 1 : 0;
    failed += s.error.empty() ? 0 : 1;
  }
  if (refused > 0) throw std::runtime_error(std::to_string(refused) + " plans fail verification");
  if (failed > 0)
    throw std::runtime_error(std::to_string(failed) + " scenario" + (failed == 1 ? "" : "s") +
                             " failed (the results say which and why; the others are written)");
  std::cout << "results written to " << flags.output << " and " << csv_path(flags.output)
            << " (every plan verified)\n";
  return interrupted ? kInterrupted : kSuccess;
}

}  // namespace mm::tools
