#include "network/plan_json.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "network/errors.h"
#include "network/json_fields.h"
#include "network/json_text.h"
#include "network/text_file.h"

namespace mm::network {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr const char* kPlanFormat = "middlemile-plan/1";

// ---------------------------------------------------------------------------------------------
// Writing

// JSON has no NaN or infinity (nlohmann would print null, which the reader then rejects), so a
// non-finite number here is a solver bug: fail loudly rather than write an unreadable plan.
double finite(double value, const std::string& path) {
  if (!std::isfinite(value))
    throw std::invalid_argument("write_plan_json: " + path + " is not finite (" +
                                std::to_string(value) + ")");
  return value;
}

ordered_json optional_number(const std::optional<double>& value, const std::string& path) {
  if (!value) return nullptr;
  return finite(*value, path);
}

ordered_json load_json(const Load& load, const std::string& path) {
  return ordered_json{{"packages", finite(load.packages, path + ".packages")},
                      {"cube_m3", finite(load.cube_m3, path + ".cube_m3")},
                      {"weight_kg", finite(load.weight_kg, path + ".weight_kg")}};
}

ordered_json by_mode_json(const std::map<std::string, double>& values, const std::string& path) {
  ordered_json object = ordered_json::object();
  for (const auto& [mode, value] : values) object[mode] = finite(value, path + "." + mode);
  return object;
}

void write_balance(const Plan& plan, ordered_json& root) {
  ordered_json moves = ordered_json::array();
  for (std::size_t i = 0; i < plan.repositioning.size(); ++i) {
    const EmptyMove& m = plan.repositioning[i];
    moves.push_back(
        ordered_json{{"lane", m.lane},
                     {"from", m.from},
                     {"to", m.to},
                     {"vehicle_type", m.vehicle_type},
                     {"departure_minute", m.departure_minute},
                     {"arrival_minute", m.arrival_minute},
                     {"vehicles", m.vehicles},
                     {"cost", finite(m.cost, json_element_path("repositioning", i) + ".cost")}});
  }
  root["repositioning"] = std::move(moves);
  ordered_json fleet = ordered_json::array();
  for (std::size_t i = 0; i < plan.fleet.size(); ++i) {
    const FleetUse& f = plan.fleet[i];
    ordered_json parked = ordered_json::object();
    for (const auto& [facility, n] : f.parked_at_start) parked[facility] = n;
    fleet.push_back(
        ordered_json{{"vehicle_type", f.vehicle_type},
                     {"vehicles", f.vehicles},
                     {"parked_at_start", std::move(parked)},
                     {"en_route_at_start", f.en_route_at_start},
                     {"cost", finite(f.cost, json_element_path("fleet", i) + ".cost")}});
  }
  root["fleet"] = std::move(fleet);
  ordered_json rotations = ordered_json::array();
  for (const Rotation& r : plan.rotations) {
    ordered_json legs = ordered_json::array();
    for (const RotationLeg& leg : r.legs)
      legs.push_back(ordered_json{{"kind", leg.loaded ? "loaded" : "empty"},
                                  {"lane", leg.lane},
                                  {"from", leg.from},
                                  {"to", leg.to},
                                  {"departure_minute", leg.departure_minute},
                                  {"arrival_minute", leg.arrival_minute}});
    rotations.push_back(ordered_json{{"id", r.id},
                                     {"vehicle_type", r.vehicle_type},
                                     {"cycles", r.cycles},
                                     {"legs", std::move(legs)}});
  }
  root["rotations"] = std::move(rotations);
}

// ---------------------------------------------------------------------------------------------
// Reading: every problem of the file is collected (network/json_fields.h) and reported at once.
// Fields the format does not name are passed over: a plan carries extension sections (kpis.loading)
// that only their writer reads.

class PlanReader {
 public:
  std::optional<int> integer(JsonFields& fields, const char* key) {
    return fields.integer(key, Need::required, Bound::none(), IntegerForm::literal);
  }
  std::optional<double> number(JsonFields& fields, const char* key) {
    return fields.number(key, Need::required, Bound::none());
  }
  std::string string(JsonFields& fields, const char* key) {
    return fields.string(key, Need::required).value_or("");
  }

