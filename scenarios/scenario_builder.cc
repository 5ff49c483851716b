#include "scenarios/scenario_builder.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "geo/lane_rules.h"
#include "geo/region_layer.h"
#include "network/derived_values.h"
#include "network/errors.h"
#include "network/instance_json.h"
#include "network/json_fields.h"
#include "network/json_text.h"
#include "network/text_file.h"

namespace mm::scenarios {

namespace {

using Json = nlohmann::ordered_json;
using network::in_quotes;

// One scenario's problem: stops that scenario (later changes would act on a state that is
// already wrong) but not the others.
struct ChangeProblem {
  std::string path;
  std::string what;
};

std::string resolve(const std::string& base_dir, const std::string& path) {
  const std::filesystem::path p(path);
  return p.is_absolute() ? path : (std::filesystem::path(base_dir) / p).string();
}

// Regions are read once per file, whatever the number of scenarios naming them.
class RegionCache {
 public:
  const geo::Region& get(const std::string& source) {
    auto found = regions_.find(source);
    if (found == regions_.end()) found = regions_.emplace(source, geo::Region::read(source)).first;
    return found->second;
  }

 private:
  std::map<std::string, geo::Region> regions_;
};

// The working copy of the baseline document while one scenario's changes are applied.
class ScenarioEditor {
 public:
  ScenarioEditor(const BaselineDocument& baseline, const ScenarioFile& file, RegionCache& regions,
                 ScenarioInstance& out)
      : baseline_(baseline), file_(file), regions_(regions), out_(out), doc_(baseline.json) {
    const network::Instance& instance = *baseline.instance;
    // Fixed across scenarios: the penalty and every lane's id (see the header).
    doc_["unserved_penalty_per_package"] = instance.unserved_penalty_per_package();
    for (std::size_t i = 0; i < instance.lanes().size(); ++i) {
      doc_["lanes"][i]["id"] = instance.lanes()[i].id;
      lane_at_[instance.lanes()[i].id] = i;
    }
    for (std::size_t i = 0; i < instance.facilities().size(); ++i)
      facility_at_[instance.facilities()[i].id] = i;
  }

  void apply(const Change& change) {
    const Json& c = change.spec;
    switch (change.type) {
      case ChangeType::close_facility:
        close_facility(change, c["facility"]);
        break;
      case ChangeType::open_facility:
        open_facility(change);
        break;
      case ChangeType::add_lane:
        add_lane(change, c["lane"], "lane");
        break;
      case ChangeType::remove_lane: {
        const std::size_t i = lane(change, "lane");
        remove_lane(i, change);
        out_.effects.push_back("removed lane " + in_quotes(c["lane"].get<std::string>()));
        break;
      }
      case ChangeType::change_lane:
        change_lane(change);
        break;
      case ChangeType::change_vehicle_type:
        change_vehicle_type(change);
        break;
      case ChangeType::scale_demand:
        scale_demand(change);
        break;
      case ChangeType::set_sort_capacity: {
        const std::size_t f = facility(change, "facility");
        claim(change, "facilities/" + c["facility"].get<std::string>() + "/sort_capacity",
              "sort_capacity_per_hour");
        Json& item = doc_["facilities"][f];
        if (c["sort_capacity_per_hour"].is_null()) {
          item.erase("sort_capacity_per_hour");
        } else {
          item["sort_capacity_per_hour"] = c["sort_capacity_per_hour"];
        }
        out_.effects.push_back("sort capacity of " + in_quotes(c["facility"].get<std::string>()) +
                               " set to " + c["sort_capacity_per_hour"].dump());
        break;
      }
    }
  }

  // The changed document without removed lanes, parsed and validated.
  std::shared_ptr<const network::Instance> finish(const std::string& name) {
    doc_["name"] = baseline_.instance->name() + "+" + name;
    return std::make_shared<const network::Instance>(
        network::parse_instance(compact().dump(), "scenario " + in_quotes(name)));
  }

 private:
  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw ChangeProblem{path, what};
  }

  Json compact() const {
    Json doc = doc_;
    Json lanes = Json::array();
    for (const Json& lane : doc_["lanes"])
      if (!lane.is_null()) lanes.push_back(lane);
    doc["lanes"] = std::move(lanes);
    return doc;
  }

