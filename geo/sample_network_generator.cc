#include "geo/sample_network_generator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "geo/generator_support.h"
#include "geo/nearest_facilities.h"
#include "network/derived_values.h"
#include "network/errors.h"
#include "network/geodesic.h"

namespace mm::geo {
namespace {

using network::Demand;
using network::Facility;
using network::FacilityKind;
using network::InputError;
using network::InstanceData;
using network::Lane;
using network::Mode;
using network::VehicleType;

constexpr int kHorizonMinutes = 3 * 1440;
constexpr int kSampleTimeStepMinutes = 30;
constexpr double kMinimumSpacingKm = 15.0;
constexpr double kSampleDirectStationKm = 150.0;
constexpr double kSampleSortCenterLinkKm = 900.0;
constexpr std::size_t kSortCenterLinksPerCenter = 6;
constexpr std::size_t kSortCentersPerOrigin = 3;
constexpr std::size_t kSampleSortCentersPerStation = 2;
constexpr double kAirMinimumKm = 800.0;
constexpr double kHubReachKm = 1000.0;

double geodesic_km(const Facility& a, const Facility& b) {
  return network::geodesic_km(a.lon, a.lat, b.lon, b.lat);
}

// The facilities' cities: the most populous reachable cities (within the radius, if any).
std::vector<City> select_cities(const std::vector<City>& cities,
                                const SampleNetworkOptions& options) {
  std::vector<City> candidates;
  for (const City& city : cities)
    if (reachable_by_truck(city)) candidates.push_back(city);
  if (options.radius_km) {
    const City origin = find_center(cities, options.center);
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [&](const City& city) {
                                      return network::geodesic_km(origin.lon, origin.lat, city.lon,
                                                                  city.lat) > *options.radius_km;
                                    }),
                     candidates.end());
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const City& a, const City& b) { return a.population > b.population; });
  // One facility per place: a city closer than kMinimumSpacingKm to a larger one chosen already
  // is part of its urban area (New York's boroughs are separate rows of the table).
  std::vector<City> chosen;
  for (const City& city : candidates) {
    if (chosen.size() == static_cast<std::size_t>(options.facilities)) break;
    bool separate = std::all_of(chosen.begin(), chosen.end(), [&](const City& other) {
      return network::geodesic_km(city.lon, city.lat, other.lon, other.lat) >= kMinimumSpacingKm;
    });
    if (separate) chosen.push_back(city);
  }
  if (chosen.size() < static_cast<std::size_t>(options.facilities))
    throw InputError("only " + std::to_string(chosen.size()) +
                     (chosen.size() == 1 ? " city" : " cities") + " available for " +
                     std::to_string(options.facilities) + " facilities");
  return chosen;
}

