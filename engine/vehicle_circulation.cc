#include "engine/vehicle_circulation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>

namespace mm::engine {

namespace {

constexpr double kCostScale = 100.0;   // hundredths of the currency
constexpr std::int64_t kTieBreak = 1;  // per fleet vehicle, in hundredths

std::int64_t scaled(double cost) {
  return static_cast<std::int64_t>(std::llround(cost * kCostScale));
}

enum class ArcKind { loaded, empty, wait };

struct Arc {
  std::size_t tail = 0;
  std::size_t head = 0;
  ArcKind kind = ArcKind::wait;
  std::size_t index = 0;       // loaded trip or link
  std::int64_t departure = 0;  // folded minute at the tail
  std::int64_t ready = 0;      // tail minute + duration (not folded); the tail minute for waits
  std::int64_t crossings = 0;  // times its span contains the cycle start
  std::int64_t fixed = -1;     // loaded: its vehicles; otherwise free (>= 0)
  double cost = 0.0;           // per unit, unscaled, without ownership
  std::size_t facility = 0;    // the head's
};

class EventNetwork {
 public:
  explicit EventNetwork(const CirculationProblem& p) {
    std::map<std::size_t, std::vector<std::int64_t>> times;
    for (const CirculationTrip& t : p.loaded) {
      times[t.from].push_back(t.departure);
      times[t.to].push_back(fold(t.departure + t.duration, p.cycle));
    }
    for (auto& [facility, list] : times) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
      std::vector<std::size_t>& ids = nodes_[facility];
      for (std::int64_t minute : list) {
        ids.push_back(node_minute_.size());
        node_minute_.push_back(minute);
      }
      times_[facility] = list;
    }
    for (std::size_t i = 0; i < p.loaded.size(); ++i) {
      const CirculationTrip& t = p.loaded[i];
      const std::int64_t ready = t.departure + t.duration;
      arcs_.push_back({node(t.from, t.departure), node(t.to, fold(ready, p.cycle)), ArcKind::loaded,
                       i, t.departure, ready, ready / p.cycle, t.vehicles, 0.0, t.to});
    }
    for (const auto& [facility, ids] : nodes_) {
      for (std::size_t k = 0; k + 1 < ids.size(); ++k)
        arcs_.push_back({ids[k], ids[k + 1], ArcKind::wait, 0, node_minute_[ids[k]],
                         node_minute_[ids[k]], 0, -1, 0.0, facility});
      if (ids.size() >= 2)
        arcs_.push_back({ids.back(), ids.front(), ArcKind::wait, 0, node_minute_[ids.back()],
                         node_minute_[ids.back()], 1, -1, 0.0, facility});
    }
    for (std::size_t l = 0; l < p.links.size(); ++l) {
      const EmptyLink& link = p.links[l];
      auto from = nodes_.find(link.from);
      auto to = times_.find(link.to);
      if (from == nodes_.end() || to == times_.end()) continue;  // nothing to move from or to
      for (std::size_t tail : from->second) {
        const std::int64_t minute = node_minute_[tail];
        const std::int64_t ready = minute + link.duration;
        const std::int64_t base = ready - fold(ready, p.cycle);
        const std::vector<std::int64_t>& list = to->second;
        auto next = std::lower_bound(list.begin(), list.end(), fold(ready, p.cycle));
        const std::int64_t at = next == list.end() ? base + p.cycle + list.front() : base + *next;
        arcs_.push_back({tail, node(link.to, fold(at, p.cycle)), ArcKind::empty, l, minute, ready,
                         at / p.cycle, -1, link.cost, link.to});
      }
    }
  }

  std::size_t node_count() const { return node_minute_.size(); }
  const std::vector<Arc>& arcs() const { return arcs_; }

