// Marginal values (LP shadow prices) of a plan's capacities, from the planner's root LP.
//
// Builds the planner's engine::DesignProblem for the instance (engine/ten_design.h), runs column
// generation at the root exactly as the engine does (initial paths, pricing, strong linking
// rows separated) and reads the duals of the converged restricted master, mapped back to
// instance terms:
//  - per departure (dispatch arc): the duals of its cube and weight capacity rows as prices
//    per m³ and per kg (>= 0: what one more unit of free capacity would save the LP), their
//    sum over one vehicle's capacity, and what one more vehicle is worth net of its cost — the
//    LP reduced cost of the vehicle count, positive only where the departure is at its
//    max_vehicles_per_departure;
//  - per (facility, clock hour) with a sort capacity: the dual of the sort row, a price per
//    package per hour (>= 0);
//  - per demand: the convexity dual, the LP's marginal cost of serving the whole demand.
// Rows are created lazily (restricted_master.h): a departure or hour no generated path uses has
// no row, so its capacity is not binding in the LP and its value is 0 (`in_lp` = false).
// Everything is per the LP relaxation: a bound on the margin, not a re-plan.
#pragma once

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

#include "network/instance.h"
#include "network/time_expanded_network.h"

namespace mm::explain {

struct DepartureMarginal {
  bool in_lp = false;                   // the departure has capacity rows in the root LP
  std::array<double, 2> price{};        // per m³, per kg of capacity (>= 0)
  double vehicle_capacity_value = 0.0;  // price · one vehicle's capacity (>= 0)
  double extra_vehicle_value = 0.0;     // one more vehicle allowed, net of its cost (>= 0)
  double lp_vehicles = 0.0;             // vehicles in the LP solution (fractional)
};

struct SortMarginal {
  std::size_t facility = 0;
  int hour = 0;  // clock hour: minutes [60·hour, 60·hour + 60)
  bool in_lp = false;
  double per_package = 0.0;  // value of one more package per hour of sort capacity (>= 0)
  double lp_packages = 0.0;  // packages leaving in that hour in the LP solution
};

struct MarginalValueOptions {
  int threads = 1;
  double time_limit_seconds = 60.0;
  // Demands whose due minute is replaced (demand index, due minute) — to price a later due.
  std::vector<std::pair<std::size_t, int>> due_overrides;
};

struct MarginalValues {
  bool converged = false;  // column generation converged: the duals are those of the LP optimum
  double lp_value = 0.0;
  double lower_bound = 0.0;
  std::vector<DepartureMarginal> departures;  // per dispatch arc of the TEN
  std::vector<SortMarginal> sort;             // per (facility, hour) with sort capacity in use
  std::vector<double> demand_value;           // per demand: convexity dual
};

MarginalValues root_marginal_values(const network::Instance& instance,
                                    const network::TimeExpandedNetwork& ten,
                                    const MarginalValueOptions& options);

}  // namespace mm::explain
