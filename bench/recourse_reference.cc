// How good is the recourse heuristic? For sampled days of a plan, compares the day cost the
// simulation's recourse finds (simulation/recourse.h: the plan's load plan scaled, then the
// excess demand by demand as network-simplex flows with slope-scaled spot prices) with
// an exact model of the same recourse problem solved by COIN-OR:
//
//   phase 1 fixed as in the heuristic; then one commodity per demand with excess (its own cube
//   and weight per package), flow on the same schedule graph (room arcs; holding, arrival, sink
//   and drop arcs as there), whole spot vehicles y_d per departure (cost spot factor × trip
//   cost, at most max vehicles − planned) in the cube and weight rows of each departure, the
//   free sort capacity of each gate as a row; costs per package as in the heuristic.
//
// Its LP relaxation (CLP) is a lower bound on any recourse's cost of the day given phase 1; the
// MIP (CBC, time-limited) gives the best recourse found and its bound. Not a test: run by hand,
// results in BENCHMARKS.md ("Simulation under uncertain demand").
//
//   recourse_reference INSTANCE PLAN [DAYS] [SEED] [CV] [CORRELATION] [MIP_SECONDS]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "baselines/compact_mip_runner.h"
#include "network/instance_json.h"
#include "network/plan_json.h"
#include "simulation/demand_model.h"
#include "simulation/recourse.h"
#include "simulation/recourse_network.h"
#include "simulation/schedule.h"

