#include "simulation/quantile_plan.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "engine/ten_solution.h"
#include "engine/vehicle_balance.h"
#include "network/errors.h"
#include "network/time_expanded_network.h"
#include "simulation/demand_model.h"

namespace mm::simulation {

namespace {
// Why a quantile is refused, with the least quantile every demand accepts.
std::string below_forecast(const DemandModel& model, const network::Instance& instance,
                           std::size_t k, double quantile) {
  double least = 0.0;  // Φ((ln forecast − ln scale) / σ), the forecast's own quantile
  for (std::size_t j = 0; j < model.size(); ++j) {
    const DemandSpread& s = model.spread(j);
    if (s.sigma == 0.0) continue;
    const double z = (std::log(instance.demand()[j].packages) - std::log(s.scale)) / s.sigma;
    least = std::max(least, 0.5 * std::erfc(-z / std::sqrt(2.0)));
  }
  std::ostringstream out;
  out.precision(6);
  out << "--demand-quantile " << quantile << ": demand " << instance.demand()[k].id
      << " would be planned for " << model.quantile(k, quantile) << " packages, below its forecast "
      << instance.demand()[k].packages
      << " (a quantile plan is a buffer above the forecast: use at least "
      << std::ceil(least * 1e4) / 1e4 << ", or plan for the forecast)";
  return out.str();
}
}  // namespace

network::Instance quantile_instance(const network::Instance& instance, double quantile,
                                    double demand_cv) {
  if (!(quantile > 0.0 && quantile < 1.0))
    throw std::invalid_argument("the demand quantile must be in (0, 1)");
  const DemandModel model(instance, demand_cv);
  network::InstanceData data = instance.data();
  for (std::size_t k = 0; k < data.demand.size(); ++k) {
    network::Demand& d = data.demand[k];
    const double packages = model.quantile(k, quantile);
    const double factor = packages / d.packages;
    if (factor < 1.0 - 1e-12)
      throw network::InputError(below_forecast(model, instance, k, quantile));
    d.packages = packages;
    d.cube_m3 *= factor;
    d.weight_kg *= factor;
    d.packages_cv.reset();
    d.packages_p10.reset();
    d.packages_p90.reset();
  }
  return network::Instance::create(std::move(data), instance.name());
}

network::Plan plan_for_original(const network::Instance& original, const network::Instance& scaled,
                                const network::Plan& plan) {
  const network::TimeExpandedNetwork ten(original);
  return plan_for_original(original, ten, scaled, plan);
}

network::Plan plan_for_original(const network::Instance& original,
                                const network::TimeExpandedNetwork& ten,
                                const network::Instance& scaled, const network::Plan& plan) {
  // A plan leg names a lane and a departure minute: find its dispatch arc.
  const auto arc_of = [&](const std::string& lane_id, int minute) -> std::size_t {
    const auto lane = original.lane_index(lane_id);
    if (lane) {
      const auto& arcs = ten.arcs_of_lane(*lane);
      const auto it = std::lower_bound(arcs.begin(), arcs.end(), minute, [&](std::size_t a, int m) {
        return ten.dispatch(a).departure_minute < m;
      });
      if (it != arcs.end() && ten.dispatch(*it).departure_minute == minute) return *it;
    }
    throw std::logic_error("plan_for_original: no departure " + lane_id + " at minute " +
                           std::to_string(minute));
  };
  engine::TenSolution solution;
  solution.vehicles.assign(ten.dispatch_count(), 0);
  for (const network::PlannedDeparture& d : plan.departures)
    solution.vehicles[arc_of(d.lane, d.departure_minute)] += d.vehicles;
  // Routes keep their packages; a demand whose routes carry more than its forecast has them all
  // scaled down alike, to the forecast.
  std::vector<double> routed(original.demand().size(), 0.0);
  for (const network::Route& route : plan.routes) {
    const auto k = scaled.demand_index(route.demand);
    if (!k) throw std::logic_error("plan_for_original: unknown demand " + route.demand);
    routed[*k] += route.packages;
  }
  for (const network::Route& route : plan.routes) {
    const std::size_t k = *scaled.demand_index(route.demand);
    const double forecast = original.demand()[k].packages;
    engine::PathFlow path;
    path.demand = k;
    path.fraction = route.packages * std::min(1.0, forecast / routed[k]) / forecast;
    for (const network::RouteLeg& leg : route.legs)
      path.arcs.push_back(arc_of(leg.lane, leg.departure_minute));
    solution.paths.push_back(std::move(path));
  }
  std::map<std::string, std::string> reasons;
  for (const network::UnservedDemand& u : plan.unserved) reasons[u.demand] = u.reason;
  network::Plan mapped =
      engine::assemble_plan(original, ten, solution, plan.kpis.solve_seconds, [&](std::size_t k) {
        const auto it = reasons.find(original.demand()[k].id);
        return it != reasons.end() ? it->second : std::string("not carried by the plan");
      });
  return mapped;
}

QuantilePlanResult plan_for_quantile(const network::Instance& instance, double quantile,
                                     double demand_cv, const engine::PlannerOptions& options,
                                     const engine::ProgressCallback& progress) {
  QuantilePlanResult result;
  const network::Instance scaled = quantile_instance(instance, quantile, demand_cv);
  for (const network::Demand& d : instance.demand()) result.forecast_packages += d.packages;
  for (const network::Demand& d : scaled.demand()) result.planned_packages += d.packages;
  result.scaled = engine::plan_network(scaled, options, progress);
  if (result.scaled.plan.status == network::PlanStatus::no_solution) {
    result.plan = result.scaled.plan;
    return result;
  }
  result.plan = plan_for_original(instance, scaled, result.scaled.plan);
  // Cyclic vehicle types: the departures' vehicles need their way back (empty moves, fleet).
  if (!engine::balance_plan(instance, result.plan))
    throw std::runtime_error("a cyclic fleet cannot run the quantile plan's departures");
  const network::Plan& s = result.scaled.plan;
  nlohmann::ordered_json section{
      {"quantile", quantile},
      {"demand_cv", demand_cv},
      {"forecast_packages", result.forecast_packages},
      {"planned_packages", result.planned_packages},
      {"scaled_objective", s.objective},
      {"scaled_lower_bound", s.lower_bound ? nlohmann::ordered_json(*s.lower_bound) : nullptr},
      {"scaled_gap", s.gap ? nlohmann::ordered_json(*s.gap) : nullptr},
      {"scaled_status", network::to_string(s.status)}};
  result.plan.kpis.sections["demand_quantile"] = section.dump();
  return result;
}

}  // namespace mm::simulation
