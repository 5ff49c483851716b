#include "loading/manifest_json.h"

namespace mm::loading {

namespace {

using Json = nlohmann::ordered_json;

Json load_json(const network::Load& load) {
  return Json{
      {"packages", load.packages}, {"cube_m3", load.cube_m3}, {"weight_kg", load.weight_kg}};
}

Json container_json(const LoadedContainer& c) {
  Json demands = Json::array();
  for (const ManifestLine& line : c.demands)
    demands.push_back(Json{{"demand", line.demand},
                           {"packages", line.packages},
                           {"cube_m3", line.cube_m3},
                           {"weight_kg", line.weight_kg}});
  return Json{{"type", c.type},
              {"next_stop", c.next_stop},
              {"next_lane", c.next_lane ? Json(*c.next_lane) : Json(nullptr)},
              {"cube_m3", c.cube_m3},
              {"tare_kg", c.tare_kg},
              {"positions", c.positions},
              {"contents", load_json(c.contents)},
              {"demands", demands}};
}

Json vehicle_json(const LoadedVehicle& v) {
  Json containers = Json::array();
  for (const LoadedContainer& c : v.containers) containers.push_back(container_json(c));
  return Json{{"vehicle", v.vehicle},
              {"fill", {{"cube", v.fill_cube}, {"weight", v.fill_weight}}},
              {"load", load_json(v.load)},
              {"container_cube_m3", v.container_cube_m3},
              {"gross_weight_kg", v.gross_weight_kg},
              {"positions_used", v.positions_used},
              {"containers", containers}};
}

Json departure_json(const DepartureLoading& d) {
  Json vehicles = Json::array();
  for (const LoadedVehicle& v : d.vehicles) vehicles.push_back(vehicle_json(v));
  return Json{{"lane", d.lane},
              {"from", d.from},
              {"to", d.to},
              {"vehicle_type", d.vehicle_type},
              {"departure_minute", d.departure_minute},
              {"vehicles_planned", d.vehicles_planned},
              {"vehicles_needed", d.packing.bins},
              {"packing",
               {{"method", to_string(d.packing.method)},
                {"lower_bound", d.packing.lower_bound},
                {"proven_optimal", d.packing.proven_optimal}}},
              {"capacity",
               {{"cube_m3", d.capacity.cube_m3},
                {"weight_kg", d.capacity.weight_kg},
                {"positions", d.positions}}},
              {"load", load_json(d.load)},
              {"vehicles", vehicles}};
}

template <typename T>
Json by_key(const std::map<std::string, T>& values) {
  Json out = Json::object();
  for (const auto& [key, value] : values) out[key] = value;
  return out;
}

}  // namespace

Json loading_kpis_json(const LoadingKpis& k) {
  return Json{{"departures", k.departures},
              {"vehicles", k.vehicles},
              {"vehicles_empty", k.vehicles_empty},
              {"containers", k.containers},
              {"containers_by_type", by_key(k.containers_by_type)},
              {"fill_cube", by_key(k.fill_cube)},
              {"fill_weight", by_key(k.fill_weight)},
              {"container_fill_cube", by_key(k.container_fill_cube)},
              {"position_fill", by_key(k.position_fill)},
              {"contents_cube_m3", k.contents_cube_m3},
              {"container_cube_m3", k.container_cube_m3},
              {"containerization_loss_m3", k.containerization_loss_m3},
              {"containerization_loss_share", k.containerization_loss_share},
              {"departures_proven_optimal", k.departures_proven_optimal},
              {"departures_exact", k.departures_exact},
              {"departures_corrected", k.departures_corrected},
              {"vehicles_added", k.vehicles_added},
              {"cost_added", k.cost_added},
              {"objective_before", k.objective_before},
              {"objective_after", k.objective_after}};
}

std::string write_manifests_json(const LoadingResult& result) {
  Json departures = Json::array();
  for (const DepartureLoading& d : result.departures) departures.push_back(departure_json(d));
  Json corrections = Json::array();
  for (const DepartureCorrection& c : result.corrections)
    corrections.push_back(Json{{"lane", c.lane},
                               {"departure_minute", c.departure_minute},
                               {"vehicles_before", c.vehicles_before},
                               {"vehicles_after", c.vehicles_after},
                               {"cost_added", c.cost_added}});
  Json violations = Json::array();
  for (const network::Violation& v : result.verification.violations)
    violations.push_back(Json{{"where", v.where}, {"message", v.message}});
  Json root{{"format", "middlemile-manifests/1"},
            {"instance", result.instance},
            {"kpis", loading_kpis_json(result.kpis)},
            {"corrections", corrections},
            {"verification", {{"ok", result.verification.ok()}, {"violations", violations}}},
            {"departures", departures}};
  return root.dump(1) + "\n";
}

}  // namespace mm::loading
