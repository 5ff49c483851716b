#include "simulation/recourse.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "simulation/min_cost_flow.h"

namespace mm::simulation {

namespace {

// The flow counts thousandths of a package: LEMON needs integers, and a thousandth is far below
// anything a plan or a forecast distinguishes.
constexpr double kUnits = 1000.0;
// Integer costs: the dearest arc of a flow costs this many units (LEMON's potentials stay
// far from int64's range: nodes × 1e9).
constexpr double kCostResolution = 1e9;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
// A load within this share of whole vehicles needs no further one (floating-point sums).
constexpr double kVehicleTolerance = 1e-9;

std::int64_t to_units(double packages, std::int64_t cap) {
  if (!(packages > 0.0)) return 0;
  const double units = std::floor(packages * kUnits);
  return units >= static_cast<double>(cap) ? cap : static_cast<std::int64_t>(units);
}

// Packages of (cube, weight) per package that fit in (cube, weight); infinite when both are 0.
double packages_fitting(double cube, double weight, double cube_per_package,
                        double weight_per_package) {
  double fit = kInfinity;
  if (cube_per_package > 0.0) fit = std::min(fit, cube / cube_per_package);
  if (weight_per_package > 0.0) fit = std::min(fit, weight / weight_per_package);
  return fit;
}

// Whole vehicles a load needs; a load that needs more than an int counts (a day of absurd
// demand, e.g. a scenario scaled by 6e10) needs the largest int, never an overflow.
int vehicles_needed(const network::Load& load, const network::Capacity& capacity) {
  const double share =
      std::max(load.cube_m3 / capacity.cube_m3, load.weight_kg / capacity.weight_kg);
  const double whole = std::ceil(share - kVehicleTolerance * std::max(1.0, share));
  constexpr int kMost = std::numeric_limits<int>::max();
  if (!(whole < static_cast<double>(kMost))) return kMost;
  return static_cast<int>(whole);
}

}  // namespace

double default_late_penalty(const network::Instance& instance) {
  return 0.5 * instance.unserved_penalty_per_package();
}

class RecourseWorkspace {
 public:
  explicit RecourseWorkspace(const RecourseNetwork& network) : network_(network) {}

  // The flow solver of group g's graph, made on first use.
  MinCostFlow& solver(std::size_t g) {
    if (solvers_.size() <= g) solvers_.resize(g + 1);
    if (!solvers_[g]) {
      const GroupGraph& graph = network_.group_graph(g);
      solvers_[g] = std::make_unique<MinCostFlow>(graph.node_count, graph.ends);
    }
    return *solvers_[g];
  }

  // Per local node or arc of the graph of the demand being routed:
  std::vector<std::int64_t> supply, capacity, cost, flow;
  std::vector<double> cost_value;
  // Per demand, departure or slot of the day:
  std::vector<double> excess;
  std::vector<int> bought;         // spot vehicles per departure
  std::vector<double> spot_price;  // per departure: a spot package's cost, or NaN
  std::vector<double> plan_cube, plan_weight, slot_plan;

 private:
  const RecourseNetwork& network_;
  std::vector<std::unique_ptr<MinCostFlow>> solvers_;
};

RecourseEvaluator::RecourseEvaluator(const Schedule& schedule, const RecourseNetwork& network,
                                     RecourseOptions options)
    : schedule_(schedule), network_(network), options_(options) {}

RecourseEvaluator::~RecourseEvaluator() = default;

RecourseWorkspacePtr RecourseEvaluator::make_workspace() const {
  return RecourseWorkspacePtr(new RecourseWorkspace(network_));
}

void RecourseWorkspaceDeleter::operator()(RecourseWorkspace* workspace) const {
  delete workspace;
}

namespace {

// The state of one day while its demands are routed.
struct Day {
  const Schedule& schedule;
  const RecourseNetwork& network;
  const RecourseOptions& options;
  RecourseWorkspace& w;
  DayOutcome& out;
  double on_time = 0.0, late = 0.0, dropped = 0.0;

  int spot_slots(std::size_t i) const {
    const ScheduledDeparture& d = schedule.departures()[i];
    if (!options.spot) return 0;
    if (!d.max_vehicles) return std::numeric_limits<int>::max();
    return std::max(0, *d.max_vehicles - d.vehicles - w.bought[i]);
  }

