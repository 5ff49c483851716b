// The parts of `middlemile evaluate` that one process and a run on MPI ranks (--mpi) share:
// its flags, checking the outputs and reading the inputs before anything is solved, the
// evaluation's options, the progress lines (scenarios done of all, with an ETA), and writing
// the results (JSON, CSV, layers, plans; each file atomically) and the table.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "scenarios/scenario_builder.h"
#include "scenarios/scenario_evaluation.h"

namespace mm::tools {

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
  bool mpi = false;
  double rank_timeout = 60.0;
};

struct EvaluateInputs {
  scenarios::BaselineDocument baseline;
  std::vector<scenarios::ScenarioInstance> built;
  std::vector<scenarios::ScenarioToEvaluate> scenarios;  // pointing into `built`
};

// Throws network::InputError for an output that cannot be written.
void check_evaluate_outputs(const EvaluateFlags& flags);
// Every scenario built and validated (network::ValidationError lists every problem).
EvaluateInputs read_evaluate_inputs(const EvaluateFlags& flags);
scenarios::EvaluationOptions evaluation_options(const EvaluateFlags& flags, int threads,
                                                const std::atomic<bool>* stop);
// The line saying what is about to run (nothing when quiet).
void print_evaluate_start(const EvaluateFlags& flags, const EvaluateInputs& inputs,
                          const scenarios::EvaluationOptions& options, const std::string& where);
// Progress lines on stderr: the baseline's time, then `[done/total] name: seconds  ETA` per
// scenario (nothing when quiet).
scenarios::EvaluationProgress evaluate_progress(const EvaluateFlags& flags);
// Writes the results JSON and CSV (and the layers and plans when asked), each atomically.
void write_evaluation(const EvaluateFlags& flags, const EvaluateInputs& inputs,
                      const scenarios::EvaluationResult& result, bool warm);
// The table on stdout and the exit code: 1 (an exception) when a plan fails the referee or a
// scenario failed, 130 when interrupted, else 0.
int finish_evaluation(const EvaluateFlags& flags, const EvaluateInputs& inputs,
                      const scenarios::EvaluationResult& result, bool warm, bool interrupted);

}  // namespace mm::tools
