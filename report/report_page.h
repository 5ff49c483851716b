// `middlemile report`: one self-contained HTML page about a plan (no scripts, fonts or images
// from elsewhere: inline CSS and inline SVG only, so it opens offline and can be mailed).
//
// Sections, each with a stable id: "kpis" (cost and its split, vehicle trips and fill by mode,
// on-time share, unserved packages, gap), "violations" (only when the referee found any: a
// warning box listing them), "map", "fill-histogram", "timeline", "service", "busiest-lanes",
// "emptiest-lanes", "rotations" when the plan has rotations of cyclic vehicle types
// (report/rotation_chart.h; the map then draws the empty moves dashed), and "simulation" when
// given simulation results. Every text from the input
// files is escaped. The output is deterministic:
// the same instance and plan give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "network/instance.h"
#include "network/plan.h"
#include "network/plan_verifier.h"
#include "network/simulation_results.h"

namespace mm::report {

struct ReportOptions {
  std::string instance_source;  // file names shown in the header
  std::string plan_source;
  std::size_t lane_table_rows = 10;
  std::size_t timeline_facilities = 6;
  std::size_t violations_shown = 50;  // the rest are counted
  // Simulation results of this plan (`report --simulation`): adds the "simulation" section
  // (report/simulation_section.h). Must outlive the call.
  const network::SimulationResults* simulation = nullptr;
};

// The plan must belong to the instance (report/plan_match.h); `violations` are the referee's.
std::string render_report(const network::Instance& instance, const network::Plan& plan,
                          const std::vector<network::Violation>& violations,
                          const ReportOptions& options);

}  // namespace mm::report
