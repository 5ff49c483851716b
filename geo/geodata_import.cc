#include "geo/geodata_import.h"
#include "network/text_file.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "geo/lane_rules.h"
#include "network/errors.h"
#include "network/instance_json.h"
#include "network/json_fields.h"
#include "network/json_text.h"

namespace mm::geo {
namespace {

using Json = nlohmann::ordered_json;
using network::InputError;
using network::JsonFields;
using network::JsonProblems;
using network::Need;

struct FieldSpec {
  const char* name;
  FieldKind kind;
  bool required;
};

const std::vector<FieldSpec> kFacilityFields = {
    {"id", FieldKind::text, true},
    {"kind", FieldKind::text, true},
    {"handling_minutes", FieldKind::integer, false},
    {"sort_capacity_per_hour", FieldKind::number, false},
    {"handling_cost_per_package", FieldKind::number, false},
};
const std::vector<FieldSpec> kDemandFields = {
    {"id", FieldKind::text, true},
    {"origin", FieldKind::text, true},
    {"destination", FieldKind::text, true},
    {"packages", FieldKind::number, true},
    {"cube_m3", FieldKind::number, true},
    {"weight_kg", FieldKind::number, true},
    {"ready_minute", FieldKind::integer, true},
    {"due_minute", FieldKind::integer, true},
};
const std::vector<FieldSpec> kLaneFields = {
    {"id", FieldKind::text, false},
    {"from", FieldKind::text, true},
    {"to", FieldKind::text, true},
    {"vehicle_type", FieldKind::text, true},
    {"distance_km", FieldKind::number, false},
    {"transit_minutes", FieldKind::integer, false},
    {"departures", FieldKind::minute_list, false},
    {"max_vehicles_per_departure", FieldKind::integer, false},
    {"cost_per_trip", FieldKind::number, false},
    {"cost_per_package", FieldKind::number, false},
};

// One layer's renames (instance field -> source field) and, for facilities, its CRS.
struct LayerMapping {
  std::map<std::string, std::string> fields;
  std::optional<std::string> crs;
};

struct Mapping {
  std::string source;
  std::map<std::string, LayerMapping> layers;  // "facilities", "demand", "lanes"
};

// MAPPING.json: every problem at once (network::ValidationError naming the file).
Mapping read_mapping(const std::optional<std::string>& path) {
  Mapping mapping;
  if (!path) return mapping;
  mapping.source = *path;
  const network::JsonText parsed = network::parse_json_text(network::read_text_file(*path), *path);
  JsonProblems problems;
  problems.add_all(parsed.duplicate_fields);
  if (!network::check_object(parsed.value, "", problems)) problems.throw_if_any(*path);
  JsonFields root(parsed.value, "", problems);
  const std::pair<const char*, const std::vector<FieldSpec>*> layers[] = {
      {"facilities", &kFacilityFields}, {"demand", &kDemandFields}, {"lanes", &kLaneFields}};
  for (const auto& [layer, specs] : layers) {
    const Json* renames = root.object(layer, Need::optional);
    if (renames == nullptr) continue;
    JsonFields fields(*renames, layer, problems);
    LayerMapping& target = mapping.layers[layer];
    for (const FieldSpec& spec : *specs)
      if (auto source = fields.string(spec.name, Need::optional))
        target.fields[spec.name] = *source;
    if (std::string(layer) == "facilities") {
      for (const char* coordinate : {"lon", "lat"})
        if (auto source = fields.string(coordinate, Need::optional))
          target.fields[coordinate] = *source;
      target.crs = fields.string("crs", Need::optional);
    }
    fields.report_unknown();
  }
  root.report_unknown();
  problems.throw_if_any(*path);
  return mapping;
}

std::vector<FieldRequest> requests(const std::vector<FieldSpec>& specs, const Mapping& mapping,
                                   const std::string& layer) {
  std::vector<FieldRequest> result;
  auto renames = mapping.layers.find(layer);
  for (const FieldSpec& spec : specs) {
    std::string source = spec.name;
    if (renames != mapping.layers.end()) {
      auto it = renames->second.fields.find(spec.name);
      if (it != renames->second.fields.end()) source = it->second;
    }
    result.push_back({spec.name, source, spec.kind, spec.required});
  }
  return result;
}

// VEHICLES.json: {"vehicle_types": [...]}; the items are checked with the instance.
Json read_vehicle_types(const std::string& path) {
  const network::JsonText parsed = network::parse_json_text(network::read_text_file(path), path);
  JsonProblems problems;
  problems.add_all(parsed.duplicate_fields);
  if (!network::check_object(parsed.value, "", problems)) problems.throw_if_any(path);
  JsonFields root(parsed.value, "", problems);
  const Json* list = root.array("vehicle_types", Need::required);
  root.report_unknown();
  problems.throw_if_any(path);
  return *list;
}

// Where each list item of the assembled instance came from, to prefix validation problems.
struct Origins {
  std::string vehicles;
  std::vector<std::string> facilities, lanes, demand;