  // Routes the excess of demand `member` of group g on the group's graph; false when it has
  // none. One demand is one density, so every capacity in packages is exact.
  bool route(std::size_t g, std::size_t member) {
    const DemandGroup& group = schedule.groups()[g];
    const std::size_t k = group.demands[member];
    const std::int64_t total = to_units(w.excess[k], std::numeric_limits<std::int64_t>::max() / 4);
    if (total == 0) return false;
    const PlannedDemand& p = schedule.demands()[k];
    const GroupGraph& graph = network.group_graph(g);
    const std::size_t arcs = graph.arcs.size();
    w.supply.assign(graph.node_count, 0);
    w.supply[graph.sources[member]] = total;
    w.supply[graph.sink] = -total;

    // Capacities (thousandths of a package) and costs (currency per package) of every arc.
    w.capacity.resize(arcs);
    w.cost.resize(arcs);
    w.cost_value.resize(arcs);
    double dearest = 0.0;
    for (std::size_t a = 0; a < arcs; ++a) {
      const FlowArc& arc = network.arcs()[graph.arcs[a]];
      std::int64_t capacity = total;
      double cost = 0.0;
      switch (arc.kind) {
        case FlowArcKind::holding:
        case FlowArcKind::arrive:
          break;
        case FlowArcKind::room:
        case FlowArcKind::spot: {
          const ScheduledDeparture& d = schedule.departures()[arc.ref];
          cost = d.lane_cost_per_package + d.handling_cost_per_package;
          // Packages of this demand one vehicle holds.
          const double per_vehicle = packages_fitting(d.capacity.cube_m3, d.capacity.weight_kg,
                                                      p.cube_per_package, p.weight_per_package);
          if (arc.kind == FlowArcKind::room) {
            const double vehicles = d.vehicles + w.bought[arc.ref];
            const network::Load& load = out.loads[arc.ref];
            capacity = to_units(packages_fitting(vehicles * d.capacity.cube_m3 - load.cube_m3,
                                                 vehicles * d.capacity.weight_kg - load.weight_kg,
                                                 p.cube_per_package, p.weight_per_package),
                                total);
          } else {
            const int slots = spot_slots(arc.ref);
            capacity = slots == 0 ? 0
                       : slots == std::numeric_limits<int>::max()
                           ? total
                           : to_units(slots * per_vehicle, total);
            // A spot vehicle's trip cost per package: what it cost in the previous round, else
            // spread over a full vehicle of this demand's packages.
            if (!std::isnan(w.spot_price[arc.ref]))
              cost += w.spot_price[arc.ref];
            else if (std::isfinite(per_vehicle) && per_vehicle > 0.0)
              cost += options.spot_factor * d.cost_per_trip / per_vehicle;
          }
          break;
        }
        case FlowArcKind::gate: {
          const SortGate& gate = network.gates()[arc.ref];
          const SortSlot& slot = schedule.slots()[gate.slot];
          capacity = to_units((slot.capacity - out.slot_packages[gate.slot]) * gate.share, total);
          break;
        }
        case FlowArcKind::sink:
          if (network.arrivals()[arc.ref].minute > group.due_minute)
            cost = options.late_penalty_per_package;
          break;
        case FlowArcKind::drop:
          cost = options.unserved_penalty_per_package;
          break;
      }
      w.capacity[a] = capacity;
      w.cost_value[a] = cost;
      dearest = std::max(dearest, cost);
    }
    const double scale = dearest > 0.0 ? kCostResolution / dearest : 1.0;
    for (std::size_t a = 0; a < arcs; ++a)
      w.cost[a] = static_cast<std::int64_t>(std::llround(w.cost_value[a] * scale));

    if (!w.solver(g).solve(w.supply, w.capacity, w.cost, w.flow))
      throw std::logic_error("recourse: a demand's flow is infeasible despite its drop arc");
    account(group, graph, p);
    // Spot vehicles the loads now need (whole vehicles; never fewer than before).
    for (const std::size_t global : graph.arcs) {
      const FlowArc& arc = network.arcs()[global];
      if (arc.kind != FlowArcKind::room && arc.kind != FlowArcKind::spot) continue;
      const ScheduledDeparture& d = schedule.departures()[arc.ref];
      int extra = vehicles_needed(out.loads[arc.ref], d.capacity) - d.vehicles;
      if (d.max_vehicles) extra = std::min(extra, *d.max_vehicles - d.vehicles);
      w.bought[arc.ref] = std::max(w.bought[arc.ref], extra);
    }
    return true;
  }

