// A CMND solution in the shape `middlemile cmnd --solution` writes (FORMAT.md, section CMND),
// and the referee that checks one against its instance independently of any solver.
//
// JSON: {"open_arcs": [arc indices], "flows": [{"commodity": k, "arc": a, "flow": x}, ...]},
// all indices 0-based in file order. The checker recomputes the objective
// Σ fixed_cost over open arcs + Σ unit_cost × flow, and lists every violation of: valid and
// distinct indices, flow >= 0, no flow on a closed arc, Σ_k flow ≤ capacity on every arc, and
// per commodity and node conservation (origin sends the demand, destination receives it).
// Tolerances scale with the magnitude compared: a violation is an excess > tol × max(1, |bound|).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "baselines/cmnd_instance.h"

namespace mm::baselines {

// How a CMND solve ended (the "status" of `middlemile cmnd`).
enum class CmndStatus {
  optimal,      // proven optimal
  feasible,     // a solution, not proven optimal
  no_solution,  // none found (or proven infeasible)
};
const char* to_string(CmndStatus status);

struct CmndSolution {
  std::vector<std::size_t> open_arcs;
  struct Flow {
    std::size_t commodity = 0;
    std::size_t arc = 0;
    double flow = 0.0;
  };
  std::vector<Flow> flows;
};

// Compact JSON: open arcs on one line, one flow per line; numbers round-trip exactly.
std::string write_cmnd_solution_json(const CmndSolution& solution);

// Parses that JSON; throws mm::network::ValidationError listing every problem with its JSON
// path (a missing or unknown key, a negative or non-integer index, a flow that is not a
// number), mm::network::InputError naming line and column when the text is not JSON.
CmndSolution parse_cmnd_solution_json(const std::string& text, const std::string& source);

struct CmndCheck {
  double objective = 0.0;
  std::vector<std::string> violations;  // empty when the solution is feasible
};

// With `balanced`, also: as many open arcs leave every node as enter it (cmnd_balance.h).
CmndCheck check_cmnd_solution(const CmndInstance& instance, const CmndSolution& solution,
                              double tol = 1e-6, bool balanced = false);

}  // namespace mm::baselines
