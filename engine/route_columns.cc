#include "engine/route_columns.h"

#include <algorithm>

#include "engine/ten_design.h"

namespace mm::engine {

RouteColumn to_route_column(const network::Instance& instance,
                            const network::TimeExpandedNetwork& ten, const DesignPath& path) {
  RouteColumn route;
  route.demand = instance.demand()[path.commodity].id;
  route.share = path.share;
  for (std::size_t a : path.arcs) {
    if (a >= ten.dispatch_count()) continue;  // holding arcs are implied by the legs
    const network::DispatchArc& arc = ten.dispatch(a);
    route.legs.push_back({instance.lanes()[arc.lane].id, arc.departure_minute});
  }
  return route;
}

std::vector<RouteColumn> plan_route_columns(const network::Instance& instance,
                                            const network::Plan& plan) {
  std::vector<RouteColumn> routes;
  for (const network::Route& r : plan.routes) {
    const auto k = instance.demand_index(r.demand);
    if (!k) continue;
    const double packages = instance.demand()[*k].packages;
    routes.push_back({r.demand, r.legs, packages > 0 ? r.packages / packages : 0.0});
  }
  return routes;
}

RouteColumnMapper::RouteColumnMapper(const network::Instance& instance,
                                     const network::TimeExpandedNetwork& ten,
                                     const DesignProblem& problem)
    : instance_(instance),
      ten_(ten),
      problem_(problem),
      holding_arc_(holding_arc_ids(ten)),
      arc_by_departure_(instance.lanes().size()) {
  for (std::size_t a = 0; a < ten.dispatch_count(); ++a)
    arc_by_departure_[ten.dispatch(a).lane][ten.dispatch(a).departure_minute] = a;
}

std::optional<DesignPath> RouteColumnMapper::map(const RouteColumn& route) const {
  const auto k = instance_.demand_index(route.demand);
  if (!k || route.legs.empty()) return std::nullopt;
  const Commodity& commodity = problem_.commodities[*k];
  if (commodity.sinks.empty()) return std::nullopt;
  DesignPath path;
  path.commodity = *k;
  path.share = route.share;
  std::size_t node = commodity.source;
  for (std::size_t i = 0; i < route.legs.size(); ++i) {
    const auto lane = instance_.lane_index(route.legs[i].lane);
    if (!lane) return std::nullopt;
    const auto found = arc_by_departure_[*lane].find(route.legs[i].departure_minute);
    if (found == arc_by_departure_[*lane].end()) return std::nullopt;
    const network::DispatchArc& arc = ten_.dispatch(found->second);
    // Hold at the facility until the departure's node; a departure before the package is
    // there (or at another facility) breaks the chain.
    while (node != arc.tail) {
      if (node == network::TimeExpandedNetwork::npos ||
          ten_.node(node).facility != ten_.node(arc.tail).facility ||
          ten_.node(node).minute > ten_.node(arc.tail).minute ||
          holding_arc_[node] == network::TimeExpandedNetwork::npos)
        return std::nullopt;
      path.arcs.push_back(holding_arc_[node]);
      node = ten_.next_at_facility(node);
    }
    path.arcs.push_back(found->second);
    const bool last = i + 1 == route.legs.size();
    if (!last && !arc.has_head) return std::nullopt;
    node = arc.has_head ? arc.head : network::TimeExpandedNetwork::npos;
  }
  const auto& sinks = commodity.sinks;
  if (std::find(sinks.begin(), sinks.end(), path.arcs.back()) == sinks.end()) return std::nullopt;
  return path;
}

std::vector<DesignPath> map_route_columns(const RouteColumnMapper& mapper,
                                          const std::vector<RouteColumn>& routes,
                                          std::size_t* refused) {
  std::vector<DesignPath> paths;
  paths.reserve(routes.size());
  std::size_t refusals = 0;
  for (const RouteColumn& route : routes) {
    if (auto path = mapper.map(route)) {
      paths.push_back(std::move(*path));
    } else {
      ++refusals;
    }
  }
  if (refused) *refused = refusals;
  return paths;
}

}  // namespace mm::engine
