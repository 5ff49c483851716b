#include "scenarios/sweep.h"

#include "network/errors.h"
#include "network/json_text.h"

namespace mm::scenarios {

ScenarioFile sweep_scenarios(const std::string& spec, const network::Instance& baseline) {
  using Json = nlohmann::ordered_json;
  const std::string where = "--sweep " + network::in_quotes(spec);
  const std::string prefix = "close-each=";
  if (spec.rfind(prefix, 0) != 0)
    throw network::InputError(where +
                              ": unknown sweep (expected close-each=<facility kind> or "
                              "close-each=lane)");
  const std::string what = spec.substr(prefix.size());
  Json scenarios = Json::array();
  if (what == "lane") {
    for (const network::Lane& lane : baseline.lanes())
      scenarios.push_back(
          {{"name", "remove " + lane.id},
           {"changes", Json::array({{{"type", "remove_lane"}, {"lane", lane.id}}})}});
  } else {
    bool known = false;
    for (auto kind : {network::FacilityKind::origin, network::FacilityKind::sort_center,
                      network::FacilityKind::air_hub, network::FacilityKind::delivery_station})
      known = known || what == network::to_string(kind);
    if (!known)
      throw network::InputError(where + ": unknown facility kind " + network::in_quotes(what) +
                                " (expected origin, sort_center, air_hub, delivery_station or "
                                "lane)");
    for (const network::Facility& f : baseline.facilities())
      if (what == network::to_string(f.kind))
        scenarios.push_back(
            {{"name", "close " + f.id},
             {"changes", Json::array({{{"type", "close_facility"}, {"facility", f.id}}})}});
  }
  if (scenarios.empty())
    throw network::InputError(where + ": the instance has no " + what + ", so no scenario");
  const Json file = {{"format", "middlemile-scenarios/1"}, {"scenarios", scenarios}};
  return parse_scenario_file(file.dump(), where, ".");
}

}  // namespace mm::scenarios
