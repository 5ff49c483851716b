// `--mpi` for `evaluate` and `simulate`: the run on the ranks of `mpirun -n N` (rank 0 reads the
// inputs, deals the work and writes the results; the other ranks serve it and print nothing).
// Built with MPI (CMake option MIDDLEMILE_MPI) from tools/cmd_evaluate_mpi.cc and
// tools/cmd_simulate_mpi.cc; without it from tools/no_mpi.cc, where --mpi is one clear error
// (exit 2).
#pragma once

#include "tools/evaluate_job.h"
#include "tools/simulate_job.h"

namespace mm::tools {

int run_evaluate_on_ranks(const EvaluateFlags& flags);
int run_simulate_on_ranks(const SimulateFlags& flags);

}  // namespace mm::tools
