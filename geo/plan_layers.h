// Writes a plan as layers that open directly in QGIS (WGS84 lon/lat):
//
//   facilities  point per facility: id, kind, packages_handled (packages leaving it on planned
//               departures plus packages delivered to it), peak_sort_utilization (the busiest
//               clock hour's departing packages / sort_capacity_per_hour; null when unlimited);
//   departures  line per planned departure: lane, vehicle_type, from, to, departure_minute,
//               arrival_minute, vehicles, packages, fill_cube, fill_weight, cost (vehicles ×
//               lane cost per trip + packages × lane cost per package);
//   lanes       line per lane of the instance, used or not: id, vehicle_type, mode, from, to,
//               trips (vehicles over all departures), packages, avg_fill_cube, avg_fill_weight
//               (load / (trips × capacity); null without trips);
//   routes      line through a route's facilities: demand, packages, arrival_minute, on_time
//               (arrival ≤ the demand's due minute).
//
// `path` ends in .gpkg (one file, four layers) or .geojson (GeoJSON holds one layer per file:
// `<stem>.facilities.geojson`, `<stem>.departures.geojson`, …). Files are written atomically.
// Throws network::InputError when the plan names a lane, facility or demand the instance does
// not have, or a file cannot be written.
#pragma once

#include <string>

#include "network/instance.h"
#include "network/plan.h"

namespace mm::geo {

void write_plan_layers(const network::Instance& instance, const network::Plan& plan,
                       const std::string& path);

}  // namespace mm::geo
