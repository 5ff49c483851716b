#include "scenarios/scenario_file.h"

#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "network/errors.h"
#include "network/json_text.h"
#include "network/text_file.h"

namespace mm::scenarios {

namespace {

using Json = nlohmann::ordered_json;
using network::in_quotes;
using network::json_element_path;
using network::json_member_path;

constexpr const char* kFormat = "middlemile-scenarios/1";

const std::map<std::string, ChangeType>& change_types() {
  static const std::map<std::string, ChangeType> types = {
      {"close_facility", ChangeType::close_facility},
      {"open_facility", ChangeType::open_facility},
      {"add_lane", ChangeType::add_lane},
      {"remove_lane", ChangeType::remove_lane},
      {"change_lane", ChangeType::change_lane},
      {"change_vehicle_type", ChangeType::change_vehicle_type},
      {"scale_demand", ChangeType::scale_demand},
      {"set_sort_capacity", ChangeType::set_sort_capacity},
  };
  return types;
}

std::string shown(const Json& value) {
  if (value.is_string()) return "string " + in_quotes(value.get<std::string>());
  if (value.is_number()) return "number " + value.dump();
  return value.type_name();
}

// Collects shape problems with their JSON paths.
class Checker {
 public:
  std::vector<std::string> problems;

  void add(const std::string& path, const std::string& what) {
    problems.push_back((path.empty() ? std::string("(root)") : path) + ": " + what);
  }

  // Every key of `object` must be in `allowed`.
  void known_keys(const Json& object, const std::string& path,
                  const std::vector<std::string>& allowed) {
    for (const auto& [key, value] : object.items()) {
      (void)value;
      bool known = false;
      for (const std::string& name : allowed) known = known || key == name;
      if (!known) {
        std::string names;
        for (const std::string& name : allowed) names += (names.empty() ? "" : ", ") + name;
        add(json_member_path(path, key), "unknown field (expected one of: " + names + ")");
      }
    }
  }

  bool text(const Json& object, const std::string& path, const std::string& key, bool required) {
    if (!object.contains(key)) {
      if (required) add(path, "missing required field " + in_quotes(key));
      return false;
    }
    const Json& value = object[key];
    if (!value.is_string() || value.get<std::string>().empty()) {
      add(json_member_path(path, key), "expected a non-empty string, got " + shown(value));
      return false;
    }
    return true;
  }

  // A finite number > minimum (or >= when `inclusive`); null allowed when `nullable`.
  void number(const Json& object, const std::string& path, const std::string& key, double minimum,
              bool inclusive, bool nullable, bool integer = false) {
    if (!object.contains(key)) return;
    const Json& value = object[key];
    const std::string at = json_member_path(path, key);
    if (value.is_null() && nullable) return;
    if (!value.is_number()) {
      add(at, std::string("expected ") + (integer ? "an integer" : "a number") +
                  (nullable ? " or null" : "") + ", got " + shown(value));
      return;
    }
    const double x = value.get<double>();
    if (!std::isfinite(x)) {
      add(at, "must be finite (got " + value.dump() + ")");
    } else if (integer && std::trunc(x) != x) {
      add(at, "expected an integer, got " + value.dump());
    } else if (inclusive ? x < minimum : x <= minimum) {
      std::ostringstream bound;
      bound << minimum;
      add(at, std::string("must be ") + (inclusive ? ">= " : "> ") + bound.str() + " (got " +
                  value.dump() + ")");
    }
  }

  void object(const Json& parent, const std::string& path, const std::string& key, bool required) {
    if (!parent.contains(key)) {
      if (required) add(path, "missing required field " + in_quotes(key));
      return;
    }
    if (!parent[key].is_object())
      add(json_member_path(path, key), "expected an object, got " + shown(parent[key]));
  }