  // Flow per arc of the cheapest circulation with `vehicle_price` (hundredths) per fleet
  // vehicle; empty when there is none.
  std::vector<std::int64_t> solve(std::int64_t vehicle_price) const {
    using Solver = lemon::NetworkSimplex<lemon::ListDigraph, std::int64_t, std::int64_t>;
    lemon::ListDigraph graph;
    std::vector<lemon::ListDigraph::Node> nodes(node_count());
    for (auto& n : nodes) n = graph.addNode();
    lemon::ListDigraph::ArcMap<std::int64_t> lower(graph), upper(graph), cost(graph);
    std::vector<lemon::ListDigraph::Arc> ids;
    ids.reserve(arcs_.size());
    for (const Arc& a : arcs_) {
      const lemon::ListDigraph::Arc id = graph.addArc(nodes[a.tail], nodes[a.head]);
      ids.push_back(id);
      lower[id] = a.fixed >= 0 ? a.fixed : 0;
      upper[id] = a.fixed >= 0 ? a.fixed : std::numeric_limits<std::int64_t>::max();
      cost[id] = scaled(a.cost) + a.crossings * vehicle_price;
    }
    Solver solver(graph);
    solver.lowerMap(lower).upperMap(upper).costMap(cost);
    if (solver.run() != Solver::OPTIMAL) return {};
    std::vector<std::int64_t> flow(arcs_.size());
    for (std::size_t a = 0; a < arcs_.size(); ++a) flow[a] = solver.flow(ids[a]);
    return flow;
  }

  std::int64_t minute(std::size_t node) const { return node_minute_[node]; }

 private:
  std::size_t node(std::size_t facility, std::int64_t minute) const {
    const std::vector<std::int64_t>& list = times_.at(facility);
    const std::size_t k = std::lower_bound(list.begin(), list.end(), minute) - list.begin();
    return nodes_.at(facility)[k];
  }

  std::map<std::size_t, std::vector<std::int64_t>> times_;
  std::map<std::size_t, std::vector<std::size_t>> nodes_;
  std::vector<std::int64_t> node_minute_;
  std::vector<Arc> arcs_;
};

std::int64_t fleet_of(const EventNetwork& net, const std::vector<std::int64_t>& flow) {
  std::int64_t vehicles = 0;
  for (std::size_t a = 0; a < flow.size(); ++a) vehicles += flow[a] * net.arcs()[a].crossings;
  return vehicles;
}

double empty_cost_of(const EventNetwork& net, const std::vector<std::int64_t>& flow) {
  double cost = 0.0;
  for (std::size_t a = 0; a < flow.size(); ++a)
    if (net.arcs()[a].kind == ArcKind::empty) cost += flow[a] * net.arcs()[a].cost;
  return cost;
}

// The cycles of the flow, one rotation per unit (see the header).
std::vector<CirculationRotation> decompose(const EventNetwork& net,
                                           std::vector<std::int64_t> flow) {
  std::vector<std::vector<std::size_t>> out(net.node_count());
  for (std::size_t a = 0; a < flow.size(); ++a)
    if (flow[a] > 0) out[net.arcs()[a].tail].push_back(a);
  std::vector<std::size_t> next_out(net.node_count(), 0);
  auto arc_out = [&](std::size_t node) -> std::optional<std::size_t> {
    std::size_t& k = next_out[node];
    while (k < out[node].size() && flow[out[node][k]] == 0) ++k;
    if (k == out[node].size()) return std::nullopt;
    return out[node][k];
  };
  std::vector<CirculationRotation> rotations;
  std::vector<std::size_t> position(net.node_count(), SIZE_MAX);  // on the walk
  for (std::size_t start = 0; start < net.node_count(); ++start) {
    std::vector<std::size_t> walk;  // arcs
    std::size_t node = start;
    while (true) {
      if (position[node] == SIZE_MAX) {
        std::optional<std::size_t> a = arc_out(node);
        if (!a) break;  // only at `start` once its flow is used up (conservation)
        position[node] = walk.size();
        walk.push_back(*a);
        node = net.arcs()[*a].head;
        continue;
      }
      // `node` repeats: the arcs since it was first left form a cycle.
      const std::size_t from = position[node];
      std::vector<std::size_t> cycle(walk.begin() + static_cast<std::ptrdiff_t>(from), walk.end());
      std::int64_t units = std::numeric_limits<std::int64_t>::max();
      std::int64_t crossings = 0;
      for (std::size_t a : cycle) {
        units = std::min(units, flow[a]);
        crossings += net.arcs()[a].crossings;
      }
      // Legs begin with the first trip after a wait, so a rotation reads from a departure.
      CirculationRotation rotation;
      rotation.cycles = crossings;
      std::size_t first = 0;
      for (std::size_t i = 0; i < cycle.size(); ++i)
        if (net.arcs()[cycle[i]].kind != ArcKind::wait) {
          first = i;
          break;
        }
      for (std::size_t i = 0; i < cycle.size(); ++i) {
        const Arc& arc = net.arcs()[cycle[(first + i) % cycle.size()]];
        if (arc.kind != ArcKind::wait)
          rotation.legs.push_back({arc.kind == ArcKind::loaded, arc.index, arc.departure});
      }
      for (std::size_t a : cycle) flow[a] -= units;
      if (!rotation.legs.empty())
        for (std::int64_t u = 0; u < units; ++u) rotations.push_back(rotation);
      for (std::size_t i = from; i < walk.size(); ++i)
        position[net.arcs()[walk[i]].tail] = SIZE_MAX;
      walk.resize(from);
      // Go on from `node`, now off the walk.
    }
    for (std::size_t a : walk) position[net.arcs()[a].tail] = SIZE_MAX;
  }
  return rotations;
}

}  // namespace

