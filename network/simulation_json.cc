#include "network/simulation_json.h"

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "network/json_fields.h"
#include "network/json_text.h"
#include "network/text_file.h"

namespace mm::network {

namespace {

using nlohmann::ordered_json;

constexpr const char* kSimulationFormat = "middlemile-simulation/1";

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

// ---------------------------------------------------------------------------------------------
// Reading: every problem of the file is collected (network/json_fields.h) and reported at once.
// Fields the format does not name are passed over, as in a plan (cost.total is derived).

class SimulationReader {
 public:
  double number(JsonFields& fields, const char* key) {
    return fields.number(key, Need::required, Bound::none()).value_or(0.0);
  }
  int integer(JsonFields& fields, const char* key, const Bound& bound = Bound::none()) {
    return fields.integer(key, Need::required, bound, IntegerForm::literal).value_or(0);
  }
  std::string string(JsonFields& fields, const char* key) {
    return fields.string(key, Need::required).value_or("");
  }
  // Absent or null: "" (no scenarios file, a sampled day); otherwise a non-empty string.
  std::string nullable_string(JsonFields& fields, const char* key) {
    const ordered_json* value = fields.get(key, Need::optional);
    if (value == nullptr || value->is_null()) return "";
    return check_string(*value, fields.path_of(key), problems_).value_or("");
  }
  // Any unsigned 64-bit integer (a seed), written as a JSON integer.
  std::uint64_t seed(JsonFields& fields, const char* key) {
    const ordered_json* value = fields.get(key, Need::required);
    if (value == nullptr) return 0;
    if (value->is_number_unsigned()) return value->get<std::uint64_t>();
    if (!value->is_number_integer())
      problems_.add(fields.path_of(key), "must be an integer (got " + describe_json(*value) + ")");
    else
      problems_.add(fields.path_of(key),
                    Bound::non_negative().describe() + " (got " + value->dump() + ")");
    return 0;
  }

  // The object `key` of `parent`, read by `read(JsonFields&)`; `T{}` when it is not an object.
  template <typename T, typename Read>
  T section(JsonFields& parent, const char* key, Read read) {
    const ordered_json* value = parent.object(key, Need::required);
    if (value == nullptr) return T{};
    JsonFields fields(*value, parent.path_of(key), problems_);
    return read(fields);
  }

  template <typename T, typename Read>
  std::vector<T> list(JsonFields& parent, const char* key, Read read) {
    std::vector<T> items;
    for_each_object(parent.array(key, Need::required), parent.path_of(key), problems_,
                    [&](JsonFields& item, std::size_t) { items.push_back(read(item)); });
    return items;
  }

  Distribution distribution(JsonFields& parent, const char* key) {
    return section<Distribution>(parent, key, [&](JsonFields& f) {
      return Distribution{number(f, "mean"), number(f, "min"), number(f, "p5"),
                          number(f, "p50"),  number(f, "p95"), number(f, "max")};
    });
  }

  SimulatedCost cost(JsonFields& parent, const char* key) {
    return section<SimulatedCost>(parent, key, [&](JsonFields& f) {
      return SimulatedCost{
          number(f, "planned_vehicles"), number(f, "spot_vehicles"), number(f, "packages"),
          number(f, "handling"),         number(f, "late"),          number(f, "unserved")};
    });
  }

  SimulationSettings settings(JsonFields& f) {
    SimulationSettings s;
    if (auto demand = f.choice("demand", Need::required, {"sampled", "scenarios"}))
      s.demand = *demand == 0 ? "sampled" : "scenarios";
    s.samples = static_cast<std::size_t>(integer(f, "samples", Bound::non_negative()));
    s.seed = seed(f, "seed");
    s.demand_cv = number(f, "demand_cv");
    s.correlation = number(f, "correlation");
    s.scenarios_file = nullable_string(f, "scenarios_file");
    s.spot = f.boolean("spot", Need::required).value_or(true);
    s.spot_factor = number(f, "spot_factor");
    s.late_penalty_per_package = number(f, "late_penalty_per_package");
    s.unserved_penalty_per_package = number(f, "unserved_penalty_per_package");
    return s;
  }

