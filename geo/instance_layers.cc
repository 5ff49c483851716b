#include "geo/instance_layers.h"

#include "geo/layer_writer.h"

namespace mm::geo {
namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json optional_value(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

std::pair<double, double> facility_point(const network::Instance& instance, std::size_t facility) {
  const network::Facility& f = instance.facilities()[facility];
  return {f.lon, f.lat};
}

void export_instance_layers(const network::Instance& instance, const std::string& path) {
  LayerData facilities{"facilities",
                       GeometryKind::point,
                       {{"id", ValueType::text},
                        {"kind", ValueType::text},
                        {"handling_minutes", ValueType::integer},
                        {"sort_capacity_per_hour", ValueType::real},
                        {"handling_cost_per_package", ValueType::real}},
                       {}};
  for (const network::Facility& f : instance.facilities())
    facilities.features.push_back(
        {{{f.lon, f.lat}},
         Json::array({f.id, network::to_string(f.kind), f.handling_minutes,
                      optional_value(f.sort_capacity_per_hour), f.handling_cost_per_package})});

  LayerData demand{"demand",
                   GeometryKind::line,
                   {{"id", ValueType::text},
                    {"origin", ValueType::text},
                    {"destination", ValueType::text},
                    {"packages", ValueType::real},
                    {"cube_m3", ValueType::real},
                    {"weight_kg", ValueType::real},
                    {"ready_minute", ValueType::integer},
                    {"due_minute", ValueType::integer}},
                   {}};
  for (const network::Demand& d : instance.demand())
    demand.features.push_back(
        {{facility_point(instance, d.origin), facility_point(instance, d.destination)},
         Json::array({d.id, instance.facilities()[d.origin].id,
                      instance.facilities()[d.destination].id, d.packages, d.cube_m3, d.weight_kg,
                      d.ready_minute, d.due_minute})});

  LayerData lanes{"lanes",
                  GeometryKind::line,
                  {{"id", ValueType::text},
                   {"from", ValueType::text},
                   {"to", ValueType::text},
                   {"vehicle_type", ValueType::text},
                   {"distance_km", ValueType::real},
                   {"transit_minutes", ValueType::integer},
                   {"departures", ValueType::text},
                   {"max_vehicles_per_departure", ValueType::integer},
                   {"cost_per_trip", ValueType::real},
                   {"cost_per_package", ValueType::real}},
                  {}};
  for (const network::Lane& l : instance.lanes()) {
    std::string departures;
    for (int minute : l.departures)
      departures += (departures.empty() ? "" : " ") + std::to_string(minute);
    lanes.features.push_back(
        {{facility_point(instance, l.from), facility_point(instance, l.to)},
         Json::array({l.id, instance.facilities()[l.from].id, instance.facilities()[l.to].id,
                      instance.vehicle_types()[l.vehicle_type].id, l.distance_km, l.transit_minutes,
                      departures, optional_value(l.max_vehicles_per_departure), l.cost_per_trip,
                      l.cost_per_package})});
  }
  write_layers(path, {facilities, demand, lanes});
}

}  // namespace mm::geo
