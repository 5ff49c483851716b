#include "cluster/worker.h"

#include <chrono>
#include <exception>

#include "cluster/idle_wait.h"
#include "cluster/test_hooks.h"
#include "cluster/wire.h"

namespace mm::cluster {

namespace {
using Clock = std::chrono::steady_clock;
}  // namespace

void serve(Session& session, Mailbox& mailbox, const WorkerOptions& options,
           const SetupHandler& setup, const TaskRunner& run, std::atomic<bool>& task_stop) {
  std::string setup_error;
  TaskSlots slots(options.slots, [&](const std::string& task) {
    if (!setup_error.empty()) throw std::runtime_error("setup failed: " + setup_error);
    return run(task);
  });
  WireWriter ready;
  ready.number<std::int32_t>(slots.slots()).number<std::int32_t>(options.threads);
  mailbox.send(0, Tag::ready, ready.take());

  IdleWait idle;
  auto last_heard = Clock::now();
  auto last_heartbeat = Clock::now();
  bool heard = false;
  bool quit = false;
  bool skip_finalize = false;
  while (!quit) {
    bool active = false;
    while (std::optional<Message> m = mailbox.receive(0)) {
      active = true;
      heard = true;
      last_heard = Clock::now();
      WireReader in(m->bytes);
      if (m->tag == Tag::setup) {
        try {
          if (setup_error.empty()) setup(m->bytes);
        } catch (const std::exception& e) {
          setup_error = e.what();
        }
      } else if (m->tag == Tag::task) {
        const auto id = in.number<std::uint64_t>();
        std::string task = in.text();
        test_hooks::on_task(session.rank());
        slots.start(id, std::move(task));
      } else if (m->tag == Tag::stop) {
        task_stop = true;
      } else if (m->tag == Tag::quit) {
        quit = true;
        skip_finalize = in.number<std::uint8_t>() != 0;
        break;
      }
    }
    const bool interrupted = options.interrupted && options.interrupted->load();
    if (interrupted) task_stop = true;
    for (FinishedTask& t : slots.finished()) {
      active = true;
      WireWriter result;
      result.number<std::uint64_t>(t.id).number<std::uint8_t>(t.ok ? 1 : 0).text(t.bytes);
      mailbox.send(0, Tag::result, result.take());
    }
    if (interrupted && slots.idle() && !quit) {
      // Interrupted on its own: what its tasks had is sent; it leaves (and finalizes with rank 0).
      mailbox.send(0, Tag::quit, "");
      break;
    }
    if (seconds_since(last_heartbeat) >= kHeartbeatSeconds) {
      last_heartbeat = Clock::now();
      mailbox.send(0, Tag::heartbeat, "");
    }
    if (heard && seconds_since(last_heard) > options.rank_timeout_seconds) {
      skip_finalize = true;  // rank 0 is gone: nobody to report to
      break;
    }
    if (active)
      idle.active();
    else if (!quit)
      idle.sleep();
  }
  task_stop = true;
  slots.join_all();
  // The last results and heartbeats out (rank 0 may have stopped listening: bounded).
  const auto ending = Clock::now();
  while (!mailbox.progress() && seconds_since(ending) < 5.0) idle.sleep();
  if (skip_finalize) session.skip_finalize();
}

}  // namespace mm::cluster
