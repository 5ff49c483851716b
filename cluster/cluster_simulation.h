// `middlemile simulate … --mpi` under `mpirun -n N`: the days of simulation/simulation_run.h
// dealt to MPI ranks in blocks.
//
// Rank 0 has read the instance and the plan (and the days of a scenario file) and checked the
// plan against the instance; it sends them to every rank, which sets up the same simulation.
// Blocks of consecutive days are dealt dynamically (cluster/coordinator.h; each rank simulates
// one block at a time on its threads), and their day records gather at rank 0, which forms the
// results from every day in index order with SimulationRun::results — the function one process
// uses. Day i depends on (seed, i) alone, so the results are those of one process with the same
// seed, bit for bit (only the run's seconds and threads differ).
//
// A block whose rank is lost, or that fails, leaves its days out; the results then say
// `interrupted` and hold the days that came back. Ctrl-C at rank 0: `on_interrupt` gets the
// results of the days so far at once.
#pragma once

#include <functional>

#include "cluster/rank_run.h"
#include "cluster/session.h"
#include "network/instance.h"
#include "network/plan.h"
#include "network/simulation_results.h"
#include "simulation/simulator.h"

namespace mm::cluster {

using PartialSimulation = std::function<void(const network::SimulationResults&)>;

// Rank 0. `options.threads` and `options.stop` are rank 0's own; `progress` counts days.
// `failures` (may be null) gets one line per block that failed or was lost.
network::SimulationResults simulate_on_ranks(Session& session, const network::Instance& instance,
                                             const network::Plan& plan,
                                             const simulation::SimulationOptions& options,
                                             const RankOptions& ranks,
                                             const simulation::SimulationProgressCallback& progress,
                                             const PartialSimulation& on_interrupt,
                                             std::vector<std::string>* failures, RankRun* run);

// Every other rank: serves rank 0 until the simulation ends.
void serve_simulation(Session& session, const RankOptions& ranks);

}  // namespace mm::cluster
