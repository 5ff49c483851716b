// How a run on MPI ranks went, as `evaluate --mpi` and `simulate --mpi` print it on stdout:
//   on 3 ranks (6 threads): rank 0 coordinated 0.21 s of 12.3 s (1.7%), 2.4 MB of setup to each
//   rank; no rank lost
#pragma once

#include <ostream>
#include <string>

#include "cluster/rank_run.h"

namespace mm::tools {

// "on 3 ranks (6 threads)"
std::string rank_text(const cluster::RankRun& run);
void print_rank_summary(const cluster::RankRun& run, std::ostream& out);

}  // namespace mm::tools
