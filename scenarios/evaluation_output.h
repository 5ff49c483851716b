// What `middlemile evaluate` writes (docs/SCENARIOS.md, "Results"): the results as JSON
// (`middlemile-evaluation/1`) and CSV (one row per scenario, baseline first), a table for the
// terminal, and optionally map layers of the differences (lanes whose trips changed, facilities
// whose packages changed) for QGIS.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "network/instance.h"
#include "scenarios/scenario_builder.h"
#include "scenarios/scenario_evaluation.h"

namespace mm::scenarios {

struct Evaluation {
  const network::Instance* baseline = nullptr;
  const std::vector<ScenarioInstance>* scenarios = nullptr;  // same order as result.scenarios
  const scenarios::EvaluationResult* result = nullptr;
  bool warm = true;
};

nlohmann::ordered_json evaluation_json(const Evaluation& evaluation);
std::string evaluation_csv(const Evaluation& evaluation);
void print_evaluation_table(const Evaluation& evaluation, std::ostream& out);

// Layers "lane_changes" (a line per scenario and lane whose vehicle trips changed) and
// "facility_changes" (a point per scenario and facility whose packages sent changed), as
// .gpkg or .geojson (geo/layer_writer.h). The layer files, for checking before solving:
std::vector<std::string> difference_layer_files(const std::string& path);
void write_difference_layers(const Evaluation& evaluation, const std::string& path);

}  // namespace mm::scenarios
