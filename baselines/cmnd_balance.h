// The design-balanced CMND (Pedersen, Crainic & Madsen, Transportation Science 43(2), 2009): as
// many open arcs leave every node as enter it, so the vehicles that run the open arcs can go
// round and round. `middlemile cmnd --balanced` solves it through the engine with the balance
// rows in its master (cmnd_design.h: the LP's bound, CBC on the columns and the dive keep them)
// and with this cost, which balances the designs the engine's route searches find.
//
// For a fixed set of open arcs the cheapest balanced design opens more arcs: a minimum-cost flow
// in which every closed arc may carry one unit at its fixed cost and every node sends its excess
// of entering over leaving open arcs (LEMON's NetworkSimplex). `repair` opens those arcs (they
// carry nothing: empty repositioning legs), after a descent that closes open arcs while the
// design's cost plus the arcs that balance it falls (engine/drop_vehicle_search.h, at most
// `improve_trials` arcs tried). Where openings alone cannot balance the design, `repair` closes
// the arcs `balancing_moves` names, reroutes the commodities that used them over the arcs left
// (opening others as needed), and balances again, for a few rounds. `cost` is 0 for a balanced
// design, +inf for one no set of further arcs balances.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "baselines/cmnd_instance.h"
#include "engine/design_problem.h"
#include "engine/solution_cost.h"

namespace mm::baselines {

// The closed arcs to open so that `open` (per arc, 0/1) balances, or nullopt when none do.
std::optional<std::vector<std::size_t>> balancing_arcs(const CmndInstance& instance,
                                                       const std::vector<bool>& open);

// When opening arcs alone cannot balance `open` (a node whose arcs out are all open already
// has more to send): the same flow in which an open arc may also be closed — one unit on its
// reverse, at a price above any opening (its flow must then be rerouted) — so closings are used
// only where openings cannot do it. The arcs to open and the arcs to close; nullopt when even
// that fails.
struct BalancingMoves {
  std::vector<std::size_t> open;
  std::vector<std::size_t> close;
};
std::optional<BalancingMoves> balancing_moves(const CmndInstance& instance,
                                              const std::vector<bool>& open);

class CmndBalance : public engine::SolutionCost {
 public:
  CmndBalance(const CmndInstance& instance, const engine::DesignProblem& problem,
              int improve_trials)
      : instance_(instance), problem_(problem), improve_trials_(improve_trials) {}
  double cost(const engine::DesignSolution& solution) const override;
  engine::DesignSolution repair(const engine::DesignSolution& solution) const override;

 private:
  const CmndInstance& instance_;
  const engine::DesignProblem& problem_;
  int improve_trials_;
};

}  // namespace mm::baselines
