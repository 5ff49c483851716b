// This process's place in an MPI job (`mpirun -n N middlemile … --mpi`): MPI is initialized
// when the session is made and finalized when it ends. Only the thread that made the session
// calls MPI (MPI_THREAD_FUNNELED); the work runs on other threads.
//
// Errors return instead of aborting the job (MPI_ERRORS_RETURN) and are thrown as
// ClusterError. A job that lost a rank does not finalize: Open MPI 4.1's MPI_Finalize waits for
// every rank, the dead one too, so the ranks that are left skip it (skip_finalize) and exit.
#pragma once

#include <stdexcept>
#include <string>

namespace mm::cluster {

class ClusterError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Session {
 public:
  Session();  // MPI_Init_thread; throws ClusterError when MPI cannot start
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool leader() const { return rank_ == 0; }
  // The job lost a rank: end without MPI_Finalize.
  void skip_finalize() { skip_finalize_ = true; }

 private:
  int rank_ = 0;
  int size_ = 1;
  bool skip_finalize_ = false;
};

// Throws ClusterError naming `what` when an MPI call returned an error code.
void check_mpi(int code, const char* what);

}  // namespace mm::cluster