  // Each list item that is an object, read by `read`.
  template <typename Item, typename Read>
  std::vector<Item> list(JsonFields& parent, const char* key, Read read,
                         Need need = Need::required) {
    std::vector<Item> items;
    for_each_object(parent.array(key, need), parent.path_of(key), problems_,
                    [&](JsonFields& item, std::size_t) { items.push_back(read(item)); });
    return items;
  }

  EmptyMove empty_move(JsonFields& fields) {
    EmptyMove m;
    m.lane = string(fields, "lane");
    m.from = string(fields, "from");
    m.to = string(fields, "to");
    m.vehicle_type = string(fields, "vehicle_type");
    m.departure_minute = integer(fields, "departure_minute").value_or(0);
    m.arrival_minute = integer(fields, "arrival_minute").value_or(0);
    m.vehicles = integer(fields, "vehicles").value_or(0);
    m.cost = number(fields, "cost").value_or(0.0);
    return m;
  }

  FleetUse fleet_use(JsonFields& fields) {
    FleetUse f;
    f.vehicle_type = string(fields, "vehicle_type");
    f.vehicles = integer(fields, "vehicles").value_or(0);
    if (const ordered_json* parked = fields.object("parked_at_start", Need::required)) {
      for (const auto& [facility, v] : parked->items())
        if (auto n = check_integer(v, json_member_path(fields.path_of("parked_at_start"), facility),
                                   Bound::none(), problems_, IntegerForm::literal))
          f.parked_at_start[facility] = *n;
    }
    f.en_route_at_start = integer(fields, "en_route_at_start").value_or(0);
    f.cost = number(fields, "cost").value_or(0.0);
    return f;
  }

  Rotation rotation(JsonFields& fields) {
    Rotation r;
    r.id = string(fields, "id");
    r.vehicle_type = string(fields, "vehicle_type");
    r.cycles = integer(fields, "cycles").value_or(0);
    r.legs = list<RotationLeg>(fields, "legs", [&](JsonFields& item) {
      RotationLeg leg;
      leg.loaded = item.choice("kind", Need::required, {"loaded", "empty"}).value_or(0) == 0;
      leg.lane = string(item, "lane");
      leg.from = string(item, "from");
      leg.to = string(item, "to");
      leg.departure_minute = integer(item, "departure_minute").value_or(0);
      leg.arrival_minute = integer(item, "arrival_minute").value_or(0);
      return leg;
    });
    return r;
  }

  Load load(JsonFields& parent, const char* key) {
    Load load;
    const ordered_json* value = parent.object(key, Need::required);
    if (value == nullptr) return load;
    JsonFields fields(*value, parent.path_of(key), problems_);
    load.packages = number(fields, "packages").value_or(0.0);
    load.cube_m3 = number(fields, "cube_m3").value_or(0.0);
    load.weight_kg = number(fields, "weight_kg").value_or(0.0);
    return load;
  }

  PlannedDeparture departure(JsonFields& fields) {
    PlannedDeparture d;
    d.lane = string(fields, "lane");
    d.from = string(fields, "from");
    d.to = string(fields, "to");
    d.vehicle_type = string(fields, "vehicle_type");
    d.departure_minute = integer(fields, "departure_minute").value_or(0);
    d.arrival_minute = integer(fields, "arrival_minute").value_or(0);
    d.vehicles = integer(fields, "vehicles").value_or(0);
    d.load = load(fields, "load");
    if (const ordered_json* fill = fields.object("fill", Need::required)) {
      JsonFields fill_fields(*fill, fields.path_of("fill"), problems_);
      d.fill_cube = number(fill_fields, "cube").value_or(0.0);
      d.fill_weight = number(fill_fields, "weight").value_or(0.0);
    }
    return d;
  }

  Route route(JsonFields& fields) {
    Route r;
    r.demand = string(fields, "demand");
    r.packages = number(fields, "packages").value_or(0.0);
    r.legs = list<RouteLeg>(fields, "legs", [&](JsonFields& leg) {
      return RouteLeg{string(leg, "lane"), integer(leg, "departure_minute").value_or(0)};
    });
    r.arrival_minute = integer(fields, "arrival_minute").value_or(0);
    return r;
  }

  UnservedDemand unserved(JsonFields& fields) {
    UnservedDemand u;
    u.demand = string(fields, "demand");
    u.packages = number(fields, "packages").value_or(0.0);
    u.reason = string(fields, "reason");
    return u;
  }

