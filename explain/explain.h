// Explanations of a plan for a planner (`middlemile explain`, README "Why this plan: explain").
//
//  - explain_demand: the demand's routes (legs, cost share, slack to due) and the cheapest
//    alternative routes in the time-expanded network (routing/route_alternatives.h, ranked by
//    the planner's initial pricing cost: cost per package plus each vehicle's cost spread over
//    a full vehicle), each with why it loses against the plan: "arrives late", "no capacity"
//    (max vehicles per departure, fleet or sort capacity forbid the vehicle or packages it
//    needs), "would need another vehicle" (with that vehicle's cost), "costs more" (by how
//    much), or — where the plan is not optimal — "costs the same" / "cheaper". An unserved
//    demand gets its binding reason: "no path in window", "capacity", "penalty cheaper than a
//    vehicle", or "not optimal".
//  - explain_departure: who rides it, its fill, what closing it costs (the instance re-planned
//    without it, under a time limit, reported with both objectives, gaps and the interval the
//    true difference lies in) and its LP shadow prices (explain/marginal_values.h).
//  - explain_facility: packages through it, sort use per clock hour with the LP value of one
//    more package per hour of sort capacity, and for the demands through it with the least
//    slack what a due minute 60 later is worth in the root LP (re-solved per demand).
//  - explain_empty_move (cyclic vehicle types): why an empty move exists — the loaded trips of
//    its type leaving and arriving at both ends over the cycle, and per vehicle (rotation) the
//    loaded leg that left it there and the departure at the other end that needs it.
//  - explain_fleet (cyclic vehicle types): the fleet used against its limit, where it stands at
//    the cycle start, its empty trips, and what one more or one fewer vehicle is worth (the
//    instance re-planned with the fleet limit at used ± 1, reported like closing a departure).
// All money is in the instance's currency; minutes from the start of the horizon.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "explain/marginal_values.h"
#include "network/instance.h"
#include "network/plan.h"

