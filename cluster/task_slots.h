// The tasks a rank runs itself: each on a thread of its own, at most `slots` at once, their
// results collected for the rank's main thread (the one that talks MPI) to pick up. A task that
// throws ends with its exception's message.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace mm::cluster {

// Runs one task (its bytes) and returns the result's bytes; throws to fail it.
using TaskRunner = std::function<std::string(const std::string& task)>;

struct FinishedTask {
  std::uint64_t id = 0;
  bool ok = false;
  std::string bytes;  // the result, or the error's message
};

class TaskSlots {
 public:
  TaskSlots(int slots, TaskRunner runner);
  ~TaskSlots();  // waits for the tasks under way
  TaskSlots(const TaskSlots&) = delete;
  TaskSlots& operator=(const TaskSlots&) = delete;

  int slots() const { return slots_; }
  int free() const;
  bool idle() const { return running_.empty(); }
  // Starts a task on a free slot (free() must be > 0).
  void start(std::uint64_t id, std::string task);
  // The tasks finished since the last call, in the order they finished.
  std::vector<FinishedTask> finished();
  // Waits for every task under way; their results are dropped.
  void join_all();

 private:
  int slots_;
  TaskRunner runner_;
  std::map<std::uint64_t, std::thread> running_;
  std::mutex mutex_;
  std::vector<FinishedTask> done_;
};

}  // namespace mm::cluster
