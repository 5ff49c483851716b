#include "engine/plan_state.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace mm::engine {

namespace {

// Loads within this of a whole number of vehicles are round-off of shares, not a new vehicle.
constexpr double kVehicleTolerance = 1e-6;
// Loads and shares below this are zero.
constexpr double kZero = 1e-9;

}  // namespace

PlanState::PlanState(const DesignProblem& problem)
    : problem_(&problem),
      paths_(problem.commodities.size()),
      served_(problem.commodities.size(), 0.0),
      load_(problem.design_arcs.size(), {0.0, 0.0}),
      packages_(problem.design_arcs.size(), 0.0),
      units_(problem.design_arcs.size(), 0.0),
      unit_cap_(problem.design_arcs.size(), kInfinity),
      resource_load_(problem.resource_limits.size(), 0.0),
      pool_used_(problem.vehicle_pools.size(), 0.0),
      pools_of_arc_(problem.design_arcs.size()),
      users_(problem.design_arcs.size()) {
  for (std::size_t p = 0; p < problem.vehicle_pools.size(); ++p)
    for (std::size_t a : problem.vehicle_pools[p].arcs) pools_of_arc_[a].push_back(p);
  for (const Commodity& k : problem.commodities) penalty_ += k.penalty;
}

double PlanState::vehicles_for(std::size_t arc, const std::array<double, kDimensions>& load,
                               double packages) const {
  if (packages <= kZero && load[0] <= kZero && load[1] <= kZero) return 0.0;
  const DesignArc& a = problem_->design_arcs[arc];
  double need = 0.0;
  for (int r = 0; r < kDimensions; ++r) {
    if (!std::isfinite(a.capacity[r])) continue;
    if (a.capacity[r] <= 0) {
      if (load[r] > kZero) return kInfinity;  // nothing fits in a dimension without capacity
      continue;
    }
    need = std::max(need, load[r] / a.capacity[r]);
  }
  // Whatever rides a departure needs a vehicle, even packages of no cube and weight.
  return std::max(1.0, std::ceil(need - kVehicleTolerance));
}

void PlanState::assign(const DesignSolution& solution) {
  for (std::size_t k = 0; k < paths_.size(); ++k) remove(k);
  for (const DesignPath& p : solution.paths) add(p.commodity, p.arcs, p.share);
}

DesignSolution PlanState::solution() const {
  DesignSolution s;
  s.units = units_;
  for (std::size_t k = 0; k < paths_.size(); ++k)
    for (const StatePath& p : paths_[k]) s.paths.push_back({k, p.arcs, p.share});
  s.objective = design_objective(*problem_, s);
  return s;
}

void PlanState::change_arc(std::size_t arc, std::size_t commodity, double share, int sign) {
  const Commodity& k = problem_->commodities[commodity];
  const DesignArc& a = problem_->design_arcs[arc];
  for (int r = 0; r < kDimensions; ++r) {
    load_[arc][r] += sign * share * k.size[r];
    if (std::abs(load_[arc][r]) < kZero) load_[arc][r] = 0.0;
  }
  packages_[arc] += sign * share * k.packages;
  if (std::abs(packages_[arc]) < kZero) packages_[arc] = 0.0;
  routing_ += sign * share * k.packages * a.unit_cost;
  if (a.resource_group >= 0) resource_load_[a.resource_group] += sign * share * k.packages;
  const double units = vehicles_for(arc, load_[arc], packages_[arc]);
  const double delta = units - units_[arc];
  if (delta != 0.0) {
    fixed_ += delta * a.fixed_cost;
    for (std::size_t p : pools_of_arc_[arc]) pool_used_[p] += delta;
    units_[arc] = units;
  }
}

void PlanState::update_users(std::size_t commodity, const std::vector<std::size_t>& arcs,
                             bool add) {
  const std::size_t A = problem_->design_arcs.size();
  for (std::size_t a : arcs) {
    if (a >= A) continue;
    std::vector<std::size_t>& u = users_[a];
    if (add) {
      u.push_back(commodity);
    } else {
      auto it = std::find(u.begin(), u.end(), commodity);
      if (it != u.end()) {
        *it = u.back();
        u.pop_back();
      }
    }
  }
}

void PlanState::add(std::size_t commodity, std::vector<std::size_t> arcs, double share) {
  if (share <= kZero) return;
  const std::size_t A = problem_->design_arcs.size();
  for (std::size_t a : arcs)
    if (a < A) change_arc(a, commodity, share, +1);
  const Commodity& k = problem_->commodities[commodity];
  const double before = std::min(1.0, served_[commodity]);
  served_[commodity] += share;
  penalty_ -= k.penalty * (std::min(1.0, served_[commodity]) - before);
  // Shares of one path merge: the same path twice is one path with the summed share (and one
  // entry in the users of its arcs).
  for (StatePath& p : paths_[commodity])
    if (p.arcs == arcs) {
      p.share += share;
      return;
    }
  update_users(commodity, arcs, true);
  paths_[commodity].push_back({std::move(arcs), share});
}

