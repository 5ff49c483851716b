// `middlemile evaluate … --mpi` (tools/on_ranks.h): rank 0 checks the outputs, reads and
// validates the inputs and writes the results; the scenarios are planned on every rank
// (cluster/cluster_evaluation.h). Ctrl-C at rank 0 (mpirun passes it on as SIGTERM, and kills
// the ranks a second later) writes the results so far at once, then again with whatever the
// ranks still bring back.
#include <iostream>

#include "cluster/cluster_evaluation.h"
#include "cluster/coordinator.h"
#include "network/number_text.h"
#include "tools/commands.h"
#include "tools/interrupt.h"
#include "tools/on_ranks.h"
#include "tools/rank_summary.h"
#include "tools/shared_flags.h"

namespace mm::tools {

int run_evaluate_on_ranks(const EvaluateFlags& flags) {
  cluster::Session session;
  const int threads = resolve_threads(flags.threads);
  const cluster::RankOptions ranks{threads, flags.rank_timeout, install_interrupt_handler()};
  if (!session.leader()) {
    cluster::serve_evaluation(session, ranks);
    return kSuccess;
  }
  const EvaluateInputs inputs = cluster::read_or_release(session, [&] {
    check_evaluate_outputs(flags);
    return read_evaluate_inputs(flags);
  });
  const scenarios::EvaluationOptions options =
      evaluation_options(flags, threads, ranks.interrupted);
  print_evaluate_start(flags, inputs, options,
                       "dealt to " + std::to_string(session.size()) + " rank" +
                           (session.size() == 1 ? "" : "s") + ", up to " + std::to_string(threads) +
                           " at a time on each");
  cluster::RankRun run;
  const scenarios::EvaluationResult result = cluster::evaluate_on_ranks(
      session, *inputs.baseline.instance, inputs.scenarios, options, ranks,
      evaluate_progress(flags),
      [&](const scenarios::EvaluationResult& partial) {
        write_evaluation(flags, inputs, partial, options.warm);
        std::cerr << "interrupted: the results so far are written to " << flags.output << "\n";
      },
      &run);
  write_evaluation(flags, inputs, result, options.warm);
  print_rank_summary(run, std::cout);
  return finish_evaluation(flags, inputs, result, options.warm, interrupted());
}

}  // namespace mm::tools
