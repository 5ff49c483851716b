#include "simulation/demand_scenarios.h"

#include <cmath>
#include <set>

#include "network/json_reader.h"
#include "network/json_text.h"
#include "network/text_file.h"

namespace mm::simulation {

namespace {

constexpr const char* kFormat = "middlemile-demand-scenarios/1";
// As the instance's sanity cap on amounts: no sum of packages can overflow.
constexpr double kMaxPackages = 1e12;

class ScenarioReader : public network::JsonReader {
 public:
  ScenarioReader(const network::Instance& instance, std::string source)
      : JsonReader(std::move(source)), instance_(instance) {}

  std::vector<DemandScenario> read(const json& root) const {
    require_format(root, kFormat);
    only_keys(root, "", {"format", "instance", "scenarios"});
    if (auto it = root.find("instance"); it != root.end()) {
      const std::string name = string(*it, "instance");
      if (name != instance_.name())
        fail("instance", "the scenarios are for instance " + network::in_quotes(name) + ", not " +
                             network::in_quotes(instance_.name()));
    }
    const json& list = array_field(root, "", "scenarios");
    if (list.empty()) fail("scenarios", "expected at least one scenario");
    std::vector<DemandScenario> scenarios;
    std::set<std::string> names;
    for (std::size_t i = 0; i < list.size(); ++i) {
      scenarios.push_back(scenario(list[i], element("scenarios", i), i));
      if (!names.insert(scenarios.back().name).second)
        fail(child(element("scenarios", i), "name"),
             "duplicate name " + network::in_quotes(scenarios.back().name));
    }
    return scenarios;
  }

 private:
  DemandScenario scenario(const json& value, const std::string& path, std::size_t index) const {
    object(value, path);
    only_keys(value, path, {"name", "scale", "packages"});
    DemandScenario s;
    s.name = "scenario " + std::to_string(index + 1);
    if (auto it = value.find("name"); it != value.end()) s.name = string(*it, child(path, "name"));
    double scale = 1.0;
    if (auto it = value.find("scale"); it != value.end()) scale = amount(*it, child(path, "scale"));
    for (const network::Demand& d : instance_.demand()) s.packages.push_back(scale * d.packages);
    if (auto it = value.find("packages"); it != value.end()) {
      const std::string packages_path = child(path, "packages");
      object(*it, packages_path);
      for (const auto& [id, packages] : it->items()) {
        const std::string item_path = child(packages_path, id);
        const auto k = instance_.demand_index(id);
        if (!k) fail(item_path, "unknown demand " + network::in_quotes(id));
        s.packages[*k] = amount(packages, item_path);
      }
    }
    return s;
  }

  // A number in [0, 1e12].
  double amount(const json& value, const std::string& path) const {
    const double x = number(value, path);
    if (!(x >= 0.0)) fail(path, "must be >= 0 (got " + value.dump() + ")");
    if (!(x <= kMaxPackages)) fail(path, "must be at most 1e12 (got " + value.dump() + ")");
    return x;
  }

  const network::Instance& instance_;
};

}  // namespace

std::vector<DemandScenario> parse_demand_scenarios(const network::Instance& instance,
                                                   const std::string& json_text,
                                                   const std::string& source) {
  return ScenarioReader(instance, source).read(network::parse_strict_json(json_text, source));
}

std::vector<DemandScenario> read_demand_scenarios(const network::Instance& instance,
                                                  const std::string& path) {
  return parse_demand_scenarios(instance, network::read_text_file(path), path);
}

}  // namespace mm::simulation
