// What the two instance generators share (geo/sample_network_generator.h and
// geo/middle_mile_generator.h): platform-independent random draws, the cities a truck can reach
// and their facility codes, the center of a radius, and an earliest-arrival search over lanes
// in real minutes that tells which demand has an on-time path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "geo/city_table.h"
#include "network/instance.h"

namespace mm::geo {

// Integer-based draws on mt19937_64. The standard distributions are implementation-defined, so
// these keep a seed's instance identical across standard libraries.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, n), n > 0, by rejection (no modulo bias).
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
    std::uint64_t draw;
    do draw = engine_();
    while (draw >= limit);
    return draw % n;
  }

  // Uniform integer in [lo, hi].
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // Index i with probability weights[i] / Σ weights, given the running sums of the weights
  // (weights ≥ 0, the last sum > 0); an index of weight 0 is never drawn.
  std::size_t weighted(const std::vector<std::int64_t>& cumulative);

 private:
  std::mt19937_64 engine_;
};

// A one-way vehicle type with these rates (the generators' fleets).
network::VehicleType vehicle_type(const char* id, network::Mode mode, network::Capacity capacity,
                                  double cost_per_trip, double cost_per_km, double speed_kmh,
                                  double circuity, std::optional<int> fleet = std::nullopt);

// A vehicle type made cyclic (FORMAT.md, "Vehicle balance"): its vehicles run a schedule that
// brings them back, with a turn time and an ownership cost per vehicle and cycle; empty moves
// at the loaded rates.
void make_cyclic(network::VehicleType& type, int turn_minutes, double cost_per_vehicle);

// Trucks cannot reach Alaska, Hawaii and Puerto Rico.
bool reachable_by_truck(const City& city);

// "San Antonio", "TX" -> "SAN-ANTONIO-TX": ASCII letters and digits, words joined by '-'.
std::string city_code(const City& city);

// prefix + city_code(city), with "-2", "-3", … appended until it is not in `ids`; then added to
// `ids`.
std::string unique_facility_id(const std::string& prefix, const City& city,
                               std::unordered_set<std::string>& ids);

// The center of a radius: `wanted` ("City, ST" or "City") as the most populous match, or the
// table's most populous city when `wanted` is empty. Throws network::InputError for an unknown
// city.
const City& find_center(const std::vector<City>& cities, const std::optional<std::string>& wanted);

// Greedy p-median: repeatedly takes the candidate not yet `taken` that most reduces Σ weight ×
// km from every client to its nearest pick, as carriers put buildings central to the people they
// serve. `km` is candidates × clients, row-major (`taken.size()` candidates, `weights.size()`
// clients); the picks are marked taken and returned in the order picked (fewer when candidates
// run out).
std::vector<std::size_t> pick_central(const std::vector<double>& weights,
                                      const std::vector<double>& km, std::vector<bool>& taken,
                                      std::size_t count);

// The lane from facility `from` to `to` by `vehicle_type`, without departures, with the
// format's derived values (network/derived_values.h) written out: its default id, the distance
// rounded to 0.1 km, the transit derived from that rounded distance (as the parser would) and
// the trip cost rounded to 0.01.
network::Lane lane_with_derived_values(const network::InstanceData& data, std::size_t from,
                                       std::size_t to, std::size_t vehicle_type);

// Earliest-arrival search over lanes in real minutes. Departures are sorted, so a later
// readiness never gives an earlier arrival (FIFO) and Dijkstra's label setting is exact. A
// package leaves its origin once ready and any other facility after its handling time
// (FORMAT.md, "Time").
class EarliestArrival {
 public:
  static constexpr int kNever = std::numeric_limits<int>::max();

  explicit EarliestArrival(const network::InstanceData& data);

  // At the demand's destination; nullopt when no departure sequence reaches it.
  std::optional<int> arrival(const network::Demand& demand) const;

  // At every facility, for a package ready at `origin` at `ready_minute` (kNever where none
  // reaches): one search serves every demand of that origin and ready minute.
  std::vector<int> arrivals(std::size_t origin, int ready_minute) const;

 private:
  // Settles facilities in order of arrival until `stop` (or all, when stop is out of range).
  std::vector<int> search(std::size_t origin, int ready_minute, std::size_t stop) const;

  const network::InstanceData& data_;
  std::vector<std::vector<std::size_t>> out_;
};

}  // namespace mm::geo
