// --mpi in a build without MPI: one clear error (tools/on_ranks.h).
#include "network/errors.h"
#include "tools/on_ranks.h"

namespace mm::tools {

namespace {
[[noreturn]] void no_mpi() {
  throw network::InputError(
      "--mpi: this build of middlemile has no MPI (install libopenmpi-dev and openmpi-bin, "
      "then configure with -DMIDDLEMILE_MPI=ON)");
}
}  // namespace

int run_evaluate_on_ranks(const EvaluateFlags&) {
  no_mpi();
}

int run_simulate_on_ranks(const SimulateFlags&) {
  no_mpi();
}

}  // namespace mm::tools