namespace mm::explain {

// Why an alternative route loses against the plan (to_string: the words `explain` prints).
enum class WhyNot {
  arrives_late,           // "arrives late": arrival > due minute
  no_capacity,            // "no capacity": a limit the plan has reached forbids it
  needs_another_vehicle,  // "would need another vehicle"
  costs_more,             // "costs more"
  costs_the_same,         // "costs the same": a tie
  cheaper,                // "cheaper": a saving the plan missed
};
const char* to_string(WhyNot why_not);

// Why (part of) a demand is unserved (to_string: the words `explain` prints).
enum class UnservedCause {
  no_path_in_window,  // "no path in window"
  capacity,           // "capacity": every on-time route is blocked by a limit
  penalty_cheaper,    // "penalty cheaper than a vehicle"
  not_optimal,        // "not optimal": serving it would cost less than the penalty
};
const char* to_string(UnservedCause cause);

struct ExplainLeg {
  std::string lane, from, to;
  int departure_minute = 0;
  int arrival_minute = 0;
};

struct RouteCostShare {
  double vehicles = 0.0;  // Σ legs: the route's share of the departure's vehicle cost
  double packages = 0.0;  // lane cost per package × packages
  double handling = 0.0;  // handling cost per package at each leg's origin × packages
  double total() const { return vehicles + packages + handling; }
};

struct ExplainedRoute {
  double packages = 0.0;
  std::vector<ExplainLeg> legs;
  std::vector<double> vehicle_share;  // per leg: share of that departure's load (binding dim.)
  int arrival_minute = 0;
  int slack_minutes = 0;  // due − arrival
  RouteCostShare cost;
  double pricing_cost = 0.0;  // the alternatives' cost model, for comparison
};

struct Alternative {
  std::vector<ExplainLeg> legs;
  int arrival_minute = 0;
  double cost = 0.0;           // pricing model: per-package costs + full-vehicle cost shares
  double variable_cost = 0.0;  // per-package costs only (lane + handling)
  int extra_vehicles = 0;      // beyond the plan's vehicles, to carry the moved packages
  double extra_vehicle_cost = 0.0;
  WhyNot why_not = WhyNot::arrives_late;
  std::string detail;  // one sentence with the numbers
};

struct UnservedReason {
  UnservedCause reason = UnservedCause::no_path_in_window;
  std::string detail;
  double penalty = 0.0;                    // of the unserved packages
  std::optional<double> cheapest_serving;  // cheapest marginal cost to serve them in this plan
};

struct DemandExplanation {
  std::string demand, origin, destination;
  double packages = 0.0, cube_m3 = 0.0, weight_kg = 0.0;
  int ready_minute = 0, due_minute = 0;
  double served_packages = 0.0;
  double unserved_packages = 0.0;
  std::vector<ExplainedRoute> routes;
  double moved_packages = 0.0;  // what the alternatives would carry (unserved part, or all)
  std::vector<Alternative> alternatives;
  std::optional<UnservedReason> unserved;
};

struct Rider {
  std::string demand;
  double packages = 0.0, cube_m3 = 0.0, weight_kg = 0.0;
};

struct ClosingCost {
  bool resolved = false;  // false: the plan does not use the departure, closing costs 0
  double plan_objective = 0.0;
  std::optional<double> plan_gap;
  double closed_objective = 0.0;
  std::optional<double> closed_lower_bound;
  std::optional<double> closed_gap;
  network::PlanStatus closed_status = network::PlanStatus::no_solution;  // when resolved
  double delta = 0.0;  // closed − plan objective
  // The true change (optimum without it − this plan's cost) lies in [delta_low, delta].
  std::optional<double> delta_low;
  double seconds = 0.0;
  std::string note;
};

struct DepartureExplanation {
  std::string lane, from, to, vehicle_type;
  int departure_minute = 0, arrival_minute = 0;
  int vehicles = 0;
  std::optional<int> max_vehicles;
  network::Capacity vehicle_capacity;
  network::Load load;
  double fill_cube = 0.0, fill_weight = 0.0;
  std::vector<Rider> riders;
  ClosingCost closing;
  DepartureMarginal marginal;
  bool lp_converged = false;
  double lp_value = 0.0;
};

struct SortHour {
  int hour = 0;
  double packages = 0.0;  // leaving in the plan
  std::optional<double> utilization;
  bool in_lp = false;
  double value_per_package = 0.0;  // LP dual of the sort row
};

struct DueValue {
  std::string demand;
  int due_minute = 0;
  std::optional<int> arrival_minute;  // latest arrival of its routes, none if unserved
  std::optional<int> slack_minutes;
  double lp_now = 0.0, lp_later = 0.0;
  double value = 0.0;  // lp_now − lp_later: what due + 60 saves in the LP
};

struct FacilityExplanation {
  std::string facility, kind;
  double packages_out = 0.0, packages_in = 0.0;
  std::optional<double> sort_capacity_per_hour;
  std::vector<SortHour> hours;  // hours with packages leaving, by hour
  std::optional<int> peak_hour;
  double peak_utilization = 0.0;
  std::vector<DueValue> due_values;
  std::string due_method;
  bool lp_converged = false;
  double lp_value = 0.0;
};

// Vehicles that come back (cyclic vehicle types, FORMAT.md "Vehicle balance").
// One vehicle running an empty move: the loaded leg that left it at the move's start, and the
// loaded leg at the move's end it runs next (from its rotation; none when the rotation has no
// loaded leg on that side).
struct EmptyMoveNeed {
  std::string rotation;
  std::optional<ExplainLeg> brought_by;
  std::optional<ExplainLeg> needed_by;
};

// Loaded vehicle trips of one type leaving and arriving at a facility over the cycle.
struct FacilityBalance {
  std::string facility;
  int leaving = 0;
  int arriving = 0;
};

struct EmptyMoveExplanation {
  std::string lane, from, to, vehicle_type;
  int departure_minute = 0, arrival_minute = 0;
  int vehicles = 0;
  double cost = 0.0;
  FacilityBalance at_from, at_to;    // loaded trips of the type: why vehicles must move
  std::vector<EmptyMoveNeed> needs;  // one per rotation running it
  std::string reason;                // one sentence with the numbers
};

struct FleetExplanation {
  std::string vehicle_type;
  std::optional<int> fleet_limit;  // the type's `fleet`; none = unlimited
  int used = 0;
  double cost_per_vehicle = 0.0;
  std::map<std::string, int> parked_at_start;
  int en_route_at_start = 0;
  int loaded_trips = 0;
  int empty_trips = 0;
  double empty_cost = 0.0;
  // Re-plans with the fleet limit at used + 1 and at used − 1 (ClosingCost's figures: "closed"
  // is the re-plan, delta = re-plan − plan; for one more a negative delta is what it saves).
  ClosingCost one_more;
  ClosingCost one_fewer;
};

struct ExplainOptions {
  std::size_t alternatives = 5;      // k of the k cheapest paths
  double time_limit_seconds = 20.0;  // re-solve when closing a departure; each LP
  int threads = 1;
  std::size_t due_demands = 3;  // demands priced with a later due in explain_facility
  int due_extension_minutes = 60;
};

// Each throws network::InputError when the plan does not belong to the instance (an unknown
// lane, departure or demand in it) or the asked-for id is unknown; the message names it.
DemandExplanation explain_demand(const network::Instance& instance, const network::Plan& plan,
                                 const std::string& demand_id, const ExplainOptions& options);
DepartureExplanation explain_departure(const network::Instance& instance, const network::Plan& plan,
                                       const std::string& lane_id, int departure_minute,
                                       const ExplainOptions& options);
FacilityExplanation explain_facility(const network::Instance& instance, const network::Plan& plan,
                                     const std::string& facility_id, const ExplainOptions& options);
// The empty move of `lane_id` (it may run in reverse) leaving at `departure_minute` (every one
// that matches: both directions if both run then).
EmptyMoveExplanation explain_empty_move(const network::Instance& instance,
                                        const network::Plan& plan, const std::string& lane_id,
                                        int departure_minute);
// A cyclic vehicle type's fleet: what it runs, and what one more or one fewer vehicle is worth
// (two re-plans under the options' time limit).
FleetExplanation explain_fleet(const network::Instance& instance, const network::Plan& plan,
                               const std::string& vehicle_type_id, const ExplainOptions& options);

}  // namespace mm::explain
