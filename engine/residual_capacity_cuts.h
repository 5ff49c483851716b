// Residual capacity inequalities on one design arc with whole vehicles (Magnanti, Mirchandani &
// Vachani 1993; Atamtürk & Rajan 2002 for the splittable single-arc set).
//
// On an arc with capacity u per vehicle, y vehicles and flows 0 ≤ x_k ≤ d_k of commodities k
// (in one capacity dimension), Σ x_k ≤ u y. For any set S with d(S) = Σ_{k∈S} d_k, let
// κ = ⌈d(S)/u⌉ and r = d(S) − u(κ − 1) (what the last vehicle carries when S travels whole):
//
//     Σ_{k∈S} x_k − r y  ≤  d(S) − r κ.
//
// At y = κ it is Σ x ≤ d(S), at y = κ − 1 the capacity row; in between it forces a whole
// vehicle as S's flow nears d(S), which the LP's fractional y does not. It can only be violated
// when κ − 1 < y < κ. The strong linking rows x_k ≤ d_k y are its κ = 1 case for one commodity,
// so the cuts that matter are on arcs that carry more than one vehicle's worth — a trunk lane,
// not a delivery-station leg. The separation is the linear-time rule of those papers: S = the
// commodities with x_k > d_k (y − ⌊y⌋). RestrictedMaster::add_violated_residual_rows adds them;
// their path columns have entries, so their duals reach pricing like the linking rows' do.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace mm::engine {

struct ResidualItem {
  std::size_t commodity;
  double demand;  // d_k: the commodity's whole size in the dimension
  double flow;    // x_k: what the LP puts on the arc, 0 ≤ x_k ≤ d_k
};

struct ResidualCut {
  std::vector<std::size_t> commodities;  // S, ascending
  double demand = 0.0;                   // d(S)
  double kappa = 0.0;                    // κ
  double residual = 0.0;                 // r: the cut reads Σ_S x − r y ≤ demand − r κ
  double violation = 0.0;                // left-hand side − right-hand side at the LP point
};

// The cut of the separation rule at (units = y, items), if it is violated by more than
// `tolerance` × capacity; none when y is (nearly) whole.
std::optional<ResidualCut> most_violated_residual_cut(double capacity, double units,
                                                      const std::vector<ResidualItem>& items,
                                                      double tolerance);

}  // namespace mm::engine
