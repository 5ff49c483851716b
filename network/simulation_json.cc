#include "network/simulation_json.h"

#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "network/json_reader.h"
#include "network/text_file.h"

namespace mm::network {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr const char* kFormat = "middlemile-simulation/1";

// JSON has no NaN or infinity: a non-finite figure here is a bug, not something to hide.
double finite(double value, const char* what) {
  if (!std::isfinite(value))
    throw std::invalid_argument(std::string("write_simulation_json: ") + what + " is not finite");
  return value;
}

ordered_json distribution_json(const Distribution& d, const char* what) {
  return ordered_json{{"mean", finite(d.mean, what)}, {"min", finite(d.min, what)},
                      {"p5", finite(d.p5, what)},     {"p50", finite(d.p50, what)},
                      {"p95", finite(d.p95, what)},   {"max", finite(d.max, what)}};
}

ordered_json cost_json(const SimulatedCost& c) {
  return ordered_json{{"planned_vehicles", finite(c.planned_vehicles, "cost")},
                      {"spot_vehicles", finite(c.spot_vehicles, "cost")},
                      {"packages", finite(c.packages, "cost")},
                      {"handling", finite(c.handling, "cost")},
                      {"late", finite(c.late, "cost")},
                      {"unserved", finite(c.unserved, "cost")},
                      {"total", finite(c.total(), "cost")}};
}

class SimulationReader : public JsonReader {
 public:
  using JsonReader::JsonReader;

  Distribution distribution(const json& parent, const std::string& path, const char* key) const {
    const std::string p = child(path, key);
    const json& value = object_field(parent, path, key);
    Distribution d;
    d.mean = number_field(value, p, "mean");
    d.min = number_field(value, p, "min");
    d.p5 = number_field(value, p, "p5");
    d.p50 = number_field(value, p, "p50");
    d.p95 = number_field(value, p, "p95");
    d.max = number_field(value, p, "max");
    return d;
  }

  SimulatedCost cost(const json& parent, const std::string& path, const char* key) const {
    const std::string p = child(path, key);
    const json& value = object_field(parent, path, key);
    SimulatedCost c;
    c.planned_vehicles = number_field(value, p, "planned_vehicles");
    c.spot_vehicles = number_field(value, p, "spot_vehicles");
    c.packages = number_field(value, p, "packages");
    c.handling = number_field(value, p, "handling");
    c.late = number_field(value, p, "late");
    c.unserved = number_field(value, p, "unserved");
    return c;
  }

  SimulationSettings settings(const json& value, const std::string& path) const {
    object(value, path);
    SimulationSettings s;
    s.demand = string_field(value, path, "demand");
    if (s.demand != "sampled" && s.demand != "scenarios")
      fail(child(path, "demand"),
           "expected \"sampled\" or \"scenarios\", got \"" + s.demand + "\"");
    s.samples = static_cast<std::size_t>(non_negative_integer(value, path, "samples"));
    const json& seed = required(value, path, "seed");
    if (!seed.is_number_unsigned() && !(seed.is_number_integer() && seed.get<std::int64_t>() >= 0))
      fail(child(path, "seed"), "expected a non-negative integer, got " + describe(seed));
    s.seed = seed.get<std::uint64_t>();
    s.demand_cv = number_field(value, path, "demand_cv");
    s.correlation = number_field(value, path, "correlation");
    if (auto it = value.find("scenarios_file"); it != value.end() && !it->is_null())
      s.scenarios_file = string(*it, child(path, "scenarios_file"));
    s.spot = boolean(required(value, path, "spot"), child(path, "spot"));
    s.spot_factor = number_field(value, path, "spot_factor");
    s.late_penalty_per_package = number_field(value, path, "late_penalty_per_package");
    s.unserved_penalty_per_package = number_field(value, path, "unserved_penalty_per_package");
    return s;
  }

