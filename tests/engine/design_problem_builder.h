// Test-only builders for tiny DesignProblems, shared by the engine's unit tests: lanes (design
// arcs) and holding arcs (free) on a handful of nodes, and commodities measured in cube only
// (weight 0, so no weight capacity ever binds), with the numbers each test checks by hand.
#pragma once

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/design_problem.h"
#include "engine/plan_state.h"
#include "engine/restricted_master.h"
#include "routing/pricing_graph.h"

namespace mm::engine::test {

// A vehicle lane: `fixed` per vehicle, `cube` m³ per vehicle (weight unlimited), `unit` per
// package.
inline DesignArc vehicle(double fixed, double cube, double unit = 0.0, double max_units = kInfinity,
                         int resource_group = -1) {
  DesignArc a;
  a.fixed_cost = fixed;
  a.capacity = {cube, kInfinity};
  a.max_units = max_units;
  a.unit_cost = unit;
  a.resource_group = resource_group;
  return a;
}

// `packages` packages of `cube` m³ in all, from `source` to any of `sinks`.
inline Commodity shipment(std::size_t source, std::vector<std::size_t> sinks, double packages,
                          double cube, double penalty, std::size_t origin = 0,
                          std::size_t destination = 0) {
  Commodity k;
  k.source = source;
  k.sinks = std::move(sinks);
  k.packages = packages;
  k.size = {cube, 0.0};
  k.penalty = penalty;
  k.origin = origin;
  k.destination = destination;
  return k;
}

// Lanes first (arc ids 0, 1, ... in the order added), then holding arcs (the ids after them),
// as DesignProblem requires.
class ProblemBuilder {
 public:
  explicit ProblemBuilder(std::size_t nodes, bool topological = true)
      : nodes_(nodes), topological_(topological) {}

  std::size_t lane(std::size_t tail, std::size_t head, const DesignArc& arc) {
    if (!holds_.empty()) throw std::logic_error("ProblemBuilder: lanes before holding arcs");
    lanes_.push_back({tail, head});
    problem_.design_arcs.push_back(arc);
    return lanes_.size() - 1;
  }
  std::size_t hold(std::size_t tail, std::size_t head) {
    holds_.push_back({tail, head});
    return lanes_.size() + holds_.size() - 1;
  }
  std::size_t commodity(const Commodity& k) {
    problem_.commodities.push_back(k);
    return problem_.commodities.size() - 1;
  }
  std::size_t resource_limit(double packages) {
    problem_.resource_limits.push_back(packages);
    return problem_.resource_limits.size() - 1;
  }
  void pool(std::vector<std::size_t> arcs, double limit) {
    problem_.vehicle_pools.push_back({std::move(arcs), limit});
  }

  DesignProblem build() {
    std::vector<routing::GraphArc> arcs = lanes_;
    arcs.insert(arcs.end(), holds_.begin(), holds_.end());
    problem_.name = "test";
    problem_.graph = routing::PricingGraph(nodes_, std::move(arcs), topological_);
    return std::move(problem_);
  }

 private:
  std::size_t nodes_;
  bool topological_;
  std::vector<routing::GraphArc> lanes_, holds_;
  DesignProblem problem_;
};

// Two nodes, O (0) and D (1), and parallel lanes O -> D: one commodity-free skeleton many tests
// start from. Each commodity added with `to_d` may end on any of the lanes.
class ParallelLanes {
 public:
  ProblemBuilder builder{2};
  std::vector<std::size_t> lanes;

  std::size_t add_lane(const DesignArc& arc) {
    lanes.push_back(builder.lane(0, 1, arc));
    return lanes.back();
  }
  std::size_t to_d(double packages, double cube, double penalty) {
    return builder.commodity(shipment(0, lanes, packages, cube, penalty, 0, 1));
  }
};

constexpr std::size_t kNoLane = static_cast<std::size_t>(-1);

// Parallel lanes O -> D and two commodities, a and b, free to take any of them, with the
// packages, cube and penalty given for each (and sort capacities for the lanes' groups).
struct TwoShipments {
  DesignProblem problem;
  std::size_t a = 0, b = 1;
  TwoShipments(const std::vector<DesignArc>& lanes, std::array<double, 2> packages,
               std::array<double, 2> cube, std::array<double, 2> penalty = {1e4, 1e4},
               const std::vector<double>& resource_limits = {}) {
    ParallelLanes net;
    for (const DesignArc& lane : lanes) net.add_lane(lane);
    for (int i = 0; i < 2; ++i) net.to_d(packages[i], cube[i], penalty[i]);
    for (double limit : resource_limits) net.builder.resource_limit(limit);
    problem = net.builder.build();
  }
  // A plan with a whole on `a_lane` and b whole on `b_lane` (kNoLane: unserved).
  PlanState riding(std::size_t a_lane, std::size_t b_lane = kNoLane) const {
    PlanState state(problem);
    if (a_lane != kNoLane) state.add(a, {a_lane}, 1.0);
    if (b_lane != kNoLane) state.add(b, {b_lane}, 1.0);
    return state;
  }
};

// Departures at t1 (node 0) and t2 (node 1, holding 0 -> 1) to a hub (node 2) and on to D
// (node 3), with direct vans too: lanes 0: 0->2, 1: 1->2, 2: 2->3 (trucks, 100 m³ at 300, 0.1
// per package) and 3: 0->3, 4: 1->3 (vans, 30 m³ at 200, 0.5 per package); eight commodities of
// 5 to 40 m³ (10 + i packages, penalty 2000), even ones ready at t1, odd ones at t2, three
// destinations. Big enough that searches and pricing have choices to make.
inline DesignProblem hub_and_vans() {
  ProblemBuilder b(4);
  b.lane(0, 2, vehicle(300, 100, 0.1));
  b.lane(1, 2, vehicle(300, 100, 0.1));
  b.lane(2, 3, vehicle(300, 100, 0.1));
  b.lane(0, 3, vehicle(200, 30, 0.5));
  b.lane(1, 3, vehicle(200, 30, 0.5));
  b.hold(0, 1);
  const double cubes[] = {5, 12, 40, 25, 8, 30, 18, 22};
  for (std::size_t i = 0; i < 8; ++i) {
    const bool early = i % 2 == 0;
    b.commodity(shipment(early ? 0 : 1,
                         early ? std::vector<std::size_t>{2, 3, 4} : std::vector<std::size_t>{2, 4},
                         10.0 + static_cast<double>(i), cubes[i], 2000, early ? 0 : 1, i % 3));
  }
  return b.build();
}

// Solves the master, separating strong linking rows until none is violated.
inline LpStatus solve_with_linking(RestrictedMaster& master) {
  LpStatus status = master.solve(1e9);
  while (status == LpStatus::optimal && master.add_violated_linking_rows(1e-9, 1000) > 0)
    status = master.solve(1e9);
  return status;
}

// One path of `commodity` over `arcs` (share 0: a column for the master).
inline DesignPath column(std::size_t commodity, std::vector<std::size_t> arcs, double share = 0.0) {
  return DesignPath{commodity, std::move(arcs), share};
}

}  // namespace mm::engine::test
