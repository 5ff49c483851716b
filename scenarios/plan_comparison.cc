#include "scenarios/plan_comparison.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace mm::scenarios {

namespace {

std::set<std::string> lanes_running(const network::Plan& plan) {
  std::set<std::string> lanes;
  for (const network::PlannedDeparture& d : plan.departures)
    if (d.vehicles > 0) lanes.insert(d.lane);
  return lanes;
}

// Per demand, a canonical text of its routes and unserved packages.
std::map<std::string, std::string> routing_of(const network::Plan& plan) {
  std::map<std::string, std::multiset<std::string>> parts;
  auto packages = [](double p) {
    std::ostringstream out;
    out << std::llround(p * 1e6);
    return out.str();
  };
  for (const network::Route& r : plan.routes) {
    std::string text = packages(r.packages) + ":";
    for (const network::RouteLeg& leg : r.legs)
      text += leg.lane + "@" + std::to_string(leg.departure_minute) + ";";
    parts[r.demand].insert(text);
  }
  for (const network::UnservedDemand& u : plan.unserved)
    if (u.packages > 1e-9) parts[u.demand].insert("unserved:" + packages(u.packages));
  std::map<std::string, std::string> result;
  for (const auto& [demand, set] : parts) {
    std::string text;
    for (const std::string& part : set) text += part + "|";
    result[demand] = text;
  }
  return result;
}

}  // namespace

double unserved_packages(const network::Plan& plan) {
  double total = 0.0;
  for (const network::UnservedDemand& u : plan.unserved) total += u.packages;
  return total;
}

PlanDifference compare_plans(const network::Plan& baseline, const network::Plan& scenario) {
  PlanDifference diff;
  const std::set<std::string> before = lanes_running(baseline), after = lanes_running(scenario);
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                      std::back_inserter(diff.lanes_opened));
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(),
                      std::back_inserter(diff.lanes_closed));
  const auto routes_before = routing_of(baseline), routes_after = routing_of(scenario);
  for (const auto& [demand, text] : routes_before) {
    const auto found = routes_after.find(demand);
    if (found != routes_after.end() && found->second != text)
      diff.rerouted_demands.push_back(demand);
  }
  for (const auto& [mode, trips] : scenario.kpis.vehicle_trips) diff.trips_delta[mode] += trips;
  for (const auto& [mode, trips] : baseline.kpis.vehicle_trips) diff.trips_delta[mode] -= trips;
  return diff;
}

}  // namespace mm::scenarios
