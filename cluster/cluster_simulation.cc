#include "cluster/cluster_simulation.h"

#include <algorithm>
#include <chrono>
#include <memory>

#include "cluster/coordinator.h"
#include "cluster/idle_wait.h"
#include "cluster/simulation_wire.h"
#include "cluster/wire.h"
#include "cluster/worker.h"
#include "network/instance_json.h"
#include "network/plan_json.h"
#include "simulation/simulation_run.h"

namespace mm::cluster {

namespace {

using Clock = std::chrono::steady_clock;

// Days per block: about sixteen blocks per rank, so that ranks that run faster take more of
// them, and at least two days per thread, so that a block keeps a rank's threads busy.
std::size_t block_size(std::size_t total, int ranks, int threads) {
  const std::size_t per_rank = 16 * static_cast<std::size_t>(std::max(1, ranks));
  const std::size_t even = (total + per_rank - 1) / per_rank;
  return std::max<std::size_t>({1, even, 2 * static_cast<std::size_t>(std::max(1, threads))});
}

// One block of days on this rank.
std::string run_block(const simulation::SimulationRun& run, const std::string& bytes, int threads,
                      const std::atomic<bool>* stop) {
  const DayBlock block = decode_block(bytes);
  return encode_days(run.simulate_days(block.begin, block.end, threads, stop, nullptr));
}

}  // namespace

network::SimulationResults simulate_on_ranks(Session& session, const network::Instance& instance,
                                             const network::Plan& plan,
                                             const simulation::SimulationOptions& options,
                                             const RankOptions& ranks,
                                             const simulation::SimulationProgressCallback& progress,
                                             const PartialSimulation& on_interrupt,
                                             std::vector<std::string>* failures, RankRun* run) {
  const auto started = Clock::now();
  const int threads = std::max(1, ranks.threads);
  simulation::SimulationOptions own = options;
  own.threads = threads;
  const simulation::SimulationRun simulation(instance, plan, own);
  Mailbox mailbox;
  Coordinator coordinator(session, mailbox, 1, threads,
                          [&](const std::string& task) {
                            return run_block(simulation, task, threads, coordinator.task_stop());
                          },
                          {ranks.rank_timeout_seconds, options.stop});

  SimulationJob job;
  job.options = options;
  job.explicit_days = options.scenarios != nullptr;
  if (options.scenarios) job.days = *options.scenarios;
  job.instance_json = network::write_instance_json(instance);
  job.plan_json = network::write_plan_json(plan);
  coordinator.send_setup(encode_simulation_job(job));

  const std::size_t total = simulation.total();
  const std::size_t size = block_size(total, session.size(), threads);
  const std::size_t blocks = (total + size - 1) / size;
  std::vector<simulation::DayRecord> days(total);
  std::size_t done = 0;
  const auto report = [&] {
    if (progress) progress({done, total, seconds_since(started)});
  };
  report();
  coordinator.deal(
      blocks,
      [&](std::size_t b, int) {
        return encode_block({b * size, std::min(total, (b + 1) * size)});
      },
      [&](std::size_t b, TaskOutcome&& outcome) {
        const std::size_t begin = b * size;
        try {
          if (outcome.ok) {
            std::vector<simulation::DayRecord> block = decode_days(outcome.bytes);
            if (block.size() != std::min(total, begin + size) - begin)
              throw WireError("a block of " + std::to_string(block.size()) + " days");
            for (std::size_t i = 0; i < block.size(); ++i) {
              done += block[i].done ? 1 : 0;
              days[begin + i] = std::move(block[i]);
            }
          }
        } catch (const std::exception& e) {
          outcome.ok = false;
          outcome.error =
              "rank " + std::to_string(outcome.rank) + ": its days do not decode: " + e.what();
        }
        if (!outcome.ok && failures)
          failures->push_back("days " + std::to_string(begin) + "-" +
                              std::to_string(std::min(total, begin + size) - 1) + ": " +
                              outcome.error);
        report();
      },
      [&] {
        if (on_interrupt)
          on_interrupt(simulation.results(days, seconds_since(started), coordinator.threads()));
      });
  coordinator.finish();
  network::SimulationResults results =
      simulation.results(days, seconds_since(started), coordinator.threads());
  if (run) *run = coordinator.report(seconds_since(started));
  return results;
}

void serve_simulation(Session& session, const RankOptions& ranks) {
  const int threads = std::max(1, ranks.threads);
  std::atomic<bool> task_stop{false};
  // Set up by the job (the first setup message); the tasks come after it.
  std::unique_ptr<SimulationJob> job;
  std::unique_ptr<network::Instance> instance;
  std::unique_ptr<network::Plan> plan;
  std::unique_ptr<simulation::SimulationRun> simulation;
  Mailbox mailbox;
  serve(
      session, mailbox, {1, threads, ranks.rank_timeout_seconds, ranks.interrupted},
      [&](const std::string& bytes) {
        job = std::make_unique<SimulationJob>(decode_simulation_job(bytes));
        instance = std::make_unique<network::Instance>(
            network::parse_instance(job->instance_json, "instance from rank 0"));
        plan = std::make_unique<network::Plan>(
            network::parse_plan(job->plan_json, "plan from rank 0"));
        job->options.threads = threads;
        job->options.scenarios = job->explicit_days ? &job->days : nullptr;
        simulation = std::make_unique<simulation::SimulationRun>(*instance, *plan, job->options);
      },
      [&](const std::string& task) {
        if (!simulation) throw WireError("a block of days came before the simulation");
        return run_block(*simulation, task, threads, &task_stop);
      },
      task_stop);
}

}  // namespace mm::cluster
