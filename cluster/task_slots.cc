#include "cluster/task_slots.h"

#include <exception>
#include <stdexcept>

namespace mm::cluster {

TaskSlots::TaskSlots(int slots, TaskRunner runner)
    : slots_(slots < 0 ? 0 : slots), runner_(std::move(runner)) {}

TaskSlots::~TaskSlots() {
  join_all();
}

int TaskSlots::free() const {
  return slots_ - static_cast<int>(running_.size());
}

void TaskSlots::start(std::uint64_t id, std::string task) {
  if (free() <= 0) throw std::logic_error("no free task slot");
  running_.emplace(id, std::thread([this, id, task = std::move(task)] {
                     FinishedTask done;
                     done.id = id;
                     try {
                       done.bytes = runner_(task);
                       done.ok = true;
                     } catch (const std::exception& e) {
                       done.bytes = e.what();
                     } catch (...) {
                       done.bytes = "unknown exception";
                     }
                     std::lock_guard<std::mutex> lock(mutex_);
                     done_.push_back(std::move(done));
                   }));
}

std::vector<FinishedTask> TaskSlots::finished() {
  std::vector<FinishedTask> done;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done.swap(done_);
  }
  for (const FinishedTask& t : done) {
    auto it = running_.find(t.id);
    if (it == running_.end()) continue;
    it->second.join();
    running_.erase(it);
  }
  return done;
}

void TaskSlots::join_all() {
  for (auto& [id, thread] : running_) thread.join();
  running_.clear();
  std::lock_guard<std::mutex> lock(mutex_);
  done_.clear();
}

}  // namespace mm::cluster