std::vector<StatePath> PlanState::remove(std::size_t commodity) {
  std::vector<StatePath> removed = std::move(paths_[commodity]);
  paths_[commodity].clear();
  const std::size_t A = problem_->design_arcs.size();
  for (const StatePath& p : removed) {
    for (std::size_t a : p.arcs)
      if (a < A) change_arc(a, commodity, p.share, -1);
    update_users(commodity, p.arcs, false);
  }
  const Commodity& k = problem_->commodities[commodity];
  penalty_ += k.penalty * std::min(1.0, served_[commodity]);
  served_[commodity] = 0.0;
  return removed;
}

void PlanState::restore(std::size_t commodity, std::vector<StatePath> paths) {
  remove(commodity);
  for (StatePath& p : paths) add(commodity, std::move(p.arcs), p.share);
}

double PlanState::marginal_cost(std::size_t arc, std::size_t commodity, double share) const {
  const DesignArc& a = problem_->design_arcs[arc];
  const Commodity& k = problem_->commodities[commodity];
  const double packages = share * k.packages;
  if (a.resource_group >= 0 && resource_load_[a.resource_group] + packages >
                                   problem_->resource_limits[a.resource_group] * (1 + 1e-9) + kZero)
    return kInfinity;
  std::array<double, kDimensions> load = load_[arc];
  for (int r = 0; r < kDimensions; ++r) load[r] += share * k.size[r];
  const double units = vehicles_for(arc, load, packages_[arc] + packages);
  const double delta = units - units_[arc];
  double cost = packages * a.unit_cost;
  if (delta > 0) {
    if (units > std::min(a.max_units, unit_cap_[arc]) + kZero) return kInfinity;
    for (std::size_t p : pools_of_arc_[arc])
      if (pool_used_[p] + delta > problem_->vehicle_pools[p].limit + kZero) return kInfinity;
    cost += delta * a.fixed_cost;
  }
  return cost;
}

double PlanState::room(std::size_t arc, std::size_t commodity) const {
  const DesignArc& a = problem_->design_arcs[arc];
  const Commodity& k = problem_->commodities[commodity];
  // The vehicles more load runs in: those the arc has while they have room for this
  // commodity, else one more (a full arc, or one with no vehicle yet).
  double need = 0.0;
  bool full = units_[arc] <= 0;
  for (int r = 0; r < kDimensions; ++r) {
    if (!std::isfinite(a.capacity[r]) || k.size[r] <= 0) continue;
    if (a.capacity[r] <= 0) return 0.0;
    need = std::max(need, load_[arc][r] / a.capacity[r]);
    if (load_[arc][r] >= units_[arc] * a.capacity[r] * (1 - kVehicleTolerance) - kZero) full = true;
  }
  const double vehicles = full ? units_[arc] + 1 : units_[arc];
  if (vehicles > std::min(a.max_units, unit_cap_[arc]) + kZero) return 0.0;
  if (vehicles > units_[arc])
    for (std::size_t p : pools_of_arc_[arc])
      if (pool_used_[p] + (vehicles - units_[arc]) > problem_->vehicle_pools[p].limit + kZero)
        return 0.0;
  double share = kInfinity;
  for (int r = 0; r < kDimensions; ++r)
    if (std::isfinite(a.capacity[r]) && k.size[r] > 0)
      share = std::min(share, (vehicles * a.capacity[r] - load_[arc][r]) / k.size[r]);
  if (a.resource_group >= 0 && k.packages > 0)
    share = std::min(
        share, (problem_->resource_limits[a.resource_group] - resource_load_[a.resource_group]) /
                   k.packages);
  return std::max(0.0, share);
}

double PlanState::path_cost(std::size_t commodity, const std::vector<std::size_t>& arcs,
                            double share) const {
  double cost = 0.0;
  for (std::size_t a : arcs)
    if (a < problem_->design_arcs.size()) cost += marginal_cost(a, commodity, share);
  return cost;
}

double PlanState::last_vehicle_fill(std::size_t arc) const {
  if (units_[arc] <= 0) return 0.0;
  const DesignArc& a = problem_->design_arcs[arc];
  double need = 0.0;
  for (int r = 0; r < kDimensions; ++r)
    if (std::isfinite(a.capacity[r]) && a.capacity[r] > 0)
      need = std::max(need, load_[arc][r] / a.capacity[r]);
  return std::clamp(need - (units_[arc] - 1), 0.0, 1.0);
}

}  // namespace mm::engine

namespace mm::engine {

bool PlanState::over_vehicle_limit(std::size_t arc) const {
  return units_[arc] > problem_->design_arcs[arc].max_units + kZero;
}

bool PlanState::over_resource_limit(std::size_t group) const {
  return resource_load_[group] > problem_->resource_limits[group] * (1 + 1e-9) + kZero;
}

bool PlanState::over_pool_limit(std::size_t pool) const {
  return pool_used_[pool] > problem_->vehicle_pools[pool].limit + kZero;
}

}  // namespace mm::engine
