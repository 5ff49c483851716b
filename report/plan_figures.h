// The figures the report draws, derived once from an instance and a plan that belongs to it
// (report/plan_match.h): KPIs, per-lane usage, per-departure fill, per-facility activity over
// time, the service split of all demand packages, and the empty moves of cyclic vehicle types.
//
// Fill is load / (vehicles × capacity), by cube and by weight, rebuilt from the instance's
// capacities rather than copied from the plan, so a report on a plan with wrong fill figures
// still shows the truth. "Fill" alone means the binding dimension: the larger of the two.
// Time buckets for the activity charts are whole multiples of the instance's time step, about
// 48 over the horizon.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "network/instance.h"
#include "network/plan.h"

namespace mm::report {

struct ModeFigures {
  int vehicle_trips = 0;
  int departures = 0;
  double load_cube_m3 = 0.0;
  double load_weight_kg = 0.0;
  double capacity_cube_m3 = 0.0;  // vehicles × capacity, summed over departures
  double capacity_weight_kg = 0.0;
  double fill_cube() const;
  double fill_weight() const;
};

struct KpiFigures {
  std::string status;
  double objective = 0.0;
  network::CostSplit cost;
  std::optional<double> lower_bound;
  std::optional<double> gap;
  std::map<std::string, ModeFigures> modes;  // "truck", "air": only modes with departures
  double demand_packages = 0.0;
  double on_time_packages = 0.0;  // on routes arriving by the demand's due minute
  double late_packages = 0.0;     // on routes arriving after it
  double unserved_packages = 0.0;
  std::size_t unserved_demands = 0;
  double on_time_share() const;
};

struct LaneFigures {
  std::size_t lane = 0;  // instance index
  std::string mode;
  int departures = 0;
  int vehicle_trips = 0;
  network::Load load;
  double capacity_cube_m3 = 0.0;
  double capacity_weight_kg = 0.0;
  double fill_cube() const;
  double fill_weight() const;
  double fill() const { return fill_cube() > fill_weight() ? fill_cube() : fill_weight(); }
};

struct DepartureFill {
  std::string mode;
  int vehicles = 0;
  double fill = 0.0;  // binding dimension
};

struct FacilityActivity {
  std::size_t facility = 0;   // instance index
  double packages_out = 0.0;  // packages leaving over the horizon
  double packages_in = 0.0;
  std::vector<double> packages_out_by_bucket;
  std::vector<int> vehicles_out_by_bucket;
  std::vector<int> vehicles_in_by_bucket;
};

// Empty moves of cyclic vehicle types between two facilities, summed over the plan.
struct EmptyMoveFigures {
  std::size_t from = 0;  // instance indices
  std::size_t to = 0;
  std::string vehicle_type;
  std::string mode;
  int vehicles = 0;  // over all its minutes
  double cost = 0.0;
};

struct PlanFigures {
  KpiFigures kpis;
  std::vector<LaneFigures> lanes;            // lanes with at least one departure, in instance order
  std::vector<DepartureFill> departures;     // departures with at least one vehicle
  std::vector<FacilityActivity> facilities;  // every facility, in instance order
  std::vector<EmptyMoveFigures> empty_moves;  // by (from, to, vehicle type)
  int bucket_minutes = 0;
  int buckets = 0;
};

PlanFigures plan_figures(const network::Instance& instance, const network::Plan& plan);

}  // namespace mm::report
