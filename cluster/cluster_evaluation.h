// `middlemile evaluate … --mpi` under `mpirun -n N`: the evaluation of scenarios/
// scenario_evaluation.h with its steps (scenarios/scenario_steps.h) dealt to MPI ranks.
//
// Rank 0 has read and validated the inputs. It sends every rank the settings and the baseline
// instance, plans the baseline itself (with its threads), and sends every rank the baseline's
// plan and column pool: the warm start of every scenario, on any rank. Then the scenarios are
// dealt dynamically (cluster/coordinator.h): each rank runs as many at once as it has threads,
// one thread each (as one process does), and asks for the next when one ends; a scenario's
// instance travels with its task, so a rank parses only the scenarios it plans. Then the offers
// (scenario_steps.h) are chosen at rank 0 from the gathered plans and dealt the same way: the
// scenario plans that beat the baseline, offered to it, and for each scenario the cheapest
// sibling plan beating its own. Rank 0 applies them in the order one process does, so the result
// is the one process's kind of result; with plans that do not depend on timing (solves that end
// before their time limit), it is the same result.
//
// Failures: a scenario that throws on its rank is reported (ScenarioOutcome::error, with the
// rank) and the others finish; a rank that is lost (cluster/coordinator.h) loses the scenarios
// it was planning, which are reported so; a failed or lost offer leaves the plan it was
// offered to as it was (offer_error). Ctrl-C at rank 0: `on_interrupt` gets the results so far
// at once (to be written before mpirun ends the ranks), and the scenarios not finished are
// `not_run`, as in one process.
#pragma once

#include <functional>
#include <vector>

#include "cluster/rank_run.h"
#include "cluster/session.h"
#include "network/instance.h"
#include "scenarios/scenario_evaluation.h"

namespace mm::cluster {

using PartialEvaluation = std::function<void(const scenarios::EvaluationResult&)>;

// Rank 0. `options.threads` and `options.stop` are rank 0's own.
scenarios::EvaluationResult evaluate_on_ranks(
    Session& session, const network::Instance& baseline,
    const std::vector<scenarios::ScenarioToEvaluate>& scenarios,
    const scenarios::EvaluationOptions& options, const RankOptions& ranks,
    const scenarios::EvaluationProgress& progress, const PartialEvaluation& on_interrupt,
    RankRun* run);

// Every other rank: serves rank 0 until the evaluation ends.
void serve_evaluation(Session& session, const RankOptions& ranks);

}  // namespace mm::cluster
