// The parts of `middlemile simulate` that one process and a run on MPI ranks (--mpi) share: its
// flags, checking the outputs before any work, reading the instance, the plan and the days of a
// scenario file, the simulation's options, and writing the results (--json, --csv, atomically)
// and the summary.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "network/instance.h"
#include "network/plan.h"
#include "network/simulation_results.h"
#include "simulation/demand_scenarios.h"
#include "simulation/simulator.h"

namespace mm::tools {

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
  bool mpi = false;
  double rank_timeout = 60.0;
};

struct SimulateInputs {
  network::Instance instance;
  network::Plan plan;
  std::vector<simulation::DemandScenario> days;  // with --scenarios
};

// Outputs are checked before any work, and never overwrite an input (network::InputError).
void check_simulate_outputs(const SimulateFlags& flags);
SimulateInputs read_simulate_inputs(const SimulateFlags& flags);
// Options pointing into `inputs` (the scenario file's days), which must outlive them.
simulation::SimulationOptions simulation_options(const SimulateFlags& flags,
                                                 const SimulateInputs& inputs, int threads,
                                                 const std::atomic<bool>* stop);
// Writes --json and --csv, each atomically (those asked for).
void write_simulation(const SimulateFlags& flags, const network::SimulationResults& results);
// The summary on stdout, ending with the run's line (`where`: "on 2 threads" or the ranks).
void print_simulation(const SimulateFlags& flags, const network::SimulationResults& results,
                      const std::string& where);

}  // namespace mm::tools
