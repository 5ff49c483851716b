#include "baselines/compact_ten_mip.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <utility>

#include "baselines/compact_mip_runner.h"

namespace mm::baselines {
namespace {

using network::DispatchArc;
using network::Instance;
using network::TimeExpandedNetwork;
constexpr std::size_t npos = TimeExpandedNetwork::npos;
constexpr double kFlowEpsilon = 1e-9;  // below this a share is numerical noise

// The part of the TEN one demand may use: nodes and dispatch arcs on some path from its source
// to one of its sink arcs. Both lists ascend (nodes by id; arcs by tail, since the TEN's arcs
// are grouped by tail), which the model builder and the decomposition rely on.
struct DemandNetwork {
  std::size_t source = npos;
  std::vector<std::size_t> nodes;
  std::vector<std::size_t> arcs;
  bool empty() const { return nodes.empty(); }
};

class Pruner {
 public:
  Pruner(const Instance& instance, const TimeExpandedNetwork& ten)
      : instance_(instance),
        ten_(ten),
        reached_(ten.node_count(), 0),
        useful_(ten.node_count(), 0) {}

  // Dispatch arc a ends a path of the demand: it enters the destination in time.
  bool is_sink(std::size_t a, const network::Demand& d) const {
    const DispatchArc& arc = ten_.dispatch(a);
    return instance_.lanes()[arc.lane].to == d.destination && arc.arrival_minute <= d.due_minute;
  }
  // Dispatch arc a carries the demand on to another node (never into its destination).
  bool continues(std::size_t a, const network::Demand& d) const {
    const DispatchArc& arc = ten_.dispatch(a);
    return arc.has_head && instance_.lanes()[arc.lane].to != d.destination;
  }

  DemandNetwork prune(const network::Demand& d) {
    ++stamp_;
    DemandNetwork net;
    net.source = ten_.first_node_at_or_after(d.origin, d.ready_minute);
    if (net.source == npos) return net;

    // Forward: every node reachable from the source. A node after the due minute cannot
    // reach a sink (every arc goes forward in time), so the search stops there.
    std::vector<std::size_t> reached;
    std::vector<std::size_t> stack{net.source};
    reached_[net.source] = stamp_;
    auto visit = [&](std::size_t n) {
      if (n != npos && reached_[n] != stamp_) {
        reached_[n] = stamp_;
        stack.push_back(n);
      }
    };
    while (!stack.empty()) {
      const std::size_t n = stack.back();
      stack.pop_back();
      if (ten_.node(n).minute > d.due_minute) continue;
      reached.push_back(n);
      visit(ten_.next_at_facility(n));
      for (std::size_t a = ten_.out_begin(n); a < ten_.out_end(n); ++a)
        if (continues(a, d)) visit(ten_.dispatch(a).head);
    }

    // Backward, in reverse topological order: which reached nodes still reach a sink.
    std::sort(reached.begin(), reached.end());
    auto useful = [&](std::size_t n) { return n != npos && useful_[n] == stamp_; };
    for (auto it = reached.rbegin(); it != reached.rend(); ++it) {
      const std::size_t n = *it;
      bool ok = useful(ten_.next_at_facility(n));
      for (std::size_t a = ten_.out_begin(n); a < ten_.out_end(n) && !ok; ++a)
        ok = is_sink(a, d) || (continues(a, d) && useful(ten_.dispatch(a).head));
      if (ok) useful_[n] = stamp_;
    }
    if (!useful(net.source)) return net;

    for (std::size_t n : reached) {
      if (!useful(n)) continue;
      net.nodes.push_back(n);
      for (std::size_t a = ten_.out_begin(n); a < ten_.out_end(n); ++a)
        if (is_sink(a, d) || (continues(a, d) && useful(ten_.dispatch(a).head)))
          net.arcs.push_back(a);
    }
    return net;
  }

  // The holding arc out of n is usable when both ends are (call right after prune()).
  bool holding_usable(std::size_t n) const {
    const std::size_t next = ten_.next_at_facility(n);
    return next != npos && useful_[next] == stamp_;
  }

