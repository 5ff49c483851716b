#include "scenarios/evaluation_output.h"

#include <cmath>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>

#include "geo/layer_writer.h"
#include "network/number_text.h"

namespace mm::scenarios {

namespace {

using Json = nlohmann::ordered_json;

// The figures of one plan that every output shows.
struct Figures {
  double objective = 0.0;
  int trucks = 0;
  int planes = 0;
  double truck_fill = 0.0;
  double air_fill = 0.0;
  double on_time = 0.0;
  double unserved = 0.0;
};

Figures figures(const network::Plan& plan) {
  Figures f;
  f.objective = plan.objective;
  auto value = [](const auto& map, const char* key) {
    const auto found = map.find(key);
    return found == map.end() ? 0 : found->second;
  };
  f.trucks = value(plan.kpis.vehicle_trips, "truck");
  f.planes = value(plan.kpis.vehicle_trips, "air");
  f.truck_fill = value(plan.kpis.fill_cube, "truck");
  f.air_fill = value(plan.kpis.fill_cube, "air");
  f.on_time = plan.kpis.on_time_share;
  f.unserved = unserved_packages(plan);
  return f;
}

Json plan_json(const network::Plan& plan) {
  const Figures f = figures(plan);
  Json j;
  j["status"] = network::to_string(plan.status);
  j["objective"] = plan.objective;
  j["lower_bound"] = plan.lower_bound ? Json(*plan.lower_bound) : Json(nullptr);
  j["gap"] = plan.gap ? Json(*plan.gap) : Json(nullptr);
  j["cost"] = {{"vehicles", plan.cost.vehicles},
               {"packages", plan.cost.packages},
               {"handling", plan.cost.handling},
               {"unserved", plan.cost.unserved}};
  j["vehicle_trips"] = plan.kpis.vehicle_trips;
  j["fill_cube"] = plan.kpis.fill_cube;
  j["on_time_share"] = f.on_time;
  j["unserved_packages"] = f.unserved;
  return j;
}

double delta_percent(double value, double base) {
  return base != 0.0 ? 100.0 * (value - base) / std::abs(base) : 0.0;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// Vehicle trips per lane, and packages sent per facility, in a plan.
std::map<std::string, int> trips_by_lane(const network::Plan& plan) {
  std::map<std::string, int> trips;
  for (const auto& d : plan.departures) trips[d.lane] += d.vehicles;
  return trips;
}
std::map<std::string, double> packages_by_facility(const network::Plan& plan) {
  std::map<std::string, double> sent;
  for (const auto& d : plan.departures) sent[d.from] += d.load.packages;
  return sent;
}

}  // namespace

Json evaluation_json(const Evaluation& e) {
  const scenarios::EvaluationResult& r = *e.result;
  Json root;
  root["format"] = "middlemile-evaluation/1";
  root["instance"] = e.baseline->name();
  root["start"] = e.warm ? "warm" : "cold";
  Json baseline = plan_json(r.baseline);
  baseline["seconds"] = r.baseline_seconds;
  baseline["verified"] = r.baseline_violations == 0;
  if (!r.baseline_improved_from.empty())
    baseline["improved_from"] = {{"scenario", r.baseline_improved_from},
                                 {"objective_before", r.baseline_first_objective}};
  if (!r.baseline_offer_error.empty()) baseline["offer_error"] = r.baseline_offer_error;
  root["baseline"] = baseline;
  root["scenarios"] = Json::array();
  for (std::size_t i = 0; i < r.scenarios.size(); ++i) {
    const scenarios::ScenarioOutcome& s = r.scenarios[i];
    const ScenarioInstance& built = (*e.scenarios)[i];
    Json j;
    j["name"] = s.name;
    j["changes"] = built.effects;
    if (!s.solved) {
      j["status"] = s.error.empty() ? "not_run" : "failed";
      if (!s.error.empty()) j["error"] = s.error;
      root["scenarios"].push_back(j);
      continue;
    }
    j.update(plan_json(s.plan));
    j["delta_objective"] = s.plan.objective - r.baseline.objective;
    j["delta_percent"] = delta_percent(s.plan.objective, r.baseline.objective);
    j["vehicle_trips_delta"] = s.difference.trips_delta;
    j["lanes_added"] = built.lanes_added;
    j["lanes_removed"] = built.lanes_removed;
    j["lanes_opened"] = s.difference.lanes_opened;
    j["lanes_closed"] = s.difference.lanes_closed;
    j["rerouted_demands"] = s.difference.rerouted_demands.size();
    j["rerouted_demand_ids"] = s.difference.rerouted_demands;
    j["seconds"] = s.seconds;
    if (s.warm)
      j["warm_start"] = {
          {"columns_mapped", s.warm_columns_mapped},
          {"columns_refused", s.warm_columns_refused},
          {"objective",
           std::isfinite(s.warm_start_objective) ? Json(s.warm_start_objective) : Json(nullptr)}};
    Json trace = Json::array();
    for (const auto& [seconds, objective] : s.incumbent_trace)
      trace.push_back({seconds, objective});
    j["incumbents"] = trace;
    j["incumbent_phases"] = s.incumbent_phases;
    j["verified"] = s.violations == 0;
    if (s.violations > 0) j["first_violation"] = s.first_violation;
    if (!s.improved_from.empty())
      j["improved_from"] = {{"scenario", s.improved_from},
                            {"objective_before", s.objective_before_offer}};
    if (!s.offer_error.empty()) j["offer_error"] = s.offer_error;
    j["cheaper_than_baseline"] = s.cheaper_than_baseline;
    root["scenarios"].push_back(j);
  }
  return root;
}

std::string evaluation_csv(const Evaluation& e) {
  const scenarios::EvaluationResult& r = *e.result;
  std::ostringstream out;
  out.precision(10);
  out << "scenario,status,objective,delta_objective,delta_percent,truck_trips,air_trips,"
         "truck_fill_cube,air_fill_cube,on_time_share,unserved_packages,lanes_opened,"
         "lanes_closed,rerouted_demands,seconds,verified,cheaper_than_baseline\n";
  auto row = [&](const std::string& name, const network::Plan& plan, std::size_t opened,
                 std::size_t closed, std::size_t rerouted, double seconds, bool verified,
                 bool flagged) {
    const Figures f = figures(plan);
    out << csv_field(name) << "," << network::to_string(plan.status) << "," << f.objective << ","
        << f.objective - r.baseline.objective << ","
        << delta_percent(f.objective, r.baseline.objective) << "," << f.trucks << "," << f.planes
        << "," << f.truck_fill << "," << f.air_fill << "," << f.on_time << "," << f.unserved << ","
        << opened << "," << closed << "," << rerouted << "," << seconds << ","
        << (verified ? "true" : "false") << "," << (flagged ? "true" : "false") << "\n";
  };
  row("baseline", r.baseline, 0, 0, 0, r.baseline_seconds, r.baseline_violations == 0, false);
  for (const scenarios::ScenarioOutcome& s : r.scenarios) {
    if (!s.solved) {
      out << csv_field(s.name) << "," << (s.error.empty() ? "not_run" : "failed")
          << ",,,,,,,,,,,,,,,\n";
      continue;
    }
    row(s.name, s.plan, s.difference.lanes_opened.size(), s.difference.lanes_closed.size(),
        s.difference.rerouted_demands.size(), s.seconds, s.violations == 0,
        s.cheaper_than_baseline);
  }
  return out.str();
}

void print_evaluation_table(const Evaluation& e, std::ostream& out) {
  const scenarios::EvaluationResult& r = *e.result;
  std::size_t width = 8;
  for (const auto& s : r.scenarios)
    width = std::max(width, std::min<std::size_t>(s.name.size(), 40));
  const auto flags = out.flags();
  out << std::left << std::setw(static_cast<int>(width)) << "scenario" << std::right
      << std::setw(14) << "cost" << std::setw(9) << "Δcost" << std::setw(8) << "trucks"
      << std::setw(7) << "planes" << std::setw(7) << "fill" << std::setw(9) << "on-time"
      << std::setw(10) << "unserved" << std::setw(9) << "lanes±" << std::setw(9) << "rerouted"
      << std::setw(8) << "s"
      << "\n";
  auto line = [&](const std::string& name, const network::Plan& plan, const std::string& delta,
                  const std::string& lanes, const std::string& rerouted, double seconds) {
    const Figures f = figures(plan);
    const std::string fill = network::fixed_text(100 * f.truck_fill, 0) + "%";
    const std::string on_time = network::fixed_text(100 * f.on_time, 1) + "%";
    out << std::left << std::setw(static_cast<int>(width)) << name.substr(0, 40) << std::right
        << std::fixed << std::setprecision(0) << std::setw(14) << f.objective << std::setw(10)
        << delta << std::setw(8) << f.trucks << std::setw(7) << f.planes << std::setw(7) << fill
        << std::setw(9) << on_time << std::setw(10) << f.unserved << std::setw(9) << lanes
        << std::setw(9) << rerouted << std::setprecision(1) << std::setw(8) << seconds << "\n";
  };
  line("baseline", r.baseline, "", "", "", r.baseline_seconds);
  for (const scenarios::ScenarioOutcome& s : r.scenarios) {
    if (!s.solved) {
      out << std::left << std::setw(static_cast<int>(width)) << s.name.substr(0, 40)
          << (s.error.empty() ? "  not run (interrupted)" : "  failed: " + s.error) << "\n";
      continue;
    }
    std::ostringstream delta;
    delta << std::showpos << std::fixed << std::setprecision(1)
          << delta_percent(s.plan.objective, r.baseline.objective) << "%"
          << (s.cheaper_than_baseline ? "!" : "");
    line(s.name, s.plan, delta.str(),
         "+" + std::to_string(s.difference.lanes_opened.size()) + "/-" +
             std::to_string(s.difference.lanes_closed.size()),
         std::to_string(s.difference.rerouted_demands.size()), s.seconds);
  }
  if (!r.baseline_improved_from.empty())
    out << "baseline planned again from the plan of \"" << r.baseline_improved_from
        << "\", which was cheaper: " << network::fixed_text(r.baseline_first_objective, 0) << " -> "
        << network::fixed_text(r.baseline.objective, 0) << "\n";
  for (const scenarios::ScenarioOutcome& s : r.scenarios)
    if (s.cheaper_than_baseline)
      out << "! " << s.name
          << ": costs less than the baseline: the baseline plan is not proven optimal (its gap), "
             "or the scenario adds options; check before acting on it\n";
  out.flags(flags);
}

std::vector<std::string> difference_layer_files(const std::string& path) {
  return geo::layer_file_paths(path, {"lane_changes", "facility_changes"});
}

void write_difference_layers(const Evaluation& e, const std::string& path) {
  const scenarios::EvaluationResult& r = *e.result;
  geo::LayerData lanes{"lane_changes",
                       geo::GeometryKind::line,
                       {{"scenario", geo::ValueType::text},
                        {"lane", geo::ValueType::text},
                        {"change", geo::ValueType::text},
                        {"baseline_trips", geo::ValueType::integer},
                        {"scenario_trips", geo::ValueType::integer},
                        {"delta_trips", geo::ValueType::integer}},
                       {}};
  geo::LayerData facilities{"facility_changes",
                            geo::GeometryKind::point,
                            {{"scenario", geo::ValueType::text},
                             {"facility", geo::ValueType::text},
                             {"baseline_packages", geo::ValueType::real},
                             {"scenario_packages", geo::ValueType::real},
                             {"delta_packages", geo::ValueType::real}},
                            {}};
  const auto base_trips = trips_by_lane(r.baseline);
  const auto base_sent = packages_by_facility(r.baseline);
  for (std::size_t i = 0; i < r.scenarios.size(); ++i) {
    const scenarios::ScenarioOutcome& s = r.scenarios[i];
    if (!s.solved) continue;
    const network::Instance& scenario = *(*e.scenarios)[i].instance;
    auto location = [&](const std::string& id) {
      // Facilities of the scenario (it may have opened one), else of the baseline.
      for (const network::Instance* in : {&scenario, e.baseline})
        if (auto f = in->facility_index(id))
          return std::make_pair(in->facilities()[*f].lon, in->facilities()[*f].lat);
      return std::make_pair(0.0, 0.0);
    };
    const auto trips = trips_by_lane(s.plan);
    std::set<std::string> lane_ids;
    for (const auto& [id, n] : base_trips) lane_ids.insert(id);
    for (const auto& [id, n] : trips) lane_ids.insert(id);
    for (const std::string& id : lane_ids) {
      const int before = base_trips.count(id) ? base_trips.at(id) : 0;
      const int after = trips.count(id) ? trips.at(id) : 0;
      if (before == after) continue;
      // Lane ends: from the instance that has the lane.
      const network::Instance* in = scenario.lane_index(id) ? &scenario : e.baseline;
      const network::Lane& lane = in->lanes()[*in->lane_index(id)];
      const std::string change = before == 0      ? "opened"
                                 : after == 0     ? "closed"
                                 : after > before ? "more"
                                                  : "fewer";
      lanes.features.push_back(
          {{location(in->facilities()[lane.from].id), location(in->facilities()[lane.to].id)},
           Json::array({s.name, id, change, before, after, after - before})});
    }
    const auto sent = packages_by_facility(s.plan);
    std::set<std::string> facility_ids;
    for (const auto& [id, n] : base_sent) facility_ids.insert(id);
    for (const auto& [id, n] : sent) facility_ids.insert(id);
    for (const std::string& id : facility_ids) {
      const double before = base_sent.count(id) ? base_sent.at(id) : 0.0;
      const double after = sent.count(id) ? sent.at(id) : 0.0;
      if (std::abs(before - after) < 1e-6) continue;
      facilities.features.push_back(
          {{location(id)}, Json::array({s.name, id, before, after, after - before})});
    }
  }
  geo::write_layers(path, {lanes, facilities});
}

}  // namespace mm::scenarios