  // Index of the facility a change names; it must exist and not be closed.
  std::size_t facility(const Change& change, const std::string& key) {
    const std::string id = change.spec[key].get<std::string>();
    const std::string at = network::json_member_path(change.path, key);
    if (auto closed = closed_by_.find(id); closed != closed_by_.end())
      fail(at, "facility " + in_quotes(id) + " was closed by " + closed->second);
    const auto found = facility_at_.find(id);
    if (found == facility_at_.end()) fail(at, "unknown facility " + in_quotes(id));
    return found->second;
  }

  std::size_t lane(const Change& change, const std::string& key) {
    const std::string id = change.spec[key].get<std::string>();
    const std::string at = network::json_member_path(change.path, key);
    if (auto removed = removed_by_.find(id); removed != removed_by_.end())
      fail(at, "lane " + in_quotes(id) + " was removed by " + removed->second);
    const auto found = lane_at_.find(id);
    if (found == lane_at_.end()) fail(at, "unknown lane " + in_quotes(id));
    return found->second;
  }

  // Two changes setting the same value contradict each other (which one was meant?).
  void claim(const Change& change, const std::string& what, const std::string& key) {
    const auto [it, fresh] = claimed_by_.emplace(what, change.path);
    if (!fresh)
      fail(network::json_member_path(change.path, key),
           "contradicts " + it->second + ", which also sets it");
  }

  void remove_lane(std::size_t i, const Change& change) {
    const std::string id = doc_["lanes"][i]["id"].get<std::string>();
    doc_["lanes"][i] = nullptr;
    lane_at_.erase(id);
    removed_by_[id] = change.path + " (" + to_string(change.type) + ")";
    if (i < baseline_.instance->lanes().size()) {
      out_.lanes_removed.push_back(id);
    } else {
      out_.lanes_added.erase(std::find(out_.lanes_added.begin(), out_.lanes_added.end(), id));
    }
  }

  void close_facility(const Change& change, const Json& id_value) {
    facility(change, "facility");
    const std::string id = id_value.get<std::string>();
    std::size_t removed = 0;
    for (std::size_t i = 0; i < doc_["lanes"].size(); ++i) {
      const Json& lane = doc_["lanes"][i];
      if (!lane.is_null() && (lane["from"] == id || lane["to"] == id)) {
        remove_lane(i, change);
        ++removed;
      }
    }
    closed_by_[id] = change.path + " (close_facility)";
    out_.effects.push_back("closed " + in_quotes(id) + ": " + std::to_string(removed) +
                           " lanes removed");
  }

  // The string `key` of an instance object given in a change, in the readers' words when it is
  // missing or not a string (the whole object is validated with the changed instance later).
  std::string required_string(const Json& object, const std::string& at, const char* key) const {
    network::JsonProblems problems;
    std::optional<std::string> text;
    if (network::check_object(object, at, problems)) {
      network::JsonFields fields(object, at, problems);
      text = fields.string(key, network::Need::required);
    }
    if (!text) {
      // "<path>: <message>"; paths hold no ": ".
      const std::string& problem = problems.list().front();
      const auto colon = problem.find(": ");
      fail(problem.substr(0, colon), problem.substr(colon + 2));
    }
    return *text;
  }

  // Adds a lane object (given, or made by lane rules); returns its id.
  std::string add_lane(const Change& change, Json lane, const std::string& key) {
    const std::string at = network::json_member_path(change.path, key);
    for (const char* end : {"from", "to"}) {
      const std::string id = required_string(lane, at, end);
      if (auto closed = closed_by_.find(id); closed != closed_by_.end())
        fail(network::json_member_path(at, end),
             "facility " + in_quotes(id) + " was closed by " + closed->second);
    }
    const std::string vehicle_type = required_string(lane, at, "vehicle_type");
    if (!lane.contains("id"))
      lane["id"] = network::default_lane_id(lane["from"].get<std::string>(),
                                            lane["to"].get<std::string>(), vehicle_type);
    const std::string id = required_string(lane, at, "id");
    if (lane_at_.count(id)) fail(at, "lane " + in_quotes(id) + " already exists");
    removed_by_.erase(id);  // removing and adding back a lane is a replacement, not a conflict
    lane_at_[id] = doc_["lanes"].size();
    doc_["lanes"].push_back(std::move(lane));
    out_.lanes_added.push_back(id);
    if (key == "lane") out_.effects.push_back("added lane " + in_quotes(id));
    return id;
  }

