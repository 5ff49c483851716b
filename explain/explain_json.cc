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
      {"closing",
       {{"resolved", c.resolved},
        {"plan_objective", c.plan_objective},
        {"plan_gap", optional(c.plan_gap)},
        {"closed_status", c.resolved ? Json(network::to_string(c.closed_status)) : Json(nullptr)},
        {"closed_objective", c.closed_objective},
        {"closed_lower_bound", optional(c.closed_lower_bound)},
        {"closed_gap", optional(c.closed_gap)},
        {"delta", c.delta},
        {"delta_low", optional(c.delta_low)},
        {"seconds", c.seconds},
        {"note", c.note}}},
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

}  // namespace mm::explain
