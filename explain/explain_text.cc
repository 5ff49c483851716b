#include "explain/explain_text.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "network/number_text.h"

namespace mm::explain {

namespace {

// Packages: whole numbers without decimals (they usually are), others with two.
std::string number(double value) {
  return network::fixed_text(value, std::trunc(value) == value ? 0 : 2);
}

// Display width of UTF-8 text: code points (the arrows and m³ are one column each).
std::size_t columns(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Rows of cells printed with each column padded to its widest cell; `right` marks columns
// aligned right (numbers).
void print_table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right,
                 std::ostream& out, const std::string& indent = "  ") {
  std::vector<std::size_t> width;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], columns(row[c]));
    }
  for (const auto& row : rows) {
    std::string line = indent;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(width[c] - columns(row[c]), ' ');
      const bool last = c + 1 == row.size();
      line += c < right.size() && right[c] ? pad + row[c] : row[c] + (last ? "" : pad);
      if (!last) line += "  ";
    }
    out << line << "\n";
  }
}

std::string route_text(const std::vector<explain::ExplainLeg>& legs) {
  std::string s;
  for (const auto& l : legs)
    s += (s.empty() ? "" : " → ") + l.lane + "@" + std::to_string(l.departure_minute);
  return s;
}

// A re-plan against the plan (closing a departure, a fleet ±1): `label` names the re-plan's
// row, padded to the plan's.
void print_replan(const ClosingCost& c, const std::string& label, std::ostream& out) {
  if (!c.resolved) {
    out << "  " << c.note << "\n";
    return;
  }
  auto gap = [](const std::optional<double>& g) {
    return g ? network::fixed_text(100.0 * *g, 3) + "%" : std::string("?");
  };
  const std::size_t width = std::max<std::size_t>(10, columns(label));
  const auto pad = [&](const std::string& text) {
    return text + std::string(width - columns(text) + 2, ' ');
  };
  out << "  " << pad("plan") << network::fixed_text(c.plan_objective, 2) << " (gap "
      << gap(c.plan_gap) << ")\n";
  if (c.closed_status == network::PlanStatus::no_solution) {
    out << "  " << pad(label) << "no solution in " << network::fixed_text(c.seconds, 1) << " s\n";
  } else {
    out << "  " << pad(label) << network::fixed_text(c.closed_objective, 2) << " (gap "
        << gap(c.closed_gap) << ", " << network::to_string(c.closed_status) << ", re-planned in "
        << network::fixed_text(c.seconds, 1) << " s)\n";
    out << "  " << pad("change") << (c.delta >= 0 ? "+" : "") << network::fixed_text(c.delta, 2);
    if (c.delta_low)
      out << " (true change within [" << network::fixed_text(*c.delta_low, 2) << ", "
          << network::fixed_text(c.delta, 2) << "])";
    out << "\n";
  }
  out << "  " << c.note << "\n";
}

}  // namespace

