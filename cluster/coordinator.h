// Rank 0's side of a job: tasks dealt to ranks as they ask for them. Every rank — rank 0 too,
// on threads beside its main thread — has slots (tasks it runs at once); a slot that finishes
// takes the next task, so ranks that get cheap tasks take more of them (dynamic dealing: the
// scenarios of a sweep differ in cost by a factor of ten).
//
// Every outcome comes back through one callback on rank 0's main thread: a result, an error (the
// task threw on its rank: its message, prefixed with the rank), or a loss: a rank that has not
// been heard from for `rank_timeout_seconds` (workers send a heartbeat every second) is counted
// lost, its tasks under way are reported lost, and nothing more is sent to it. Ranks only die
// without taking the job down under `mpirun --enable-recovery` (docs/SCENARIOS.md, "On MPI
// ranks"). A worker interrupted on its own (a signal to it alone) returns what its tasks have,
// says it leaves, and gets no more tasks.
//
// Ctrl-C at rank 0 (`stop`): no more tasks are dealt, every rank is told to finish its tasks
// early (the solvers stop at their next safe point and return what they have), `on_stop` is
// called at once — mpirun kills every rank a second after it passes on Ctrl-C, so that is when
// to write partial results — and deal() returns when the tasks under way have come back.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cluster/idle_wait.h"
#include "cluster/mailbox.h"
#include "cluster/rank_run.h"
#include "cluster/task_slots.h"

namespace mm::cluster {

struct DealOptions {
  double rank_timeout_seconds = 60.0;
  const std::atomic<bool>* stop = nullptr;  // rank 0's Ctrl-C
};

struct TaskOutcome {
  bool ok = false;
  int rank = 0;       // where it ran
  std::string bytes;  // the result when ok
  std::string error;  // otherwise: why (the task's exception, or its rank was lost)
};

using OutcomeCallback = std::function<void(std::size_t task, TaskOutcome&& outcome)>;
// The bytes of task `index` for the rank it is dealt to (made when it is dealt, so that rank 0
// never holds every task at once, and can leave out what that rank already has).
using TaskMaker = std::function<std::string(std::size_t index, int rank)>;

class Coordinator {
 public:
  // Rank 0 of `session` runs `local_slots` tasks at once with `local`, on `local_threads`.
  Coordinator(Session& session, Mailbox& mailbox, int local_slots, int local_threads,
              TaskRunner local, const DealOptions& options);
  // Tells the workers to quit if finish() was not called (rank 0 failed).
  ~Coordinator();
  Coordinator(const Coordinator&) = delete;
  Coordinator& operator=(const Coordinator&) = delete;

  // Data every worker needs before its tasks (sent to each, in order with the tasks).
  void send_setup(const std::string& bytes);
  // Runs `work` on a thread of its own while this thread keeps the workers served; rethrows
  // what `work` throws.
  void run_beside(const std::function<void()>& work);
  // Deals the tasks and reports each one's outcome once (on this thread, in the order they
  // end); tasks not dealt because of Ctrl-C get no outcome. The first call first waits for every
  // worker to be up (at most the rank timeout).
  void deal(std::size_t tasks, const TaskMaker& make_task, const OutcomeCallback& on_outcome,
            const std::function<void()>& on_stop);
  // Tells every worker to quit, and to skip MPI_Finalize when a rank was lost (so does rank 0's
  // session then). Waits until the messages are out.
  void finish();

  // Set once rank 0's tasks should stop early (Ctrl-C): hand it to rank 0's own tasks.
  const std::atomic<bool>* task_stop() const { return &task_stop_; }
  bool stopping() const { return task_stop_.load(); }
  int ranks() const { return ranks_; }
  // Threads over every rank heard from (rank 0's own included).
  int threads() const;
  std::vector<int> lost_ranks() const;
  // How the run went (cluster/rank_run.h), `seconds` after it started.
  RankRun report(double seconds) const;
  // CPU seconds rank 0's main thread (the one that made the coordinator; call from it) has used
  // since: dealing, coding and decoding messages, the callbacks, polling — not rank 0's own
  // tasks, which run on other threads. CPU time, not time awake: on a busy machine a thread
  // that is awake may wait for a core.
  double busy_seconds() const;

 private:
  struct Rank {
    bool ready = false;
    bool lost = false;  // not heard from in time
    bool left = false;  // said it leaves (interrupted itself)
    int slots = 0;
    int threads = 0;
    std::chrono::steady_clock::time_point last_heard;
    std::vector<std::pair<std::uint64_t, std::size_t>> running;  // task id, task index
  };
  bool poll(const OutcomeCallback* on_outcome);  // one round; true when something happened
  void deliver(std::uint64_t id, TaskOutcome&& outcome, const OutcomeCallback* on_outcome);
  void check_lost(const OutcomeCallback* on_outcome);
  // Deals nothing more to rank r and reports its tasks under way as failed with `why`.
  void give_up(int r, const std::string& why, const OutcomeCallback* on_outcome);
  void heartbeat();
  void wait_ready();
  std::size_t in_flight() const;

  Session& session_;
  Mailbox& mailbox_;
  int ranks_;
  int local_threads_;
  DealOptions options_;
  TaskSlots local_;
  std::vector<Rank> workers_;  // [0] unused: rank 0 is local_
  std::vector<std::pair<std::uint64_t, std::size_t>> local_running_;
  std::uint64_t next_id_ = 1;
  std::atomic<bool> task_stop_{false};
  bool waited_ready_ = false;
  bool finished_ = false;
  double cpu_at_start_ = 0.0;
  double setup_bytes_ = 0.0;
  std::chrono::steady_clock::time_point last_heartbeat_;
  IdleWait idle_;
};

// Rank 0 failed before dealing anything (bad input): tells every worker to quit, so that none
// waits for work that will not come.
void release_workers(Session& session);

// Rank 0 reading and checking its inputs: what `read()` returns, or, when it throws, the
// workers released (above) before the error goes on.
template <class Read>
auto read_or_release(Session& session, Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (...) {
    release_workers(session);
    throw;
  }
}

}  // namespace mm::cluster