  std::string translate(const std::string& problem) const {
    auto prefixed = [&](const char* list, const std::vector<std::string>& where, std::string& out) {
      const std::string head = std::string(list) + "[";
      if (problem.compare(0, head.size(), head) != 0) return false;
      std::size_t index = std::strtoul(problem.c_str() + head.size(), nullptr, 10);
      if (index >= where.size()) return false;
      out = where[index] + ": " + problem;
      return true;
    };
    std::string out;
    if (prefixed("facilities", facilities, out) || prefixed("lanes", lanes, out) ||
        prefixed("demand", demand, out))
      return out;
    if (problem.compare(0, 13, "vehicle_types") == 0) return vehicles + ": " + problem;
    return problem;
  }
};

network::Instance parse_translated(const Json& root, const Origins& origins,
                                   const std::string& source) {
  try {
    return network::parse_instance(root.dump(), source);
  } catch (const network::ValidationError& e) {
    std::vector<std::string> problems;
    for (const std::string& problem : e.problems()) problems.push_back(origins.translate(problem));
    throw network::ValidationError(e.source(), std::move(problems));
  }
}

Json items_of(const SourceLayer& layer, std::vector<std::string>& origins) {
  Json items = Json::array();
  for (const SourceFeature& feature : layer.features) {
    items.push_back(feature.values);
    origins.push_back(layer.where(feature.fid));
  }
  return items;
}

}  // namespace

network::Instance import_instance(const ImportOptions& options) {
  if (options.lanes.has_value() == options.lane_rules.has_value())
    throw InputError("import needs exactly one of a lanes layer and lane rules");
  const Mapping mapping = read_mapping(options.mapping);
  Origins origins;
  origins.vehicles = options.vehicles;
  Json vehicle_types = read_vehicle_types(options.vehicles);

  PointRequest point;
  if (auto it = mapping.layers.find("facilities"); it != mapping.layers.end()) {
    const LayerMapping& renames = it->second;
    if (auto lon = renames.fields.find("lon"); lon != renames.fields.end())
      point.lon_field = lon->second;
    if (auto lat = renames.fields.find("lat"); lat != renames.fields.end())
      point.lat_field = lat->second;
    if (point.lon_field.has_value() != point.lat_field.has_value())
      throw InputError(mapping.source + ": facilities: map both lon and lat, or neither");
    point.crs = renames.crs;
    point.crs_origin = mapping.source + ": facilities.crs";
  }
  const SourceLayer facilities = read_source_layer(
      options.facilities, "facilities", requests(kFacilityFields, mapping, "facilities"), &point);
  const SourceLayer demand = read_source_layer(options.demand, "demand",
                                               requests(kDemandFields, mapping, "demand"), nullptr);
  std::optional<SourceLayer> lanes;
  if (options.lanes)
    lanes = read_source_layer(*options.lanes, "lanes", requests(kLaneFields, mapping, "lanes"),
                              nullptr);

  Json root = Json::object();
  root["format"] = "middlemile-instance/1";
  root["name"] = options.name;
  int horizon = 0;
  if (options.horizon_minutes) {
    horizon = *options.horizon_minutes;
  } else {
    // Whole days covering every due minute and listed departure: plans read in days.
    int latest = 0;
    for (const SourceFeature& feature : demand.features)
      latest = std::max(latest, feature.values["due_minute"].get<int>());
    // A departure listed in the lanes layer lies inside the horizon too.
    if (lanes)
      for (const SourceFeature& feature : lanes->features)
        if (feature.values.contains("departures"))
          for (const Json& minute : feature.values["departures"])
            latest = std::max(latest, minute.get<int>() + 1);
    horizon = std::max(1, (latest + 1439) / 1440) * 1440;
  }
  root["horizon_minutes"] = horizon;
  if (options.time_step_minutes) root["time_step_minutes"] = *options.time_step_minutes;
  if (options.unserved_penalty_per_package)
    root["unserved_penalty_per_package"] = *options.unserved_penalty_per_package;
  root["vehicle_types"] = vehicle_types;
  root["facilities"] = items_of(facilities, origins.facilities);
  root["lanes"] = Json::array();
  root["demand"] = items_of(demand, origins.demand);
  const std::string source = options.name;

  if (lanes) {
    root["lanes"] = items_of(*lanes, origins.lanes);
    return parse_translated(root, origins, source);
  }
  // Rules need validated facilities and vehicle types: check everything but lanes first.
  const network::Instance without_lanes = parse_translated(root, origins, source);
  const LaneRules rules = read_lane_rules_file(*options.lane_rules);
  for (const GeneratedLane& lane : generate_lanes(rules, without_lanes)) {
    root["lanes"].push_back(lane_json(lane, without_lanes));
    origins.lanes.push_back(rules.source + ": " + network::json_element_path("rules", lane.rule));
  }
  return parse_translated(root, origins, source);
}

}  // namespace mm::geo
