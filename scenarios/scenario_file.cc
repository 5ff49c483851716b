#include "scenarios/scenario_file.h"

#include <filesystem>
#include <set>

#include "network/errors.h"
#include "network/json_fields.h"
#include "network/json_text.h"
#include "network/text_file.h"

namespace mm::scenarios {

namespace {

using Json = nlohmann::ordered_json;
using network::Bound;
using network::in_quotes;
using network::json_element_path;
using network::JsonFields;
using network::JsonProblems;
using network::Need;

constexpr const char* kFormat = "middlemile-scenarios/1";

// The change types in declaration order (ChangeType's values), as the file spells them.
const std::vector<const char*>& change_names() {
  static const std::vector<const char*> names = {
      "close_facility", "open_facility",       "add_lane",     "remove_lane",
      "change_lane",    "change_vehicle_type", "scale_demand", "set_sort_capacity",
  };
  return names;
}

// Checks one change's fields; the type decides which fields it has.
void check_change(JsonFields& c, ChangeType type) {
  JsonProblems& problems = c.problems();
  switch (type) {
    case ChangeType::close_facility:
      c.string("facility", Need::required);
      break;
    case ChangeType::open_facility:
      c.object("facility", Need::required);
      if (const Json* rules = c.get("lane_rules", Need::optional))
        if (!rules->is_string() && !rules->is_object())
          problems.add(c.path_of("lane_rules"),
                       "must be a file name or an object {\"rules\": [...]} (got " +
                           network::describe_json(*rules) + ")");
      break;
    case ChangeType::add_lane:
      c.object("lane", Need::required);
      break;
    case ChangeType::remove_lane:
      c.string("lane", Need::required);
      break;
    case ChangeType::change_lane: {
      c.string("lane", Need::required);
      c.string("vehicle_type", Need::optional);
      c.nullable_integer("max_vehicles_per_departure", Bound::at_least_one());
      if (const Json* departures = c.array("departures", Need::optional))
        for (std::size_t i = 0; i < departures->size(); ++i)
          network::check_integer((*departures)[i], json_element_path(c.path_of("departures"), i),
                                 Bound::none(), problems, network::IntegerForm::literal);
      if (!c.has("vehicle_type") && !c.has("departures") && !c.has("max_vehicles_per_departure"))
        problems.add(c.path(),
                     "change_lane changes nothing (give vehicle_type, departures or "
                     "max_vehicles_per_departure)");
      break;
    }
    case ChangeType::change_vehicle_type: {
      c.string("vehicle_type", Need::required);
      if (const Json* capacity = c.object("capacity", Need::optional)) {
        JsonFields fields(*capacity, c.path_of("capacity"), problems);
        fields.number("cube_m3", Need::optional, Bound::positive());
        fields.number("weight_kg", Need::optional, Bound::positive());
        fields.report_unknown();
      }
      c.number("cost_per_trip", Need::optional, Bound::non_negative());
      c.number("cost_per_km", Need::optional, Bound::non_negative());
      c.nullable_integer("fleet", Bound::at_least_one());
      if (!c.has("capacity") && !c.has("cost_per_trip") && !c.has("cost_per_km") && !c.has("fleet"))
        problems.add(c.path(),
                     "change_vehicle_type changes nothing (give capacity, cost_per_trip, "
                     "cost_per_km or fleet)");
      break;
    }
    case ChangeType::scale_demand:
      c.number("factor", Need::required, Bound::positive());
      c.string("origin", Need::optional);
      c.string("destination", Need::optional);
      c.string("region", Need::optional);
      if (c.has("region_end") && !c.has("region")) {
        c.allow({"region_end"});
        problems.add(c.path_of("region_end"), "only allowed with \"region\"");
      } else {
        c.choice("region_end", Need::optional, {"origin", "destination", "either"});
      }
      break;
    case ChangeType::set_sort_capacity:
      c.string("facility", Need::required);
      // Required, and null means unlimited.
      if (c.get("sort_capacity_per_hour", Need::required))
        c.nullable_number("sort_capacity_per_hour", Bound::positive());
      break;
  }
}

}  // namespace

const char* to_string(ChangeType type) {
  return change_names().at(static_cast<std::size_t>(type));
}

ScenarioFile parse_scenario_file(const std::string& json_text, const std::string& source,
                                 const std::string& base_dir) {
  const network::JsonText parsed = network::parse_json_text(json_text, source);
  JsonProblems problems;
  problems.add_all(parsed.duplicate_fields);
  ScenarioFile file;
  file.source = source;
  file.base_dir = base_dir;
  if (!network::check_object(parsed.value, "", problems)) problems.throw_if_any(source);
  JsonFields root(parsed.value, "", problems);
  root.format("format", kFormat);
  std::set<std::string> names;
  const Json* list = root.non_empty_array("scenarios", Need::required);
  network::for_each_object(list, "scenarios", problems, [&](JsonFields& fields, std::size_t) {
    Scenario scenario;
    scenario.path = fields.path();
    if (auto name = fields.string("name", Need::required)) {
      scenario.name = *name;
      if (!names.insert(scenario.name).second)
        problems.add(fields.path_of("name"), "duplicate scenario name " + in_quotes(scenario.name));
    }
    if (const Json* description = fields.get("description", Need::optional))
      if (!description->is_string())
        problems.add(fields.path_of("description"),
                     "must be a string (got " + network::describe_json(*description) + ")");
    const Json* changes = fields.non_empty_array("changes", Need::required);
    network::for_each_object(
        changes, fields.path_of("changes"), problems, [&](JsonFields& change, std::size_t j) {
          const std::size_t before = problems.count();
          const auto type = change.choice("type", Need::required, change_names());
          if (!type) return;
          check_change(change, static_cast<ChangeType>(*type));
          change.report_unknown();
          if (problems.count() == before)
            scenario.changes.push_back(
                {static_cast<ChangeType>(*type), change.path(), (*changes)[j]});
        });
    fields.report_unknown();
    file.scenarios.push_back(std::move(scenario));
  });
  root.report_unknown();
  problems.throw_if_any(source);
  return file;
}

ScenarioFile read_scenario_file(const std::string& path) {
  const std::string text = network::read_text_file(path);
  const std::string dir = std::filesystem::path(path).parent_path().string();
  return parse_scenario_file(text, path, dir.empty() ? "." : dir);
}

}  // namespace mm::scenarios
