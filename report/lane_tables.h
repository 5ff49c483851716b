// The report's lane tables: the busiest lanes (most packages carried; ties by more vehicle trips)
// and the emptiest (lowest fill of the binding dimension; ties by more vehicle trips, since an
// empty lane with many trips wastes more), each an HTML <table> with a stable id.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "network/instance.h"
#include "report/plan_figures.h"

namespace mm::report {

// Indices into figures.lanes, in table order, at most `rows`.
std::vector<std::size_t> busiest_lanes(const PlanFigures& figures, std::size_t rows);
std::vector<std::size_t> emptiest_lanes(const PlanFigures& figures, std::size_t rows);

// <table id="`id`"> with one row per lane index of `lanes`.
std::string render_lane_table(const network::Instance& instance, const PlanFigures& figures,
                              const std::vector<std::size_t>& lanes, const std::string& id,
                              const std::string& caption);

}  // namespace mm::report
