#include "network/derived_values.h"

#include <algorithm>
#include <cmath>

#include "network/geodesic.h"

namespace mm::network {

namespace {
// Dropping a package costs as much as this many of the dearest trips...
constexpr double kPenaltyTripMultiple = 100.0;
// ... or, when every trip is free (or there are no lanes and no vehicles), this per package.
constexpr double kFallbackPenalty = 1.0;
}  // namespace

std::string default_lane_id(const std::string& from, const std::string& to,
                            const std::string& vehicle_type) {
  return from + ">" + to + ":" + vehicle_type;
}

double derived_distance_km(const Facility& from, const Facility& to, const VehicleType& vehicle) {
  return geodesic_km(from.lon, from.lat, to.lon, to.lat) * vehicle.circuity;
}

double derived_transit_minutes(double distance_km, double speed_kmh) {
  const double minutes = distance_km / speed_kmh * 60.0;
  return std::ceil(minutes - 1e-9 * std::max(1.0, minutes));
}

double derived_trip_cost(const VehicleType& vehicle, double distance_km) {
  return vehicle.cost_per_trip + vehicle.cost_per_km * distance_km;
}

double empty_move_cost(const VehicleType& vehicle, double distance_km) {
  return vehicle.empty_cost_per_trip +
         vehicle.empty_cost_per_km.value_or(vehicle.cost_per_km) * distance_km;
}

double default_unserved_penalty(const std::vector<VehicleType>& vehicle_types,
                                const std::vector<Lane>& lanes) {
  double dearest_trip = 0.0;
  for (const Lane& lane : lanes) dearest_trip = std::max(dearest_trip, lane.cost_per_trip);
  if (lanes.empty())
    for (const VehicleType& vehicle : vehicle_types)
      dearest_trip = std::max(dearest_trip, vehicle.cost_per_trip);
  const double penalty = kPenaltyTripMultiple * dearest_trip;
  return penalty > 0 ? penalty : kFallbackPenalty;
}

}  // namespace mm::network
