// Column generation for the path-based master (DESIGN.md, "The optimization").
//
// Pricing: for every commodity, the cheapest path under reduced arc costs
//   n_k (unit_a − σ_g(a)) + Σ_r q_k^r (−α_a^r) − β_ak − π_k,
// where α, σ, β, π are the duals of the capacity, resource, linking and convexity rows (all
// arc terms are >= 0, so shortest paths are exact). Commodities sharing a source node and a
// similar cube and weight per package form one pricing group: one shortest-path pass with the
// group's smallest ratios prices them all. That pass is a lower bound for each member; a
// member whose group path does not price out but whose bound is negative is priced alone,
// exactly. Groups run in parallel with TBB; results are merged in group order, so the columns
// added do not depend on the thread count.
//
// Bound: z_RMP + Σ_k min(0, min reduced cost of k) is a valid Lagrangian lower bound at every
// round (y columns not yet in the master price at f_a >= 0). At convergence it equals the LP
// relaxation with every strong linking row that was ever violated.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "engine/commodity_groups.h"
#include "engine/cutset_cuts.h"
#include "engine/design_problem.h"
#include "engine/progress.h"
#include "engine/restricted_master.h"

namespace mm::engine {

struct ColumnGenerationOptions {
  int threads = 1;
  double tolerance = 1e-6;          // relative reduced-cost tolerance
  double bound_gap_to_stop = 1e-6;  // stop when (z − bound)/|z| falls below this
  bool separate_linking = true;
  // Rows are separated once no column prices out, or once (z − bound)/|z| is below this.
  double separation_gap = 1e-4;
  std::size_t max_linking_rows_per_round = 2000;
  // Residual capacity rows per round (engine/residual_capacity_cuts.h); 0: none.
  std::size_t max_residual_rows_per_round = 0;
  // Cut-set MIR cuts (with a separator set): relative violation to add one, and per round.
  double cut_tolerance = 1e-4;
  std::size_t max_cuts_per_round = 500;
  int max_rounds = 1000000;
  int columns_per_commodity = 1;  // improving paths per commodity and round (cheapest sinks)
  Clock::time_point deadline = Clock::time_point::max();
  const std::atomic<bool>* stop = nullptr;  // set by a signal handler: return at once
};

struct ColumnGenerationResult {
  LpStatus status = LpStatus::failed;
  double lp_value = kInfinity;
  double lower_bound = -kInfinity;
  int rounds = 0;
  bool converged = false;  // no column prices out and no linking row is violated
  double lp_seconds = 0.0;
  double pricing_seconds = 0.0;
};

struct FullVehicleBound {
  double value = 0.0;
  // Per commodity: a lower bound of its cost per package on any path, every vehicle it rides
  // full (kInfinity: no path). Above its penalty per package, it cannot pay in any plan.
  std::vector<double> per_package;
};

class ColumnGeneration {
 public:
  ColumnGeneration(const DesignProblem& problem, RestrictedMaster& master);
  // The same pricing (groups, reachability, banned arcs, cut separator) over another master: a
  // snapshot of `other`'s (RestrictedMaster::snapshot), for rounds that only raise the bound.
  ColumnGeneration(const ColumnGeneration& other, RestrictedMaster& master);

  // One path per commodity that can reach a sink: the cheapest under a linear cost that
  // spreads each arc's fixed cost over a full vehicle. Adds them to the master; returns how
  // many commodities have no path at all.
  std::size_t add_initial_paths(int threads);

  // A lower bound on every plan's cost, computed by add_initial_paths from the same shortest-path
  // pass per pricing group (a pass of its own for a group whose packages fill another dimension
  // first on some arc), there in seconds where the master LP's first bound can take minutes
  // (national networks): the Lagrangian bound with every row relaxed but one capacity row per
  // design arc, whose dual is the fixed cost of a full vehicle, so that vehicles cost nothing
  // and each commodity takes its cheapest path at full vehicles or stays unserved (the LP with
  // weak linking). Includes the penalty of commodities with no path. Banned arcs are ignored.
  const FullVehicleBound& full_vehicle_bound() const { return full_bound_; }

  ColumnGenerationResult run(const ColumnGenerationOptions& options,
                             const ProgressCallback& progress, const std::string& phase,
                             Clock::time_point started);

  // Design arcs pricing must not use (nullptr: none). The design local search bans every arc
  // its fixed design does not open, so no column can reopen one.
  void set_banned(const std::vector<bool>* banned) { banned_ = banned; }

  // Cuts separated, like strong linking rows, once pricing converges (nullptr: none).
  void set_cut_separator(CutsetSeparator* cuts) { cuts_ = cuts; }

  // Whether commodity k has any path to one of its sinks (computed by add_initial_paths).
  bool reachable(std::size_t commodity) const { return reachable_[commodity]; }

 private:
  struct PricedCommodity {
    double bound = 0.0;  // lower bound on the commodity's min reduced cost (<= 0 counts)
    std::vector<std::vector<std::size_t>> paths;  // improving paths found
    bool improving = false;
  };
  struct ThreadBuffers {
    std::vector<double> cost;
    routing::ShortestPathTree tree;
  };
  // Paths of the tree in `buf` to the commodity's cheapest sinks whose exact reduced cost is
  // negative, at most columns_per_commodity_ (tree costs × scale = the commodity's costs).
  void collect_paths(const MasterDuals& duals, std::size_t k, ThreadBuffers& buf, double scale,
                     double tolerance, std::size_t columns_per_commodity,
                     PricedCommodity& result) const;
  // For the pricing groups `group_ids`, in parallel: shortest paths from the group's source
  // under arc_cost(group index, design arc) (other arcs free), then visit(group index, member,
  // cost per package to its cheapest sink, that sink, the tree) for each member that reaches one.
  template <typename ArcCost, typename Visit>
  void for_each_cheapest_sink(const std::vector<std::size_t>& group_ids, int threads,
                              ArcCost arc_cost, Visit visit) const;
  // Per design arc, the dimension of the capacity row the full-vehicle bound keeps (-1: none).
  std::vector<int> bound_dimensions() const;
  void price(const MasterDuals& duals, int threads, double tolerance,
             std::size_t columns_per_commodity, std::vector<PricedCommodity>& out) const;

  const DesignProblem& problem_;
  RestrictedMaster& master_;
  std::vector<CommodityGroup> groups_;
  std::vector<bool> reachable_;
  double unavoidable_ = 0.0;  // penalty of commodities with no path at all
  FullVehicleBound full_bound_;
  const std::vector<bool>* banned_ = nullptr;
  CutsetSeparator* cuts_ = nullptr;
};

}  // namespace mm::engine