  void open_facility(const Change& change) {
    const Json& item = change.spec["facility"];
    const std::string at = network::json_member_path(change.path, "facility");
    const std::string id = required_string(item, at, "id");
    if (facility_at_.count(id)) fail(at, "facility " + in_quotes(id) + " already exists");
    if (closed_by_.count(id))
      fail(at, "facility " + in_quotes(id) + " was closed by " + closed_by_[id]);
    facility_at_[id] = doc_["facilities"].size();
    doc_["facilities"].push_back(item);
    std::size_t added = 0;
    if (change.spec.contains("lane_rules")) {
      const Json& spec = change.spec["lane_rules"];
      const std::string rules_at = network::json_member_path(change.path, "lane_rules");
      geo::LaneRules rules;
      try {
        rules = spec.is_string()
                    ? geo::read_lane_rules_file(resolve(file_.base_dir, spec.get<std::string>()))
                    : geo::parse_lane_rules(spec.dump(), file_.source + ": " + rules_at);
      } catch (const network::ValidationError& e) {
        // The rules' own problems, not the changed instance's: named at the change, with the
        // rules file when there is one.
        std::string all;
        for (const std::string& problem : e.problems()) all += (all.empty() ? "" : "; ") + problem;
        fail(rules_at, spec.is_string() ? e.source() + ": " + all : all);
      }
      // Rules work on a validated instance: the document as it stands, new facility included.
      network::Instance current = parse_current(change);
      const std::size_t index = *current.facility_index(id);
      for (const geo::GeneratedLane& lane : geo::generate_lanes(rules, current)) {
        if (lane.from != index && lane.to != index) continue;
        Json made = geo::lane_json(lane, current);
        const std::string made_id =
            network::default_lane_id(made["from"].get<std::string>(), made["to"].get<std::string>(),
                                     made["vehicle_type"].get<std::string>());
        if (lane_at_.count(made_id)) continue;  // the network already has this lane
        add_lane(change, std::move(made), "lane_rules");
        ++added;
      }
    }
    out_.effects.push_back("opened " + in_quotes(id) + " with " + std::to_string(added) + " lanes");
  }

  network::Instance parse_current(const Change& change) const {
    try {
      return network::parse_instance(compact().dump(), "scenario");
    } catch (const network::ValidationError& e) {
      fail(change.path, "the network with this change is invalid: " + e.problems().front());
    }
  }

  void change_lane(const Change& change) {
    const std::size_t i = lane(change, "lane");
    const std::string id = change.spec["lane"].get<std::string>();
    Json& item = doc_["lanes"][i];
    std::string what;
    for (const char* key : {"vehicle_type", "departures", "max_vehicles_per_departure"}) {
      if (!change.spec.contains(key)) continue;
      claim(change, "lanes/" + id + "/" + key, key);
      if (change.spec[key].is_null()) {
        item.erase(key);
      } else {
        item[key] = change.spec[key];
      }
      what += std::string(what.empty() ? "" : ", ") + key;
    }
    out_.effects.push_back("changed " + what + " of lane " + in_quotes(id));
  }

  void change_vehicle_type(const Change& change) {
    const std::string id = change.spec["vehicle_type"].get<std::string>();
    Json* item = nullptr;
    for (Json& v : doc_["vehicle_types"])
      if (v.contains("id") && v["id"] == id) item = &v;
    if (item == nullptr)
      fail(network::json_member_path(change.path, "vehicle_type"),
           "unknown vehicle type " + in_quotes(id));
    std::string what;
    for (const char* key : {"cost_per_trip", "cost_per_km", "fleet"}) {
      if (!change.spec.contains(key)) continue;
      claim(change, "vehicle_types/" + id + "/" + key, key);
      if (change.spec[key].is_null()) {
        item->erase(key);
      } else {
        (*item)[key] = change.spec[key];
      }
      what += std::string(what.empty() ? "" : ", ") + key;
    }
    if (change.spec.contains("capacity")) {
      for (const auto& [key, value] : change.spec["capacity"].items()) {
        claim(change, "vehicle_types/" + id + "/capacity/" + key, "capacity");
        (*item)["capacity"][key] = value;
        what += std::string(what.empty() ? "" : ", ") + "capacity." + key;
      }
    }
    out_.effects.push_back("changed " + what + " of vehicle type " + in_quotes(id));
  }