  // An object keyed by mode name ("truck", "air"), each value read by `read`.
  template <typename T, typename Read>
  std::map<std::string, T> by_mode(JsonFields& parent, const char* key, Need need, Read read) {
    std::map<std::string, T> result;
    const ordered_json* value = parent.object(key, need);
    if (value == nullptr) return result;
    for (const auto& [mode, v] : value->items()) {
      if (auto x = read(v, json_member_path(parent.path_of(key), mode))) result[mode] = *x;
    }
    return result;
  }

  PlanKpis kpis(JsonFields& parent) {
    PlanKpis k;
    const ordered_json* value = parent.object("kpis", Need::required);
    if (value == nullptr) return k;
    JsonFields fields(*value, "kpis", problems_);
    const auto read_int = [this](const ordered_json& v, const std::string& p) {
      return check_integer(v, p, Bound::none(), problems_, IntegerForm::literal);
    };
    const auto read_number = [this](const ordered_json& v, const std::string& p) {
      return check_number(v, p, Bound::none(), problems_);
    };
    k.vehicle_trips = by_mode<int>(fields, "vehicle_trips", Need::required, read_int);
    k.fill_cube = by_mode<double>(fields, "fill_cube", Need::required, read_number);
    // FORMAT.md's example omits fill_weight, so a plan written from it must still be read.
    k.fill_weight = by_mode<double>(fields, "fill_weight", Need::optional, read_number);
    k.on_time_share = number(fields, "on_time_share").value_or(0.0);
    k.solve_seconds = number(fields, "solve_seconds").value_or(0.0);
    return k;
  }

  Plan plan(const ordered_json& root) {
    Plan p;
    if (!check_object(root, "", problems_)) return p;
    JsonFields fields(root, "", problems_);
    fields.format("format", kPlanFormat);
    p.instance = string(fields, "instance");
    if (auto status =
            fields.choice("status", Need::required, {"optimal", "feasible", "no_solution"}))
      p.status = static_cast<PlanStatus>(*status);
    p.objective = number(fields, "objective").value_or(0.0);
    // Absent or null means "not known" (lower_bound and gap of a plan without a bound).
    p.lower_bound = fields.nullable_number("lower_bound", Bound::none());
    p.gap = fields.nullable_number("gap", Bound::none());
    p.unavoidable_penalty = fields.nullable_number("unavoidable_penalty", Bound::at_least(0.0));
    if (const ordered_json* cost = fields.object("cost", Need::required)) {
      JsonFields cost_fields(*cost, "cost", problems_);
      p.cost.vehicles = number(cost_fields, "vehicles").value_or(0.0);
      p.cost.packages = number(cost_fields, "packages").value_or(0.0);
      p.cost.handling = number(cost_fields, "handling").value_or(0.0);
      p.cost.unserved = number(cost_fields, "unserved").value_or(0.0);
      // Vehicle balance (cyclic types): absent in plans without it.
      p.cost.repositioning =
          cost_fields.number("repositioning", Need::optional, Bound::none()).value_or(0.0);
      p.cost.fleet = cost_fields.number("fleet", Need::optional, Bound::none()).value_or(0.0);
    }
    p.departures = list<PlannedDeparture>(fields, "departures",
                                          [&](JsonFields& item) { return departure(item); });
    p.routes = list<Route>(fields, "routes", [&](JsonFields& item) { return route(item); });
    p.unserved =
        list<UnservedDemand>(fields, "unserved", [&](JsonFields& item) { return unserved(item); });
    p.repositioning = list<EmptyMove>(
        fields, "repositioning", [&](JsonFields& item) { return empty_move(item); },
        Need::optional);
    p.fleet = list<FleetUse>(
        fields, "fleet", [&](JsonFields& item) { return fleet_use(item); }, Need::optional);
    p.rotations = list<Rotation>(
        fields, "rotations", [&](JsonFields& item) { return rotation(item); }, Need::optional);
    p.kpis = kpis(fields);
    return p;
  }

  JsonProblems& problems() { return problems_; }

 private:
  JsonProblems problems_;
};

}  // namespace

