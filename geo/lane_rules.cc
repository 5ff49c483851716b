#include "geo/lane_rules.h"
#include "network/text_file.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <tuple>

#include "geo/nearest_facilities.h"
#include "network/errors.h"
#include "network/geodesic.h"
#include "network/json_text.h"

namespace mm::geo {
namespace {

using Json = nlohmann::ordered_json;
using network::FacilityKind;
using network::InputError;

class RuleReader {
 public:
  explicit RuleReader(const std::string& source) : source_(source) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw InputError(source_ + ": " + path + ": " + what);
  }

  static std::string show(const Json& value) {
    if (value.is_string()) return "string " + value.dump();
    if (value.is_number()) return "number " + value.dump();
    return value.type_name();
  }

  int integer(const Json& value, const std::string& path, int min) const {
    if (!value.is_number_integer() || value.get<long long>() < min ||
        value.get<long long>() > std::numeric_limits<int>::max())
      fail(path, "expected an integer ≥ " + std::to_string(min) + ", got " + show(value));
    return value.get<int>();
  }

  double km(const Json& value, const std::string& path) const {
    if (!value.is_number() || value.get<double>() < 0.0)
      fail(path, "expected a distance in km ≥ 0, got " + show(value));
    return value.get<double>();
  }

  std::vector<FacilityKind> kinds(const Json& value, const std::string& path) const {
    std::vector<FacilityKind> result;
    auto one = [&](const Json& item, const std::string& item_path) {
      for (FacilityKind kind : {FacilityKind::origin, FacilityKind::sort_center,
                                FacilityKind::air_hub, FacilityKind::delivery_station})
        if (item.is_string() && item.get<std::string>() == network::to_string(kind)) {
          result.push_back(kind);
          return;
        }
      fail(item_path,
           "expected origin, sort_center, air_hub or delivery_station, got " + show(item));
    };
    if (value.is_array() && !value.empty()) {
      for (std::size_t i = 0; i < value.size(); ++i)
        one(value[i], network::json_element_path(path, i));
    } else if (value.is_string()) {
      one(value, path);
    } else {
      fail(path, "expected a facility kind or a non-empty list of kinds, got " + show(value));
    }
    return result;
  }

  LaneRule rule(const Json& item, const std::string& path) const {
    if (!item.is_object()) fail(path, "expected an object, got " + show(item));
    for (const char* key : {"vehicle_type", "from", "to"})
      if (!item.contains(key)) fail(network::json_member_path(path, key), "missing");
    LaneRule rule;
    for (auto& [key, value] : item.items()) {
      const std::string at = network::json_member_path(path, key);
      if (key == "vehicle_type") {
        if (!value.is_string() || value.get<std::string>().empty())
          fail(at, "expected a vehicle type id, got " + show(value));
        rule.vehicle_type = value.get<std::string>();
      } else if (key == "from") {
        rule.from = kinds(value, at);
      } else if (key == "to") {
        rule.to = kinds(value, at);
      } else if (key == "min_km") {
        rule.min_km = km(value, at);
      } else if (key == "max_km") {
        rule.max_km = km(value, at);
      } else if (key == "nearest") {
        rule.nearest = static_cast<std::size_t>(integer(value, at, 1));
      } else if (key == "nearest_from") {
        rule.nearest_from = static_cast<std::size_t>(integer(value, at, 1));
      } else if (key == "both_ways") {
        if (!value.is_boolean()) fail(at, "expected true or false, got " + show(value));
        rule.both_ways = value.get<bool>();
      } else if (key == "max_vehicles_per_departure") {
        rule.max_vehicles_per_departure = integer(value, at, 1);
      } else if (key == "departures") {
        departures(value, at, rule);
      } else {
        fail(at, "unknown field");
      }
    }
    return rule;
  }

  void departures(const Json& value, const std::string& path, LaneRule& rule) const {
    if (value.is_array()) {
      std::vector<int> minutes;
      for (std::size_t i = 0; i < value.size(); ++i)
        minutes.push_back(integer(value[i], network::json_element_path(path, i), 0));
      rule.departures = minutes;
      return;
    }
    if (!value.is_object())
      fail(path, "expected a list of minutes or {\"first\": m, \"every\": m}, got " + show(value));
    for (auto& [key, item] : value.items())
      if (key != "first" && key != "every")
        fail(network::json_member_path(path, key), "unknown field");
    for (const char* key : {"first", "every"})
      if (!value.contains(key)) fail(network::json_member_path(path, key), "missing");
    rule.repeat = std::make_pair(integer(value["first"], path + ".first", 0),
                                 integer(value["every"], path + ".every", 1));
  }

 private:
  const std::string& source_;
};

bool has_kind(const std::vector<FacilityKind>& kinds, FacilityKind kind) {
  for (FacilityKind k : kinds)
    if (k == kind) return true;
  return false;
}

}  // namespace

