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
#include "network/json_fields.h"
#include "network/json_text.h"

namespace mm::geo {
namespace {

using Json = nlohmann::ordered_json;
using network::Bound;
using network::FacilityKind;
using network::InputError;
using network::IntegerForm;
using network::JsonFields;
using network::JsonProblems;
using network::Need;

// One facility kind, or a non-empty list of them.
std::vector<FacilityKind> kinds(JsonFields& rule, const char* key) {
  std::vector<FacilityKind> result;
  const Json* value = rule.get(key, Need::required);
  if (value == nullptr) return result;
  const std::string path = rule.path_of(key);
  // In FacilityKind's order.
  static const std::vector<const char*> names = {"origin", "sort_center", "air_hub",
                                                 "delivery_station"};
  auto one = [&](const Json& item, const std::string& item_path) {
    if (auto kind = network::check_choice(item, item_path, names, rule.problems()))
      result.push_back(static_cast<FacilityKind>(*kind));
  };
  if (value->is_array() && !value->empty()) {
    for (std::size_t i = 0; i < value->size(); ++i)
      one((*value)[i], network::json_element_path(path, i));
  } else if (value->is_string()) {
    one(*value, path);
  } else {
    rule.problems().add(path, "must be a facility kind or a non-empty list of kinds (got " +
                                  network::describe_json(*value) + ")");
  }
  return result;
}

// A list of minutes, or {"first": m, "every": m}.
void departures(JsonFields& rule, LaneRule& out) {
  const Json* value = rule.get("departures", Need::optional);
  if (value == nullptr) return;
  const std::string path = rule.path_of("departures");
  JsonProblems& problems = rule.problems();
  if (value->is_array()) {
    std::vector<int> minutes;
    for (std::size_t i = 0; i < value->size(); ++i)
      if (auto minute =
              network::check_integer((*value)[i], network::json_element_path(path, i),
                                     Bound::non_negative(), problems, IntegerForm::literal))
        minutes.push_back(*minute);
    out.departures = minutes;
    return;
  }
  if (!value->is_object()) {
    problems.add(path, "must be a list of minutes or an object {\"first\": m, \"every\": m} (got " +
                           network::describe_json(*value) + ")");
    return;
  }
  JsonFields repeat(*value, path, problems);
  const auto first =
      repeat.integer("first", Need::required, Bound::non_negative(), IntegerForm::literal);
  const auto every =
      repeat.integer("every", Need::required, Bound::at_least_one(), IntegerForm::literal);
  repeat.report_unknown();
  if (first && every) out.repeat = std::make_pair(*first, *every);
}

LaneRule read_rule(JsonFields& rule) {
  LaneRule out;
  out.vehicle_type = rule.string("vehicle_type", Need::required).value_or("");
  out.from = kinds(rule, "from");
  out.to = kinds(rule, "to");
  out.min_km = rule.number("min_km", Need::optional, Bound::non_negative()).value_or(0.0);
  out.max_km = rule.number("max_km", Need::optional, Bound::non_negative());
  if (auto k = rule.integer("nearest", Need::optional, Bound::at_least_one(), IntegerForm::literal))
    out.nearest = static_cast<std::size_t>(*k);
  if (auto k =
          rule.integer("nearest_from", Need::optional, Bound::at_least_one(), IntegerForm::literal))
    out.nearest_from = static_cast<std::size_t>(*k);
  out.both_ways = rule.boolean("both_ways", Need::optional).value_or(false);
  out.max_vehicles_per_departure = rule.integer("max_vehicles_per_departure", Need::optional,
                                                Bound::at_least_one(), IntegerForm::literal);
  departures(rule, out);
  rule.report_unknown();
  return out;
}

bool has_kind(const std::vector<FacilityKind>& kinds, FacilityKind kind) {
  for (FacilityKind k : kinds)
    if (k == kind) return true;
  return false;
}

}  // namespace

LaneRules parse_lane_rules(const std::string& json_text, const std::string& source) {
  network::JsonText parsed = network::parse_json_text(json_text, source);
  JsonProblems problems;
  problems.add_all(parsed.duplicate_fields);
  LaneRules rules;
  rules.source = source;
  if (!network::check_object(parsed.value, "", problems)) problems.throw_if_any(source);
  JsonFields root(parsed.value, "", problems);
  network::for_each_object(
      root.non_empty_array("rules", Need::required), "rules", problems,
      [&](JsonFields& rule, std::size_t) { rules.rules.push_back(read_rule(rule)); });
  root.report_unknown();
  problems.throw_if_any(source);
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
