#include "cluster/session.h"

#include <mpi.h>

namespace mm::cluster {

void check_mpi(int code, const char* what) {
  if (code == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(code, text, &length);
  throw ClusterError(std::string(what) + ": " +
                     std::string(text, static_cast<std::size_t>(length)));
}

Session::Session() {
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (initialized) throw ClusterError("MPI is already initialized in this process");
  int provided = 0;
  if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
    throw ClusterError("MPI_Init_thread failed");
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  if (provided < MPI_THREAD_FUNNELED) {
    MPI_Finalize();
    throw ClusterError("this MPI does not allow threads beside the one calling MPI");
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

Session::~Session() {
  if (!skip_finalize_) MPI_Finalize();
}

}  // namespace mm::cluster
