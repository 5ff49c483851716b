// A cost and a rule of the planner that the DesignProblem does not state (vehicle balance of
// cyclic vehicle types, engine/vehicle_balance.h): the design solver adds `cost` to the
// objective of every candidate it compares (engine/design_solver.h, "consider"), after `repair`
// has made the candidate keep the rule. Both are called between the pipeline's branches only,
// one at a time.
#pragma once

#include "engine/design_problem.h"

namespace mm::engine {

class SolutionCost {
 public:
  virtual ~SolutionCost() = default;
  // The extra cost of the solution's vehicles (+inf when it breaks the rule).
  virtual double cost(const DesignSolution& solution) const = 0;
  // The solution changed as little as it takes to keep the rule.
  virtual DesignSolution repair(const DesignSolution& solution) const = 0;
};

}  // namespace mm::engine
