#include "cluster/coordinator.h"

#include <time.h>

#include <algorithm>
#include <exception>
#include <thread>

#include "cluster/wire.h"
#include "network/number_text.h"

namespace mm::cluster {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

// CPU seconds the calling thread has used.
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace

Coordinator::Coordinator(Session& session, Mailbox& mailbox, int local_slots, int local_threads,
                         TaskRunner local, const DealOptions& options)
    : session_(session),
      mailbox_(mailbox),
      ranks_(std::max(1, session.size())),
      local_threads_(std::max(1, local_threads)),
      options_(options),
      local_(local_slots, std::move(local)),
      workers_(static_cast<std::size_t>(ranks_)),
      cpu_at_start_(thread_cpu_seconds()),
      last_heartbeat_(Clock::now()) {}

Coordinator::~Coordinator() {
  if (finished_) return;
  task_stop_ = true;
  try {
    finish();
  } catch (...) {
    // Rank 0 is failing already; its own error is the one to report.
  }
}

void Coordinator::send_setup(const std::string& bytes) {
  setup_bytes_ += static_cast<double>(bytes.size());
  for (int r = 1; r < ranks_; ++r)
    if (!workers_[r].lost) mailbox_.send(r, Tag::setup, bytes);
}

void Coordinator::run_beside(const std::function<void()>& work) {
  std::exception_ptr failed;
  std::atomic<bool> done{false};
  std::thread thread([&] {
    try {
      work();
    } catch (...) {
      failed = std::current_exception();
    }
    done = true;
  });
  while (!done.load()) {
    if (!poll(nullptr)) idle_.sleep();
  }
  thread.join();
  if (failed) std::rethrow_exception(failed);
}

void Coordinator::deal(std::size_t tasks, const TaskMaker& make_task,
                       const OutcomeCallback& on_outcome, const std::function<void()>& on_stop) {
  wait_ready();
  std::size_t next = 0;
  bool stopped_here = false;
  for (;;) {
    bool active = poll(&on_outcome);
    if (options_.stop && options_.stop->load() && !task_stop_.load()) {
      task_stop_ = true;
      for (int r = 1; r < ranks_; ++r)
        if (!workers_[r].lost && !workers_[r].left) mailbox_.send(r, Tag::stop, "");
    }
    if (task_stop_.load() && !stopped_here) {
      stopped_here = true;
      if (on_stop) on_stop();
    }
    // Deal: rank 0's own slots first, then the workers' in rank order.
    while (!task_stop_.load() && next < tasks && local_.free() > 0) {
      const std::uint64_t id = next_id_++;
      local_running_.emplace_back(id, next);
      local_.start(id, make_task(next, 0));
      ++next;
      active = true;
    }
    for (int r = 1; r < ranks_ && !task_stop_.load() && next < tasks; ++r) {
      Rank& w = workers_[r];
      while (w.ready && !w.lost && !w.left && next < tasks &&
             static_cast<int>(w.running.size()) < w.slots) {
        const std::uint64_t id = next_id_++;
        WireWriter message;
        message.number<std::uint64_t>(id).text(make_task(next, r));
        mailbox_.send(r, Tag::task, message.take());
        w.running.emplace_back(id, next++);
        active = true;
      }
    }
    if (in_flight() == 0 && (next == tasks || task_stop_.load())) break;
    if (active)
      idle_.active();
    else
      idle_.sleep();
  }
}

bool Coordinator::poll(const OutcomeCallback* on_outcome) {
  bool active = false;
  while (std::optional<Message> m = mailbox_.receive()) {
    active = true;
    if (m->from <= 0 || m->from >= ranks_) continue;
    Rank& w = workers_[m->from];
    if (w.lost || w.left) continue;  // heard from again after it was given up: too late
    w.last_heard = Clock::now();
    WireReader in(m->bytes);
    if (m->tag == Tag::ready) {
      w.ready = true;
      w.slots = std::max(1, in.number<std::int32_t>());
      w.threads = in.number<std::int32_t>();
    } else if (m->tag == Tag::result) {
      const auto id = in.number<std::uint64_t>();
      const bool ok = in.number<std::uint8_t>() != 0;
      TaskOutcome outcome;
      outcome.ok = ok;
      outcome.rank = m->from;
      (ok ? outcome.bytes : outcome.error) = in.text();
      if (!ok) outcome.error = "rank " + std::to_string(m->from) + ": " + outcome.error;
      deliver(id, std::move(outcome), on_outcome);
    } else if (m->tag == Tag::quit) {
      w.left = true;
      give_up(m->from, "rank " + std::to_string(m->from) + " was interrupted before it ran it",
              on_outcome);
    }
  }
  for (FinishedTask& t : local_.finished()) {
    active = true;
    TaskOutcome outcome;
    outcome.ok = t.ok;
    outcome.rank = 0;
    if (t.ok)
      outcome.bytes = std::move(t.bytes);
    else
      outcome.error = "rank 0: " + t.bytes;
    deliver(t.id, std::move(outcome), on_outcome);
  }
  check_lost(on_outcome);
  heartbeat();
  return active;
}

void Coordinator::deliver(std::uint64_t id, TaskOutcome&& outcome,
                          const OutcomeCallback* on_outcome) {
  auto& running = outcome.rank == 0 ? local_running_ : workers_[outcome.rank].running;
  const auto it = std::find_if(running.begin(), running.end(),
                               [&](const auto& task) { return task.first == id; });
  if (it == running.end()) return;
  const std::size_t index = it->second;
  running.erase(it);
  if (on_outcome && *on_outcome) (*on_outcome)(index, std::move(outcome));
}

void Coordinator::check_lost(const OutcomeCallback* on_outcome) {
  const auto now = Clock::now();
  for (int r = 1; r < ranks_; ++r) {
    Rank& w = workers_[r];
    if (!w.ready || w.lost || w.left ||
        seconds_between(w.last_heard, now) <= options_.rank_timeout_seconds)
      continue;
    w.lost = true;
    give_up(r,
            "rank " + std::to_string(r) + " was lost (not heard from for " +
                network::number_text(options_.rank_timeout_seconds) +
                " s); its work is not in these results",
            on_outcome);
  }
}

void Coordinator::give_up(int r, const std::string& why, const OutcomeCallback* on_outcome) {
  mailbox_.drop(r);
  std::vector<std::pair<std::uint64_t, std::size_t>> running;
  running.swap(workers_[r].running);
  for (const auto& [id, index] : running) {
    TaskOutcome outcome;
    outcome.rank = r;
    outcome.error = why;
    if (on_outcome && *on_outcome) (*on_outcome)(index, std::move(outcome));
  }
}

void Coordinator::heartbeat() {
  const auto now = Clock::now();
  if (seconds_between(last_heartbeat_, now) < kHeartbeatSeconds) return;
  last_heartbeat_ = now;
  for (int r = 1; r < ranks_; ++r)
    if (!workers_[r].lost && !workers_[r].left) mailbox_.send(r, Tag::heartbeat, "");
}

void Coordinator::wait_ready() {
  if (waited_ready_) return;
  waited_ready_ = true;
  const auto started = Clock::now();
  for (;;) {
    bool all = true;
    for (int r = 1; r < ranks_; ++r)
      all = all && (workers_[r].ready || workers_[r].lost || workers_[r].left);
    if (all || seconds_between(started, Clock::now()) > options_.rank_timeout_seconds) return;
    if (options_.stop && options_.stop->load()) return;
    if (!poll(nullptr)) idle_.sleep();
  }
}

std::size_t Coordinator::in_flight() const {
  std::size_t n = local_running_.size();
  for (const Rank& w : workers_) n += w.running.size();
  return n;
}

void Coordinator::finish() {
  finished_ = true;
  local_.join_all();
  bool lost = false;
  for (int r = 1; r < ranks_; ++r) lost = lost || workers_[r].lost || !workers_[r].ready;
  WireWriter quit;
  quit.number<std::uint8_t>(lost ? 1 : 0);
  for (int r = 1; r < ranks_; ++r)
    if (!workers_[r].lost && !workers_[r].left) mailbox_.send(r, Tag::quit, quit.bytes());
  // Until every quit is out (a rank lost meanwhile is dropped by the heartbeat check).
  const auto started = Clock::now();
  while (!mailbox_.progress() &&
         seconds_between(started, Clock::now()) < options_.rank_timeout_seconds) {
    poll(nullptr);
    idle_.sleep();
  }
  if (lost) session_.skip_finalize();
}

int Coordinator::threads() const {
  int n = local_threads_;
  for (int r = 1; r < ranks_; ++r)
    if (workers_[r].ready) n += workers_[r].threads;
  return n;
}

std::vector<int> Coordinator::lost_ranks() const {
  std::vector<int> lost;
  for (int r = 1; r < ranks_; ++r)
    if (workers_[r].lost || !workers_[r].ready) lost.push_back(r);
  return lost;
}

RankRun Coordinator::report(double seconds) const {
  RankRun run;
  run.ranks = ranks_;
  run.threads = threads();
  run.seconds = seconds;
  run.coordination_seconds = busy_seconds();
  run.setup_bytes = setup_bytes_;
  run.lost_ranks = lost_ranks();
  return run;
}

double Coordinator::busy_seconds() const {
  return thread_cpu_seconds() - cpu_at_start_;
}

void release_workers(Session& session) {
  Mailbox mailbox;
  WireWriter quit;
  quit.number<std::uint8_t>(0);
  for (int r = 1; r < session.size(); ++r) mailbox.send(r, Tag::quit, quit.bytes());
  IdleWait idle;
  const auto started = Clock::now();
  while (!mailbox.progress() && seconds_between(started, Clock::now()) < 10.0) idle.sleep();
}

}  // namespace mm::cluster
