#include "geo/middle_mile_generator.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "geo/generator_support.h"
#include "geo/nearest_facilities.h"
#include "network/errors.h"
#include "network/geodesic.h"

namespace mm::geo {
namespace {

using network::Demand;
using network::Facility;
using network::FacilityKind;
using network::InputError;
using network::InstanceData;
using network::Mode;
using network::VehicleType;

constexpr int kDay = 1440;
constexpr int kTimeStepMinutes = 30;
constexpr int kMaxDays = 14;
constexpr double kPlaceSpacingKm = 8.0;
constexpr double kOriginSortCenterKm = 1500.0;
constexpr double kDirectStationKm = 250.0;
constexpr double kSortCenterLinkKm = 1800.0;
constexpr std::size_t kSortCentersPerStation = 2;
constexpr double kFlightMinimumKm = 1000.0;
constexpr double kFirstWaveShare = 0.4;
constexpr double kNextDayKm = 450.0;
constexpr double kSecondDayKm = 1500.0;
constexpr std::size_t kTruck53 = 0, kBox26 = 1, kFreighter = 2;

std::string count_text(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void check_options(const MiddleMileOptions& o) {
  auto at_least = [](int value, int minimum, const char* flag) {
    if (value < minimum)
      throw InputError(std::string(flag) + " must be at least " + std::to_string(minimum) +
                       ", got " + std::to_string(value));
  };
  at_least(o.origins, 1, "--origins");
  at_least(o.sort_centers, 1, "--sort-centers");
  at_least(o.air_hubs, 0, "--air-hubs");
  at_least(o.stations, 1, "--stations");
  if (o.days < 1 || o.days > kMaxDays)
    throw InputError("--days must be between 1 and " + std::to_string(kMaxDays) + ", got " +
                     std::to_string(o.days));
  const int t = o.trunk_departures_per_day;
  if (t < 1 || kDay % t != 0 || (kDay / t) % kTimeStepMinutes != 0)
    throw InputError(
        "--trunk-departures must divide a day into whole 30-minute steps (1, 2, 3, "
        "4, 6, 8, 12, 16, 24 or 48), got " +
        std::to_string(t));
  if (o.sort_capacity_per_hour &&
      !(*o.sort_capacity_per_hour > 0.0 && *o.sort_capacity_per_hour <= 1e12))
    throw InputError("--sort-capacity must be positive");
  if (o.freighters) {
    at_least(*o.freighters, 1, "--freighters");
    if (o.air_hubs == 0) throw InputError("--freighters needs at least one air hub (--air-hubs)");
  }
  if (!(o.unserved_penalty_per_package >= 0.0 && o.unserved_penalty_per_package <= 1e12))
    throw InputError("--unserved-penalty must be between 0 and 1e12");
  if (o.packages_per_day && !(*o.packages_per_day >= 1.0 && *o.packages_per_day <= 1e9))
    throw InputError("--packages-per-day must be between 1 and 1e9");
  if (o.radius_km && !(*o.radius_km > 0.0)) throw InputError("--radius-km must be positive");
  if (o.center && !o.radius_km) throw InputError("--center needs --radius-km");
}

// The places facilities may take, most populous first: reachable cities of the region at least
// kPlaceSpacingKm from every larger place (a city that close is part of its urban area). A grid
// of 0.1° cells keeps the spacing check local.
std::vector<City> select_places(const std::vector<City>& cities, const MiddleMileOptions& options) {
  std::set<std::string> states(options.states.begin(), options.states.end());
  for (const std::string& state : states) {
    bool known = std::any_of(cities.begin(), cities.end(),
                             [&](const City& city) { return city.state == state; });
    if (!known) throw InputError("--region: no city of the table is in state \"" + state + "\"");
  }
  std::optional<City> center;
  if (options.radius_km) center = find_center(cities, options.center);
  std::vector<City> candidates;
  for (const City& city : cities) {
    if (!reachable_by_truck(city)) continue;
    if (!states.empty() && states.count(city.state) == 0) continue;
    if (center &&
        network::geodesic_km(center->lon, center->lat, city.lon, city.lat) > *options.radius_km)
      continue;
    candidates.push_back(city);
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const City& a, const City& b) { return a.population > b.population; });
  auto cell = [](double degrees) { return static_cast<long>(std::floor(degrees * 10.0)); };
  std::map<std::pair<long, long>, std::vector<std::size_t>> grid;
  std::vector<City> places;
  for (const City& city : candidates) {
    const long row = cell(city.lat), column = cell(city.lon);
    bool separate = true;
    // 0.1° of latitude is 11 km; of longitude at least 5.5 km below 60° north, so two cells.
    for (long r = row - 1; r <= row + 1 && separate; ++r) {
      for (long c = column - 2; c <= column + 2 && separate; ++c) {
        auto found = grid.find({r, c});
        if (found == grid.end()) continue;
        for (std::size_t p : found->second) {
          if (network::geodesic_km(city.lon, city.lat, places[p].lon, places[p].lat) <
              kPlaceSpacingKm) {
            separate = false;
            break;
          }
        }
      }
    }
    if (!separate) continue;
    grid[{row, column}].push_back(places.size());
    places.push_back(city);
  }
  return places;
}

// `count` of the places not excluded, each drawn with probability ∝ population, without
// replacement.
std::vector<std::size_t> draw_places(Random& random, const std::vector<City>& places,
                                     const std::vector<bool>& excluded, std::size_t count) {
  std::vector<std::int64_t> weight(places.size(), 0);
  for (std::size_t p = 0; p < places.size(); ++p)
    if (!excluded[p]) weight[p] = places[p].population;
  std::vector<std::int64_t> cumulative(places.size());
  std::vector<std::size_t> drawn;
  while (drawn.size() < count) {
    std::int64_t sum = 0;
    for (std::size_t p = 0; p < places.size(); ++p) cumulative[p] = sum += weight[p];
    std::size_t pick = random.weighted(cumulative);
    weight[pick] = 0;
    drawn.push_back(pick);
  }
  return drawn;
}

std::vector<VehicleType> vehicle_types(const MiddleMileOptions& options) {
  std::vector<VehicleType> types;
  types.push_back(vehicle_type("truck53", Mode::truck, {95.0, 20000.0}, 150.0, 1.7, 72.0, 1.2, {}));
  types.push_back(vehicle_type("box26", Mode::truck, {40.0, 4500.0}, 90.0, 1.1, 65.0, 1.25, {}));
  if (options.air_hubs > 0)
    types.push_back(vehicle_type("b767f", Mode::air, {430.0, 52000.0}, 6000.0, 9.0, 780.0, 1.05,
                                 options.freighters));
  if (options.cyclic)
    for (VehicleType& type : types)
      type.mode == Mode::air ? make_cyclic(type, 60, 5000.0) : make_cyclic(type, 30, 100.0);
  return types;
}

// Every `interval` minutes from `first` to the end of the horizon.
std::vector<int> schedule(int first, int interval, int horizon) {
  std::vector<int> departures;
  for (int t = first; t < horizon; t += interval) departures.push_back(t);
  return departures;
}

class Builder {
 public:
  Builder(const MiddleMileOptions& options, const std::vector<City>& places)
      : options_(options), places_(places), random_(options.seed) {
    data_.name = options.name;
    data_.horizon_minutes = (options.days + 3) * kDay;
    data_.time_step_minutes = kTimeStepMinutes;
    data_.unserved_penalty_per_package = options.unserved_penalty_per_package;
    data_.vehicle_types = vehicle_types(options);
    if (options.cyclic) data_.cycle_minutes = kDay;
  }