namespace {

using namespace mm;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Reference {
  double phase_one = 0.0;  // cost of phase 1 (planned vehicles included)
  baselines::SparseModel model;
};

// Phase 1 as the heuristic does it, and the exact model of phase 2.
Reference build(const simulation::Schedule& schedule, const simulation::RecourseNetwork& net,
                const simulation::RecourseOptions& o, const std::vector<double>& packages) {
  Reference r;
  const auto& departures = schedule.departures();
  std::vector<double> cube(departures.size(), 0.0), weight(departures.size(), 0.0);
  std::vector<double> slot_use(schedule.slots().size(), 0.0);
  std::vector<double> excess(packages.size(), 0.0);
  r.phase_one = schedule.planned_vehicle_cost();
  for (std::size_t k = 0; k < packages.size(); ++k) {
    const simulation::PlannedDemand& p = schedule.demands()[k];
    const double kept = std::min(1.0, packages[k] / p.forecast);
    r.phase_one += kept * (p.package_cost + p.handling_cost) +
                   (1.0 - p.served_share) * packages[k] * o.unserved_penalty_per_package;
    for (const simulation::PlannedShare& s : p.shares) {
      cube[s.departure] += kept * s.packages * p.cube_per_package;
      weight[s.departure] += kept * s.packages * p.weight_per_package;
      if (departures[s.departure].sort_slot != simulation::ScheduledDeparture::kNone)
        slot_use[departures[s.departure].sort_slot] += kept * s.packages;
    }
    excess[k] = p.served_share * std::max(0.0, packages[k] - p.forecast);
  }
  baselines::SparseModel& m = r.model;
  const double inf = baselines::SparseModel::kInf;
  // Spot vehicles per departure.
  std::vector<int> spot(departures.size());
  for (std::size_t d = 0; d < departures.size(); ++d) {
    const auto& dep = departures[d];
    const double most = !o.spot            ? 0.0
                        : dep.max_vehicles ? std::max(0, *dep.max_vehicles - dep.vehicles)
                                           : inf;
    spot[d] = m.add_column(0.0, most, o.spot_factor * dep.cost_per_trip, true);
  }
  // Flow columns per commodity (demand with excess) and arc of its group's graph.
  struct Entry {
    int column;
    double cube, weight;
  };
  std::vector<std::vector<Entry>> on_departure(departures.size());
  std::vector<std::vector<int>> on_gate(net.gates().size());
  for (std::size_t g = 0; g < schedule.groups().size(); ++g) {
    const simulation::DemandGroup& group = schedule.groups()[g];
    const simulation::GroupGraph& graph = net.group_graph(g);
    for (std::size_t member = 0; member < group.demands.size(); ++member) {
      const std::size_t k = group.demands[member];
      if (excess[k] < 1e-3) continue;
      const simulation::PlannedDemand& p = schedule.demands()[k];
      std::vector<std::vector<std::pair<int, double>>> rows(graph.node_count);
      for (std::size_t a = 0; a < graph.arcs.size(); ++a) {
        const simulation::FlowArc& arc = net.arcs()[graph.arcs[a]];
        if (arc.kind == simulation::FlowArcKind::spot) continue;
        double cost = 0.0;
        if (arc.kind == simulation::FlowArcKind::room) {
          cost = departures[arc.ref].lane_cost_per_package +
                 departures[arc.ref].handling_cost_per_package;
        } else if (arc.kind == simulation::FlowArcKind::sink) {
          if (net.arrivals()[arc.ref].minute > group.due_minute) cost = o.late_penalty_per_package;
        } else if (arc.kind == simulation::FlowArcKind::drop) {
          cost = o.unserved_penalty_per_package;
        }
        const int column = m.add_column(0.0, inf, cost, false);
        rows[graph.ends[a].first].push_back({column, 1.0});
        rows[graph.ends[a].second].push_back({column, -1.0});
        if (arc.kind == simulation::FlowArcKind::room)
          on_departure[arc.ref].push_back({column, p.cube_per_package, p.weight_per_package});
        if (arc.kind == simulation::FlowArcKind::gate) on_gate[arc.ref].push_back(column);
      }
      for (std::size_t n = 0; n < graph.node_count; ++n) {
        const double supply = n == graph.sources[member] ? excess[k]
                              : n == graph.sink          ? -excess[k]
                                                         : 0.0;
        for (const auto& [column, value] : rows[n]) m.push(column, value);
        m.end_row(supply, supply);
      }
    }
  }
  for (std::size_t d = 0; d < departures.size(); ++d) {
    if (on_departure[d].empty()) continue;
    const auto& dep = departures[d];
    for (const Entry& e : on_departure[d]) m.push(e.column, e.cube);
    m.push(spot[d], -dep.capacity.cube_m3);
    m.end_row(-inf, dep.vehicles * dep.capacity.cube_m3 - cube[d]);
    for (const Entry& e : on_departure[d]) m.push(e.column, e.weight);
    m.push(spot[d], -dep.capacity.weight_kg);
    m.end_row(-inf, dep.vehicles * dep.capacity.weight_kg - weight[d]);
  }
  for (std::size_t gate = 0; gate < on_gate.size(); ++gate) {
    if (on_gate[gate].empty()) continue;
    const simulation::SortGate& sg = net.gates()[gate];
    for (const int column : on_gate[gate]) m.push(column, 1.0);
    m.end_row(-inf,
              std::max(0.0, (schedule.slots()[sg.slot].capacity - slot_use[sg.slot]) * sg.share));
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s INSTANCE PLAN [DAYS] [SEED] [CV] [CORRELATION] [MIP_SECONDS]\n",
                 argv[0]);
    return 2;
  }
  const network::Instance instance = network::read_instance_file(argv[1]);
  const network::Plan plan = network::read_plan_file(argv[2]);
  const int days = argc > 3 ? std::atoi(argv[3]) : 20;
  const std::uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 20170;
  const double cv = argc > 5 ? std::atof(argv[5]) : 0.2;
  const double correlation = argc > 6 ? std::atof(argv[6]) : 0.5;
  const double mip_seconds = argc > 7 ? std::atof(argv[7]) : 10.0;

  const simulation::Schedule schedule(instance, plan);
  const simulation::RecourseNetwork net(instance, schedule);
  simulation::RecourseOptions options;
  options.unserved_penalty_per_package = instance.unserved_penalty_per_package();
  options.late_penalty_per_package = simulation::default_late_penalty(instance);
  const simulation::RecourseEvaluator evaluator(schedule, net, options);
  auto workspace = evaluator.make_workspace();
  const simulation::DemandModel model(instance, cv);

