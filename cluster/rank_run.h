// What a command run on MPI ranks is given beside its own options (this rank's threads, how long
// a silent rank is waited for, this rank's Ctrl-C flag), and what rank 0 reports about the run
// afterwards for the summary.
#pragma once

#include <atomic>
#include <vector>

namespace mm::cluster {

struct RankOptions {
  int threads = 1;  // this rank's
  double rank_timeout_seconds = 60.0;
  const std::atomic<bool>* interrupted = nullptr;  // this rank's Ctrl-C
};

// Ranks and threads (over every rank), rank 0's wall time and the part of it its main thread
// spent coordinating (dealing, coding and decoding messages and results, choosing offers: what a
// single process does not do), the bytes every rank was sent before its first task (settings,
// inputs, the baseline's plan and columns), and the ranks lost (or never heard from).
struct RankRun {
  int ranks = 1;
  int threads = 0;
  double seconds = 0.0;
  double coordination_seconds = 0.0;
  double setup_bytes = 0.0;  // what every rank was sent before its first task
  std::vector<int> lost_ranks;
};

}  // namespace mm::cluster