std::string write_plan_json(const Plan& plan) {
  ordered_json root;
  root["format"] = kPlanFormat;
  root["instance"] = plan.instance;
  root["status"] = to_string(plan.status);
  root["objective"] = finite(plan.objective, "objective");
  root["lower_bound"] = optional_number(plan.lower_bound, "lower_bound");
  root["gap"] = optional_number(plan.gap, "gap");
  if (plan.unavoidable_penalty)
    root["unavoidable_penalty"] = finite(*plan.unavoidable_penalty, "unavoidable_penalty");
  root["cost"] = ordered_json{{"vehicles", finite(plan.cost.vehicles, "cost.vehicles")},
                              {"packages", finite(plan.cost.packages, "cost.packages")},
                              {"handling", finite(plan.cost.handling, "cost.handling")},
                              {"unserved", finite(plan.cost.unserved, "cost.unserved")}};
  // Vehicle balance: only plans of instances with cyclic vehicle types carry it.
  const bool balanced = !plan.fleet.empty() || !plan.repositioning.empty();
  if (balanced) {
    root["cost"]["repositioning"] = finite(plan.cost.repositioning, "cost.repositioning");
    root["cost"]["fleet"] = finite(plan.cost.fleet, "cost.fleet");
  }

  ordered_json departures = ordered_json::array();
  for (std::size_t i = 0; i < plan.departures.size(); ++i) {
    const PlannedDeparture& d = plan.departures[i];
    const std::string path = json_element_path("departures", i);
    departures.push_back(ordered_json{
        {"lane", d.lane},
        {"from", d.from},
        {"to", d.to},
        {"vehicle_type", d.vehicle_type},
        {"departure_minute", d.departure_minute},
        {"arrival_minute", d.arrival_minute},
        {"vehicles", d.vehicles},
        {"load", load_json(d.load, path + ".load")},
        {"fill", ordered_json{{"cube", finite(d.fill_cube, path + ".fill.cube")},
                              {"weight", finite(d.fill_weight, path + ".fill.weight")}}}});
  }
  root["departures"] = std::move(departures);

  ordered_json routes = ordered_json::array();
  for (std::size_t i = 0; i < plan.routes.size(); ++i) {
    const Route& r = plan.routes[i];
    ordered_json legs = ordered_json::array();
    for (const RouteLeg& leg : r.legs)
      legs.push_back(ordered_json{{"lane", leg.lane}, {"departure_minute", leg.departure_minute}});
    routes.push_back(
        ordered_json{{"demand", r.demand},
                     {"packages", finite(r.packages, json_element_path("routes", i) + ".packages")},
                     {"legs", std::move(legs)},
                     {"arrival_minute", r.arrival_minute}});
  }
  root["routes"] = std::move(routes);

  ordered_json unserved = ordered_json::array();
  for (std::size_t i = 0; i < plan.unserved.size(); ++i) {
    const UnservedDemand& u = plan.unserved[i];
    unserved.push_back(ordered_json{
        {"demand", u.demand},
        {"packages", finite(u.packages, json_element_path("unserved", i) + ".packages")},
        {"reason", u.reason}});
  }
  root["unserved"] = std::move(unserved);
  if (balanced) write_balance(plan, root);

  ordered_json trips = ordered_json::object();
  for (const auto& [mode, count] : plan.kpis.vehicle_trips) trips[mode] = count;
  root["kpis"] =
      ordered_json{{"vehicle_trips", std::move(trips)},
                   {"fill_cube", by_mode_json(plan.kpis.fill_cube, "kpis.fill_cube")},
                   {"fill_weight", by_mode_json(plan.kpis.fill_weight, "kpis.fill_weight")},
                   {"on_time_share", finite(plan.kpis.on_time_share, "kpis.on_time_share")},
                   {"solve_seconds", finite(plan.kpis.solve_seconds, "kpis.solve_seconds")}};
  for (const auto& [name, text] : plan.kpis.sections)
    root["kpis"][name] = ordered_json::parse(text);
  return root.dump(2) + "\n";
}

Plan parse_plan(const std::string& json_text, const std::string& source) {
  // The shared strict parser: syntax errors and nesting deeper than any plan needs are
  // "<source>:L:C: invalid JSON: ...", and a repeated key is an error rather than a silent
  // choice of one of its values (the referee must not guess).
  JsonText text = parse_json_text(json_text, source);
  PlanReader reader;
  reader.problems().add_all(text.duplicate_fields);
  Plan plan = reader.plan(text.value);
  reader.problems().throw_if_any(source);
  return plan;
}

Plan read_plan_file(const std::string& path) {
  return parse_plan(read_text_file(path), path);
}

}  // namespace mm::network