// Geodesic km between every pair of cities, row-major.
std::vector<double> distance_matrix(const std::vector<City>& cities) {
  const std::size_t n = cities.size();
  std::vector<double> km(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      km[i * n + j] = km[j * n + i] =
          network::geodesic_km(cities[i].lon, cities[i].lat, cities[j].lon, cities[j].lat);
  return km;
}

// Departures every 2, 3 or 4 hours from a random offset (trucks), or one a night (air).
std::vector<int> draw_departures(Random& random, Mode mode) {
  std::vector<int> departures;
  if (mode == Mode::air) {
    int night = random.between(40, 52) * 30;  // 20:00 to 02:00
    for (int t = night % 1440; t < kHorizonMinutes; t += 1440) departures.push_back(t);
    return departures;
  }
  int interval = random.between(2, 4) * 60;
  int offset = random.between(0, interval / kSampleTimeStepMinutes - 1) * kSampleTimeStepMinutes;
  for (int t = offset; t < kHorizonMinutes; t += interval) departures.push_back(t);
  return departures;
}

class LaneBuilder {
 public:
  LaneBuilder(InstanceData& data, Random& random) : data_(data), random_(random) {}

  // Adds the lane unless it exists already (rules overlap, e.g. sort center links both ways).
  void add(std::size_t from, std::size_t to, std::size_t vehicle_type) {
    if (from == to || !seen_.emplace(from, to, vehicle_type).second) return;
    Lane lane = lane_with_derived_values(data_, from, to, vehicle_type);
    lane.departures = draw_departures(random_, data_.vehicle_types[vehicle_type].mode);
    data_.lanes.push_back(std::move(lane));
  }

 private:
  InstanceData& data_;
  Random& random_;
  std::set<std::tuple<std::size_t, std::size_t, std::size_t>> seen_;
};

// With `cyclic`, every type runs a daily schedule (geo/generator_support.h, make_cyclic).
std::vector<VehicleType> vehicle_types(bool with_air, std::size_t air_hubs, bool cyclic) {
  std::vector<VehicleType> types;
  types.push_back(vehicle_type("truck53", Mode::truck, {100.0, 20000.0}, 250.0, 1.6, 75.0, 1.2));
  types.push_back(vehicle_type("box_truck", Mode::truck, {40.0, 8000.0}, 120.0, 1.0, 70.0, 1.2));
  if (cyclic) {
    make_cyclic(types[0], 30, 150.0);
    make_cyclic(types[1], 30, 80.0);
  }
  if (with_air) {
    types.push_back(vehicle_type("b767", Mode::air, {400.0, 52000.0}, 9000.0, 11.0, 800.0, 1.0));
    types.back().fleet = static_cast<int>(std::clamp<std::size_t>(air_hubs, 4, 8));
    if (cyclic) make_cyclic(types.back(), 60, 20000.0);
  }
  return types;
}

void check_options(const SampleNetworkOptions& options) {
  if (options.facilities < 4)
    throw InputError("--facilities must be at least 4, got " + std::to_string(options.facilities));
  if (options.demands < 1)
    throw InputError("--demands must be at least 1, got " + std::to_string(options.demands));
  if (options.radius_km && !(*options.radius_km > 0.0))
    throw InputError("--radius-km must be positive");
  if (options.center && !options.radius_km) throw InputError("--center needs --radius-km");
}

}  // namespace

std::optional<int> earliest_arrival_minute(const InstanceData& data, const Demand& demand) {
  return EarliestArrival(data).arrival(demand);
}