  // Loads, costs, sort use and outcomes, from the arcs' flows.
  void account(const DemandGroup& group, const GroupGraph& graph, const PlannedDemand& p) {
    for (std::size_t a = 0; a < graph.arcs.size(); ++a) {
      if (w.flow[a] == 0) continue;
      const double x = static_cast<double>(w.flow[a]) / kUnits;
      const FlowArc& arc = network.arcs()[graph.arcs[a]];
      switch (arc.kind) {
        case FlowArcKind::room:
        case FlowArcKind::spot: {
          const ScheduledDeparture& d = schedule.departures()[arc.ref];
          network::Load& load = out.loads[arc.ref];
          load.packages += x;
          load.cube_m3 += x * p.cube_per_package;
          load.weight_kg += x * p.weight_per_package;
          out.record.cost.packages += x * d.lane_cost_per_package;
          out.record.cost.handling += x * d.handling_cost_per_package;
          break;
        }
        case FlowArcKind::gate:
          out.slot_packages[network.gates()[arc.ref].slot] += x;
          break;
        case FlowArcKind::sink:
          (network.arrivals()[arc.ref].minute > group.due_minute ? late : on_time) += x;
          break;
        case FlowArcKind::drop:
          dropped += x;
          break;
        default:
          break;
      }
    }
  }
};

// Spot vehicles, late and unserved packages, and the cost parts routing does not add up.
void finish_day(const Day& day, DayOutcome& out) {
  const auto& departures = day.schedule.departures();
  network::SampleRecord& record = out.record;
  double spot_cost = 0.0;
  long long spot_vehicles = 0;  // a sum of saturated counts must not overflow either
  for (std::size_t i = 0; i < departures.size(); ++i) {
    out.spot_vehicles[i] = day.w.bought[i];
    spot_vehicles += day.w.bought[i];
    spot_cost += day.w.bought[i] * day.options.spot_factor * departures[i].cost_per_trip;
    out.vehicles_used[i] = std::min(departures[i].vehicles + day.w.bought[i],
                                    vehicles_needed(out.loads[i], departures[i].capacity));
  }
  record.spot_vehicles += static_cast<int>(
      std::min<long long>(spot_vehicles, std::numeric_limits<int>::max() - record.spot_vehicles));
  record.late = day.late;
  record.unserved = record.unserved_by_plan + day.dropped;
  record.on_time = std::max(0.0, record.packages - record.late - record.unserved);
  record.cost.planned_vehicles = day.schedule.planned_vehicle_cost();
  record.cost.spot_vehicles = spot_cost;
  record.cost.late = record.late * day.options.late_penalty_per_package;
  record.cost.unserved = record.unserved * day.options.unserved_penalty_per_package;
}

// Phase 1: the plan's routes, scaled to the day up to the forecast; the excess over the
// forecast left in w.excess; and where the day on the plan's routes, unscaled, would not fit.
void follow_the_plan(const Schedule& schedule, const std::vector<double>& packages,
                     RecourseWorkspace& w, DayOutcome& out) {
  const auto& departures = schedule.departures();
  const auto& slots = schedule.slots();
  const auto& demands = schedule.demands();
  network::SampleRecord& record = out.record;
  for (std::size_t k = 0; k < demands.size(); ++k) {
    const PlannedDemand& p = demands[k];
    const double day = packages[k];
    const double ratio = day / p.forecast;
    const double kept = std::min(1.0, ratio);
    record.packages += day;
    record.unserved_by_plan += (1.0 - p.served_share) * day;
    record.cost.packages += kept * p.package_cost;
    record.cost.handling += kept * p.handling_cost;
    for (const PlannedShare& share : p.shares) {
      network::Load& load = out.loads[share.departure];
      const double x = kept * share.packages;
      load.packages += x;
      load.cube_m3 += x * p.cube_per_package;
      load.weight_kg += x * p.weight_per_package;
      w.plan_cube[share.departure] += ratio * share.packages * p.cube_per_package;
      w.plan_weight[share.departure] += ratio * share.packages * p.weight_per_package;
      const std::size_t slot = departures[share.departure].sort_slot;
      if (slot != ScheduledDeparture::kNone) {
        out.slot_packages[slot] += x;
        w.slot_plan[slot] += ratio * share.packages;
      }
    }
    w.excess[k] = p.served_share * std::max(0.0, day - p.forecast);
  }
  for (std::size_t i = 0; i < departures.size(); ++i) {
    const ScheduledDeparture& d = departures[i];
    const network::Load need{0.0, w.plan_cube[i], w.plan_weight[i]};
    out.overflow[i] = vehicles_needed(need, d.capacity) > d.vehicles ? 1 : 0;
  }
  const auto& capacitated = schedule.capacitated_facilities();
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const auto pos = std::lower_bound(capacitated.begin(), capacitated.end(), slots[s].facility) -
                     capacitated.begin();
    out.peak_utilization[pos] =
        std::max(out.peak_utilization[pos], w.slot_plan[s] / slots[s].capacity);
  }
}

}  // namespace