  std::printf(
      "day,heuristic,heuristic_ms,lp_bound,lp_ms,mip_best,mip_bound,mip_ms,columns,rows,"
      "heuristic_spot,mip_spot,heuristic_late,heuristic_dropped\n");
  double sum_h = 0, sum_lp = 0, sum_mip = 0, sum_mip_bound = 0, h_ms = 0, lp_ms = 0, mip_ms = 0;
  double worst = 0.0;
  for (int i = 0; i < days; ++i) {
    std::vector<double> packages;
    simulation::draw_packages(model, correlation, seed, static_cast<std::uint64_t>(i), packages);
    auto start = Clock::now();
    const simulation::DayOutcome day = evaluator.evaluate(packages, *workspace);
    const double heuristic = day.record.cost.total();
    const double th = 1000 * seconds_since(start);
    start = Clock::now();
    Reference ref = build(schedule, net, options, packages);
    const baselines::LpResult lp = baselines::solve_lp_with_clp(ref.model);
    const double tlp = 1000 * seconds_since(start);
    start = Clock::now();
    const baselines::MipResult mip = baselines::solve_mip_with_cbc(ref.model, mip_seconds);
    const double tmip = 1000 * seconds_since(start);
    const double lp_total = ref.phase_one + lp.objective;
    const double mip_total = ref.phase_one + mip.objective;
    const double mip_bound = ref.phase_one + mip.lower_bound;
    if (std::getenv("MM_RECOURSE_DETAIL") && std::atoi(std::getenv("MM_RECOURSE_DETAIL")) == i)
      for (std::size_t d = 0; d < schedule.departures().size(); ++d) {
        const auto& dep = schedule.departures()[d];
        const double y = mip.values.empty() ? 0.0 : mip.values[d];
        if (day.spot_vehicles[d] > 0 || y > 1e-6)
          std::fprintf(stderr, "  %s@%d planned %d: heuristic spot %d (load %.1f m3), exact %.0f\n",
                       instance.lanes()[dep.lane].id.c_str(), dep.departure_minute, dep.vehicles,
                       day.spot_vehicles[d], day.loads[d].cube_m3, y);
      }
    double mip_spot = 0.0;
    for (std::size_t d = 0; d < schedule.departures().size() && !mip.values.empty(); ++d)
      mip_spot += mip.values[d];
    std::printf("%d,%.2f,%.2f,%.2f,%.1f,%.2f,%.2f,%.1f,%zu,%zu,%d,%.0f,%.1f,%.1f\n", i, heuristic,
                th, lp_total, tlp, mip_total, mip_bound, tmip, ref.model.columns(),
                ref.model.rows(), day.record.spot_vehicles, mip_spot, day.record.late,
                day.record.unserved - day.record.unserved_by_plan);
    sum_h += heuristic;
    sum_lp += lp_total;
    sum_mip += mip_total;
    sum_mip_bound += mip_bound;
    h_ms += th;
    lp_ms += tlp;
    mip_ms += tmip;
    worst = std::max(worst, (heuristic - mip_total) / mip_total);
  }
  std::fprintf(stderr,
               "%d days: mean day cost heuristic %.2f (%.2f ms), LP bound %.2f (%.1f ms), MIP best "
               "%.2f and bound %.2f (%.1f ms); heuristic above MIP best by %.3f%% on average, "
               "%.3f%% at worst; above the MIP bound by %.3f%%\n",
               days, sum_h / days, h_ms / days, sum_lp / days, lp_ms / days, sum_mip / days,
               sum_mip_bound / days, mip_ms / days, 100 * (sum_h - sum_mip) / sum_mip, 100 * worst,
               100 * (sum_h - sum_mip_bound) / sum_mip_bound);
  return 0;
}