SampleNetwork generate_sample_network(const std::vector<City>& all_cities,
                                      const SampleNetworkOptions& options) {
  check_options(options);
  std::vector<City> cities = select_cities(all_cities, options);
  const std::size_t n = cities.size();
  Random random(options.seed);

  // Tiers. Origins are the largest cities; hubs, then sort centers, are central to the rest.
  const std::size_t origin_count = std::max<std::size_t>(1, (n + 5) / 10);
  const std::size_t sort_count = std::max<std::size_t>(2, (n * 15 + 50) / 100);
  const std::size_t hub_count = n < 30 ? 0 : std::clamp<std::size_t>(n / 25, 2, 8);
  const std::vector<double> km = distance_matrix(cities);
  std::vector<bool> taken(n, false);
  std::vector<std::size_t> origin_cities;
  for (std::size_t i = 0; i < origin_count; ++i) taken[i] = true, origin_cities.push_back(i);
  std::vector<double> weights;
  for (const City& city : cities) weights.push_back(static_cast<double>(city.population));
  std::vector<std::size_t> hub_cities = pick_central(weights, km, taken, hub_count);
  std::vector<std::size_t> sort_cities = pick_central(weights, km, taken, sort_count);
  std::vector<std::size_t> station_cities;
  for (std::size_t i = 0; i < n; ++i)
    if (!taken[i]) station_cities.push_back(i);
  std::sort(hub_cities.begin(), hub_cities.end());
  std::sort(sort_cities.begin(), sort_cities.end());

  InstanceData data;
  data.name = options.name;
  data.horizon_minutes = kHorizonMinutes;
  data.time_step_minutes = kSampleTimeStepMinutes;
  data.vehicle_types = vehicle_types(hub_count >= 2, hub_count, options.cyclic);
  if (options.cyclic) data.cycle_minutes = 1440;
  const std::size_t truck53 = 0, box_truck = 1, air = 2;

  std::vector<std::int64_t> population;  // per facility, of its city
  std::unordered_set<std::string> ids;
  std::vector<std::size_t> origins, hubs, sorts, stations;
  auto add_facilities = [&](const std::vector<std::size_t>& members, FacilityKind kind,
                            const char* prefix, std::vector<std::size_t>& indices) {
    for (std::size_t c : members) {
      Facility facility;
      facility.id = unique_facility_id(prefix, cities[c], ids);
      facility.kind = kind;
      facility.lon = cities[c].lon;
      facility.lat = cities[c].lat;
      switch (kind) {
        case FacilityKind::origin:
          facility.handling_minutes = 60;
          break;
        case FacilityKind::sort_center:
          facility.handling_minutes = random.between(2, 4) * 30;
          facility.handling_cost_per_package = 0.05;
          break;
        case FacilityKind::air_hub:
          facility.handling_minutes = random.between(2, 4) * 30;
          facility.handling_cost_per_package = 0.08;
          break;
        case FacilityKind::delivery_station:
          facility.handling_minutes = 30;
          break;
      }
      indices.push_back(data.facilities.size());
      data.facilities.push_back(std::move(facility));
      population.push_back(cities[c].population);
    }
  };
  add_facilities(origin_cities, FacilityKind::origin, "FC-", origins);
  add_facilities(hub_cities, FacilityKind::air_hub, "AH-", hubs);
  add_facilities(sort_cities, FacilityKind::sort_center, "SC-", sorts);
  add_facilities(station_cities, FacilityKind::delivery_station, "DS-", stations);

  // Lanes, rule by rule (see the header).
  NearestFacilities near_sort(data.facilities, sorts);
  NearestFacilities near_hub(data.facilities, hubs);
  NearestFacilities near_station(data.facilities, stations);
  LaneBuilder lanes(data, random);
  for (std::size_t o : origins) {
    for (auto [km, s] : near_sort.nearest(o, kSortCentersPerOrigin)) lanes.add(o, s, truck53);
    for (auto [km, h] : near_hub.nearest(o, 1)) lanes.add(o, h, truck53);
    for (auto [km, d] : near_station.nearest(o, stations.size()))
      if (km < kSampleDirectStationKm) lanes.add(o, d, box_truck);
  }
  for (std::size_t s : sorts) {
    for (auto [km, t] : near_sort.nearest(s, kSortCenterLinksPerCenter)) {
      if (km >= kSampleSortCenterLinkKm) continue;
      lanes.add(s, t, truck53);
      lanes.add(t, s, truck53);
    }
  }
  // Each station from its nearest sort centers, grouped by sort center for a readable file.
  std::map<std::size_t, std::vector<std::size_t>> served_by;
  for (std::size_t d : stations)
    for (auto [km, s] : near_sort.nearest(d, kSampleSortCentersPerStation))
      served_by[s].push_back(d);
  for (auto& [s, served] : served_by)
    for (std::size_t d : served) lanes.add(s, d, box_truck);
  for (std::size_t s : sorts) {
    // Its nearest hub, and every other hub within a day's drive.
    for (auto [km, h] : near_hub.nearest(s, hubs.size())) {
      if (h != near_hub.nearest(s, 1).front().second && km > kHubReachKm) continue;
      lanes.add(s, h, truck53);
      lanes.add(h, s, truck53);
    }
  }
  for (std::size_t a : hubs) {
    for (std::size_t b : hubs) {
      if (a == b) continue;
      const Facility& fa = data.facilities[a];
      const Facility& fb = data.facilities[b];
      bool far = geodesic_km(fa, fb) > kAirMinimumKm;
      lanes.add(a, b, far ? air : truck53);
    }
  }

  // Demand: gravity model on city populations.
  auto cumulative = [&](const std::vector<std::size_t>& members) {
    std::vector<std::int64_t> sums;
    std::int64_t total = 0;
    for (std::size_t f : members) sums.push_back(total += population[f]);
    return sums;
  };
  const std::vector<std::int64_t> origin_weights = cumulative(origins);
  // Per origin: station weights population / (1 + (km / 600)²), as inventory sits near buyers.
  std::vector<std::vector<std::int64_t>> station_weights;
  for (std::size_t o : origins) {
    std::vector<std::int64_t> sums;
    std::int64_t total = 0;
    for (std::size_t d : stations) {
      double km = geodesic_km(data.facilities[o], data.facilities[d]);
      double weight = static_cast<double>(population[d]) / (1.0 + (km / 600.0) * (km / 600.0));
      sums.push_back(total += std::max<std::int64_t>(1, std::llround(weight)));
    }
    station_weights.push_back(std::move(sums));
  }
  for (int k = 0; k < options.demands; ++k) {
    Demand demand;
    demand.id = "d" + std::to_string(k + 1);
    const std::size_t pick = random.weighted(origin_weights);
    demand.origin = origins[pick];
    demand.destination = stations[random.weighted(station_weights[pick])];
    // Most shipments are small; one in four is a large consolidated flow.
    int packages = random.between(1, 4) == 1 ? random.between(600, 3000) : random.between(50, 600);
    demand.packages = packages;
    // 0.025 m³ and 2.5 kg per package, each ±15%; rounded to 0.01 m³ and 0.1 kg.
    demand.cube_m3 = std::round(packages * 25.0 * random.between(85, 115) / 1000.0) / 100.0;
    demand.weight_kg = std::round(packages * 250.0 * random.between(85, 115) / 1000.0) / 10.0;
    demand.ready_minute = random.between(0, 143) * 10;
    // Service standard by zone: 24-30 h local, 30-40 h regional, 40-48 h national; 1 in 10
    // is a tight 12-20 h promise.
    const double km =
        geodesic_km(data.facilities[demand.origin], data.facilities[demand.destination]);
    int half_hours = km < 250.0   ? random.between(48, 60)
                     : km < 800.0 ? random.between(60, 80)
                                  : random.between(80, 96);
    if (random.between(1, 10) == 1) half_hours = random.between(24, 40);
    demand.due_minute = demand.ready_minute + half_hours * 30;
    data.demand.push_back(std::move(demand));
  }

  // Sort capacity: a fifth of the volume expected through the facility (demand passes the
  // sort center nearest its origin and the one nearest its destination, and the hubs nearest
  // both when it travels far) may leave in one hour, and never less than its largest demand.
  std::vector<double> volume(data.facilities.size(), 0.0), largest(data.facilities.size(), 0.0);
  auto through = [&](std::size_t f, double packages) {
    volume[f] += packages;
    largest[f] = std::max(largest[f], packages);
  };
  for (const Demand& demand : data.demand) {
    std::set<std::size_t> passes;
    for (auto [km, s] : near_sort.nearest(demand.origin, 1)) passes.insert(s);
    for (auto [km, s] : near_sort.nearest(demand.destination, 1)) passes.insert(s);
    const Facility& a = data.facilities[demand.origin];
    const Facility& b = data.facilities[demand.destination];
    if (!hubs.empty() && geodesic_km(a, b) > kAirMinimumKm) {
      for (auto [km, h] : near_hub.nearest(demand.origin, 1)) passes.insert(h);
      for (auto [km, h] : near_hub.nearest(demand.destination, 1)) passes.insert(h);
    }
    for (std::size_t f : passes) through(f, demand.packages);
  }
  for (std::size_t f : sorts)
    data.facilities[f].sort_capacity_per_hour =
        std::max(500.0, std::ceil(std::max(0.2 * volume[f], largest[f]) / 100.0) * 100.0);
  for (std::size_t f : hubs)
    data.facilities[f].sort_capacity_per_hour =
        std::max(500.0, std::ceil(std::max(0.2 * volume[f], largest[f]) / 100.0) * 100.0);

  // The format's default penalty, written out explicitly.
  data.unserved_penalty_per_package =
      network::default_unserved_penalty(data.vehicle_types, data.lanes);

  SampleNetworkReport report;
  report.origins = origins.size();
  report.sort_centers = sorts.size();
  report.air_hubs = hubs.size();
  report.delivery_stations = stations.size();
  report.lanes = data.lanes.size();
  for (const Lane& lane : data.lanes) report.departures += lane.departures.size();
  report.demands = data.demand.size();
  EarliestArrival search(data);
  for (const Demand& demand : data.demand) {
    auto arrival = search.arrival(demand);
    if (arrival && *arrival <= demand.due_minute) ++report.demands_with_path;
  }
  return SampleNetwork{network::Instance::create(std::move(data), options.name), report};
}

}  // namespace mm::geo
