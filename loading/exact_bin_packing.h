// The exact vector bin-packing model, solved with CBC (CBC types stay in the .cc).
//
//   min Σ_j y_j
//   s.t. Σ_{j≤i} x_ij = 1                       every item i (items sorted by decreasing size,
//                                               item i may only open bins 0..i: symmetry)
//        Σ_i s_ir x_ij ≤ C_r y_j                every bin j < m, dimension r (cube, weight,
//                                               positions)
//        x_ij ≤ y_j,  y_j ≥ y_{j+1},  Σ_j y_j ≥ lower bound
//        x, y binary
//
// with m = the number of bins of a known packing (the FFD one, given as the MIP start), so the
// answer is never worse than that packing. CBC runs through mip/cbc_driver.h: single-threaded,
// a wall-clock time limit, and the process-wide CBC lock.
#pragma once

#include <optional>
#include <vector>

#include "loading/bin_packing.h"

namespace mm::loading {

struct ExactPackingResult {
  Packing packing;      // the best packing found (never more bins than `start`)
  bool proven = false;  // CBC finished: packing.bins is optimal
};

// `start` is a feasible packing of `items` (e.g. FFD). Returns std::nullopt when CBC returned no
// solution at all (it always has the start, so this means a solver failure).
std::optional<ExactPackingResult> solve_exact_packing(const std::vector<PackItem>& items,
                                                      const BinCapacity& capacity,
                                                      const Packing& start,
                                                      double time_limit_seconds);

}  // namespace mm::loading
