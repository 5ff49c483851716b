// The values the instance format derives when a file leaves them out (docs/FORMAT.md,
// "Instance"), computed here and nowhere else: the parser, the sample network generator and
// the scenario builder call these, so a lane means the same whoever writes it.
//
//   lane id              FROM>TO:VEHICLE
//   distance_km          geodesic WGS84 km between the facilities × the vehicle's circuity
//   transit_minutes      ceil(distance_km / speed_kmh × 60), forgiving the last bits of binary
//                        rounding: 300 km at 75 km/h is 240 minutes, not 241
//   cost_per_trip        the vehicle's cost_per_trip + cost_per_km × distance_km
//   unserved penalty     100 × the largest lane cost per trip (with no lanes, the largest
//                        vehicle cost per trip), so serving a package beats dropping it whenever
//                        an on-time path exists; 1 per package when every trip is free
//   time_step_minutes    30
//   cycle_minutes        the horizon (Instance::cycle_minutes)
//   empty move cost      a cyclic type's empty_cost_per_trip + empty_cost_per_km × distance_km,
//                        empty_cost_per_km defaulting to its cost_per_km
#pragma once

#include <string>
#include <vector>

#include "network/instance.h"

namespace mm::network {

constexpr int kDefaultTimeStepMinutes = 30;

std::string default_lane_id(const std::string& from, const std::string& to,
                            const std::string& vehicle_type);

double derived_distance_km(const Facility& from, const Facility& to, const VehicleType& vehicle);

// A double, so the caller can check it against the minutes limit before making it an int.
double derived_transit_minutes(double distance_km, double speed_kmh);

double derived_trip_cost(const VehicleType& vehicle, double distance_km);

// What one empty move of a cyclic vehicle type costs over `distance_km` (a lane or its reverse).
double empty_move_cost(const VehicleType& vehicle, double distance_km);

// `lanes` with their trip costs already derived.
double default_unserved_penalty(const std::vector<VehicleType>& vehicle_types,
                                const std::vector<Lane>& lanes);

}  // namespace mm::network