  SampleRecord sample(const json& value, const std::string& path) const {
    object(value, path);
    SampleRecord r;
    r.index = static_cast<std::size_t>(non_negative_integer(value, path, "index"));
    if (auto it = value.find("scenario"); it != value.end() && !it->is_null())
      r.scenario = string(*it, child(path, "scenario"));
    r.packages = number_field(value, path, "packages");
    r.on_time = number_field(value, path, "on_time");
    r.late = number_field(value, path, "late");
    r.unserved = number_field(value, path, "unserved");
    r.unserved_by_plan = number_field(value, path, "unserved_by_plan");
    r.spot_vehicles = non_negative_integer(value, path, "spot_vehicles");
    r.cost = cost(value, path, "cost");
    return r;
  }

  DepartureRisk departure(const json& value, const std::string& path) const {
    object(value, path);
    DepartureRisk d;
    d.lane = string_field(value, path, "lane");
    d.departure_minute = integer_field(value, path, "departure_minute");
    d.vehicles = integer_field(value, path, "vehicles");
    d.overflow_probability = number_field(value, path, "overflow_probability");
    d.spot_probability = number_field(value, path, "spot_probability");
    d.mean_spot_vehicles = number_field(value, path, "mean_spot_vehicles");
    return d;
  }

  FacilityRisk facility(const json& value, const std::string& path) const {
    object(value, path);
    FacilityRisk f;
    f.facility = string_field(value, path, "facility");
    f.sort_capacity_per_hour = number_field(value, path, "sort_capacity_per_hour");
    f.exceed_probability = number_field(value, path, "exceed_probability");
    f.mean_peak_utilization = number_field(value, path, "mean_peak_utilization");
    f.p95_peak_utilization = number_field(value, path, "p95_peak_utilization");
    return f;
  }

  template <typename T, typename Read>
  std::vector<T> list(const json& root, const char* key, Read read) const {
    std::vector<T> items;
    const json& values = array_field(root, "", key);
    for (std::size_t i = 0; i < values.size(); ++i)
      items.push_back((this->*read)(values[i], element(key, i)));
    return items;
  }

  SimulationResults results(const json& root) const {
    require_format(root, kFormat);
    SimulationResults r;
    r.instance = string_field(root, "", "instance");
    r.plan = string_field(root, "", "plan");
    r.plan_objective = number_field(root, "", "plan_objective");
    r.settings = settings(required(root, "", "settings"), "settings");
    const json& summary = object_field(root, "", "summary");
    r.summary.packages = distribution(summary, "summary", "packages");
    r.summary.on_time_share = distribution(summary, "summary", "on_time_share");
    r.summary.cost = distribution(summary, "summary", "cost");
    r.summary.spot_vehicles = distribution(summary, "summary", "spot_vehicles");
    r.summary.late_packages = distribution(summary, "summary", "late_packages");
    r.summary.unserved_packages = distribution(summary, "summary", "unserved_packages");
    r.summary.mean_cost = cost(summary, "summary", "mean_cost");
    r.samples = list<SampleRecord>(root, "samples", &SimulationReader::sample);
    r.departures = list<DepartureRisk>(root, "departures", &SimulationReader::departure);
    r.facilities = list<FacilityRisk>(root, "facilities", &SimulationReader::facility);
    const json& run = object_field(root, "", "run");
    r.seconds = number_field(run, "run", "seconds");
    r.threads = integer_field(run, "run", "threads");
    r.interrupted = boolean(required(run, "run", "interrupted"), "run.interrupted");
    return r;
  }

 private:
  int non_negative_integer(const json& parent, const std::string& path, const char* key) const {
    const int value = integer_field(parent, path, key);
    if (value < 0)
      fail(child(path, key), "expected a non-negative integer, got " + std::to_string(value));
    return value;
  }
};

}  // namespace

