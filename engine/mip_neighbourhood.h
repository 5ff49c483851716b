// Which commodities an IP-based local search frees (engine/price_and_branch.h with
// `free_commodities`): CBC re-optimizes their paths and the vehicles where they can run, with
// everything else fixed at the incumbent. A neighbourhood is worth solving when its
// commodities compete for the same vehicles, so it grows from one commodity drawn at random:
// first those that share a vehicle (a design arc) with it in the incumbent, then those of its
// origin or destination (they share first and last legs), then any, each group in random
// order, until `size` commodities are free (Danna, Rothberg & Le Pape 2005 and Hewitt,
// Nemhauser & Savelsbergh 2010 solve such MIP neighbourhoods of the same design problem).
#pragma once

#include <cstddef>
#include <vector>

#include "engine/design_problem.h"
#include "engine/search_budget.h"

namespace mm::engine {

// Every commodity once, in the order a neighbourhood grows (the one drawn at random first,
// then riders of its vehicles, then those of its origin or destination, then the rest); empty
// when the problem has none.
std::vector<std::size_t> mip_neighbourhood_order(const DesignProblem& problem,
                                                 const DesignSolution& incumbent, Random& random);

// One flag per commodity: true when it is free (the first `size` of the order above). Never
// more than `size` and at least one commodity when the problem has any.
std::vector<bool> choose_mip_neighbourhood(const DesignProblem& problem,
                                           const DesignSolution& incumbent, std::size_t size,
                                           Random& random);

// The size of the next neighbourhoods once those of `size` commodities stop improving:
// `growth` times larger (rounded up), or 0 when that is no larger, more than `largest`, or more
// than half of the `commodities` (a neighbourhood of most of them is the CBC on the whole pool
// that follows).
std::size_t next_mip_neighbourhood_size(std::size_t size, double growth, std::size_t commodities,
                                        std::size_t largest);

}  // namespace mm::engine