 private:
  const Instance& instance_;
  const TimeExpandedNetwork& ten_;
  std::vector<unsigned> reached_, useful_;  // == stamp_: marked for the current demand
  unsigned stamp_ = 0;
};

// Column indices of one demand's variables, parallel to its DemandNetwork lists.
struct DemandColumns {
  int unserved = -1;
  std::vector<int> flow;     // per net.arcs entry
  std::vector<int> holding;  // per net.nodes entry; -1 without a usable holding arc
};

struct ArcUse {
  std::size_t demand;
  int column;
};

double elapsed_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Local view of one demand's network: node ids to positions, arcs per tail, holding heads.
struct LocalIndex {
  std::vector<std::size_t> first_arc;        // per local node, into net.arcs; one extra at the end
  std::vector<std::ptrdiff_t> holding_head;  // local node the holding arc leads to, or -1
  std::vector<std::ptrdiff_t> arc_head;      // per net.arcs entry: local head, -1 for a sink

  LocalIndex(const DemandNetwork& net, const DemandColumns& cols, const TimeExpandedNetwork& ten,
             const Instance& instance, const network::Demand& demand) {
    const std::size_t count = net.nodes.size();
    auto local = [&](std::size_t n) -> std::ptrdiff_t {
      auto it = std::lower_bound(net.nodes.begin(), net.nodes.end(), n);
      return it != net.nodes.end() && *it == n ? it - net.nodes.begin() : -1;
    };
    first_arc.assign(count + 1, net.arcs.size());
    for (std::size_t i = 0, j = 0; i < count; ++i) {
      while (j < net.arcs.size() && ten.dispatch(net.arcs[j]).tail < net.nodes[i]) ++j;
      first_arc[i] = j;
    }
    holding_head.assign(count, -1);
    for (std::size_t i = 0; i < count; ++i)
      if (cols.holding[i] >= 0) holding_head[i] = local(ten.next_at_facility(net.nodes[i]));
    for (std::size_t a : net.arcs) {
      const DispatchArc& arc = ten.dispatch(a);
      const bool sink = instance.lanes()[arc.lane].to == demand.destination;
      arc_head.push_back(sink ? -1 : local(arc.head));
    }
  }
};

// Splits one demand's arc flows into paths: from the source, follow the largest remaining
// outflow (dispatch or holding) to a sink arc, subtract the bottleneck, repeat. Each round
// empties at least one arc, so it ends; leftovers below kFlowEpsilon are noise.
std::vector<engine::PathFlow> decompose(std::size_t k, const DemandNetwork& net,
                                        const DemandColumns& cols, const LocalIndex& index,
                                        const std::vector<double>& values) {
  const std::size_t node_count = net.nodes.size();
  std::vector<double> x(net.arcs.size()), h(node_count, 0.0);
  for (std::size_t j = 0; j < net.arcs.size(); ++j) x[j] = values[cols.flow[j]];
  for (std::size_t i = 0; i < node_count; ++i)
    if (cols.holding[i] >= 0) h[i] = values[cols.holding[i]];

  std::map<std::vector<std::size_t>, double> shares;  // identical dispatch sequences merge
  const std::size_t source = static_cast<std::size_t>(
      std::lower_bound(net.nodes.begin(), net.nodes.end(), net.source) - net.nodes.begin());
  for (std::size_t round = 0; round <= net.arcs.size() + node_count; ++round) {
    std::vector<std::size_t> used_arcs, used_holdings;  // local indices
    double bottleneck = 1.0;
    std::size_t i = source;
    bool reached_sink = false;
    while (!reached_sink) {
      std::size_t best_arc = npos;
      double best = h[i];
      for (std::size_t j = index.first_arc[i]; j < index.first_arc[i + 1]; ++j)
        if (x[j] > best) best = x[j], best_arc = j;
      if (best <= kFlowEpsilon) break;  // no (more) flow out of here
      bottleneck = std::min(bottleneck, best);
      if (best_arc == npos) {
        used_holdings.push_back(i);
        i = static_cast<std::size_t>(index.holding_head[i]);
      } else {
        used_arcs.push_back(best_arc);
        if (index.arc_head[best_arc] < 0)
          reached_sink = true;
        else
          i = static_cast<std::size_t>(index.arc_head[best_arc]);
      }
    }
    if (!reached_sink) break;
    for (std::size_t j : used_arcs) x[j] -= bottleneck;
    for (std::size_t j : used_holdings) h[j] -= bottleneck;
    std::vector<std::size_t> path;
    for (std::size_t j : used_arcs) path.push_back(net.arcs[j]);
    shares[path] += bottleneck;
  }

  double total = 0.0;
  for (const auto& entry : shares) total += entry.second;
  const double scale = total > 1.0 ? 1.0 / total : 1.0;  // solver noise may overshoot 1
  std::vector<engine::PathFlow> paths;
  for (const auto& [arcs, share] : shares)
    if (share * scale > kFlowEpsilon) paths.push_back({k, arcs, std::min(1.0, share * scale)});
  return paths;
}

// Objective of a engine::TenSolution from instance data: vehicles, per-package costs, unserved.
double ten_objective(const Instance& instance, const TimeExpandedNetwork& ten,
                     const engine::TenSolution& solution) {
  double cost = 0.0;
  for (std::size_t a = 0; a < solution.vehicles.size(); ++a)
    cost += solution.vehicles[a] * instance.lanes()[ten.dispatch(a).lane].cost_per_trip;
  std::vector<double> served(instance.demand().size(), 0.0);
  for (const engine::PathFlow& p : solution.paths) {
    const double packages = instance.demand()[p.demand].packages * p.fraction;
    served[p.demand] += p.fraction;
    for (std::size_t a : p.arcs) {
      const network::Lane& lane = instance.lanes()[ten.dispatch(a).lane];
      cost += packages *
              (lane.cost_per_package + instance.facilities()[lane.from].handling_cost_per_package);
    }
  }
  for (std::size_t k = 0; k < served.size(); ++k)
    cost += std::max(0.0, 1.0 - served[k]) * instance.demand()[k].packages *
            instance.unserved_penalty_per_package();
  return cost;
}

}  // namespace

const char* to_string(CompactTenStatus status) {
  switch (status) {
    case CompactTenStatus::optimal:
      return "optimal";
    case CompactTenStatus::feasible:
      return "feasible";
    case CompactTenStatus::too_large:
      return "too_large";
  }
  return "?";
}

CompactTenResult solve_compact_ten(const Instance& instance, const TimeExpandedNetwork& ten,
                                   double time_limit_seconds, std::size_t max_nonzeros) {
  const auto start = std::chrono::steady_clock::now();
  const auto& demands = instance.demand();
  const auto& lanes = instance.lanes();
  const std::size_t arc_count = ten.dispatch_count();
  CompactTenResult result;
  result.solution.vehicles.assign(arc_count, 0);

  // 1. Prune every demand, estimating nonzeros as we go so a huge model is refused early:
  //    per flow column 2 conservation + 2 capacity + 2 linking + 1 sort entries, per holding
  //    column 2, per demand 1 (unserved).
  Pruner pruner(instance, ten);
  std::vector<DemandNetwork> nets(demands.size());
  std::vector<std::vector<char>> holds(demands.size());  // per net.nodes entry
  std::size_t estimate = 0;
  for (std::size_t k = 0; k < demands.size(); ++k) {
    nets[k] = pruner.prune(demands[k]);
    holds[k].resize(nets[k].nodes.size());
    for (std::size_t i = 0; i < nets[k].nodes.size(); ++i)
      holds[k][i] = pruner.holding_usable(nets[k].nodes[i]) ? 1 : 0;
    estimate += 7 * nets[k].arcs.size() + 2 * nets[k].nodes.size() + 1;
    if (estimate > max_nonzeros) {
      result.status = CompactTenStatus::too_large;
      result.seconds = elapsed_since(start);
      return result;
    }
  }

  // 2. Who may use each arc; vehicle bounds from what those demands could fill.
  std::vector<double> max_cube(arc_count, 0.0), max_weight(arc_count, 0.0);
  std::vector<char> used(arc_count, 0);
  for (std::size_t k = 0; k < demands.size(); ++k)
    for (std::size_t a : nets[k].arcs) {
      used[a] = 1;
      max_cube[a] += demands[k].cube_m3;
      max_weight[a] += demands[k].weight_kg;
    }

  SparseModel model;
  std::vector<int> vehicle_column(arc_count, -1);
  for (std::size_t a = 0; a < arc_count; ++a) {
    if (!used[a]) continue;
    const network::Lane& lane = lanes[ten.dispatch(a).lane];
    const network::VehicleType& vehicle = instance.vehicle_type_of(lane);
    double bound = std::max(1.0, std::ceil(std::max(max_cube[a] / vehicle.capacity.cube_m3,
                                                    max_weight[a] / vehicle.capacity.weight_kg) -
                                           1e-9));
    if (lane.max_vehicles_per_departure)
      bound = std::min(bound, static_cast<double>(*lane.max_vehicles_per_departure));
    if (vehicle.fleet) bound = std::min(bound, static_cast<double>(*vehicle.fleet));
    vehicle_column[a] = model.add_column(0.0, bound, lane.cost_per_trip, true);
  }

  std::vector<DemandColumns> columns(demands.size());
  std::vector<std::vector<ArcUse>> users(arc_count);
  const double penalty = instance.unserved_penalty_per_package();
  for (std::size_t k = 0; k < demands.size(); ++k) {
    const network::Demand& d = demands[k];
    const DemandNetwork& net = nets[k];
    DemandColumns& cols = columns[k];
    // Without any on-time path the demand is unserved: s_k fixed to 1.
    cols.unserved = model.add_column(net.empty() ? 1.0 : 0.0, 1.0, penalty * d.packages, false);
    for (std::size_t a : net.arcs) {
      const network::Lane& lane = lanes[ten.dispatch(a).lane];
      const double unit =
          lane.cost_per_package + instance.facilities()[lane.from].handling_cost_per_package;
      cols.flow.push_back(model.add_column(0.0, 1.0, unit * d.packages, false));
      users[a].push_back({k, cols.flow.back()});
    }
    for (std::size_t i = 0; i < net.nodes.size(); ++i)
      cols.holding.push_back(holds[k][i] ? model.add_column(0.0, 1.0, 0.0, false) : -1);
  }

  // 3. Flow conservation: out − in (+ s_k at the source) = 1 at the source, 0 elsewhere.
  std::vector<LocalIndex> local;
  local.reserve(demands.size());
  for (std::size_t k = 0; k < demands.size(); ++k) {
    const DemandNetwork& net = nets[k];
    const DemandColumns& cols = columns[k];
    local.emplace_back(net, cols, ten, instance, demands[k]);
    const LocalIndex& index = local.back();
    std::vector<std::vector<int>> incoming(net.nodes.size());  // columns into each local node
    for (std::size_t j = 0; j < net.arcs.size(); ++j)
      if (index.arc_head[j] >= 0) incoming[index.arc_head[j]].push_back(cols.flow[j]);
    for (std::size_t i = 0; i < net.nodes.size(); ++i)
      if (index.holding_head[i] >= 0) incoming[index.holding_head[i]].push_back(cols.holding[i]);
    for (std::size_t i = 0; i < net.nodes.size(); ++i) {
      for (std::size_t j = index.first_arc[i]; j < index.first_arc[i + 1]; ++j)
        model.push(cols.flow[j], 1.0);
      if (cols.holding[i] >= 0) model.push(cols.holding[i], 1.0);
      for (int column : incoming[i]) model.push(column, -1.0);
      const bool is_source = net.nodes[i] == net.source;
      if (is_source) model.push(cols.unserved, 1.0);
      model.end_row(is_source ? 1.0 : 0.0, is_source ? 1.0 : 0.0);
    }
  }

  // 4. Capacity in cube and weight, and strong linking, per dispatch arc.
  for (std::size_t a = 0; a < arc_count; ++a) {
    if (!used[a]) continue;
    const network::VehicleType& vehicle = instance.vehicle_type_of(lanes[ten.dispatch(a).lane]);
    if (max_cube[a] > 0) {
      for (const ArcUse& u : users[a]) model.push(u.column, demands[u.demand].cube_m3);
      model.push(vehicle_column[a], -vehicle.capacity.cube_m3);
      model.end_row(-SparseModel::kInf, 0.0);
    }
    if (max_weight[a] > 0) {
      for (const ArcUse& u : users[a]) model.push(u.column, demands[u.demand].weight_kg);
      model.push(vehicle_column[a], -vehicle.capacity.weight_kg);
      model.end_row(-SparseModel::kInf, 0.0);
    }
    for (const ArcUse& u : users[a]) {
      model.push(u.column, 1.0);
      model.push(vehicle_column[a], -1.0);
      model.end_row(-SparseModel::kInf, 0.0);
    }
  }

  // 5. Sort capacity per facility and clock hour, where the packages that could leave in that
  //    hour exceed it.
  std::map<std::pair<std::size_t, int>, std::vector<std::size_t>> hour_groups;
  for (std::size_t a = 0; a < arc_count; ++a) {
    if (!used[a]) continue;
    const DispatchArc& arc = ten.dispatch(a);
    const std::size_t from = lanes[arc.lane].from;
    if (instance.facilities()[from].sort_capacity_per_hour)
      hour_groups[{from, arc.departure_minute / 60}].push_back(a);
  }
  for (const auto& [key, group] : hour_groups) {
    const double limit = *instance.facilities()[key.first].sort_capacity_per_hour;
    double most = 0.0;
    for (std::size_t a : group)
      for (const ArcUse& u : users[a]) most += demands[u.demand].packages;
    if (most <= limit) continue;
    for (std::size_t a : group)
      for (const ArcUse& u : users[a]) model.push(u.column, demands[u.demand].packages);
    model.end_row(-SparseModel::kInf, limit);
  }

  // 6. Fleet: at each departure minute of a type, its vehicles en route (departure ≤ t <
  //    arrival). The count only rises at departure minutes, so those are the minutes to check.
  for (std::size_t v = 0; v < instance.vehicle_types().size(); ++v) {
    const auto& fleet = instance.vehicle_types()[v].fleet;
    if (!fleet) continue;
    std::vector<std::size_t> of_type;
    for (std::size_t a = 0; a < arc_count; ++a)
      if (used[a] && lanes[ten.dispatch(a).lane].vehicle_type == v) of_type.push_back(a);
    std::sort(of_type.begin(), of_type.end(), [&](std::size_t a, std::size_t b) {
      return ten.dispatch(a).departure_minute < ten.dispatch(b).departure_minute;
    });
    std::vector<std::size_t> en_route;
    for (std::size_t next = 0; next < of_type.size();) {
      const int t = ten.dispatch(of_type[next]).departure_minute;
      while (next < of_type.size() && ten.dispatch(of_type[next]).departure_minute == t)
        en_route.push_back(of_type[next++]);
      en_route.erase(
          std::remove_if(en_route.begin(), en_route.end(),
                         [&](std::size_t a) { return ten.dispatch(a).arrival_minute <= t; }),
          en_route.end());
      double most = 0.0;
      for (std::size_t a : en_route) most += model.col_upper()[vehicle_column[a]];
      if (most <= *fleet) continue;
      for (std::size_t a : en_route) model.push(vehicle_column[a], 1.0);
      model.end_row(-SparseModel::kInf, *fleet);
    }
  }
  result.rows = model.rows();
  result.columns = model.columns();
  if (model.nonzeros() > max_nonzeros) {  // the estimate left out fleet rows
    result.status = CompactTenStatus::too_large;
    result.seconds = elapsed_since(start);
    return result;
  }

  // 7. Solve, then read vehicles and decompose flows into paths.
  const MipResult mip =
      solve_mip_with_cbc(model, std::max(0.0, time_limit_seconds - elapsed_since(start)));
  engine::TenSolution& solution = result.solution;
  if (std::isfinite(mip.lower_bound) && mip.lower_bound > -1e40)
    solution.lower_bound = mip.lower_bound;
  if (!mip.values.empty()) {
    for (std::size_t a = 0; a < arc_count; ++a)
      if (vehicle_column[a] >= 0)
        solution.vehicles[a] = static_cast<int>(std::lround(mip.values[vehicle_column[a]]));
    for (std::size_t k = 0; k < demands.size(); ++k) {
      if (nets[k].empty()) continue;
      auto paths = decompose(k, nets[k], columns[k], local[k], mip.values);
      for (auto& p : paths) solution.paths.push_back(std::move(p));
    }
    solution.proven_optimal = mip.outcome == MipOutcome::optimal;
    result.status =
        solution.proven_optimal ? CompactTenStatus::optimal : CompactTenStatus::feasible;
  } else {
    result.status =
        CompactTenStatus::feasible;  // everything unserved: always a solution of this model
  }
  result.objective = ten_objective(instance, ten, solution);
  result.seconds = elapsed_since(start);
  return result;
}

}  // namespace mm::baselines
