// A solution that the combinatorial heuristics change one commodity at a time.
//
// It holds each commodity's paths with their shares and, per design arc, the load they put on
// it (cube, weight, packages) and the whole vehicles that load needs: ceil(load / capacity) in
// the tightest dimension, at least one vehicle as soon as anything rides. Per resource group
// (sort capacity of one facility and hour) the packages leaving, per vehicle pool (fleet at one
// minute) the vehicles in use. The objective — vehicles × fixed cost + packages × unit cost +
// unserved share × penalty — is kept up to date as paths are added and removed, so a move is
// priced in the time it takes to make it.
//
// `marginal_cost(a, k, share)` is what adding `share` of commodity k to arc a would cost: its
// unit cost plus the fixed cost of the vehicles the extra load needs beyond those the arc
// already has (0 where the load fits in the spare room of vehicles already paid for), or +inf
// where it breaks vehicles per departure, a fleet or a sort capacity. Summed along a path it is
// exactly the change of the objective when the path is added (a path crosses an arc once and,
// going forward in time, never two arcs of one pool or resource group), so a shortest path
// under these costs is the cheapest way to add the commodity to the plan as it stands — the
// consolidation-aware insertion of engine/reroute_search.h.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "engine/design_problem.h"

namespace mm::engine {

struct StatePath {
  std::vector<std::size_t> arcs;  // pricing-graph arc ids, design and free, in order
  double share = 0.0;
};

class PlanState {
 public:
  explicit PlanState(const DesignProblem& problem);

  const DesignProblem& problem() const { return *problem_; }

  // Replaces everything by the paths of `solution` (its vehicle counts are recomputed from the
  // loads: a solution's extra vehicles are waste the state never keeps).
  void assign(const DesignSolution& solution);
  DesignSolution solution() const;

  double objective() const { return fixed_ + routing_ + penalty_; }

  void add(std::size_t commodity, std::vector<std::size_t> arcs, double share);
  // Takes every path of the commodity out of the plan and returns them (to put back with
  // restore() when a move does not pay).
  std::vector<StatePath> remove(std::size_t commodity);
  void restore(std::size_t commodity, std::vector<StatePath> paths);

  // Cost of adding `share` of the commodity to design arc a (see the header comment).
  double marginal_cost(std::size_t arc, std::size_t commodity, double share) const;
  // The largest share of the commodity arc a takes at the price of a sliver of it: what fits in
  // the room left in its vehicles, or, when they are full (or it has none), in one more vehicle;
  // within the arc's sort capacity. 0 where a sliver does not fit at all.
  double room(std::size_t arc, std::size_t commodity) const;
  // Cost of adding `share` of the commodity along `arcs` (+inf when infeasible).
  double path_cost(std::size_t commodity, const std::vector<std::size_t>& arcs, double share) const;

  const std::vector<StatePath>& paths(std::size_t commodity) const { return paths_[commodity]; }
  double served(std::size_t commodity) const { return served_[commodity]; }
  double units(std::size_t arc) const { return units_[arc]; }
  // Load per dimension (cube, weight) on a design arc.
  const std::array<double, kDimensions>& load(std::size_t arc) const { return load_[arc]; }
  // The commodities with a path through a design arc: one entry per path (a commodity split
  // over two paths that both cross the arc is there twice; remove() takes out all of them).
  const std::vector<std::size_t>& users(std::size_t arc) const { return users_[arc]; }

  // Share of the last vehicle's capacity in use, in the tightest dimension (1 when full, 0 when
  // the arc has no vehicle): the departures whose last vehicle is nearly empty are the ones
  // worth emptying.
  double last_vehicle_fill(std::size_t arc) const;

  // A temporary cap on an arc's vehicles below what it has (a move that sheds a vehicle);
  // clear with kInfinity.
  void set_unit_cap(std::size_t arc, double cap) { unit_cap_[arc] = cap; }

  std::size_t arc_count() const { return units_.size(); }

  // Limits the state does not enforce on add() (a plan from elsewhere: an LP rounded up, a
  // related solve's plan): vehicles per departure, sort capacity, fleet. Insertion never breaks
  // them (marginal_cost is +inf there).
  bool over_vehicle_limit(std::size_t arc) const;
  bool over_resource_limit(std::size_t group) const;
  bool over_pool_limit(std::size_t pool) const;

 private:
  double vehicles_for(std::size_t arc, const std::array<double, kDimensions>& load,
                      double packages) const;
  void change_arc(std::size_t arc, std::size_t commodity, double share, int sign);
  void update_users(std::size_t commodity, const std::vector<std::size_t>& arcs, bool add);

  const DesignProblem* problem_;
  std::vector<std::vector<StatePath>> paths_;
  std::vector<double> served_;
  std::vector<std::array<double, kDimensions>> load_;
  std::vector<double> packages_;  // per design arc
  std::vector<double> units_;
  std::vector<double> unit_cap_;
  std::vector<double> resource_load_;
  std::vector<double> pool_used_;
  std::vector<std::vector<std::size_t>> pools_of_arc_;
  std::vector<std::vector<std::size_t>> users_;
  double fixed_ = 0.0, routing_ = 0.0, penalty_ = 0.0;
};

}  // namespace mm::engine
