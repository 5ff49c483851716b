// The path-based network design problem the engine solves (DESIGN.md, "The optimization"),
// stated without time, facilities or lanes, so that the planner (over the time-expanded
// network) and the CMND benchmark (over a plain digraph) run through the same code.
//
//   min  Σ_a f_a y_a + Σ_k Σ_p c_p λ_p + Σ_k M_k s_k (+ Σ_c g_c v_c, design columns)
//   s.t. Σ_p λ_p + s_k = 1                        (convexity, every commodity k)
//        Σ_k q_k^r Σ_{p∋a} λ_p ≤ u_a^r y_a         (capacity, every design arc a, dimension r)
//        Σ_{p∈P_k, p∋a} λ_p ≤ min(1, u_a/q_k) y_a  (strong linking, added when violated)
//        Σ_k n_k Σ_{p through group g} λ_p ≤ U_g   (resource groups: sort capacity per hour)
//        Σ_{a∈F_t} y_a ≤ V_t                       (vehicle pools: fleet at minute t)
//        l_r ≤ Σ_a e_ra y_a + Σ_c e_rc v_c ≤ u_r      (design rows: balance, when stated)
//        0 ≤ y_a ≤ max_units_a, integer
//
// λ_p is the share of commodity k on path p; a commodity is "served" by any path from its
// source node that ends with one of its sink arcs. Path cost c_p = n_k × Σ_{a∈p} unit_cost_a.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "routing/pricing_graph.h"

namespace mm::engine {

constexpr int kDimensions = 2;  // cube, weight (CMND uses only the first)
constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct DesignArc {
  double fixed_cost = 0.0;                   // f_a, per unit of y (vehicle, or arc opened)
  std::array<double, kDimensions> capacity;  // u_a^r per unit of y; +inf: dimension unused
  double max_units = kInfinity;              // upper bound on y_a
  double unit_cost = 0.0;                    // per package (CMND: per unit of flow)
  int resource_group = -1;                   // index into resource_limits, or -1
};

struct Commodity {
  std::size_t source = 0;                  // pricing-graph node where the path starts
  std::vector<std::size_t> sinks;          // pricing-graph arcs that may end its path
  double packages = 0.0;                   // n_k
  std::array<double, kDimensions> size{};  // q_k^r
  double penalty = 0.0;                    // M_k, cost of leaving the whole commodity unserved
  // Where it comes from and goes to, in the caller's terms (facility or CMND node ids): the
  // large-neighbourhood search re-plans all commodities of one origin or destination together.
  std::size_t origin = 0;
  std::size_t destination = 0;
};

// A limit on the vehicles of a set of design arcs (fleet en route at one minute).
struct VehiclePool {
  std::vector<std::size_t> arcs;  // design arc ids
  double limit = 0.0;
};

// A row every plan's vehicle counts keep, lower ≤ Σ e_a y_a + Σ e_c v_c ≤ upper over vehicle
// counts y and design columns v: the design-balanced CMND's "as many open arcs leave a node as
// enter it", the balance of a cyclic vehicle type at a (facility, minute) and its fleet. No path
// has an entry, so pricing is unchanged; the master LP carries the rows (its bound is then the
// bound of the problem with them) and so does CBC on the columns, which can open arcs that carry
// nothing, or move vehicles empty, to keep them.
struct DesignRow {
  std::vector<std::pair<std::size_t, double>> arcs;  // (design arc id, coefficient)
  double lower = 0.0;
  double upper = 0.0;
};

// An integer variable v_c ≥ 0 of the vehicles' own flow (an empty move, vehicles parked, the
// fleet on loaded trips) at `cost` each: it enters design rows only. A plan does not carry
// these values: the caller's SolutionCost (engine/solution_cost.h) prices them exactly.
struct DesignColumn {
  double cost = 0.0;
  double upper = kInfinity;
  std::vector<std::pair<std::size_t, double>> rows;  // (design row id, coefficient)
};

struct DesignProblem {
  std::string name;
  // Pricing graph: its arcs [0, design_arcs.size()) are the design arcs, in the same order;
  // any further arcs are free (cost 0, no capacity), e.g. holding arcs.
  routing::PricingGraph graph{0, {}, true};
  std::vector<DesignArc> design_arcs;
  std::vector<Commodity> commodities;
  std::vector<double> resource_limits;  // U_g
  std::vector<VehiclePool> vehicle_pools;
  std::vector<DesignRow> design_rows;
  std::vector<DesignColumn> design_columns;
};

// A solution: integer units per design arc and path shares per commodity.
struct DesignPath {
  std::size_t commodity = 0;
  std::vector<std::size_t> arcs;  // pricing-graph arc ids (design and free), in order
  double share = 0.0;
};

struct DesignSolution {
  std::vector<double> units;  // per design arc (integral in a feasible solution)
  std::vector<DesignPath> paths;
  double objective = kInfinity;
  // No solution yet. (Not units.empty(): a problem without design arcs has a solution too —
  // everything unserved.)
  bool empty() const { return !(objective < kInfinity); }
};

// What one package of `per_package` size (cube, weight) costs on `arc` when vehicles run
// full: its unit cost plus its share of a vehicle's fixed cost by the dimension that fills
// first. The first columns' pricing and explain's alternatives price with it.
double full_vehicle_cost_per_package(const DesignArc& arc,
                                     const std::array<double, kDimensions>& per_package);

// Per design arc and dimension: whether its capacity can bind. A dimension cannot when another
// always fills first: weight never binds on an arc if no commodity carries more weight per unit
// of cube than the arc's weight capacity per unit of cube (parcels fill trucks by cube). Rows
// for such dimensions are implied, and the master leaves them out.
std::vector<std::array<bool, kDimensions>> binding_dimensions(const DesignProblem& problem);

// Objective of a solution recomputed from the problem data (no solver state).
double design_objective(const DesignProblem& problem, const DesignSolution& solution);

}  // namespace mm::engine