  void change(const Json& c, const std::string& path) {
    if (!c.is_object()) {
      add(path, "expected an object, got " + shown(c));
      return;
    }
    if (!text(c, path, "type", true)) return;
    const std::string type = c["type"].get<std::string>();
    const auto found = change_types().find(type);
    if (found == change_types().end()) {
      std::string names;
      for (const auto& [name, t] : change_types()) {
        (void)t;
        names += (names.empty() ? "" : ", ") + name;
      }
      add(json_member_path(path, "type"),
          "unknown change type " + in_quotes(type) + " (expected one of: " + names + ")");
      return;
    }
    switch (found->second) {
      case ChangeType::close_facility:
        known_keys(c, path, {"type", "facility"});
        text(c, path, "facility", true);
        break;
      case ChangeType::open_facility:
        known_keys(c, path, {"type", "facility", "lane_rules"});
        object(c, path, "facility", true);
        if (c.contains("lane_rules") && !c["lane_rules"].is_string() &&
            !c["lane_rules"].is_object())
          add(json_member_path(path, "lane_rules"),
              "expected a file name or a {\"rules\": [...]} object, got " + shown(c["lane_rules"]));
        break;
      case ChangeType::add_lane:
        known_keys(c, path, {"type", "lane"});
        object(c, path, "lane", true);
        break;
      case ChangeType::remove_lane:
        known_keys(c, path, {"type", "lane"});
        text(c, path, "lane", true);
        break;
      case ChangeType::change_lane: {
        known_keys(c, path,
                   {"type", "lane", "vehicle_type", "departures", "max_vehicles_per_departure"});
        text(c, path, "lane", true);
        text(c, path, "vehicle_type", false);
        number(c, path, "max_vehicles_per_departure", 1, true, true, true);
        if (c.contains("departures")) {
          const Json& d = c["departures"];
          bool ok = d.is_array();
          if (ok)
            for (const Json& m : d) ok = ok && m.is_number_integer();
          if (!ok)
            add(json_member_path(path, "departures"),
                "expected a list of whole minutes, got " + shown(d));
        }
        if (!c.contains("vehicle_type") && !c.contains("departures") &&
            !c.contains("max_vehicles_per_departure"))
          add(path,
              "change_lane changes nothing (give vehicle_type, departures or "
              "max_vehicles_per_departure)");
        break;
      }
      case ChangeType::change_vehicle_type: {
        known_keys(c, path,
                   {"type", "vehicle_type", "capacity", "cost_per_trip", "cost_per_km", "fleet"});
        text(c, path, "vehicle_type", true);
        object(c, path, "capacity", false);
        if (c.contains("capacity") && c["capacity"].is_object()) {
          const std::string at = json_member_path(path, "capacity");
          known_keys(c["capacity"], at, {"cube_m3", "weight_kg"});
          number(c["capacity"], at, "cube_m3", 0, false, false);
          number(c["capacity"], at, "weight_kg", 0, false, false);
        }
        number(c, path, "cost_per_trip", 0, true, false);
        number(c, path, "cost_per_km", 0, true, false);
        number(c, path, "fleet", 1, true, true, true);
        if (!c.contains("capacity") && !c.contains("cost_per_trip") && !c.contains("cost_per_km") &&
            !c.contains("fleet"))
          add(path,
              "change_vehicle_type changes nothing (give capacity, cost_per_trip, "
              "cost_per_km or fleet)");
        break;
      }
      case ChangeType::scale_demand:
        known_keys(c, path, {"type", "factor", "origin", "destination", "region", "region_end"});
        if (!c.contains("factor")) add(path, "missing required field \"factor\"");
        number(c, path, "factor", 0, false, false);
        text(c, path, "origin", false);
        text(c, path, "destination", false);
        text(c, path, "region", false);
        if (c.contains("region_end")) {
          const Json& e = c["region_end"];
          if (!c.contains("region"))
            add(json_member_path(path, "region_end"), "only allowed with \"region\"");
          else if (!e.is_string() || (e != "origin" && e != "destination" && e != "either"))
            add(json_member_path(path, "region_end"),
                "expected \"origin\", \"destination\" or \"either\", got " + shown(e));
        }
        break;
      case ChangeType::set_sort_capacity:
        known_keys(c, path, {"type", "facility", "sort_capacity_per_hour"});
        text(c, path, "facility", true);
        if (!c.contains("sort_capacity_per_hour"))
          add(path, "missing required field \"sort_capacity_per_hour\" (null: unlimited)");
        number(c, path, "sort_capacity_per_hour", 0, false, true);
        break;
    }
  }
};

}  // namespace

const char* to_string(ChangeType type) {
  for (const auto& [name, t] : change_types())
    if (t == type) return name.c_str();
  return "?";
}

ScenarioFile parse_scenario_file(const std::string& json_text, const std::string& source,
                                 const std::string& base_dir) {
  const network::JsonText parsed = network::parse_json_text(json_text, source);
  const Json& root = parsed.value;
  Checker check;
  for (const std::string& path : parsed.duplicate_fields) check.add(path, "duplicate field");
  ScenarioFile file;
  file.source = source;
  file.base_dir = base_dir;
  if (!root.is_object()) {
    check.add("", "expected an object, got " + shown(root));
    throw network::ValidationError(source, check.problems);
  }
  check.known_keys(root, "", {"format", "scenarios"});
  if (!root.contains("format")) {
    check.add("", "missing required field \"format\"");
  } else if (root["format"] != kFormat) {
    check.add("format", std::string("expected \"") + kFormat + "\", got " + shown(root["format"]));
  }
  if (!root.contains("scenarios")) {
    check.add("", "missing required field \"scenarios\"");
  } else if (!root["scenarios"].is_array() || root["scenarios"].empty()) {
    check.add("scenarios", "expected a non-empty list, got " + shown(root["scenarios"]));
  } else {
    std::set<std::string> names;
    for (std::size_t i = 0; i < root["scenarios"].size(); ++i) {
      const Json& s = root["scenarios"][i];
      const std::string path = json_element_path("scenarios", i);
      if (!s.is_object()) {
        check.add(path, "expected an object, got " + shown(s));
        continue;
      }
      check.known_keys(s, path, {"name", "description", "changes"});
      Scenario scenario;
      scenario.path = path;
      if (check.text(s, path, "name", true)) {
        scenario.name = s["name"].get<std::string>();
        if (!names.insert(scenario.name).second)
          check.add(json_member_path(path, "name"),
                    "duplicate scenario name " + in_quotes(scenario.name));
      }
      if (s.contains("description") && !s["description"].is_string())
        check.add(json_member_path(path, "description"),
                  "expected a string, got " + shown(s["description"]));
      if (!s.contains("changes")) {
        check.add(path, "missing required field \"changes\"");
      } else if (!s["changes"].is_array() || s["changes"].empty()) {
        check.add(json_member_path(path, "changes"),
                  "expected a non-empty list, got " + shown(s["changes"]));
      } else {
        for (std::size_t j = 0; j < s["changes"].size(); ++j) {
          const std::string at = json_element_path(json_member_path(path, "changes"), j);
          const std::size_t before = check.problems.size();
          check.change(s["changes"][j], at);
          if (check.problems.size() == before)
            scenario.changes.push_back(
                {change_types().at(s["changes"][j]["type"].get<std::string>()), at,
                 s["changes"][j]});
        }
      }
      file.scenarios.push_back(std::move(scenario));
    }
  }
  if (!check.problems.empty()) throw network::ValidationError(source, check.problems);
  return file;
}

ScenarioFile read_scenario_file(const std::string& path) {
  const std::string text = network::read_text_file(path);
  const std::string dir = std::filesystem::path(path).parent_path().string();
  return parse_scenario_file(text, path, dir.empty() ? "." : dir);
}

}  // namespace mm::scenarios
