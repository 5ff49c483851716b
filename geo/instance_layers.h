// Writes an instance's facilities, demand and lanes as layers under the field names
// `middlemile import` reads by default (geo/geodata_import.h), so that importing them back with
// the same vehicle types, horizon, time step and penalty gives the same instance.
//
// facilities: points; demand and lanes: lines from origin/from to destination/to (the import
// ignores those geometries). Lane departures are one text of space-separated minutes; optional
// values that are unset in the instance (sort capacity, vehicles per departure) are null.
// Numbers keep full double precision in a GeoPackage; GeoJSON writes 15 significant digits.
#pragma once

#include <cstddef>
#include <string>
#include <utility>

#include "network/instance.h"

namespace mm::geo {

// `path` ends in .gpkg (one file) or .geojson (one `<stem>.<layer>.geojson` file per layer).
void export_instance_layers(const network::Instance& instance, const std::string& path);

// A facility's point in the layers: (longitude, latitude), the order GDAL's geometries take.
std::pair<double, double> facility_point(const network::Instance& instance, std::size_t facility);

}  // namespace mm::geo