std::string write_simulation_json(const SimulationResults& r) {
  ordered_json root;
  root["format"] = kFormat;
  root["instance"] = r.instance;
  root["plan"] = r.plan;
  root["plan_objective"] = finite(r.plan_objective, "plan_objective");
  const SimulationSettings& s = r.settings;
  root["settings"] = ordered_json{
      {"demand", s.demand},
      {"samples", s.samples},
      {"seed", s.seed},
      {"demand_cv", finite(s.demand_cv, "demand_cv")},
      {"correlation", finite(s.correlation, "correlation")},
      {"scenarios_file",
       s.scenarios_file.empty() ? ordered_json() : ordered_json(s.scenarios_file)},
      {"spot", s.spot},
      {"spot_factor", finite(s.spot_factor, "spot_factor")},
      {"late_penalty_per_package", finite(s.late_penalty_per_package, "late penalty")},
      {"unserved_penalty_per_package", finite(s.unserved_penalty_per_package, "penalty")}};
  const SimulationSummary& m = r.summary;
  root["summary"] =
      ordered_json{{"packages", distribution_json(m.packages, "packages")},
                   {"on_time_share", distribution_json(m.on_time_share, "on_time_share")},
                   {"cost", distribution_json(m.cost, "cost")},
                   {"spot_vehicles", distribution_json(m.spot_vehicles, "spot_vehicles")},
                   {"late_packages", distribution_json(m.late_packages, "late_packages")},
                   {"unserved_packages", distribution_json(m.unserved_packages, "unserved")},
                   {"mean_cost", cost_json(m.mean_cost)}};
  ordered_json samples = ordered_json::array();
  for (const SampleRecord& x : r.samples)
    samples.push_back(
        ordered_json{{"index", x.index},
                     {"scenario", x.scenario.empty() ? ordered_json() : ordered_json(x.scenario)},
                     {"packages", finite(x.packages, "packages")},
                     {"on_time", finite(x.on_time, "on_time")},
                     {"late", finite(x.late, "late")},
                     {"unserved", finite(x.unserved, "unserved")},
                     {"unserved_by_plan", finite(x.unserved_by_plan, "unserved_by_plan")},
                     {"spot_vehicles", x.spot_vehicles},
                     {"cost", cost_json(x.cost)}});
  root["samples"] = std::move(samples);
  ordered_json departures = ordered_json::array();
  for (const DepartureRisk& d : r.departures)
    departures.push_back(ordered_json{
        {"lane", d.lane},
        {"departure_minute", d.departure_minute},
        {"vehicles", d.vehicles},
        {"overflow_probability", finite(d.overflow_probability, "overflow_probability")},
        {"spot_probability", finite(d.spot_probability, "spot_probability")},
        {"mean_spot_vehicles", finite(d.mean_spot_vehicles, "mean_spot_vehicles")}});
  root["departures"] = std::move(departures);
  ordered_json facilities = ordered_json::array();
  for (const FacilityRisk& f : r.facilities)
    facilities.push_back(
        ordered_json{{"facility", f.facility},
                     {"sort_capacity_per_hour", finite(f.sort_capacity_per_hour, "sort capacity")},
                     {"exceed_probability", finite(f.exceed_probability, "exceed_probability")},
                     {"mean_peak_utilization", finite(f.mean_peak_utilization, "peak utilization")},
                     {"p95_peak_utilization", finite(f.p95_peak_utilization, "peak utilization")}});
  root["facilities"] = std::move(facilities);
  root["run"] = ordered_json{{"seconds", finite(r.seconds, "seconds")},
                             {"threads", r.threads},
                             {"interrupted", r.interrupted}};
  return root.dump(1) + "\n";
}

SimulationResults parse_simulation_json(const std::string& json_text, const std::string& source) {
  return SimulationReader(source).results(parse_strict_json(json_text, source));
}

SimulationResults read_simulation_file(const std::string& path) {
  return parse_simulation_json(read_text_file(path), path);
}

}  // namespace mm::network