DayOutcome RecourseEvaluator::evaluate(const std::vector<double>& packages,
                                       RecourseWorkspace& w) const {
  const auto& departures = schedule_.departures();
  const auto& slots = schedule_.slots();
  if (packages.size() != schedule_.demands().size())
    throw std::invalid_argument("recourse: one package count per demand expected");
  DayOutcome out;
  out.spot_vehicles.assign(departures.size(), 0);
  out.loads.assign(departures.size(), network::Load{});
  out.overflow.assign(departures.size(), 0);
  out.vehicles_used.assign(departures.size(), 0);
  out.slot_packages.assign(slots.size(), 0.0);
  out.peak_utilization.assign(schedule_.capacitated_facilities().size(), 0.0);
  w.excess.assign(packages.size(), 0.0);
  w.bought.assign(departures.size(), 0);
  w.plan_cube.assign(departures.size(), 0.0);
  w.plan_weight.assign(departures.size(), 0.0);
  w.slot_plan.assign(slots.size(), 0.0);
  follow_the_plan(schedule_, packages, w, out);

  // Phase 2: the excess, demand by demand; then again with each spot vehicle priced at
  // what it cost per package it carried (slope scaling), keeping the cheapest day.
  const DayOutcome base = out;
  w.spot_price.assign(departures.size(), std::numeric_limits<double>::quiet_NaN());
  std::vector<int> previous;
  double best = kInfinity;
  for (int round = 0; round < std::max(1, options_.spot_pricing_rounds); ++round) {
    DayOutcome trial = base;
    w.bought.assign(departures.size(), 0);
    Day day{schedule_, network_, options_, w, trial};
    bool routed = false;
    for (std::size_t g = 0; g < schedule_.groups().size(); ++g)
      for (const std::size_t member : schedule_.groups()[g].routing_order)
        routed = day.route(g, member) || routed;
    finish_day(day, trial);
    const bool again = routed && w.bought != previous;
    if (again) {
      previous = w.bought;
      for (std::size_t i = 0; i < departures.size(); ++i) {
        if (w.bought[i] == 0) continue;
        const ScheduledDeparture& d = departures[i];
        const network::Load& load = trial.loads[i];
        const double share =
            std::max(load.cube_m3 / d.capacity.cube_m3, load.weight_kg / d.capacity.weight_kg);
        const double spot_packages = load.packages * (share - d.vehicles) / share;
        if (spot_packages > 0.0)
          w.spot_price[i] = w.bought[i] * options_.spot_factor * d.cost_per_trip / spot_packages;
      }
    }
    if (trial.record.cost.total() < best) {
      best = trial.record.cost.total();
      out = std::move(trial);
    }
    if (!again) break;
  }
  return out;
}

}  // namespace mm::simulation
