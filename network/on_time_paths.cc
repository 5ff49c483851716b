#include "network/on_time_paths.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <queue>
#include <utility>

namespace mm::network {

namespace {

constexpr long long kNever = std::numeric_limits<long long>::max();

// Earliest arrival minute at every facility, leaving `origin` at or after `ready`. The origin
// itself counts as reached at `ready` (no handling before the first departure).
std::vector<long long> earliest_arrivals(const Instance& instance,
                                         const std::vector<std::vector<std::size_t>>& lanes_from,
                                         std::size_t origin, int ready) {
  const auto& facilities = instance.facilities();
  std::vector<long long> arrival(facilities.size(), kNever);
  using Label = std::pair<long long, std::size_t>;
  std::priority_queue<Label, std::vector<Label>, std::greater<Label>> queue;
  arrival[origin] = ready;
  queue.push({ready, origin});
  while (!queue.empty()) {
    const auto [at, f] = queue.top();
    queue.pop();
    if (at != arrival[f]) continue;
    const long long leave = f == origin && at == ready ? at : at + facilities[f].handling_minutes;
    for (std::size_t l : lanes_from[f]) {
      const Lane& lane = instance.lanes()[l];
      auto d = std::lower_bound(lane.departures.begin(), lane.departures.end(), leave);
      if (d == lane.departures.end()) continue;
      const long long reach = static_cast<long long>(*d) + lane.transit_minutes;
      if (reach > instance.horizon_minutes() || reach >= arrival[lane.to]) continue;
      arrival[lane.to] = reach;
      queue.push({reach, lane.to});
    }
  }
  return arrival;
}

}  // namespace

std::vector<bool> has_on_time_path(const Instance& instance) {
  std::vector<std::vector<std::size_t>> lanes_from(instance.facilities().size());
  for (std::size_t l = 0; l < instance.lanes().size(); ++l)
    lanes_from[instance.lanes()[l].from].push_back(l);
  std::map<std::pair<std::size_t, int>, std::vector<long long>> searched;
  std::vector<bool> on_time(instance.demand().size(), false);
  for (std::size_t k = 0; k < instance.demand().size(); ++k) {
    const Demand& d = instance.demand()[k];
    auto key = std::make_pair(d.origin, d.ready_minute);
    auto it = searched.find(key);
    if (it == searched.end())
      it = searched.emplace(key, earliest_arrivals(instance, lanes_from, d.origin, d.ready_minute))
               .first;
    on_time[k] = d.origin != d.destination && it->second[d.destination] <= d.due_minute;
  }
  return on_time;
}

}  // namespace mm::network
