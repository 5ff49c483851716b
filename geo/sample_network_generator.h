// Generates realistic, reproducible middlemile instances from a table of real cities: the demo
// instance that ships in data/ and the small / medium / large planner benchmarks.
//
// Network. The `facilities` most populous cities (optionally only those within `radius_km` of
// a center city), skipping any within 15 km of a larger one taken (its urban area), each get
// one facility. The ~10% largest become origins (fulfillment centers);
// for 30 or more facilities, 2 to 8 air hubs (one per 25 facilities), then ~15% sort centers,
// are placed central to the population by a greedy p-median (each pick most reduces Σ population
// × km from every city to its nearest pick); everything else is a delivery station. Lanes follow
// tier rules on geodesic (WGS84) distances, with nearest neighbours found in an R-tree:
//   origin → its 3 nearest sort centers and its nearest air hub (53' truck);
//   origin → delivery stations closer than 150 km (box truck);
//   sort center ↔ sort center closer than 900 km, at most the 6 nearest of each (53' truck);
//   sort center → the delivery stations for which it is one of the 2 nearest (box truck);
//   sort center ↔ its nearest air hub and any other hub within 1000 km (53' truck);
//   air hub ↔ air hub: by air when more than 800 km apart, else by 53' truck.
// Every lane has an explicit departure list, one every 2, 3 or 4 hours from a random offset
// (planes: one a night, 20:00 to 02:00), so the time-expanded network stays moderate. Distance,
// transit and trip cost are the format's derived values (network/derived_values.h), written out:
// geodesic km × the vehicle's circuity (to 0.1 km), ceil(km / speed × 60), per trip + per km × km
// (to 0.01).
//
// Demand (gravity model). Each demand picks an origin with probability ∝ its city's population
// and a delivery station ∝ population / (1 + (km / 600)²) (inventory sits near buyers);
// packages are uniform in [50, 600], or in [600, 3000] for one demand in four, 0.025 m³ and
// 2.5 kg each (±15%). Ready within day 1; due by service zone: 24–30 h under 250 km, 30–40 h
// under 800 km, 40–48 h beyond, and 1 in 10 a tight 12–20 h. Horizon 3 days, time step 30 min.
// Sort capacity of sort centers and hubs is sized from the demand expected through them (the
// sort centers nearest its origin and destination, and the hubs nearest both when it travels
// over 800 km): a fifth of that volume per hour, at least the largest such demand and 500, so
// it rarely, but sometimes, binds. The unserved penalty is the format's default, made explicit.
//
// All draws come from std::mt19937_64 through integer arithmetic implemented here, so a seed
// gives the same instance on every platform. The report counts demand with at least one
// on-time path, found by an earliest-arrival pass over the lanes in real minutes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/city_table.h"
#include "network/instance.h"

namespace mm::geo {

struct SampleNetworkOptions {
  int facilities = 15;  // ≥ 4: one city each
  int demands = 40;     // ≥ 1
  std::uint64_t seed = 1;
  std::string name = "sample";
  // Keep only cities within radius_km of the center (geodesic); the center is a "City, ST" or
  // "City" of the table, by default its most populous city.
  std::optional<std::string> center;
  std::optional<double> radius_km;
  // Every vehicle type cyclic over a daily cycle (turn times, ownership costs; FORMAT.md,
  // "Vehicle balance").
  bool cyclic = false;
};

struct SampleNetworkReport {
  std::size_t origins = 0;
  std::size_t sort_centers = 0;
  std::size_t air_hubs = 0;
  std::size_t delivery_stations = 0;
  std::size_t lanes = 0;
  std::size_t departures = 0;  // over all lanes
  std::size_t demands = 0;
  std::size_t demands_with_path = 0;  // with an on-time path over the lanes
};

struct SampleNetwork {
  network::Instance instance;
  SampleNetworkReport report;
};

// Cities in Alaska, Hawaii and Puerto Rico are skipped: trucks cannot reach them. Throws
// network::InputError for options out of range, an unknown center, or too few cities.
SampleNetwork generate_sample_network(const std::vector<City>& cities,
                                      const SampleNetworkOptions& options);

// Earliest arrival (real minutes) of a package of `demand` at its destination over the lanes of
// `data`, obeying departures, transit and handling (FORMAT.md, "Meaning of time"); nullopt
// when no departure sequence reaches it within the horizon.
std::optional<int> earliest_arrival_minute(const network::InstanceData& data,
                                           const network::Demand& demand);

}  // namespace mm::geo
