#include "tools/simulation_summary.h"

#include "tools/plan_summary.h"

#include <cstdio>
#include <string>

namespace mm::tools {

namespace {
std::string fmt(const char* format, double value) {
  return printf_number(format, value);
}

void distribution_row(std::ostream& out, const char* name, const network::Distribution& d,
                      const char* format, double factor = 1.0) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "  %-16s", name);
  out << buf;
  for (const double v : {d.mean, d.p5, d.p50, d.p95}) out << fmt(format, v * factor);
  out << "\n";
}
}  // namespace

void print_simulation_summary(const network::SimulationResults& r, std::size_t rows,
                              std::ostream& out) {
  const network::SimulationSettings& s = r.settings;
  out << "simulation of \"" << r.plan << "\" for \"" << r.instance << "\": " << r.samples.size()
      << (s.demand == "scenarios"
              ? " scenario days from " + s.scenarios_file
              : " sampled days (CV " + fmt("%g", s.demand_cv) + ", correlation " +
                    fmt("%g", s.correlation) + ", seed " + std::to_string(s.seed) + ")")
      << (r.interrupted ? ", interrupted" : "") << "\n";
  out << "  recourse: room and later departures, "
      << (s.spot ? "spot vehicles at " + fmt("%g", s.spot_factor) + " x trip cost, " : "")
      << "late at " << fmt("%g", s.late_penalty_per_package) << " per package, unserved at "
      << fmt("%g", s.unserved_penalty_per_package) << "\n";
  out << "                            mean            p5           p50           p95\n";
  const network::SimulationSummary& m = r.summary;
  distribution_row(out, "on-time share %", m.on_time_share, "%14.2f", 100.0);
  distribution_row(out, "cost", m.cost, "%14.2f");
  distribution_row(out, "spot vehicles", m.spot_vehicles, "%14.1f");
  distribution_row(out, "late packages", m.late_packages, "%14.1f");
  distribution_row(out, "unserved pkgs", m.unserved_packages, "%14.1f");
  distribution_row(out, "packages", m.packages, "%14.1f");
  const network::SimulatedCost& c = m.mean_cost;
  out << "  mean cost: planned vehicles " << fmt("%.2f", c.planned_vehicles) << ", spot "
      << fmt("%.2f", c.spot_vehicles) << ", packages " << fmt("%.2f", c.packages) << ", handling "
      << fmt("%.2f", c.handling) << ", late " << fmt("%.2f", c.late) << ", unserved "
      << fmt("%.2f", c.unserved) << "\n";
  out << "  the plan's own objective (the forecast day): " << fmt("%.2f", r.plan_objective) << "\n";

  std::size_t shown = 0;
  for (const network::DepartureRisk& d : r.departures) {
    if (shown == rows || (d.overflow_probability == 0.0 && d.spot_probability == 0.0)) break;
    if (shown++ == 0)
      out << "  departures that overflow most often (the day on the plan's routes does not "
             "fit):\n    overflow   spot  mean spot  vehicles  departure\n";
    out << fmt("%11.1f%%", 100.0 * d.overflow_probability)
        << fmt("%6.1f%%", 100.0 * d.spot_probability) << fmt("%11.2f", d.mean_spot_vehicles)
        << fmt("%10.0f", d.vehicles) << "  " << d.lane << " @" << d.departure_minute << "\n";
  }
  if (shown == 0) out << "  no departure overflows in any sample\n";
  shown = 0;
  for (const network::FacilityRisk& f : r.facilities) {
    if (shown == rows) break;
    if (shown++ == 0)
      out << "  sort capacity (the day on the plan's routes, busiest hour):\n"
             "    exceeded  mean peak  p95 peak  capacity/h  facility\n";
    out << fmt("%11.1f%%", 100.0 * f.exceed_probability)
        << fmt("%10.1f%%", 100.0 * f.mean_peak_utilization)
        << fmt("%9.1f%%", 100.0 * f.p95_peak_utilization) << fmt("%12.0f", f.sort_capacity_per_hour)
        << "  " << f.facility << "\n";
  }
}

}  // namespace mm::tools
