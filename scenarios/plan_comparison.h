// How a scenario's plan differs from the baseline's, in the terms a planner reads: lanes that
// start or stop running, demands whose routes changed, vehicles by mode, and the cost split.
// Plans are compared by ids only (lane ids are stable across scenarios, see
// scenarios/scenario_builder.h), so any two plans of related instances compare.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "network/plan.h"

namespace mm::scenarios {

struct PlanDifference {
  std::vector<std::string> lanes_opened;  // lanes with trips in the scenario only, sorted
  std::vector<std::string> lanes_closed;  // lanes with trips in the baseline only, sorted
  // Demands (in both plans) whose set of routes (legs and packages, to 1e-6) or unserved
  // packages differ, sorted.
  std::vector<std::string> rerouted_demands;
  std::map<std::string, int> trips_delta;  // vehicle trips by mode: scenario − baseline
};

PlanDifference compare_plans(const network::Plan& baseline, const network::Plan& scenario);

// Packages left unserved by a plan.
double unserved_packages(const network::Plan& plan);

}  // namespace mm::scenarios