  SampleNetwork build() {
    place_facilities();
    add_lanes();
    add_demand();
    SampleNetworkReport report = make_report();
    return SampleNetwork{network::Instance::create(std::move(data_), options_.name), report};
  }

 private:
  void place_facilities() {
    const std::size_t stations = static_cast<std::size_t>(options_.stations);
    const std::size_t hubs = static_cast<std::size_t>(options_.air_hubs);
    const std::size_t sorts = static_cast<std::size_t>(options_.sort_centers);
    const std::size_t origins = static_cast<std::size_t>(options_.origins);
    const std::string region = options_.states.empty() && !options_.radius_km
                                   ? std::string()
                                   : std::string(" in the region");
    if (places_.size() < stations)
      throw InputError("only " + count_text(places_.size(), "place", "places") + region +
                       " (cities " + std::to_string(static_cast<int>(kPlaceSpacingKm)) +
                       " km apart) for " +
                       count_text(stations, "delivery station", "delivery stations"));
    if (places_.size() < sorts + hubs + origins)
      throw InputError("only " + count_text(places_.size(), "place", "places") + region + " for " +
                       std::to_string(origins) + " origins, " + std::to_string(sorts) +
                       " sort centers and " + std::to_string(hubs) +
                       " air hubs (each in a place of its own)");

    std::vector<bool> none(places_.size(), false);
    std::vector<std::size_t> station_places = draw_places(random_, places_, none, stations);

    // Hubs and sort centers central to the stations' demand, among the largest places.
    std::vector<double> station_weight;
    for (std::size_t p : station_places) {
      const double people = static_cast<double>(places_[p].population);
      station_weight.push_back(std::sqrt(people) * std::sqrt(std::sqrt(people)) *
                               random_.between(60, 140) / 100.0);
    }
    const std::size_t candidates =
        std::min(places_.size(), std::max<std::size_t>(200, 3 * (sorts + hubs) + origins));
    std::vector<double> km(candidates * stations);
    for (std::size_t c = 0; c < candidates; ++c)
      for (std::size_t s = 0; s < stations; ++s)
        km[c * stations + s] =
            network::geodesic_km(places_[c].lon, places_[c].lat, places_[station_places[s]].lon,
                                 places_[station_places[s]].lat);
    std::vector<bool> taken(candidates, false);
    std::vector<std::size_t> hub_places = pick_central(station_weight, km, taken, hubs);
    std::vector<std::size_t> sort_places = pick_central(station_weight, km, taken, sorts);
    std::vector<bool> excluded(places_.size(), false);
    for (std::size_t c = 0; c < candidates; ++c) excluded[c] = taken[c];
    std::vector<std::size_t> origin_places = draw_places(random_, places_, excluded, origins);

    // Places are sorted by population: listing each kind in place order reads largest first.
    auto add = [&](std::vector<std::size_t> members, FacilityKind kind, const char* prefix,
                   std::vector<std::size_t>& indices, const std::vector<double>* weights) {
      std::vector<std::size_t> order(members.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return members[a] < members[b]; });
      for (std::size_t i : order) add_facility(members[i], kind, prefix, indices);
      if (weights != nullptr)
        for (std::size_t i : order) station_weight_.push_back((*weights)[i]);
    };
    add(origin_places, FacilityKind::origin, "FC-", origins_, nullptr);
    add(sort_places, FacilityKind::sort_center, "SC-", sorts_, nullptr);
    add(hub_places, FacilityKind::air_hub, "HUB-", hubs_, nullptr);
    add(station_places, FacilityKind::delivery_station, "DS-", stations_, &station_weight);
  }

