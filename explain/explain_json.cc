#include "explain/explain_json.h"

namespace mm::explain {

namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json optional(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json legs_json(const std::vector<ExplainLeg>& legs) {
  Json out = Json::array();
  for (const ExplainLeg& l : legs)
    out.push_back({{"lane", l.lane},
                   {"from", l.from},
                   {"to", l.to},
                   {"departure_minute", l.departure_minute},
                   {"arrival_minute", l.arrival_minute}});
  return out;
}

// A re-plan against the plan; `prefix` names the re-plan's figures
// ("closed_…" for closing a departure, "replanned_…" for a fleet change).
Json closing_json(const ClosingCost& c, const std::string& prefix = "closed") {
  return {
      {"resolved", c.resolved},
      {"plan_objective", c.plan_objective},
      {"plan_gap", optional(c.plan_gap)},
      {prefix + "_status", c.resolved ? Json(network::to_string(c.closed_status)) : Json(nullptr)},
      {prefix + "_objective", c.closed_objective},
      {prefix + "_lower_bound", optional(c.closed_lower_bound)},
      {prefix + "_gap", optional(c.closed_gap)},
      {"delta", c.delta},
      {"delta_low", optional(c.delta_low)},
      {"seconds", c.seconds},
      {"note", c.note}};
}

Json leg_json(const std::optional<ExplainLeg>& leg) {
  if (!leg) return nullptr;
  return legs_json({*leg})[0];
}

}  // namespace

Json explanation_json(const DemandExplanation& e) {
  Json routes = Json::array();
  for (const ExplainedRoute& r : e.routes) {
    Json legs = legs_json(r.legs);
    for (std::size_t i = 0; i < legs.size(); ++i) legs[i]["vehicle_share"] = r.vehicle_share[i];
    routes.push_back({{"packages", r.packages},
                      {"legs", legs},
                      {"arrival_minute", r.arrival_minute},
                      {"slack_minutes", r.slack_minutes},
                      {"cost",
                       {{"vehicles", r.cost.vehicles},
                        {"packages", r.cost.packages},
                        {"handling", r.cost.handling},
                        {"total", r.cost.total()}}},
                      {"pricing_cost", r.pricing_cost}});
  }
  Json alternatives = Json::array();
  for (const Alternative& a : e.alternatives)
    alternatives.push_back({{"legs", legs_json(a.legs)},
                            {"arrival_minute", a.arrival_minute},
                            {"cost", a.cost},
                            {"variable_cost", a.variable_cost},
                            {"extra_vehicles", a.extra_vehicles},
                            {"extra_vehicle_cost", a.extra_vehicle_cost},
                            {"why_not", to_string(a.why_not)},
                            {"detail", a.detail}});
  Json unserved = nullptr;
  if (e.unserved)
    unserved = {{"packages", e.unserved_packages},
                {"reason", to_string(e.unserved->reason)},
                {"detail", e.unserved->detail},
                {"penalty", e.unserved->penalty},
                {"cheapest_serving_cost", optional(e.unserved->cheapest_serving)}};
  return {{"demand",
           {{"id", e.demand},
            {"origin", e.origin},
            {"destination", e.destination},
            {"packages", e.packages},
            {"cube_m3", e.cube_m3},
            {"weight_kg", e.weight_kg},
            {"ready_minute", e.ready_minute},
            {"due_minute", e.due_minute},
            {"served_packages", e.served_packages},
            {"unserved_packages", e.unserved_packages}}},
          {"routes", routes},
          {"moved_packages", e.moved_packages},
          {"alternatives", alternatives},
          {"unserved", unserved}};
}

Json explanation_json(const DepartureExplanation& e) {
  Json riders = Json::array();
  for (const Rider& r : e.riders)
    riders.push_back({{"demand", r.demand},
                      {"packages", r.packages},
                      {"cube_m3", r.cube_m3},
                      {"weight_kg", r.weight_kg}});
  const ClosingCost& c = e.closing;
  const DepartureMarginal& m = e.marginal;
  return {
      {"departure",
       {{"lane", e.lane},
        {"from", e.from},
        {"to", e.to},
        {"vehicle_type", e.vehicle_type},
        {"departure_minute", e.departure_minute},
        {"arrival_minute", e.arrival_minute},
        {"vehicles", e.vehicles},
        {"max_vehicles", optional(e.max_vehicles)},
        {"vehicle_capacity",
         {{"cube_m3", e.vehicle_capacity.cube_m3}, {"weight_kg", e.vehicle_capacity.weight_kg}}},
        {"load",
         {{"packages", e.load.packages},
          {"cube_m3", e.load.cube_m3},
          {"weight_kg", e.load.weight_kg}}},
        {"fill_cube", e.fill_cube},
        {"fill_weight", e.fill_weight}}},
      {"riders", riders},
      {"closing", closing_json(c)},
      {"shadow_prices",
       {{"lp_value", e.lp_value},
        {"lp_converged", e.lp_converged},
        {"capacity_in_lp", m.in_lp},
        {"per_m3", m.price[0]},
        {"per_kg", m.price[1]},
        {"vehicle_capacity_value", m.vehicle_capacity_value},
        {"extra_vehicle_value", m.extra_vehicle_value},
        {"lp_vehicles", m.lp_vehicles}}}};
}

Json explanation_json(const FacilityExplanation& e) {
  Json hours = Json::array();
  for (const SortHour& h : e.hours)
    hours.push_back({{"hour", h.hour},
                     {"packages", h.packages},
                     {"utilization", optional(h.utilization)},
                     {"capacity_in_lp", h.in_lp},
                     {"value_per_package", h.value_per_package}});
  Json dues = Json::array();
  for (const DueValue& v : e.due_values)
    dues.push_back({{"demand", v.demand},
                    {"due_minute", v.due_minute},
                    {"arrival_minute", optional(v.arrival_minute)},
                    {"slack_minutes", optional(v.slack_minutes)},
                    {"lp_now", v.lp_now},
                    {"lp_later", v.lp_later},
                    {"value", v.value}});
  return {{"facility",
           {{"id", e.facility},
            {"kind", e.kind},
            {"packages_out", e.packages_out},
            {"packages_in", e.packages_in},
            {"sort_capacity_per_hour", optional(e.sort_capacity_per_hour)}}},
          {"sort_hours", hours},
          {"peak_hour", optional(e.peak_hour)},
          {"peak_utilization", e.peak_utilization},
          {"lp_value", e.lp_value},
          {"lp_converged", e.lp_converged},
          {"due_values", {{"method", e.due_method}, {"demands", dues}}}};
}

Json explanation_json(const EmptyMoveExplanation& e) {
  Json needs = Json::array();
  for (const EmptyMoveNeed& n : e.needs)
    needs.push_back({{"rotation", n.rotation},
                     {"brought_by", leg_json(n.brought_by)},
                     {"needed_by", leg_json(n.needed_by)}});
  const auto balance = [](const FacilityBalance& b) {
    return Json{{"facility", b.facility}, {"leaving", b.leaving}, {"arriving", b.arriving}};
  };
  return {{"empty_move",
           {{"lane", e.lane},
            {"from", e.from},
            {"to", e.to},
            {"vehicle_type", e.vehicle_type},
            {"departure_minute", e.departure_minute},
            {"arrival_minute", e.arrival_minute},
            {"vehicles", e.vehicles},
            {"cost", e.cost}}},
          {"loaded_trips_at_from", balance(e.at_from)},
          {"loaded_trips_at_to", balance(e.at_to)},
          {"needs", needs},
          {"reason", e.reason}};
}

Json explanation_json(const FleetExplanation& e) {
  Json parked = Json::object();
  for (const auto& [facility, vehicles] : e.parked_at_start) parked[facility] = vehicles;
  return {{"fleet",
           {{"vehicle_type", e.vehicle_type},
            {"limit", optional(e.fleet_limit)},
            {"used", e.used},
            {"cost_per_vehicle", e.cost_per_vehicle},
            {"parked_at_start", parked},
            {"en_route_at_start", e.en_route_at_start},
            {"loaded_trips", e.loaded_trips},
            {"empty_trips", e.empty_trips},
            {"empty_cost", e.empty_cost}}},
          {"one_more", closing_json(e.one_more, "replanned")},
          {"one_fewer", closing_json(e.one_fewer, "replanned")}};
}

}  // namespace mm::explain