void print_explanation(const explain::DemandExplanation& e, std::ostream& out) {
  out << "demand " << e.demand << ": " << e.origin << " → " << e.destination << ", "
      << number(e.packages) << " packages, " << number(e.cube_m3) << " m³, " << number(e.weight_kg)
      << " kg, ready " << e.ready_minute << ", due " << e.due_minute << "\n";
  out << "  served " << number(e.served_packages) << ", unserved " << number(e.unserved_packages)
      << "\n";
  for (std::size_t i = 0; i < e.routes.size(); ++i) {
    const auto& r = e.routes[i];
    out << "\nroute " << i + 1 << ": " << number(r.packages) << " packages, arrives "
        << r.arrival_minute << ", slack " << r.slack_minutes << " min to due\n";
    std::vector<std::vector<std::string>> rows{
        {"leg", "lane", "from", "to", "departs", "arrives", "vehicle share"}};
    for (std::size_t l = 0; l < r.legs.size(); ++l)
      rows.push_back({std::to_string(l + 1), r.legs[l].lane, r.legs[l].from, r.legs[l].to,
                      std::to_string(r.legs[l].departure_minute),
                      std::to_string(r.legs[l].arrival_minute),
                      network::percent_text(r.vehicle_share[l], 1)});
    print_table(rows, {true, false, false, false, true, true, true}, out);
    out << "  cost share: vehicles " << network::fixed_text(r.cost.vehicles, 2) << " + per package "
        << network::fixed_text(r.cost.packages, 2) << " + handling "
        << network::fixed_text(r.cost.handling, 2) << " = "
        << network::fixed_text(r.cost.total(), 2)
        << "  (pricing model: " << network::fixed_text(r.pricing_cost, 2) << ")\n";
  }
  if (e.unserved) {
    out << "\nunserved " << number(e.unserved_packages)
        << " packages: " << explain::to_string(e.unserved->reason) << "\n  " << e.unserved->detail
        << "\n";
  }
  out << "\nalternatives for " << number(e.moved_packages) << " packages (cheapest first";
  out << ", pricing cost = per-package costs + full-vehicle cost shares):\n";
  if (e.alternatives.empty()) {
    out << "  none: no other route leaves " << e.origin << " after minute " << e.ready_minute
        << " for " << e.destination << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows{{"#", "route", "arrives", "cost", "why not"}};
  for (std::size_t i = 0; i < e.alternatives.size(); ++i) {
    const auto& a = e.alternatives[i];
    rows.push_back({std::to_string(i + 1), route_text(a.legs), std::to_string(a.arrival_minute),
                    network::fixed_text(a.cost, 2), explain::to_string(a.why_not)});
  }
  print_table(rows, {true, false, true, true, false}, out);
  out << "\n";
  for (std::size_t i = 0; i < e.alternatives.size(); ++i)
    out << "  " << i + 1 << ". " << e.alternatives[i].detail << "\n";
}

void print_explanation(const explain::DepartureExplanation& e, std::ostream& out) {
  out << "departure " << e.lane << "@" << e.departure_minute << ": " << e.from << " → " << e.to
      << ", " << e.vehicle_type << ", arrives " << e.arrival_minute << "\n";
  out << "  vehicles " << e.vehicles;
  if (e.max_vehicles) out << " (max " << *e.max_vehicles << ")";
  out << ", load " << number(e.load.packages) << " packages, "
      << network::fixed_text(e.load.cube_m3, 2) << " m³, "
      << network::fixed_text(e.load.weight_kg, 2) << " kg; fill "
      << network::percent_text(e.fill_cube, 1) << " cube, "
      << network::percent_text(e.fill_weight, 1) << " weight per vehicle\n";
  out << "\nriders:\n";
  if (e.riders.empty())
    out << "  none\n";
  else {
    std::vector<std::vector<std::string>> rows{{"demand", "packages", "m³", "kg", "of cube"}};
    for (const auto& r : e.riders)
      rows.push_back(
          {r.demand, number(r.packages), network::fixed_text(r.cube_m3, 2),
           network::fixed_text(r.weight_kg, 2),
           e.load.cube_m3 > 0 ? network::percent_text(r.cube_m3 / e.load.cube_m3, 1) : "-"});
    print_table(rows, {false, true, true, true, true}, out);
  }
  out << "\nclosing it:\n";
  print_replan(e.closing, "without it", out);
  const auto& m = e.marginal;
  out << "\nshadow prices (root LP " << network::fixed_text(e.lp_value, 2)
      << (e.lp_converged ? "" : ", not converged: approximate") << "):\n";
  if (!m.in_lp) {
    out << "  capacity not binding in the LP (no capacity row: no generated path uses it): 0\n";
  } else {
    out << "  per m³ " << network::fixed_text(m.price[0], 4) << ", per kg "
        << network::fixed_text(m.price[1], 4) << "; LP vehicles "
        << network::fixed_text(m.lp_vehicles, 3) << "\n";
    out << "  one more vehicle's capacity, free: "
        << network::fixed_text(m.vehicle_capacity_value, 2) << "\n";
    out << "  one more vehicle allowed, paying its trip: "
        << network::fixed_text(m.extra_vehicle_value, 2)
        << (m.extra_vehicle_value > 0 ? "" : " (the LP does not want more here)") << "\n";
  }
}

void print_explanation(const explain::FacilityExplanation& e, std::ostream& out) {
  out << "facility " << e.facility << " (" << e.kind << "): " << number(e.packages_out)
      << " packages handled (leaving), " << number(e.packages_in) << " arriving\n";
  if (e.sort_capacity_per_hour)
    out << "  sort capacity " << number(*e.sort_capacity_per_hour) << " packages per hour";
  else
    out << "  no sort capacity limit";
  if (e.peak_hour)
    out << "; peak hour " << *e.peak_hour << " at " << network::percent_text(e.peak_utilization, 1);
  out << "\n\nsort use per clock hour (LP value of one more package/hour; root LP "
      << network::fixed_text(e.lp_value, 2) << (e.lp_converged ? "" : ", not converged") << "):\n";
  if (e.hours.empty())
    out << "  no packages leave it in the plan\n";
  else {
    std::vector<std::vector<std::string>> rows{{"hour", "minutes", "packages", "use", "value"}};
    for (const auto& h : e.hours)
      rows.push_back({std::to_string(h.hour),
                      std::to_string(60 * h.hour) + "-" + std::to_string(60 * h.hour + 59),
                      number(h.packages),
                      h.utilization ? network::percent_text(*h.utilization, 1) : "-",
                      h.in_lp ? network::fixed_text(h.value_per_package, 4)
                              : "no row: not binding in the LP"});
    print_table(rows, {true, true, true, true, true}, out);
  }
  out << "\nlater due minutes (" << e.due_method << "):\n";
  if (e.due_values.empty())
    out << "  no demand passes through it\n";
  else {
    std::vector<std::vector<std::string>> rows{{"demand", "due", "arrives", "slack", "worth"}};
    for (const auto& v : e.due_values)
      rows.push_back({v.demand, std::to_string(v.due_minute),
                      v.arrival_minute ? std::to_string(*v.arrival_minute) : "unserved",
                      v.slack_minutes ? std::to_string(*v.slack_minutes) : "-",
                      network::fixed_text(v.value, 2)});
    print_table(rows, {false, true, true, true, true}, out);
  }
}

void print_explanation(const explain::EmptyMoveExplanation& e, std::ostream& out) {
  out << "empty move " << e.lane << "@" << e.departure_minute << ": " << e.from << " → " << e.to
      << ", " << e.vehicle_type << ", arrives " << e.arrival_minute << "\n";
  out << "  vehicles " << e.vehicles << ", cost " << network::fixed_text(e.cost, 2) << "\n";
  out << "\nloaded trips of " << e.vehicle_type << " over the cycle:\n";
  print_table(
      {{"facility", "leaving", "arriving"},
       {e.at_from.facility, std::to_string(e.at_from.leaving), std::to_string(e.at_from.arriving)},
       {e.at_to.facility, std::to_string(e.at_to.leaving), std::to_string(e.at_to.arriving)}},
      {false, true, true}, out);
  out << "\nwhy: " << e.reason << "\n";
  out << "\nthe vehicles (rotations) that run it:\n";
  if (e.needs.empty()) out << "  none listed (the plan has no rotations)\n";
  const auto leg = [](const std::optional<ExplainLeg>& l) {
    return l ? l->lane + "@" + std::to_string(l->departure_minute) : std::string("-");
  };
  std::vector<std::vector<std::string>> rows{{"rotation", "brought by", "needed by"}};
  for (const EmptyMoveNeed& n : e.needs)
    rows.push_back({n.rotation, leg(n.brought_by), leg(n.needed_by)});
  if (!e.needs.empty()) print_table(rows, {false, false, false}, out);
}

void print_explanation(const explain::FleetExplanation& e, std::ostream& out) {
  out << "fleet of " << e.vehicle_type << ": " << e.used << " vehicles"
      << (e.fleet_limit ? " of " + std::to_string(*e.fleet_limit) + " allowed" : "")
      << ", ownership " << network::fixed_text(e.cost_per_vehicle, 2) << " per vehicle a cycle\n";
  out << "  " << e.loaded_trips << " loaded trips, " << e.empty_trips << " empty trips costing "
      << network::fixed_text(e.empty_cost, 2) << "\n";
  std::string parked;
  for (const auto& [facility, vehicles] : e.parked_at_start)
    parked += (parked.empty() ? "" : ", ") + facility + " " + std::to_string(vehicles);
  out << "  at the cycle start: " << (parked.empty() ? "none parked" : "parked " + parked) << "; "
      << e.en_route_at_start << " en route\n";
  out << "\none more vehicle:\n";
  print_replan(e.one_more, "with one more", out);
  out << "\none fewer vehicle:\n";
  print_replan(e.one_fewer, "with one fewer", out);
}

}  // namespace mm::explain