  void add_facility(std::size_t place, FacilityKind kind, const char* prefix,
                    std::vector<std::size_t>& indices) {
    const City& city = places_[place];
    Facility facility;
    facility.id = unique_facility_id(prefix, city, ids_);
    facility.kind = kind;
    facility.lon = city.lon;
    facility.lat = city.lat;
    if (occupied_[place]++ > 0) {
      // Another building of the same city: 150–400 ten-thousandths of a degree away each way.
      auto shift = [&](double degrees) {
        int step = random_.between(150, 400) * (random_.between(0, 1) == 0 ? -1 : 1);
        return static_cast<double>(std::llround(degrees * 1e4) + step) / 1e4;
      };
      facility.lat = shift(city.lat);
      facility.lon = shift(city.lon);
    }
    switch (kind) {
      case FacilityKind::origin:
        facility.handling_minutes = 30;
        break;
      case FacilityKind::sort_center:
        facility.handling_minutes = 60;
        facility.handling_cost_per_package = 0.04;
        facility.sort_capacity_per_hour = options_.sort_capacity_per_hour;
        break;
      case FacilityKind::air_hub:
        facility.handling_minutes = 90;
        facility.handling_cost_per_package = 0.06;
        break;
      case FacilityKind::delivery_station:
        facility.handling_minutes = 0;
        break;
    }
    indices.push_back(data_.facilities.size());
    data_.facilities.push_back(std::move(facility));
  }

