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

// Vehicle balance of cyclic vehicle types (FORMAT.md, "Vehicle balance"). Minutes of empty
// moves and of rotation legs are like departure minutes; the schedule repeats every cycle.
struct EmptyMove {
  std::string lane;  // the lane whose distance and transit it uses (it may run in reverse)
  std::string from;
  std::string to;
  std::string vehicle_type;
  int departure_minute = 0;
  int arrival_minute = 0;
  int vehicles = 0;
  double cost = 0.0;  // vehicles × (empty_cost_per_trip + empty_cost_per_km × distance_km)
};

// The vehicles a cyclic type needs: those parked at each facility at the start of the cycle
// plus those en route (or turning) across it.
struct FleetUse {
  std::string vehicle_type;
  int vehicles = 0;
  std::map<std::string, int> parked_at_start;  // facility id -> vehicles; zeros left out
  int en_route_at_start = 0;
  double cost = 0.0;  // vehicles × cost_per_vehicle
};

struct RotationLeg {
  bool loaded = true;  // a departure of the plan, or an empty move
  std::string lane;
  std::string from;
  std::string to;
  int departure_minute = 0;
  int arrival_minute = 0;
};

// One vehicle's legs in order until it is back where it began, `cycles` cycles later (then
// `cycles` vehicles run it, one cycle apart).
struct Rotation {
  std::string id;
  std::string vehicle_type;
  int cycles = 1;
  std::vector<RotationLeg> legs;
};

struct CostSplit {
  double vehicles = 0.0;
  double packages = 0.0;
  double handling = 0.0;
  double unserved = 0.0;
  double repositioning = 0.0;  // empty moves
  double fleet = 0.0;          // ownership of cyclic types' vehicles
  double total() const { return vehicles + packages + handling + unserved + repositioning + fleet; }
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
  // Cyclic vehicle types only; empty in a plan without them (and in plans of FORMAT version 1).
  std::vector<EmptyMove> repositioning;
  std::vector<FleetUse> fleet;
  std::vector<Rotation> rotations;
  PlanKpis kpis;
};

}  // namespace mm::network
