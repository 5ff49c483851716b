#include "simulation/demand_scenarios.h"

#include <set>

#include "network/json_fields.h"
#include "network/json_text.h"
#include "network/text_file.h"

namespace mm::simulation {

namespace {

using network::Bound;
using network::in_quotes;
using network::JsonFields;
using network::JsonProblems;
using network::Need;
using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "middlemile-demand-scenarios/1";

// Packages as the instance's amounts: >= 0 and at most its sanity cap, so no sum overflows.
const Bound kPackages = Bound::non_negative().amount();

DemandScenario read_scenario(const network::Instance& instance, JsonFields& fields,
                             std::size_t index) {
  JsonProblems& problems = fields.problems();
  DemandScenario s;
  s.name = fields.string("name", Need::optional).value_or("scenario " + std::to_string(index + 1));
  const double scale = fields.number("scale", Need::optional, kPackages).value_or(1.0);
  bool beyond = false;
  for (const network::Demand& d : instance.demand()) {
    s.packages.push_back(scale * d.packages);
    beyond = beyond || !(s.packages.back() <= network::kMaxAmount);
  }
  if (beyond)
    problems.add(fields.path_of("scale"),
                 "scales a demand beyond " + std::string(network::kMaxAmountText) + " packages");
  if (const Json* packages = fields.object("packages", Need::optional)) {
    for (const auto& [id, value] : packages->items()) {
      const std::string path = network::json_member_path(fields.path_of("packages"), id);
      const auto k = instance.demand_index(id);
      if (!k) {
        problems.add(path, "unknown demand " + in_quotes(id));
        continue;
      }
      if (auto x = network::check_number(value, path, kPackages, problems)) s.packages[*k] = *x;
    }
  }
  fields.report_unknown();
  return s;
}

}  // namespace

std::vector<DemandScenario> parse_demand_scenarios(const network::Instance& instance,
                                                   const std::string& json_text,
                                                   const std::string& source) {
  const network::JsonText parsed = network::parse_json_text(json_text, source);
  JsonProblems problems;
  problems.add_all(parsed.duplicate_fields);
  if (!network::check_object(parsed.value, "", problems)) problems.throw_if_any(source);
  JsonFields root(parsed.value, "", problems);
  root.format("format", kFormat);
  if (auto name = root.string("instance", Need::optional); name && *name != instance.name())
    problems.add("instance", "the scenarios are for instance " + in_quotes(*name) +
                                 " but the instance is " + in_quotes(instance.name()));
  std::vector<DemandScenario> scenarios;
  std::set<std::string> names;
  network::for_each_object(root.non_empty_array("scenarios", Need::required), "scenarios", problems,
                           [&](JsonFields& fields, std::size_t i) {
                             scenarios.push_back(read_scenario(instance, fields, i));
                             if (!names.insert(scenarios.back().name).second)
                               problems.add(
                                   fields.path_of("name"),
                                   "duplicate scenario name " + in_quotes(scenarios.back().name));
                           });
  root.report_unknown();
  problems.throw_if_any(source);
  return scenarios;
}

std::vector<DemandScenario> read_demand_scenarios(const network::Instance& instance,
                                                  const std::string& path) {
  return parse_demand_scenarios(instance, network::read_text_file(path), path);
}

}  // namespace mm::simulation