  void add_lane(std::size_t from, std::size_t to, std::size_t vehicle_type,
                std::vector<int> departures) {
    if (from == to || !seen_.emplace(from, to, vehicle_type).second) return;
    network::Lane lane = lane_with_derived_values(data_, from, to, vehicle_type);
    lane.departures = std::move(departures);
    data_.lanes.push_back(std::move(lane));
  }

  void add_lanes() {
    const int horizon = data_.horizon_minutes;
    const int trunk = kDay / options_.trunk_departures_per_day;
    const int half_trunk = trunk / 2 / kTimeStepMinutes * kTimeStepMinutes;
    const std::vector<int> from_origin = schedule(half_trunk, trunk, horizon);
    const std::vector<int> between_sorts = schedule(trunk, trunk, horizon);
    const std::vector<int> feeder = schedule(0, trunk, horizon);
    const std::vector<int> direct = schedule(0, kDay / 4, horizon);
    const std::vector<int> to_station = schedule(0, kDay / 6, horizon);
    const std::vector<int> flights = schedule(0, kDay / 2, horizon);

    NearestFacilities near_sort(data_.facilities, sorts_);
    NearestFacilities near_hub(data_.facilities, hubs_);
    NearestFacilities near_station(data_.facilities, stations_);
    for (std::size_t o : origins_) {
      for (auto [km, s] : near_sort.nearest(o, 1)) add_lane(o, s, kTruck53, from_origin);
      for (auto [km, s] : near_sort.within(o, kOriginSortCenterKm))
        add_lane(o, s, kTruck53, from_origin);
      for (auto [km, h] : near_hub.nearest(o, 1)) add_lane(o, h, kTruck53, feeder);
      for (auto [km, d] : near_station.within(o, kDirectStationKm)) add_lane(o, d, kBox26, direct);
    }
    for (std::size_t s : sorts_)
      for (auto [km, t] : near_sort.within(s, kSortCenterLinkKm))
        add_lane(s, t, kTruck53, between_sorts);
    // Each station from its nearest sort centers, grouped by sort center for a readable file.
    std::map<std::size_t, std::vector<std::size_t>> served_by;
    for (std::size_t d : stations_)
      for (auto [km, s] : near_sort.nearest(d, kSortCentersPerStation)) served_by[s].push_back(d);
    for (auto& [s, served] : served_by) {
      for (std::size_t d : served) {
        add_lane(s, d, kTruck53, to_station);
        add_lane(s, d, kBox26, to_station);
      }
    }
    for (std::size_t s : sorts_) {
      for (auto [km, h] : near_hub.nearest(s, 1)) {
        add_lane(s, h, kTruck53, feeder);
        add_lane(h, s, kTruck53, feeder);
      }
    }
    for (std::size_t a : hubs_) {
      for (std::size_t b : hubs_) add_lane(a, b, kFreighter, flights);
      for (std::size_t s : sorts_) {
        const Facility& hub = data_.facilities[a];
        const Facility& sort = data_.facilities[s];
        if (network::geodesic_km(hub.lon, hub.lat, sort.lon, sort.lat) >= kFlightMinimumKm)
          add_lane(a, s, kFreighter, flights);
      }
    }
  }

