// The report's charts, each one inline <svg> with a stable id:
//  - "fill-histogram": vehicle trips by fill (binding dimension) in ten 10% bins, one bar per
//    mode and bin (a trip at exactly 100% counts in the last bin);
//  - "timeline": the busiest facilities (by packages in + out, at most `max_facilities`), one row
//    each: packages leaving per time bucket as bars, vehicles leaving and arriving as lines;
//  - "service": all demand packages split into on time, late and unserved, as one stacked bar.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "network/instance.h"
#include "report/plan_figures.h"

namespace mm::report {

// A round axis maximum >= value: 1, 2 or 5 × 10^k (1 for value <= 0).
double nice_ceiling(double value);

// Vehicle trips per 10% fill bin, by mode.
std::map<std::string, std::array<int, 10>> fill_histogram(const PlanFigures& figures);

// Facility indices of the busiest facilities, busiest first; facilities without traffic are left
// out.
std::vector<std::size_t> busiest_facilities(const PlanFigures& figures, std::size_t max_facilities);

std::string render_fill_histogram(const PlanFigures& figures);
std::string render_timeline(const network::Instance& instance, const PlanFigures& figures,
                            std::size_t max_facilities = 6);
std::string render_service_chart(const PlanFigures& figures);

}  // namespace mm::report
