// Every tuning constant of the engine, with its default, its range and what it does (HiGHS'
// HighsOptions.h is the model). The defaults are tuned on the family of middle-mile networks
// and the Canad CMND instances as a whole (BENCHMARKS.md), never on one instance.
//
// The engine works in epochs (engine/design_solver.h). In epoch e every budget below is
// multiplied by `growth`^e: the large-neighbourhood search runs `search_iterations`
// iterations, column generation `lp_rounds` rounds, CBC `branch_nodes` nodes. Budgets are
// counted in work, not seconds, so that the time limit only cuts one fixed sequence of steps
// shorter: the same seed gives the same plan whatever the machine's load, and a longer limit
// never gives a worse plan.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace mm::engine {

struct EngineOptions {
  // Budgets of epoch 0, and their growth per epoch. [1, 1e9]; growth [1, 16].
  double growth = 2.0;
  // Large-neighbourhood search iterations per commodity (at least search_min_iterations).
  double search_iterations_per_commodity = 50.0;  // [0, 1e6]
  int search_min_iterations = 1000;               // [0, 1e9]
  // Record-to-record threshold at the start of each epoch's search, as a share of the best
  // objective (decreasing linearly to 0 over the epoch). [0, 1]
  double search_start_threshold = 0.005;
  // Commodities taken out per iteration: [search_min_removed, search_max_removed].
  int search_min_removed = 2;   // [1, 1e6]
  int search_max_removed = 30;  // [1, 1e6]
  // Slope scaling before the first insertion (engine/slope_scaling.h): its iterations at most
  // (0: off), how many in a row may bring nothing before it stops, and the growth of an arc's
  // price each time a routing breaks one of its limits. [0, 1e6]; [1, 1e6]; [1, 1e3]
  int slope_scaling_iterations = 100;
  int slope_scaling_patience = 10;
  double slope_scaling_limit_factor = 2.0;
  // The first plan's start from nothing (or from a warm start) is completed by inserting its
  // unserved commodities one by one only when there are at most this many (beside slope
  // scaling's start; engine/design_solver.cc). [0, 1e9]
  int insertion_start_max_insertions = 5000;
  // Moves the descent after the first plan may try (reroutes and vehicles shed): enough to
  // converge on every benchmark network below national size, a cap on national ones. [0, 1e9]
  int first_descent_attempts = 20000;
  // Column generation rounds in epoch 0; after every this many rounds the LP is rounded to a
  // plan (engine/plan_repair.h, then a descent). [1, 1e9]
  int lp_rounds = 100;
  // Columns added per commodity and round: paths to its cheapest sinks. [1, 100]
  int columns_per_commodity = 3;
  // Rows (linking, residual capacity, cut-set) are separated once column generation has
  // priced out, or once its LP is within this relative gap of its bound. [0, 1]
  double separation_gap = 1e-4;
  // Strong linking rows added per separation round. [0, 1e7]
  int linking_rows_per_round = 2000;
  // Residual capacity rows (engine/residual_capacity_cuts.h) added per separation round, once
  // no linking row is violated; 0: none. [0, 1e7]
  int residual_rows_per_round = 500;
  // Cut-set MIR cuts: added per round, and the relative violation that counts. [0, 1e7]; [0, 1]
  int cuts_per_round = 500;
  double cut_tolerance = 1e-4;
  // The dive once the LP has converged (engine/design_solver.cc): column generation rounds
  // per fixing step; 0: no dive. [0, 1e6]
  int dive_rounds = 30;
  // 1: with two threads and an LP that has not converged, column generation goes on in a
  // snapshot of the master (another epoch's rounds) while CBC searches the master, for the bound
  // only (engine/design_solver.cc); 0: the bound waits for the next epoch's rounds. [0, 1]
  int columns_beside_search = 1;
  // CBC nodes on the column pool in epoch 0. [0, 1e9]
  int branch_nodes = 200;
  // Paths per commodity CBC may choose from: the cheapest under the LP's duals, and the
  // incumbent's. 0: all. [0, 1e6]
  int branch_paths_per_commodity = 5;
  // A pool of at most this many path columns goes to CBC whole (every path free) and with
  // CBC's own cut generators: on small MIPs (the Canad CMND instances, ~2,000 columns) cuts
  // and every path find plans the restricted choice does not; on the middle-mile networks'
  // pools (5,000–25,000 columns) the cuts make each node LP slow. [0, 1e9]
  int branch_full_pool_columns = 4000;
  // IP-based local search before CBC on the pool (engine/mip_neighbourhood.h): it stops after
  // this many neighbourhoods in a row improve nothing (in epoch 0; 0: off); the commodities
  // each frees (this share of all, at least the minimum); CBC's nodes on each.
  // [0, 1e6]; [0, 1]; [1, 1e6]; [0, 1e9]
  int neighbourhood_mips = 5;
  double neighbourhood_mip_share = 0.1;
  int neighbourhood_mip_min_commodities = 10;
  // At most this many commodities a neighbourhood (the share of a national network's 93,000
  // made MIPs whose root LP ran 70 s past the time limit). [1, 1e9]
  int neighbourhood_mip_max_commodities = 2500;
  int neighbourhood_mip_nodes = 500;
  // When `neighbourhood_mips` neighbourhoods in a row improve nothing, the next ones are this
  // many times larger (and the count starts again), while they stay within half the
  // commodities and neighbourhood_mip_max_commodities; 1: the search ends there. Only where
  // the pool is at most branch_full_pool_columns, or where CBC searched each of those
  // neighbourhoods to the end (engine/design_solver.cc). [1, 16]
  double neighbourhood_mip_size_growth = 2.0;
  // 1: the neighbourhood's commodities may take any arc (engine/flow_neighbourhood.h, an arc
  // flow MIP of at most neighbourhood_mip_variables flow variables, which caps the
  // neighbourhood's size on large networks); 0: only the master's path columns. Off by
  // default: on Canad instances each arc MIP took 1–14 s against ~0.5 s for the path MIP, and
  // the plans at 60 s were worse (c46 11.2% against 2.3% from the best known; BENCHMARKS.md).
  // [0, 1]; [1, 1e9]
  int neighbourhood_mip_flows = 0;
  int neighbourhood_mip_variables = 50000;
  // 1: after CBC on the pool, an arc-restricted MIP (the intensification of Crainic, Gendron &
  // Hernu 2004): every commodity free over arc flows, on the design arcs the incumbent or the
  // LP uses only, branch_nodes nodes (grown per epoch); paths need not be columns of the pool.
  // 0: off. At most arc_restricted_mip_variables flow variables (the first commodities in
  // largest-first order beyond that): CBC's root ignores its time limit, and c39's model of
  // 20,000 columns spent 18 s there (t_cap's 5,700: 200 nodes in 21 s). [0, 1]; [1, 1e9]
  int arc_restricted_mip = 1;
  int arc_restricted_mip_variables = 10000;
  // Stop when the gap (network/gap.h) falls below this. [0, 1]
  double gap = 1e-4;
  // Cyclic vehicle types (engine/vehicle_balance.h): 1 prices empty moves and fleet into every
  // candidate plan the pipeline compares and repairs fleets there; 0 balances only the final
  // plan (for measuring what the first is worth). [0, 1]
  int balance_in_search = 1;
  // With balance_in_search, 1 also states the balance of cyclic types in the master LP (their
  // vehicle flow: balance rows, empty moves, parked vehicles, fleet; engine/ten_vehicle_flow.h),
  // so that its bound covers empty moves and fleet and CBC on the columns prices them; 0 leaves
  // the master the plain design LP. [0, 1]
  int balance_in_master = 1;
  // Of each candidate plan, this many of the least full vehicles of cyclic types (with cmnd
  // --balanced: open arcs) are tried without their trip (riders inserted elsewhere), keeping what
  // lowers design + balance cost (engine/drop_vehicle_search.h). [0, 1e6]
  int balance_improve_trials = 40;
};

// Problems with the values, one line each naming the field and its range (empty when valid).
std::vector<std::string> validate(const EngineOptions& options);

// Sets one option from "name=value" (the CLI's --engine-option); std::invalid_argument naming
// the option when the name is unknown or the value is not a number in its range.
void set_engine_option(EngineOptions& options, const std::string& assignment);

}  // namespace mm::engine
