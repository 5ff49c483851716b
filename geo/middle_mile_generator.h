// Generates networks of the middle-mile benchmark family (`middlemile generate --family
// middle-mile`) from a table of real cities, at any size from a dozen facilities to a national
// network of a thousand facilities and a hundred thousand demands.
//
// Places. The cities a truck reaches (optionally only those of `states` and within `radius_km`
// of a center) from the most populous down, skipping any within 8 km of a larger one taken.
// Delivery stations are drawn among the places with probability ∝ population, without
// replacement. Air hubs, then sort centers (never in the same place), are picked central to the
// stations' demand by a greedy p-median among the largest places. Origins (fulfillment
// centers) are drawn ∝ population among the places without a sort center or hub. A facility in
// a place that holds one already (a station in a sort center's city) is moved 1.5–4 km.
// Handling: origin 30 min; sort center 60 min and 0.04 per package (and `sort_capacity_per_hour`
// when given); air hub 90 min and 0.06; delivery station 0.
//
// Vehicles: 53 ft truck (95 m³, 20 t, 150 + 1.7/km, 72 km/h, circuity 1.2), 26 ft box truck
// (40 m³, 4.5 t, 90 + 1.1/km, 65 km/h, 1.25) and, with air hubs, a B767 freighter (430 m³,
// 52 t, 6,000 + 9/km, 780 km/h, 1.05; `freighters` is its fleet, none: unlimited).
//
// Lanes, each with an explicit schedule over the whole horizon (a "trunk" schedule is
// `trunk_departures_per_day`, default 12: every 2 h):
//   origin → every sort center within 1,500 km (at least the nearest), 53 ft, trunk schedule
//     from half an interval (minute 60 at 12 a day);
//   origin → delivery stations within 250 km, box truck, 4 a day (every 6 h from 0);
//   sort center → sort center within 1,800 km, 53 ft, trunk schedule from one interval;
//   sort center → each station of which it is one of the 2 nearest sort centers, by 53 ft and
//     by box truck, 6 a day (every 4 h from 0);
//   origin → its nearest air hub, sort center ↔ its nearest air hub, 53 ft, trunk from 0;
//   air hub → air hub and air hub → sort centers 1,000 km or more away, by freighter, 2 a
//     day (0:00 and 12:00).
// Distance, transit and trip cost are the format's derived values, written out.
//
// Demand: for each service day d (of `days`), one record per origin, station and wave: a first
// wave ready at 12:00 (+0, 30 or 60 min) with about 40% of the pair's packages and a second
// ready at 18:00 (+0 to 60 min) with 60%, both due at 08:00 one, two or three days later by the
// origin–station distance (under 450 km, under 1,500 km, beyond). A pair's packages are
// `packages_per_day` × its origin's weight (uniform 50–150) × its station's weight (population
// ^0.75 × 0.6–1.4) over the sums, ±15% per record, at least 1; 0.030–0.060 m³ and 1.2–2.8 kg
// per package. The horizon is `days` + 3 days at 30-minute steps; the unserved penalty is
// explicit (default 25 per package, so serving must pay for a share of a vehicle).
//
// All draws are integer arithmetic on std::mt19937_64 (geo/generator_support.h): the same
// options give the same file on every platform.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/city_table.h"
#include "geo/sample_network_generator.h"

namespace mm::geo {

struct MiddleMileOptions {
  int origins = 1;       // ≥ 1
  int sort_centers = 2;  // ≥ 1
  int air_hubs = 0;      // ≥ 0
  int stations = 12;     // ≥ 1
  int days = 1;          // service days of demand, 1–14; the horizon is days + 3 days
  int trunk_departures_per_day = 12;             // divides a day into whole 30-minute steps
  std::optional<double> sort_capacity_per_hour;  // at every sort center; none: unlimited
  std::optional<int> freighters;                 // the freighter fleet; none: unlimited
  double unserved_penalty_per_package = 25.0;
  std::optional<double> packages_per_day;  // none: 60,000 + 60 × origins × stations
  std::vector<std::string> states;         // keep only cities of these state ids; empty: all
  std::optional<std::string> center;       // as in SampleNetworkOptions
  std::optional<double> radius_km;
  // Every type cyclic over a daily cycle (cycle_minutes 1,440; turn 30 minutes for trucks, 60
  // for freighters; 100 a truck and 5,000 a freighter per day of ownership), as
  // bench/make_cyclic.py makes the shared benchmark networks cyclic.
  bool cyclic = false;
  std::uint64_t seed = 1;
  std::string name = "middle-mile";
};

// Sets the four counts of `options` to `facilities` split in the family's proportions: about
// 6% origins, 12.5% sort centers, air hubs from 50 facilities (one per 120, 2 to 8), the rest
// delivery stations. Throws network::InputError below 4 facilities.
void split_facilities(int facilities, MiddleMileOptions& options);

// Throws network::InputError for options out of range, an unknown center or state, or a region
// with fewer places than the facilities asked for.
SampleNetwork generate_middle_mile_network(const std::vector<City>& cities,
                                           const MiddleMileOptions& options);

}  // namespace mm::geo
