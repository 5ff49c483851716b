#include "geo/generator_support.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <queue>
#include <utility>

#include "network/derived_values.h"
#include "network/errors.h"

namespace mm::geo {

std::size_t Random::weighted(const std::vector<std::int64_t>& cumulative) {
  auto draw = static_cast<std::int64_t>(below(static_cast<std::uint64_t>(cumulative.back())));
  return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), draw) -
                                  cumulative.begin());
}

bool reachable_by_truck(const City& city) {
  return city.state != "AK" && city.state != "HI" && city.state != "PR";
}

std::string city_code(const City& city) {
  std::string code;
  bool pending_separator = false;
  for (char c : city.name + " " + city.state) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 128 && std::isalnum(byte)) {
      if (pending_separator && !code.empty()) code += '-';
      pending_separator = false;
      code += static_cast<char>(std::toupper(byte));
    } else if (c == ' ' || c == '-' || c == '/') {
      pending_separator = true;
    }
  }
  return code;
}

std::string unique_facility_id(const std::string& prefix, const City& city,
                               std::unordered_set<std::string>& ids) {
  const std::string code = prefix + city_code(city);
  std::string id = code;
  for (int suffix = 2; !ids.insert(id).second; ++suffix) id = code + "-" + std::to_string(suffix);
  return id;
}

const City& find_center(const std::vector<City>& cities, const std::optional<std::string>& wanted) {
  if (!wanted) {
    return *std::max_element(cities.begin(), cities.end(), [](const City& a, const City& b) {
      return a.population < b.population;
    });
  }
  auto comma = wanted->find(',');
  std::string name = wanted->substr(0, comma);
  std::string state;
  if (comma != std::string::npos) {
    state = wanted->substr(comma + 1);
    state.erase(0, state.find_first_not_of(' '));
  }
  const City* best = nullptr;
  for (const City& city : cities) {
    if (city.name != name || (!state.empty() && city.state != state)) continue;
    if (best == nullptr || city.population > best->population) best = &city;
  }
  if (best == nullptr) throw network::InputError("unknown center city \"" + *wanted + "\"");
  return *best;
}

std::vector<std::size_t> pick_central(const std::vector<double>& weights,
                                      const std::vector<double>& km, std::vector<bool>& taken,
                                      std::size_t count) {
  const std::size_t candidates = taken.size();
  const std::size_t clients = weights.size();
  std::vector<double> nearest(clients, std::numeric_limits<double>::infinity());
  std::vector<std::size_t> picked;
  while (picked.size() < count) {
    std::size_t best = candidates;
    double best_cost = std::numeric_limits<double>::infinity();
    for (std::size_t h = 0; h < candidates; ++h) {
      if (taken[h]) continue;
      double cost = 0.0;
      for (std::size_t c = 0; c < clients; ++c)
        cost += weights[c] * std::min(nearest[c], km[h * clients + c]);
      if (cost < best_cost) best_cost = cost, best = h;
    }
    if (best == candidates) break;
    taken[best] = true;
    picked.push_back(best);
    for (std::size_t c = 0; c < clients; ++c)
      nearest[c] = std::min(nearest[c], km[best * clients + c]);
  }
  return picked;
}

network::Lane lane_with_derived_values(const network::InstanceData& data, std::size_t from,
                                       std::size_t to, std::size_t vehicle_type) {
  auto round_to = [](double value, double unit) { return std::round(value / unit) * unit; };
  const network::VehicleType& vehicle = data.vehicle_types[vehicle_type];
  const network::Facility& a = data.facilities[from];
  const network::Facility& b = data.facilities[to];
  network::Lane lane;
  lane.id = network::default_lane_id(a.id, b.id, vehicle.id);
  lane.from = from;
  lane.to = to;
  lane.vehicle_type = vehicle_type;
  lane.distance_km = round_to(network::derived_distance_km(a, b, vehicle), 0.1);
  lane.transit_minutes =
      static_cast<int>(network::derived_transit_minutes(lane.distance_km, vehicle.speed_kmh));
  lane.cost_per_trip = round_to(network::derived_trip_cost(vehicle, lane.distance_km), 0.01);
  return lane;
}

EarliestArrival::EarliestArrival(const network::InstanceData& data)
    : data_(data), out_(data.facilities.size()) {
  for (std::size_t l = 0; l < data.lanes.size(); ++l) out_[data.lanes[l].from].push_back(l);
}

std::optional<int> EarliestArrival::arrival(const network::Demand& demand) const {
  int reached = search(demand.origin, demand.ready_minute, demand.destination)[demand.destination];
  if (reached == kNever) return std::nullopt;
  return reached;
}

std::vector<int> EarliestArrival::arrivals(std::size_t origin, int ready_minute) const {
  return search(origin, ready_minute, data_.facilities.size());
}

std::vector<int> EarliestArrival::search(std::size_t origin, int ready_minute,
                                         std::size_t stop) const {
  std::vector<int> arrival(data_.facilities.size(), kNever);
  using Label = std::pair<int, std::size_t>;
  std::priority_queue<Label, std::vector<Label>, std::greater<Label>> queue;
  arrival[origin] = ready_minute;
  queue.emplace(ready_minute, origin);
  while (!queue.empty()) {
    auto [time, at] = queue.top();
    queue.pop();
    if (time != arrival[at]) continue;
    if (at == stop) break;
    int leave = at == origin ? time : time + data_.facilities[at].handling_minutes;
    for (std::size_t l : out_[at]) {
      const network::Lane& lane = data_.lanes[l];
      auto next = std::lower_bound(lane.departures.begin(), lane.departures.end(), leave);
      if (next == lane.departures.end()) continue;
      int reach = *next + lane.transit_minutes;
      if (reach < arrival[lane.to]) {
        arrival[lane.to] = reach;
        queue.emplace(reach, lane.to);
      }
    }
  }
  return arrival;
}

network::VehicleType vehicle_type(const char* id, network::Mode mode, network::Capacity capacity,
                                  double cost_per_trip, double cost_per_km, double speed_kmh,
                                  double circuity, std::optional<int> fleet) {
  network::VehicleType v;
  v.id = id;
  v.mode = mode;
  v.capacity = capacity;
  v.cost_per_trip = cost_per_trip;
  v.cost_per_km = cost_per_km;
  v.speed_kmh = speed_kmh;
  v.circuity = circuity;
  v.fleet = fleet;
  return v;
}

void make_cyclic(network::VehicleType& type, int turn_minutes, double cost_per_vehicle) {
  type.balance = network::Balance::cyclic;
  type.turn_minutes = turn_minutes;
  type.cost_per_vehicle = cost_per_vehicle;
}

}  // namespace mm::geo
