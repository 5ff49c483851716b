#include "tools/simulate_job.h"

#include <filesystem>
#include <iostream>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/number_text.h"
#include "network/plan_json.h"
#include "network/simulation_json.h"
#include "network/text_file.h"
#include "simulation/simulation_csv.h"
#include "tools/simulation_summary.h"

namespace mm::tools {

namespace {
void check_output(const std::string& output, const SimulateFlags& flags) {
  if (output.empty()) return;
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& input : {flags.instance, flags.plan, flags.scenarios})
    if (!input.empty() && fs::exists(output, ec) && fs::equivalent(output, input, ec))
      throw network::InputError(output + ": refusing to overwrite an input");
  network::check_writable(output);
}
}  // namespace

void check_simulate_outputs(const SimulateFlags& flags) {
  check_output(flags.json, flags);
  check_output(flags.csv, flags);
  if (!flags.json.empty() && !flags.csv.empty() && flags.json == flags.csv)
    throw network::InputError(flags.json + ": --json and --csv name the same file");
}

SimulateInputs read_simulate_inputs(const SimulateFlags& flags) {
  SimulateInputs in{
      network::read_instance_file(flags.instance), network::read_plan_file(flags.plan), {}};
  if (!flags.scenarios.empty())
    in.days = simulation::read_demand_scenarios(in.instance, flags.scenarios);
  return in;
}

simulation::SimulationOptions simulation_options(const SimulateFlags& flags,
                                                 const SimulateInputs& inputs, int threads,
                                                 const std::atomic<bool>* stop) {
  simulation::SimulationOptions options;
  options.samples = flags.samples;
  options.seed = flags.seed;
  options.demand_cv = flags.demand_cv;
  options.correlation = flags.correlation;
  if (!flags.scenarios.empty()) {
    options.scenarios = &inputs.days;
    options.scenarios_file = flags.scenarios;
  }
  options.spot = !flags.no_spot;
  options.spot_factor = flags.spot_factor;
  options.late_penalty_per_package = flags.late_penalty;
  options.threads = threads;
  options.plan_name = flags.plan;
  options.stop = stop;
  return options;
}

void write_simulation(const SimulateFlags& flags, const network::SimulationResults& results) {
  if (!flags.json.empty())
    network::write_file_atomically(flags.json, network::write_simulation_json(results));
  if (!flags.csv.empty())
    network::write_file_atomically(flags.csv, simulation::simulation_csv(results));
}

void print_simulation(const SimulateFlags& flags, const network::SimulationResults& results,
                      const std::string& where) {
  print_simulation_summary(results, flags.rows, std::cout);
  std::cout << "  " << results.samples.size() << " days in "
            << network::fixed_text(results.seconds, 1) << " s " << where;
  if (!flags.json.empty()) std::cout << "; results written to " << flags.json;
  if (!flags.csv.empty()) std::cout << (flags.json.empty() ? "; " : " and ") << flags.csv;
  std::cout << "\n";
}

}  // namespace mm::tools
