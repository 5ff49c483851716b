// `middlemile simulate … --mpi` (tools/on_ranks.h): rank 0 checks the outputs, reads the inputs
// and writes the results; blocks of days are simulated on every rank (cluster/
// cluster_simulation.h). Ctrl-C at rank 0 writes the days so far at once (mpirun kills the
// ranks a second after passing it on), then again with whatever the ranks still bring back.
#include <iostream>
#include <memory>

#include <spdlog/spdlog.h>

#include "cluster/cluster_simulation.h"
#include "cluster/coordinator.h"
#include "network/errors.h"
#include "tools/commands.h"
#include "tools/interrupt.h"
#include "tools/on_ranks.h"
#include "tools/progress_printer.h"
#include "tools/rank_summary.h"
#include "tools/shared_flags.h"

namespace mm::tools {

int run_simulate_on_ranks(const SimulateFlags& flags) {
  cluster::Session session;
  const int threads = resolve_threads(flags.threads);
  const cluster::RankOptions ranks{threads, flags.rank_timeout, install_interrupt_handler()};
  if (!session.leader()) {
    cluster::serve_simulation(session, ranks);
    return kSuccess;
  }
  const std::unique_ptr<SimulateInputs> inputs = cluster::read_or_release(session, [&] {
    check_simulate_outputs(flags);
    return std::make_unique<SimulateInputs>(read_simulate_inputs(flags));
  });
  const simulation::SimulationOptions options =
      simulation_options(flags, *inputs, threads, ranks.interrupted);
  spdlog::info("simulating {} on {} on {} ranks", flags.plan, flags.instance, session.size());

  CountProgressDisplay display(flags.quiet);
  const CountProgressCallback draw = display.callback();
  cluster::RankRun run;
  std::vector<std::string> failures;
  const network::SimulationResults results = cluster::simulate_on_ranks(
      session, inputs->instance, inputs->plan, options, ranks,
      [&](const simulation::SimulationProgress& p) {
        if (draw) draw({p.done, p.total, p.elapsed_seconds, "samples"});
      },
      [&](const network::SimulationResults& partial) {
        display.finish();
        write_simulation(flags, partial);
        std::cerr << "interrupted: the days so far are written\n";
      },
      &failures, &run);
  display.finish();
  write_simulation(flags, results);
  print_simulation(flags, results, rank_text(run));
  print_rank_summary(run, std::cout);
  for (const std::string& failure : failures) std::cerr << "error: " << failure << "\n";
  if (!failures.empty())
    throw std::runtime_error(std::to_string(failures.size()) + " block" +
                             (failures.size() == 1 ? "" : "s") +
                             " of days failed (the results hold the others)");
  return results.interrupted || interrupted() ? kInterrupted : kSuccess;
}

}  // namespace mm::tools
