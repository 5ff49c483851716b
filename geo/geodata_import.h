// `middlemile import`: builds a middlemile-instance/1 from geodata layers (FORMAT.md field names).
//
// Facilities come from a point layer (or a table with lon/lat columns), demand from any table,
// lanes from a layer or from rules (geo/lane_rules.h); vehicle types from VEHICLES.json
// ({"vehicle_types": [...]} as in FORMAT.md). Fields are read under their FORMAT.md names unless
// MAPPING.json renames them:
//
//   {"facilities": {"id": "site_code", "kind": "type", "lon": "x", "lat": "y",
//                   "crs": "EPSG:3857"},
//    "demand": {"packages": "parcels"},
//    "lanes": {"from": "origin_site", "to": "dest_site"}}
//
// Each key is an instance field of that layer and its value the source field's name; "crs"
// (facilities only) names the CRS of the geometry or lon/lat fields when the source has none
// or a wrong one. Fields: facilities `id`, `kind`, `handling_minutes`, `sort_capacity_per_hour`,
// `handling_cost_per_package` (+ point); demand `id`, `origin`, `destination`, `packages`,
// `cube_m3`, `weight_kg`, `ready_minute`, `due_minute`; lanes `id`, `from`, `to`,
// `vehicle_type`, `distance_km`, `transit_minutes`, `departures` (space-separated minutes),
// `max_vehicles_per_departure`, `cost_per_trip`, `cost_per_package`. Optional fields that are
// missing or empty take FORMAT.md's defaults.
//
// The assembled instance goes through parse_instance, so every FORMAT.md rule is checked; each
// problem is prefixed with the file, layer and feature it came from. The horizon defaults to
// whole days (1440 minutes) covering the latest due minute and every departure the lanes layer
// lists.
#pragma once

#include <optional>
#include <string>

#include "geo/ogr_source.h"
#include "network/instance.h"

namespace mm::geo {

struct ImportOptions {
  LayerSource facilities;
  LayerSource demand;
  std::optional<LayerSource> lanes;       // exactly one of lanes and lane_rules
  std::optional<std::string> lane_rules;  // RULES.json
  std::string vehicles;                   // VEHICLES.json
  std::optional<std::string> mapping;     // MAPPING.json
  std::string name = "imported";
  std::optional<int> horizon_minutes;
  std::optional<int> time_step_minutes;
  std::optional<double> unserved_penalty_per_package;
};

// Throws network::InputError (a source, field or value cannot be read) or
// network::ValidationError (the instance breaks a FORMAT.md rule).
network::Instance import_instance(const ImportOptions& options);

}  // namespace mm::geo