  void scale_demand(const Change& change) {
    const Json& c = change.spec;
    std::optional<std::string> origin, destination;
    if (c.contains("origin")) {
      facility(change, "origin");
      origin = c["origin"].get<std::string>();
    }
    if (c.contains("destination")) {
      facility(change, "destination");
      destination = c["destination"].get<std::string>();
    }
    const geo::Region* region = nullptr;
    const std::string end = c.value("region_end", std::string("destination"));
    if (c.contains("region")) {
      try {
        region = &regions_.get(resolve(file_.base_dir, c["region"].get<std::string>()));
      } catch (const network::InputError& e) {
        fail(network::json_member_path(change.path, "region"), e.what());
      }
    }
    auto inside = [&](const Json& facility_id) {
      const Json& f = doc_["facilities"][facility_at_.at(facility_id.get<std::string>())];
      return region->contains(f["lon"].get<double>(), f["lat"].get<double>());
    };
    const double factor = c["factor"].get<double>();
    std::size_t scaled = 0;
    for (Json& d : doc_["demand"]) {
      if (origin && d["origin"] != *origin) continue;
      if (destination && d["destination"] != *destination) continue;
      if (region) {
        const bool in_origin = inside(d["origin"]), in_destination = inside(d["destination"]);
        const bool in = end == "origin"        ? in_origin
                        : end == "destination" ? in_destination
                                               : (in_origin || in_destination);
        if (!in) continue;
      }
      // The quantiles of a demand's spread scale with its packages (a CV has no unit), so
      // p10 <= packages <= p90 still holds.
      for (const char* key : {"packages", "cube_m3", "weight_kg", "packages_p10", "packages_p90"})
        if (d.contains(key)) d[key] = d[key].get<double>() * factor;
      ++scaled;
    }
    if (scaled == 0) fail(change.path, "scales no demand (nothing matches)");
    std::ostringstream line;
    line << "scaled " << scaled << " demands by " << factor;
    out_.effects.push_back(line.str());
  }

  const BaselineDocument& baseline_;
  const ScenarioFile& file_;
  RegionCache& regions_;
  ScenarioInstance& out_;
  Json doc_;
  std::map<std::string, std::size_t> lane_at_;      // live lanes: id -> index in doc_["lanes"]
  std::map<std::string, std::size_t> facility_at_;  // id -> index in doc_["facilities"]
  std::map<std::string, std::string> removed_by_;   // lane id -> the change that removed it
  std::map<std::string, std::string> closed_by_;    // facility id -> the change that closed it
  std::map<std::string, std::string> claimed_by_;   // value set -> the change that set it
};

}  // namespace

BaselineDocument read_baseline(const std::string& instance_path) {
  BaselineDocument baseline;
  baseline.source = instance_path;
  const std::string text = network::read_text_file(instance_path);
  baseline.instance =
      std::make_shared<const network::Instance>(network::parse_instance(text, instance_path));
  baseline.json = network::parse_json_text(text, instance_path).value;
  return baseline;
}

std::vector<ScenarioInstance> build_scenarios(const BaselineDocument& baseline,
                                              const ScenarioFile& file) {
  std::vector<ScenarioInstance> built;
  std::vector<std::string> problems;
  RegionCache regions;
  for (const Scenario& scenario : file.scenarios) {
    ScenarioInstance out;
    out.name = scenario.name;
    const std::string label = " (scenario " + in_quotes(scenario.name) + ")";
    try {
      ScenarioEditor editor(baseline, file, regions, out);
      for (const Change& change : scenario.changes) editor.apply(change);
      out.instance = editor.finish(scenario.name);
      built.push_back(std::move(out));
    } catch (const ChangeProblem& p) {
      problems.push_back(p.path + ": " + p.what + label);
    } catch (const network::ValidationError& e) {
      for (const std::string& problem : e.problems())
        problems.push_back(scenario.path + ": the changed instance is invalid: " + problem + label);
    } catch (const network::InputError& e) {
      problems.push_back(scenario.path + ": " + e.what() + label);
    }
  }
  if (!problems.empty()) throw network::ValidationError(file.source, problems);
  return built;
}

}  // namespace mm::scenarios
