#include "explain/explain_support.h"

#include <algorithm>

namespace mm::explain {

std::string departure_name(const network::Instance& instance, const network::DispatchArc& arc) {
  return instance.lanes()[arc.lane].id + "@" + std::to_string(arc.departure_minute);
}

ExplainLeg explain_leg(const network::Instance& instance, const network::DispatchArc& arc) {
  const network::Lane& lane = instance.lanes()[arc.lane];
  return {lane.id, instance.facilities()[lane.from].id, instance.facilities()[lane.to].id,
          arc.departure_minute, arc.arrival_minute};
}

network::Instance without_departure(const network::Instance& instance, std::size_t lane,
                                    int minute) {
  network::InstanceData data = instance.data();
  auto& departures = data.lanes.at(lane).departures;
  departures.erase(std::remove(departures.begin(), departures.end(), minute), departures.end());
  return network::Instance::create(
      std::move(data),
      instance.name() + " without " + instance.lanes().at(lane).id + "@" + std::to_string(minute));
}

}  // namespace mm::explain
