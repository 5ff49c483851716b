// The one definition of the optimality gap, used by the engine to stop, by the plan it writes,
// by the referee and by every display.
//
//   gap = (objective − lower_bound) / (objective − unavoidable)
//
// `unavoidable` is the cost every plan pays whatever it does: the unserved penalty of demand
// that has no on-time path at all. It is in the objective and in the bound alike, so leaving
// it in the denominator would make a poor plan look optimal (a penalty of 70 M against 14 k of
// vehicles read as "gap 0.00%"); the gap is measured on the cost the plan controls. With no
// such demand it is FORMAT's (objective − lower_bound) / objective. 0 when the objective equals
// the bound; +inf without a bound; never negative.
#pragma once

namespace mm::network {

double relative_gap(double objective, double lower_bound, double unavoidable = 0.0);

}  // namespace mm::network
