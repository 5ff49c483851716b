// The middlemile-plan/1 model (FORMAT.md): which departures run with how many vehicles, which
// packages ride on them (routes, in real minutes), what is unserved and why, and the cost.
//
// A Plan refers to the instance by ids (strings), exactly as the file does, so a plan read from
// disk and a plan just produced by the solver are the same thing to the referee.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mm::network {

enum class PlanStatus { optimal, feasible, no_solution };
const char* to_string(PlanStatus status);

struct Load {
  double packages = 0.0;
  double cube_m3 = 0.0;
  double weight_kg = 0.0;
};

struct PlannedDeparture {
  std::string lane;
  std::string from;
  std::string to;
  std::string vehicle_type;
  int departure_minute = 0;
  int arrival_minute = 0;
  int vehicles = 0;
  Load load;
  double fill_cube = 0.0;    // load cube / (vehicles × capacity cube)
  double fill_weight = 0.0;  // load weight / (vehicles × capacity weight)
};

struct RouteLeg {
  std::string lane;
  int departure_minute = 0;
};

struct Route {
  std::string demand;
  double packages = 0.0;  // may be fractional: a demand may be split across routes
  std::vector<RouteLeg> legs;
  int arrival_minute = 0;
};

struct UnservedDemand {
  std::string demand;
  double packages = 0.0;
  std::string reason;
};

struct CostSplit {
  double vehicles = 0.0;
  double packages = 0.0;
  double handling = 0.0;
  double unserved = 0.0;
  double total() const { return vehicles + packages + handling + unserved; }
};

struct PlanKpis {
  std::map<std::string, int> vehicle_trips;   // by mode name
  std::map<std::string, double> fill_cube;    // by mode name
  std::map<std::string, double> fill_weight;  // by mode name
  double on_time_share = 0.0;                 // served packages / all packages
  double solve_seconds = 0.0;
  // Further KPI sections written under kpis.<name>, each a JSON object as text (for example
  // "loading" from the loading module). Written as given; not read back.
  std::map<std::string, std::string> sections;
};

struct Plan {
  std::string instance;
  PlanStatus status = PlanStatus::no_solution;
  double objective = 0.0;
  std::optional<double> lower_bound;
  // network/gap.h: (objective − lower_bound) / (objective − unavoidable_penalty).
  std::optional<double> gap;
  // The unserved penalty of demand with no on-time path (network/on_time_paths.h): every plan
  // pays it; the gap leaves it out. Absent in plans from elsewhere (then 0 for the gap).
  std::optional<double> unavoidable_penalty;
  CostSplit cost;
  std::vector<PlannedDeparture> departures;
  std::vector<Route> routes;
  std::vector<UnservedDemand> unserved;
  PlanKpis kpis;
};

}  // namespace mm::network
