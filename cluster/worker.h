// Every rank but 0: serves rank 0 until it says quit. Says it is ready (with its slots and
// threads), applies setup data in order, runs each task on a slot of its own (cluster/
// task_slots.h) and sends back its result or error, and a heartbeat every second.
//
// `task_stop` is what the rank's tasks poll (hand it to their solvers): it is set when rank 0
// says stop (Ctrl-C at rank 0), when this rank is interrupted itself, and when rank 0 has not
// been heard from for `rank_timeout_seconds` (rank 0 lost: this rank gives up and ends).
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "cluster/mailbox.h"
#include "cluster/task_slots.h"

namespace mm::cluster {

struct WorkerOptions {
  int slots = 1;    // tasks run at once
  int threads = 1;  // threads of this rank, reported to rank 0
  double rank_timeout_seconds = 60.0;
  const std::atomic<bool>* interrupted = nullptr;  // this rank's own Ctrl-C flag
};

// Setup data from rank 0 (in the order sent, on the calling thread, before the tasks that
// follow it); a setup that throws makes every later task fail with its message.
using SetupHandler = std::function<void(const std::string& bytes)>;

// Returns when rank 0 says quit or is lost; skips MPI_Finalize on `session` when rank 0 says a
// rank was lost, or is lost itself.
void serve(Session& session, Mailbox& mailbox, const WorkerOptions& options,
           const SetupHandler& setup, const TaskRunner& run, std::atomic<bool>& task_stop);

}  // namespace mm::cluster