  void add_demand() {
    std::vector<int> origin_weight;
    double origin_sum = 0.0, station_sum = 0.0;
    for (std::size_t i = 0; i < origins_.size(); ++i) {
      origin_weight.push_back(random_.between(50, 150));
      origin_sum += origin_weight.back();
    }
    for (double w : station_weight_) station_sum += w;
    const double per_day =
        options_.packages_per_day.value_or(60000.0 + 60.0 * static_cast<double>(origins_.size()) *
                                                         static_cast<double>(stations_.size()));
    std::size_t next_id = 1;
    for (int day = 0; day < options_.days; ++day) {
      for (std::size_t i = 0; i < origins_.size(); ++i) {
        const Facility& origin = data_.facilities[origins_[i]];
        for (std::size_t j = 0; j < stations_.size(); ++j) {
          const Facility& station = data_.facilities[stations_[j]];
          const double km = network::geodesic_km(origin.lon, origin.lat, station.lon, station.lat);
          const int days_to_deliver = km < kNextDayKm ? 1 : km < kSecondDayKm ? 2 : 3;
          const double pair =
              per_day * origin_weight[i] / origin_sum * station_weight_[j] / station_sum;
          for (int wave = 0; wave < 2; ++wave) {
            Demand demand;
            demand.id = "k" + std::to_string(next_id++);
            demand.origin = origins_[i];
            demand.destination = stations_[j];
            const double share = wave == 0 ? kFirstWaveShare : 1.0 - kFirstWaveShare;
            const double packages =
                std::max(1.0, std::round(pair * share * random_.between(85, 115) / 100.0));
            demand.packages = packages;
            demand.cube_m3 = std::round(packages * random_.between(30, 60)) / 1000.0;
            demand.weight_kg = std::round(packages * random_.between(12, 28)) / 10.0;
            demand.ready_minute =
                day * kDay + (wave == 0 ? 720 : 1080) + random_.between(0, 2) * kTimeStepMinutes;
            demand.due_minute = (day + days_to_deliver) * kDay + 480;
            data_.demand.push_back(std::move(demand));
          }
        }
      }
    }
  }

  SampleNetworkReport make_report() const {
    SampleNetworkReport report;
    report.origins = origins_.size();
    report.sort_centers = sorts_.size();
    report.air_hubs = hubs_.size();
    report.delivery_stations = stations_.size();
    report.lanes = data_.lanes.size();
    for (const network::Lane& lane : data_.lanes) report.departures += lane.departures.size();
    report.demands = data_.demand.size();
    // One search per origin and ready minute serves all their demand.
    EarliestArrival search(data_);
    std::map<std::pair<std::size_t, int>, std::vector<int>> arrivals;
    for (const Demand& demand : data_.demand) {
      auto key = std::make_pair(demand.origin, demand.ready_minute);
      auto found = arrivals.find(key);
      if (found == arrivals.end())
        found = arrivals.emplace(key, search.arrivals(demand.origin, demand.ready_minute)).first;
      if (found->second[demand.destination] <= demand.due_minute) ++report.demands_with_path;
    }
    return report;
  }

  const MiddleMileOptions& options_;
  const std::vector<City>& places_;
  Random random_;
  InstanceData data_;
  std::vector<std::size_t> origins_, sorts_, hubs_, stations_;
  std::vector<double> station_weight_;  // per station, in the order of stations_
  std::unordered_set<std::string> ids_;
  std::map<std::size_t, int> occupied_;  // facilities per place
  std::set<std::tuple<std::size_t, std::size_t, std::size_t>> seen_;
};

}  // namespace

void split_facilities(int facilities, MiddleMileOptions& options) {
  if (facilities < 4)
    throw InputError("--facilities must be at least 4, got " + std::to_string(facilities));
  auto share = [&](double fraction) {
    return std::max(1, static_cast<int>(std::lround(facilities * fraction)));
  };
  options.origins = share(0.0625);
  options.sort_centers = share(0.125);
  options.air_hubs = facilities < 50 ? 0 : std::clamp(facilities / 120, 2, 8);
  options.stations = facilities - options.origins - options.sort_centers - options.air_hubs;
}

SampleNetwork generate_middle_mile_network(const std::vector<City>& cities,
                                           const MiddleMileOptions& options) {
  check_options(options);
  std::vector<City> places = select_places(cities, options);
  return Builder(options, places).build();
}

}  // namespace mm::geo
