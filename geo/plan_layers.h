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
//               (arrival ≤ the demand's due minute);
// and, when the instance has a cyclic vehicle type (FORMAT.md, "Vehicle balance"):
//   repositioning  line per empty move: lane (whose distance it uses; it may run in reverse),
//               vehicle_type, from, to, departure_minute, arrival_minute, vehicles, cost;
//   rotations   line through a rotation's facilities in order, back to where it began: id,
//               vehicle_type, cycles, legs, empty_legs, stops ("A > B ~> A": `>` loaded, `~>`
//               empty).
//
// `path` ends in .gpkg (one file, four layers) or .geojson (GeoJSON holds one layer per file:
// `<stem>.facilities.geojson`, `<stem>.departures.geojson`, …). Files are written atomically.
// Throws network::InputError when the plan names a lane, facility or demand the instance does
// not have, or a file cannot be written.
#pragma once

#include <string>
#include <vector>

#include "network/instance.h"
#include "network/plan.h"

namespace mm::geo {

// The layers write_plan_layers writes for a plan of `instance`, in order (for
// check_layers_writable before solving).
std::vector<std::string> plan_layer_names(const network::Instance& instance);

void write_plan_layers(const network::Instance& instance, const network::Plan& plan,
                       const std::string& path);

}  // namespace mm::geo
