#include "explain/explain_support.h"

#include <algorithm>
#include <chrono>

#include "engine/planner.h"

namespace mm::explain {

std::string departure_name(const network::Instance& instance, const network::DispatchArc& arc) {
  return instance.lanes()[arc.lane].id + "@" + std::to_string(arc.departure_minute);
}

ExplainLeg explain_leg(const network::Instance& instance, const network::DispatchArc& arc) {
  const network::Lane& lane = instance.lanes()[arc.lane];
  return {lane.id, instance.facilities()[lane.from].id, instance.facilities()[lane.to].id,
          arc.departure_minute, arc.arrival_minute};
}

network::Instance without_departure(const network::Instance& instance, std::size_t lane,
                                    int minute) {
  network::InstanceData data = instance.data();
  auto& departures = data.lanes.at(lane).departures;
  departures.erase(std::remove(departures.begin(), departures.end(), minute), departures.end());
  return network::Instance::create(
      std::move(data),
      instance.name() + " without " + instance.lanes().at(lane).id + "@" + std::to_string(minute));
}

ClosingCost replan_against(const network::Plan& plan, const network::Instance& changed,
                           const ExplainOptions& options) {
  ClosingCost c;
  c.plan_objective = plan.objective;
  c.plan_gap = plan.gap;
  engine::PlannerOptions planner;
  planner.time_limit_seconds = options.time_limit_seconds;
  planner.threads = options.threads;
  const auto started = std::chrono::steady_clock::now();
  const engine::PlannerResult result = engine::plan_network(changed, planner, nullptr);
  c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  c.resolved = true;
  c.closed_status = result.plan.status;
  if (result.plan.status == network::PlanStatus::no_solution) return c;
  c.closed_objective = result.plan.objective;
  c.closed_lower_bound = result.plan.lower_bound;
  c.closed_gap = result.plan.gap;
  c.delta = result.plan.objective - plan.objective;
  if (result.plan.lower_bound) c.delta_low = *result.plan.lower_bound - plan.objective;
  return c;
}

}  // namespace mm::explain
