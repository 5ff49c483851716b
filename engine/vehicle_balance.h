// Vehicle balance of a plan's cyclic vehicle types (FORMAT.md, "Vehicle balance"): for the
// departures a plan runs, the cheapest empty moves and fleet of every cyclic type
// (engine/vehicle_circulation.h, one minimum-cost circulation per type), and the plan's
// `repositioning`, `fleet` and `rotations` written from them.
//
// The planner uses it twice: while it searches, as an extra cost of every candidate plan
// (engine/solution_cost.h: the pipeline compares plans on design cost + balance cost, and a
// candidate whose departures a fleet cannot run has departures of that type taken away — the
// riders of the least full vehicle out, its departure capped one vehicle lower, the riders
// inserted again — until the fleet fits — and then tries the same on the least full vehicles of
// cyclic types, up to EngineOptions::balance_improve_trials of them, keeping each change that
// lowers design + balance cost: the move that trades a vehicle's trip against its empty moves and
// fleet share); and at the end, to complete the plan.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/design_problem.h"
#include "engine/insertion.h"
#include "engine/plan_state.h"
#include "engine/solution_cost.h"
#include "engine/vehicle_circulation.h"
#include "network/instance.h"
#include "network/plan.h"
#include "network/time_expanded_network.h"

namespace mm::engine {

// A departure with vehicles: lane index, minute, vehicles.
struct RunningDeparture {
  std::size_t lane = 0;
  int minute = 0;
  int vehicles = 0;
};

struct BalanceEvaluation {
  double cost = 0.0;                     // empty moves + fleet, every cyclic type
  std::vector<std::size_t> over_fleet;   // cyclic types whose fleet cannot run their trips
  std::vector<CirculationResult> types;  // per vehicle type (empty for non-cyclic types)
};

class VehicleBalance {
 public:
  explicit VehicleBalance(const network::Instance& instance);
  bool active() const { return !cyclic_.empty(); }

  BalanceEvaluation evaluate(const std::vector<RunningDeparture>& departures,
                             bool rotations = false) const;

  // Fills the plan's repositioning, fleet, rotations and cost split from its departures and
  // brings objective and gap up to date. Returns false (leaving the plan unbalanced) when a
  // fleet cannot run the departures.
  bool complete_plan(network::Plan& plan) const;

 private:
  const network::Instance& instance_;
  std::vector<std::size_t> cyclic_;                  // cyclic vehicle types
  std::vector<std::vector<EmptyLink>> links_;        // per vehicle type
  std::vector<std::vector<std::size_t>> link_lane_;  // per type and link: the lane
};

// The balance cost as the design solver sees it, on the planner's time-expanded network (design
// arc = dispatch arc).
class TenBalanceCost : public SolutionCost {
 public:
  TenBalanceCost(const network::Instance& instance, const network::TimeExpandedNetwork& ten,
                 const DesignProblem& problem, int improve_trials = 0);
  double cost(const DesignSolution& solution) const override;
  DesignSolution repair(const DesignSolution& solution) const override;

 private:
  std::vector<RunningDeparture> departures(const std::vector<double>& units) const;
  void improve(PlanState& state, Inserter& inserter) const;

  const network::TimeExpandedNetwork& ten_;
  const DesignProblem& problem_;
  VehicleBalance balance_;
  std::vector<int> arc_type_;  // per design arc: its vehicle type if cyclic, else -1
  std::size_t improve_trials_ = 0;
};

// Plans and instances together: completes `plan` when the instance has cyclic types (a no-op
// otherwise). The one call every command that makes or changes a plan's departures uses.
bool balance_plan(const network::Instance& instance, network::Plan& plan);

}  // namespace mm::engine
