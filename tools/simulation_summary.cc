#include "tools/simulation_summary.h"

#include <iomanip>
#include <string>

#include "network/number_text.h"

namespace mm::tools {

namespace {
using network::fixed_text;
using network::number_text;

void distribution_row(std::ostream& out, const char* name, const network::Distribution& d,
                      int decimals, double factor = 1.0) {
  out << "  " << std::left << std::setw(16) << name << std::right;
  for (const double v : {d.mean, d.p5, d.p50, d.p95})
    out << std::setw(14) << fixed_text(v * factor, decimals);
  out << "\n";
}
}  // namespace

void print_simulation_summary(const network::SimulationResults& r, std::size_t rows,
                              std::ostream& out) {
  const network::SimulationSettings& s = r.settings;
  out << "simulation of \"" << r.plan << "\" for \"" << r.instance << "\": " << r.samples.size()
      << (s.demand == "scenarios"
              ? " scenario days from " + s.scenarios_file
              : " sampled days (CV " + number_text(s.demand_cv) + ", correlation " +
                    number_text(s.correlation) + ", seed " + std::to_string(s.seed) + ")")
      << (r.interrupted ? ", interrupted" : "") << "\n";
  out << "  recourse: room and later departures, "
      << (s.spot ? "spot vehicles at " + number_text(s.spot_factor) + " x trip cost, " : "")
      << "late at " << number_text(s.late_penalty_per_package) << " per package, unserved at "
      << number_text(s.unserved_penalty_per_package) << "\n";
  out << "                            mean            p5           p50           p95\n";
  const network::SimulationSummary& m = r.summary;
  distribution_row(out, "on-time share %", m.on_time_share, 2, 100.0);
  distribution_row(out, "cost", m.cost, 2);
  distribution_row(out, "spot vehicles", m.spot_vehicles, 1);
  distribution_row(out, "late packages", m.late_packages, 1);
  distribution_row(out, "unserved pkgs", m.unserved_packages, 1);
  distribution_row(out, "packages", m.packages, 1);
  const network::SimulatedCost& c = m.mean_cost;
  out << "  mean cost: planned vehicles " << fixed_text(c.planned_vehicles, 2) << ", spot "
      << fixed_text(c.spot_vehicles, 2) << ", packages " << fixed_text(c.packages, 2)
      << ", handling " << fixed_text(c.handling, 2) << ", late " << fixed_text(c.late, 2)
      << ", unserved " << fixed_text(c.unserved, 2) << "\n";
  out << "  the plan's own objective (the forecast day): " << fixed_text(r.plan_objective, 2)
      << "\n";

  std::size_t shown = 0;
  for (const network::DepartureRisk& d : r.departures) {
    if (shown == rows || (d.overflow_probability == 0.0 && d.spot_probability == 0.0)) break;
    if (shown++ == 0)
      out << "  departures that overflow most often (the day on the plan's routes does not "
             "fit):\n    overflow   spot  mean spot  vehicles  departure\n";
    out << std::setw(11) << fixed_text(100.0 * d.overflow_probability, 1) << "%" << std::setw(6)
        << fixed_text(100.0 * d.spot_probability, 1) << "%" << std::setw(11)
        << fixed_text(d.mean_spot_vehicles, 2) << std::setw(10) << d.vehicles << "  " << d.lane
        << " @" << d.departure_minute << "\n";
  }
  if (shown == 0) out << "  no departure overflows in any sample\n";
  shown = 0;
  for (const network::FacilityRisk& f : r.facilities) {
    if (shown == rows) break;
    if (shown++ == 0)
      out << "  sort capacity (the day on the plan's routes, busiest hour):\n"
             "    exceeded  mean peak  p95 peak  capacity/h  facility\n";
    out << std::setw(11) << fixed_text(100.0 * f.exceed_probability, 1) << "%" << std::setw(10)
        << fixed_text(100.0 * f.mean_peak_utilization, 1) << "%" << std::setw(9)
        << fixed_text(100.0 * f.p95_peak_utilization, 1) << "%" << std::setw(12)
        << fixed_text(f.sort_capacity_per_hour, 0) << "  " << f.facility << "\n";
  }
}

}  // namespace mm::tools
