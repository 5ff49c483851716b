// The report's map: facilities by kind and the plan's lanes as lines coloured by fill.
//
// Projection: equirectangular around the facilities' mean latitude (x = lon × cos(mean lat),
// y = −lat), scaled to fit the drawing; fine at the scale of a regional or national network.
// Each lane the plan uses is one curved line (class "lane-line") from its origin to its
// destination, bending left of the direction of travel so opposite lanes stay apart, coloured by
// its fill over all its departures and thicker with more vehicle trips; lanes of the instance
// the plan does not use are thin grey lines (class "lane-idle").
#pragma once

#include <string>

#include "network/instance.h"
#include "report/plan_figures.h"

namespace mm::report {

// An <svg id="map"> element.
std::string render_network_map(const network::Instance& instance, const PlanFigures& figures);

}  // namespace mm::report
