// The referee: checks a Plan against an Instance using FORMAT.md's rules alone.
//
// It deliberately shares no code with the solvers, the routing layer or the time-expanded
// network: it walks the plan item by item, rebuilds every derived figure from the instance
// (route timing, departure loads, sort throughput per clock hour, vehicles en route per type,
// the objective and its split) and reports every disagreement, each naming the plan or
// instance item it concerns (`routes[3].legs[1]`, `departures[0]`, `facility "SC-PDX" hour 12`).
//
// Tolerances: sums (loads, costs, demand accounting) agree when they differ by at most
// `tolerance` × the larger magnitude, or by at most 1e-6 absolute for values near zero; capacity
// limits accept the same slack. Ratios (fill, gap, on-time share) agree within
// max(1e-6, `tolerance`) absolute. Minutes are integers and compare exactly.
#pragma once

#include <string>
#include <vector>

#include "network/instance.h"
#include "network/plan.h"

namespace mm::network {

struct Violation {
  std::string where;    // the plan or instance item, e.g. "routes[3].legs[1]"
  std::string message;  // what is wrong, with the numbers that show it
};

// Everything the referee found, plus the objective rebuilt from scratch.
struct PlanVerification {
  std::vector<Violation> violations;
  CostSplit recomputed_cost;  // from the instance's costs and the plan's departures and routes
  double recomputed_objective = 0.0;
  double reported_objective = 0.0;
  bool ok() const { return violations.empty(); }
};

PlanVerification check_plan(const Instance& instance, const Plan& plan, double tolerance = 1e-6);

// The violations of check_plan alone.
std::vector<Violation> verify_plan(const Instance& instance, const Plan& plan,
                                   double tolerance = 1e-6);

}  // namespace mm::network
