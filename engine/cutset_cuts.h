// Cut-set inequalities on whole vehicles, strengthened by mixed-integer rounding (MIR).
//
// Every served unit of a commodity leaves its origin on one of its first-leg arcs (design arcs
// reachable from its source over free arcs: the departures from the origin after its ready
// time) and arrives on one of its sink arcs. So for a set D of commodities sharing an origin,
// with U the union of their first-leg arcs, and in every capacity dimension r,
//
//     Σ_{a∈U} u_a^r y_a + Σ_{k∈D} q_k^r s_k  ≥  Q = Σ_{k∈D} q_k^r        (s_k: unserved share)
//
// and likewise for commodities sharing a destination with U their sink arcs. The LP relaxation
// satisfies this with fractional vehicles (a delivery station that receives 45 m³ pays for
// 0.47 of a 95 m³ truck); vehicles are whole, and the MIR of the row divided by δ,
//
//     Σ_a (⌊α_a⌋ + min(f_a, f)/f) y_a + Σ_k (q_k^r/δ)/f s_k  ≥  ⌈Q/δ⌉,
//     α_a = u_a^r/δ, f_a = α_a − ⌊α_a⌋, f = Q/δ − ⌊Q/δ⌋,
//
// is valid for every δ > 0 (Marchand & Wolsey 2001; for network design, Bienstock & Günlük
// 1996, Raack et al. 2011). The sets are each origin's and each destination's commodities and
// their nested subsets by time (those ready latest; those due earliest), δ runs over the
// capacities in U; the most violated cut of each set is added to the master
// (RestrictedMaster::add_cover_row). These rows touch only vehicle columns and unserved shares,
// so pricing does not change. For the CMND special case they are the single-node cut-set
// inequalities of Chouman, Crainic & Gendron (2017).
#pragma once

#include <cstddef>
#include <vector>

#include "engine/design_problem.h"
#include "engine/restricted_master.h"

namespace mm::engine {

class CutsetSeparator {
 public:
  explicit CutsetSeparator(const DesignProblem& problem);

  // Adds the cuts violated by more than `tolerance` (relative to their right-hand side) at the
  // master's current solution, at most `max_cuts`, most violated first. Returns how many.
  std::size_t separate(RestrictedMaster& master, double tolerance, std::size_t max_cuts);

  std::size_t set_count() const { return sets_.size(); }

 private:
  struct CutSet {
    std::vector<std::size_t> arcs;         // U
    std::vector<std::size_t> commodities;  // D
  };
  const DesignProblem& problem_;
  std::vector<CutSet> sets_;
};

}  // namespace mm::engine
