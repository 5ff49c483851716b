// One simulation in parts: set up once, days simulated in blocks anywhere, results formed in one
// place. `simulate_plan` (simulation/simulator.h) runs every day as one block on its threads;
// cluster/ deals blocks of days to MPI ranks and forms the results at rank 0 from the blocks'
// records — the same functions, so both give the same results.
//
// Day i depends on (seed, i) alone (or on the i-th day of a scenario file), and `results` forms
// every summary from the days in index order, so the results do not depend on how the days were
// split into blocks, on which thread or rank ran a block, or in what order blocks finished.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "network/instance.h"
#include "network/plan.h"
#include "network/simulation_results.h"
#include "simulation/schedule.h"
#include "simulation/simulator.h"

namespace mm::simulation {

// What is kept of a day once simulated (all a result needs: the record and the per-departure
// and per-facility figures the risk tables count).
struct DayRecord {
  bool done = false;  // false: not simulated (stopped before it)
  network::SampleRecord record;
  std::vector<int> spot_vehicles;        // per scheduled departure
  std::vector<std::uint8_t> overflow;    // per scheduled departure: 1 when it overflowed
  std::vector<int> vehicles_used;        // per scheduled departure (DayOutcome::vehicles_used)
  std::vector<double> peak_utilization;  // per facility with a sort capacity
};

// Throws std::invalid_argument naming the first option out of range (demand cv, correlation,
// spot factor, late penalty, threads): the one check of them, for every run and search.
void check_simulation_options(const SimulationOptions& options);

class SimulationRun {
 public:
  // Checks the options (std::invalid_argument) and that `plan` passes the referee against
  // `instance` (network::InputError naming the plan and its first violation); builds the
  // schedule, the recourse network and the demand model. `instance`, `plan` and the options'
  // scenarios must outlive the run.
  SimulationRun(const network::Instance& instance, const network::Plan& plan,
                const SimulationOptions& options);
  ~SimulationRun();
  SimulationRun(const SimulationRun&) = delete;
  SimulationRun& operator=(const SimulationRun&) = delete;

  // Days to simulate: the samples, or the scenario file's days.
  std::size_t total() const;

  // Days [begin, end) on `threads` threads (TBB), day i at [i - begin]; `stop` set: the days
  // under way finish, the rest stay not done. `on_day` is called after each day, from the thread
  // that ran it. Safe to call from several threads at once.
  std::vector<DayRecord> simulate_days(std::size_t begin, std::size_t end, int threads,
                                       const std::atomic<bool>* stop,
                                       const std::function<void()>& on_day) const;

  // The results from every day's record in index order (days[i] is day i; those not done are
  // left out and make the results `interrupted`), with the run's wall time and threads.
  network::SimulationResults results(const std::vector<DayRecord>& days, double seconds,
                                     int threads) const;

  // The plan's departures as the days see them (DayRecord's per-departure vectors follow it).
  const Schedule& schedule() const;

 private:
  struct Parts;
  const network::Instance& instance_;
  const network::Plan& plan_;
  SimulationOptions options_;
  std::unique_ptr<Parts> parts_;
};

}  // namespace mm::simulation
