#include "simulation/simulator.h"

#include <atomic>
#include <chrono>
#include <mutex>

#include "simulation/simulation_run.h"

namespace mm::simulation {

namespace {
using Clock = std::chrono::steady_clock;
constexpr double kProgressInterval = 0.25;  // seconds between progress reports
}  // namespace

network::SimulationResults simulate_plan(const network::Instance& instance,
                                         const network::Plan& plan,
                                         const SimulationOptions& options,
                                         const SimulationProgressCallback& progress) {
  const auto started = Clock::now();
  const SimulationRun run(instance, plan, options);
  const std::size_t total = run.total();
  std::atomic<std::size_t> done{0};
  std::mutex progress_mutex;
  double last_report = -kProgressInterval;
  const auto report = [&](bool final) {
    if (!progress) return;
    std::unique_lock<std::mutex> lock(progress_mutex, std::defer_lock);
    if (final) {
      lock.lock();
    } else if (!lock.try_lock()) {
      return;
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    if (!final && elapsed - last_report < kProgressInterval) return;
    last_report = elapsed;
    progress({done.load(), total, elapsed});
  };
  const std::vector<DayRecord> days =
      run.simulate_days(0, total, options.threads, options.stop, [&] {
        ++done;
        report(false);
      });
  report(true);
  return run.results(days, std::chrono::duration<double>(Clock::now() - started).count(),
                     options.threads);
}

}  // namespace mm::simulation
