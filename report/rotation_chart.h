// The report's rotations chart (issue 16: vehicles that come back): one row per rotation of a
// cyclic vehicle type, its legs as bars over the cycle — loaded legs solid in the mode's colour
// (class "leg-loaded"), empty legs light grey with a dashed outline (class "leg-empty") — so a
// planner sees each tail's day, where it waits and where it runs empty. A rotation that spans k
// cycles has k cycles of axis; rows beyond `max_rows` are counted under the chart, not drawn.
//
// Times: a rotation's legs follow each other; a leg's minutes are taken modulo the rotation's
// length (cycles × cycle_minutes) from the start of the cycle its first leg departs in, and a
// leg that runs past the end wraps to the start of the row (drawn as two bars).
#pragma once

#include <cstddef>
#include <string>

#include "network/instance.h"
#include "network/plan.h"

namespace mm::report {

// A <section id="rotations"> with the chart, or "" when the plan has no rotation.
std::string render_rotation_section(const network::Instance& instance, const network::Plan& plan,
                                    std::size_t max_rows = 40);

}  // namespace mm::report
