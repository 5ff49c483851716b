#include "geo/plan_layers.h"

#include <algorithm>
#include <map>

#include "geo/instance_layers.h"
#include "geo/layer_writer.h"
#include "network/errors.h"

namespace mm::geo {
namespace {

using Json = nlohmann::ordered_json;
using network::InputError;

std::size_t lane_of(const network::Instance& instance, const std::string& id) {
  auto lane = instance.lane_index(id);
  if (!lane) throw InputError("plan names lane \"" + id + "\", which the instance does not have");
  return *lane;
}

std::size_t facility_of(const network::Instance& instance, const std::string& id) {
  auto facility = instance.facility_index(id);
  if (!facility)
    throw InputError("plan names facility \"" + id + "\", which the instance does not have");
  return *facility;
}

// Hour of a departure minute (floor, also for negative minutes).
int hour_of(int minute) {
  return minute >= 0 ? minute / 60 : -((-minute + 59) / 60);
}

LayerData repositioning_layer(const network::Instance& instance, const network::Plan& plan) {
  LayerData layer{"repositioning",
                  GeometryKind::line,
                  {{"lane", ValueType::text},
                   {"vehicle_type", ValueType::text},
                   {"from", ValueType::text},
                   {"to", ValueType::text},
                   {"departure_minute", ValueType::integer},
                   {"arrival_minute", ValueType::integer},
                   {"vehicles", ValueType::integer},
                   {"cost", ValueType::real}},
                  {}};
  for (const network::EmptyMove& m : plan.repositioning) {
    lane_of(instance, m.lane);  // names a lane of the instance (it may run in reverse)
    layer.features.push_back({{facility_point(instance, facility_of(instance, m.from)),
                               facility_point(instance, facility_of(instance, m.to))},
                              Json::array({m.lane, m.vehicle_type, m.from, m.to, m.departure_minute,
                                           m.arrival_minute, m.vehicles, m.cost})});
  }
  return layer;
}

LayerData rotations_layer(const network::Instance& instance, const network::Plan& plan) {
  LayerData layer{"rotations",
                  GeometryKind::line,
                  {{"id", ValueType::text},
                   {"vehicle_type", ValueType::text},
                   {"cycles", ValueType::integer},
                   {"legs", ValueType::integer},
                   {"empty_legs", ValueType::integer},
                   {"stops", ValueType::text}},
                  {}};
  for (const network::Rotation& r : plan.rotations) {
    if (r.legs.empty()) continue;  // the referee refuses it; nothing to draw
    LayerFeature feature;
    std::string stops = r.legs.front().from;
    feature.points.push_back(facility_point(instance, facility_of(instance, r.legs.front().from)));
    int empty = 0;
    for (const network::RotationLeg& leg : r.legs) {
      feature.points.push_back(facility_point(instance, facility_of(instance, leg.to)));
      stops += (leg.loaded ? " > " : " ~> ") + leg.to;
      empty += leg.loaded ? 0 : 1;
    }
    feature.values = Json::array(
        {r.id, r.vehicle_type, r.cycles, static_cast<int>(r.legs.size()), empty, stops});
    layer.features.push_back(std::move(feature));
  }
  return layer;
}

}  // namespace

std::vector<std::string> plan_layer_names(const network::Instance& instance) {
  std::vector<std::string> names{"facilities", "departures", "lanes", "routes"};
  if (instance.has_cyclic_types()) {
    names.push_back("repositioning");
    names.push_back("rotations");
  }
  return names;
}

void write_plan_layers(const network::Instance& instance, const network::Plan& plan,
                       const std::string& path) {
  const auto& facilities_of = instance.facilities();
  const std::size_t n = facilities_of.size();
  std::vector<double> handled(n, 0.0);
  std::vector<std::map<int, double>> leaving_by_hour(n);
  std::vector<int> trips(instance.lanes().size(), 0);
  std::vector<network::Load> carried(instance.lanes().size());

  LayerData departures{"departures",
                       GeometryKind::line,
                       {{"lane", ValueType::text},
                        {"vehicle_type", ValueType::text},
                        {"from", ValueType::text},
                        {"to", ValueType::text},
                        {"departure_minute", ValueType::integer},
                        {"arrival_minute", ValueType::integer},
                        {"vehicles", ValueType::integer},
                        {"packages", ValueType::real},
                        {"fill_cube", ValueType::real},
                        {"fill_weight", ValueType::real},
                        {"cost", ValueType::real}},
                       {}};
  for (const network::PlannedDeparture& d : plan.departures) {
    const std::size_t l = lane_of(instance, d.lane);
    const network::Lane& lane = instance.lanes()[l];
    const double cost = d.vehicles * lane.cost_per_trip + d.load.packages * lane.cost_per_package;
    departures.features.push_back(
        {{facility_point(instance, lane.from), facility_point(instance, lane.to)},
         Json::array({d.lane, instance.vehicle_type_of(lane).id, facilities_of[lane.from].id,
                      facilities_of[lane.to].id, d.departure_minute, d.arrival_minute, d.vehicles,
                      d.load.packages, d.fill_cube, d.fill_weight, cost})});
    handled[lane.from] += d.load.packages;
    leaving_by_hour[lane.from][hour_of(d.departure_minute)] += d.load.packages;
    trips[l] += d.vehicles;
    carried[l].packages += d.load.packages;
    carried[l].cube_m3 += d.load.cube_m3;
    carried[l].weight_kg += d.load.weight_kg;
  }

  LayerData routes{"routes",
                   GeometryKind::line,
                   {{"demand", ValueType::text},
                    {"packages", ValueType::real},
                    {"arrival_minute", ValueType::integer},
                    {"on_time", ValueType::boolean}},
                   {}};
  for (const network::Route& route : plan.routes) {
    auto demand = instance.demand_index(route.demand);
    if (!demand)
      throw InputError("plan routes demand \"" + route.demand +
                       "\", which the instance does not have");
    const network::Demand& d = instance.demand()[*demand];
    LayerFeature feature;
    feature.points.push_back(facility_point(instance, d.origin));
    for (const network::RouteLeg& leg : route.legs)
      feature.points.push_back(
          facility_point(instance, instance.lanes()[lane_of(instance, leg.lane)].to));
    // A route without legs (origin = destination cannot happen) would be a one-point line.
    if (feature.points.size() < 2)
      feature.points.push_back(facility_point(instance, d.destination));
    feature.values = Json::array(
        {route.demand, route.packages, route.arrival_minute, route.arrival_minute <= d.due_minute});
    routes.features.push_back(std::move(feature));
    handled[d.destination] += route.packages;
  }

  LayerData facilities{"facilities",
                       GeometryKind::point,
                       {{"id", ValueType::text},
                        {"kind", ValueType::text},
                        {"packages_handled", ValueType::real},
                        {"peak_sort_utilization", ValueType::real}},
                       {}};
  for (std::size_t f = 0; f < n; ++f) {
    const network::Facility& facility = facilities_of[f];
    Json peak = nullptr;
    if (facility.sort_capacity_per_hour) {
      double busiest = 0.0;
      for (const auto& [hour, packages] : leaving_by_hour[f]) busiest = std::max(busiest, packages);
      peak = busiest / *facility.sort_capacity_per_hour;
    }
    facilities.features.push_back(
        {{{facility.lon, facility.lat}},
         Json::array({facility.id, network::to_string(facility.kind), handled[f], peak})});
  }

  LayerData lanes{"lanes",
                  GeometryKind::line,
                  {{"id", ValueType::text},
                   {"vehicle_type", ValueType::text},
                   {"mode", ValueType::text},
                   {"from", ValueType::text},
                   {"to", ValueType::text},
                   {"trips", ValueType::integer},
                   {"packages", ValueType::real},
                   {"avg_fill_cube", ValueType::real},
                   {"avg_fill_weight", ValueType::real}},
                  {}};
  for (std::size_t l = 0; l < instance.lanes().size(); ++l) {
    const network::Lane& lane = instance.lanes()[l];
    const network::VehicleType& vehicle = instance.vehicle_type_of(lane);
    Json fill_cube = nullptr, fill_weight = nullptr;
    if (trips[l] > 0) {
      fill_cube = carried[l].cube_m3 / (trips[l] * vehicle.capacity.cube_m3);
      fill_weight = carried[l].weight_kg / (trips[l] * vehicle.capacity.weight_kg);
    }
    lanes.features.push_back(
        {{facility_point(instance, lane.from), facility_point(instance, lane.to)},
         Json::array({lane.id, vehicle.id, network::to_string(vehicle.mode),
                      facilities_of[lane.from].id, facilities_of[lane.to].id, trips[l],
                      carried[l].packages, fill_cube, fill_weight})});
  }

  std::vector<LayerData> layers{facilities, departures, lanes, routes};
  if (instance.has_cyclic_types()) {
    layers.push_back(repositioning_layer(instance, plan));
    layers.push_back(rotations_layer(instance, plan));
  }
  write_layers(path, layers);
}

}  // namespace mm::geo