LaneRules parse_lane_rules(const std::string& json_text, const std::string& source) {
  network::JsonText parsed = network::parse_json_text(json_text, source);
  RuleReader reader(source);
  if (!parsed.duplicate_fields.empty())
    reader.fail(parsed.duplicate_fields.front(), "duplicate field");
  const Json& root = parsed.value;
  if (!root.is_object()) reader.fail("(root)", "expected an object {\"rules\": [...]}");
  for (auto& [key, value] : root.items())
    if (key != "rules") reader.fail(key, "unknown field");
  if (!root.contains("rules") || !root["rules"].is_array() || root["rules"].empty())
    reader.fail("rules", "expected a non-empty list of rules");
  LaneRules rules;
  rules.source = source;
  for (std::size_t i = 0; i < root["rules"].size(); ++i)
    rules.rules.push_back(reader.rule(root["rules"][i], network::json_element_path("rules", i)));
  return rules;
}

LaneRules read_lane_rules_file(const std::string& path) {
  return parse_lane_rules(network::read_text_file(path), path);
}

std::vector<GeneratedLane> generate_lanes(const LaneRules& rules,
                                          const network::Instance& instance) {
  const std::vector<network::Facility>& facilities = instance.facilities();
  std::vector<GeneratedLane> lanes;
  std::set<std::tuple<std::size_t, std::size_t, std::size_t>> made;
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    const LaneRule& rule = rules.rules[r];
    auto type = instance.vehicle_type_index(rule.vehicle_type);
    if (!type)
      throw InputError(rules.source + ": " + network::json_element_path("rules", r) +
                       ".vehicle_type: unknown vehicle type \"" + rule.vehicle_type + "\"");
    std::vector<std::size_t> sources, targets;
    for (std::size_t f = 0; f < facilities.size(); ++f) {
      if (has_kind(rule.from, facilities[f].kind)) sources.push_back(f);
      if (has_kind(rule.to, facilities[f].kind)) targets.push_back(f);
    }
    NearestFacilities near_source(facilities, sources);
    NearestFacilities near_target(facilities, targets);
    std::optional<std::vector<int>> departures = rule.departures;
    if (rule.repeat) {
      departures.emplace();
      for (int t = rule.repeat->first; t < instance.horizon_minutes(); t += rule.repeat->second)
        departures->push_back(t);
    }
    auto add = [&](std::size_t from, std::size_t to) {
      if (!made.emplace(from, to, *type).second) return;
      lanes.push_back({from, to, *type, departures, rule.max_vehicles_per_departure, r});
    };
    // nearest_from: each target's k nearest sources, computed once per target; with no
    // `nearest` and no `max_km` to bound a source's candidates, they are the targets that list
    // it (the inverse), instead of every target.
    std::vector<std::vector<std::size_t>> chosen_by(facilities.size());
    std::vector<std::vector<std::size_t>> choosing(facilities.size());  // targets by source
    const bool inverse = rule.nearest_from && !rule.nearest && !rule.max_km;
    if (rule.nearest_from)
      for (std::size_t to : targets)
        for (const auto& near : near_source.nearest(to, *rule.nearest_from)) {
          chosen_by[to].push_back(near.second);
          if (inverse) choosing[near.second].push_back(to);
        }
    for (std::size_t from : sources) {
      std::vector<std::pair<double, std::size_t>> candidates;
      if (rule.nearest) {
        candidates = near_target.nearest(from, *rule.nearest);
      } else if (inverse) {
        for (std::size_t to : choosing[from]) {
          const network::Facility& a = facilities[from];
          const network::Facility& b = facilities[to];
          candidates.emplace_back(network::geodesic_km(a.lon, a.lat, b.lon, b.lat), to);
        }
        std::sort(candidates.begin(), candidates.end());
      } else {
        candidates =
            near_target.within(from, rule.max_km.value_or(std::numeric_limits<double>::infinity()));
      }
      for (auto [km, to] : candidates) {
        if (!(km > rule.min_km) || (rule.max_km && km > *rule.max_km)) continue;
        if (rule.nearest_from) {
          const std::vector<std::size_t>& chosen = chosen_by[to];
          if (std::find(chosen.begin(), chosen.end(), from) == chosen.end()) continue;
        }
        add(from, to);
        if (rule.both_ways) add(to, from);
      }
    }
  }
  return lanes;
}

nlohmann::ordered_json lane_json(const GeneratedLane& lane, const network::Instance& instance) {
  nlohmann::ordered_json item = nlohmann::ordered_json::object();
  item["from"] = instance.facilities()[lane.from].id;
  item["to"] = instance.facilities()[lane.to].id;
  item["vehicle_type"] = instance.vehicle_types()[lane.vehicle_type].id;
  if (lane.departures) item["departures"] = *lane.departures;
  if (lane.max_vehicles_per_departure)
    item["max_vehicles_per_departure"] = *lane.max_vehicles_per_departure;
  return item;
}

}  // namespace mm::geo