CirculationResult solve_circulation(const CirculationProblem& problem, bool rotations) {
  CirculationResult result;
  if (problem.loaded.empty()) return result;
  const EventNetwork net(problem);
  const std::int64_t own = scaled(problem.cost_per_vehicle) + kTieBreak;
  std::vector<std::int64_t> flow = net.solve(own);
  // The loaded trips always circulate (a lane's reverse brings every vehicle back), so an empty
  // answer is a bug in the network, not a property of the input.
  if (flow.empty()) {
    result.feasible = false;
    return result;
  }
  if (problem.fleet && fleet_of(net, flow) > *problem.fleet) {
    // Raise the price of a vehicle until the fleet fits (geometric bisection; see the header).
    double total = 0.0;
    for (const Arc& a : net.arcs())
      if (a.kind == ArcKind::empty) total = std::max(total, a.cost);
    std::int64_t high = own + scaled(std::max(1.0, total)) * 1000 + 1000000;
    std::vector<std::int64_t> fits = net.solve(high);
    if (fits.empty() || fleet_of(net, fits) > *problem.fleet) {
      result.feasible = false;
      result.vehicles = fits.empty() ? fleet_of(net, flow) : fleet_of(net, fits);
      return result;
    }
    std::int64_t low = own;
    for (int step = 0; step < 12 && high > low + 1; ++step) {
      const std::int64_t mid = static_cast<std::int64_t>(
          std::sqrt(static_cast<double>(low) * static_cast<double>(high)));
      const std::int64_t price = std::clamp(mid, low + 1, high - 1);
      std::vector<std::int64_t> trial = net.solve(price);
      if (!trial.empty() && fleet_of(net, trial) <= *problem.fleet) {
        high = price;
        fits = std::move(trial);
      } else {
        low = price;
      }
    }
    flow = std::move(fits);
  }
  result.vehicles = fleet_of(net, flow);
  result.empty_cost = empty_cost_of(net, flow);
  result.fleet_cost = static_cast<double>(result.vehicles) * problem.cost_per_vehicle;
  std::map<std::pair<std::size_t, std::int64_t>, std::int64_t> moves;
  for (std::size_t a = 0; a < flow.size(); ++a) {
    if (flow[a] == 0) continue;
    const Arc& arc = net.arcs()[a];
    // Where the vehicles of the cycle start are: on a trip still under way (its ready minute
    // lies beyond the start), or parked at the arc's head (ready before it, the head after).
    const std::int64_t under_way = arc.kind == ArcKind::wait ? 0 : arc.ready / problem.cycle;
    result.en_route_at_start += flow[a] * under_way;
    if (arc.crossings > under_way)
      result.parked_at_start[arc.facility] += flow[a] * (arc.crossings - under_way);
    if (arc.kind == ArcKind::empty) moves[{arc.index, arc.departure}] += flow[a];
  }
  for (const auto& [key, vehicles] : moves)
    result.moves.push_back({key.first, key.second, vehicles});
  if (rotations) result.rotations = decompose(net, std::move(flow));
  return result;
}

}  // namespace mm::engine