  SimulationSummary summary(JsonFields& f) {
    SimulationSummary m;
    m.packages = distribution(f, "packages");
    m.on_time_share = distribution(f, "on_time_share");
    m.cost = distribution(f, "cost");
    m.spot_vehicles = distribution(f, "spot_vehicles");
    m.late_packages = distribution(f, "late_packages");
    m.unserved_packages = distribution(f, "unserved_packages");
    m.mean_cost = cost(f, "mean_cost");
    return m;
  }

  SampleRecord sample(JsonFields& f) {
    SampleRecord r;
    r.index = static_cast<std::size_t>(integer(f, "index", Bound::non_negative()));
    r.scenario = nullable_string(f, "scenario");
    r.packages = number(f, "packages");
    r.on_time = number(f, "on_time");
    r.late = number(f, "late");
    r.unserved = number(f, "unserved");
    r.unserved_by_plan = number(f, "unserved_by_plan");
    r.spot_vehicles = integer(f, "spot_vehicles", Bound::non_negative());
    r.cost = cost(f, "cost");
    return r;
  }

  DepartureRisk departure(JsonFields& f) {
    DepartureRisk d;
    d.lane = string(f, "lane");
    d.departure_minute = integer(f, "departure_minute");
    d.vehicles = integer(f, "vehicles");
    d.overflow_probability = number(f, "overflow_probability");
    d.spot_probability = number(f, "spot_probability");
    d.mean_spot_vehicles = number(f, "mean_spot_vehicles");
    return d;
  }

  FacilityRisk facility(JsonFields& f) {
    FacilityRisk x;
    x.facility = string(f, "facility");
    x.sort_capacity_per_hour = number(f, "sort_capacity_per_hour");
    x.exceed_probability = number(f, "exceed_probability");
    x.mean_peak_utilization = number(f, "mean_peak_utilization");
    x.p95_peak_utilization = number(f, "p95_peak_utilization");
    return x;
  }

  SimulationResults results(const ordered_json& root) {
    SimulationResults r;
    if (!check_object(root, "", problems_)) return r;
    JsonFields fields(root, "", problems_);
    fields.format("format", kSimulationFormat);
    r.instance = string(fields, "instance");
    r.plan = string(fields, "plan");
    r.plan_objective = number(fields, "plan_objective");
    r.settings =
        section<SimulationSettings>(fields, "settings", [&](JsonFields& f) { return settings(f); });
    r.summary =
        section<SimulationSummary>(fields, "summary", [&](JsonFields& f) { return summary(f); });
    r.samples = list<SampleRecord>(fields, "samples", [&](JsonFields& f) { return sample(f); });
    r.departures =
        list<DepartureRisk>(fields, "departures", [&](JsonFields& f) { return departure(f); });
    r.facilities =
        list<FacilityRisk>(fields, "facilities", [&](JsonFields& f) { return facility(f); });
    if (const ordered_json* run = fields.object("run", Need::required)) {
      JsonFields f(*run, "run", problems_);
      r.seconds = number(f, "seconds");
      r.threads = integer(f, "threads");
      r.interrupted = f.boolean("interrupted", Need::required).value_or(false);
    }
    return r;
  }

  JsonProblems& problems() { return problems_; }

 private:
  JsonProblems problems_;
};

}  // namespace

std::string write_simulation_json(const SimulationResults& r) {
  ordered_json root;
  root["format"] = kSimulationFormat;
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
  // The shared strict parser (network/json_text.h): a syntax error is an InputError naming the
  // line, a repeated key a problem like any other.
  JsonText text = parse_json_text(json_text, source);
  SimulationReader reader;
  reader.problems().add_all(text.duplicate_fields);
  SimulationResults results = reader.results(text.value);
  reader.problems().throw_if_any(source);
  return results;
}

SimulationResults read_simulation_file(const std::string& path) {
  return parse_simulation_json(read_text_file(path), path);
}

}  // namespace mm::network
