// Commodities that one shortest-path pass prices together, and the parallel loop over them.
//
// Commodities sharing a source node and a similar cube and weight per package (ratios within
// 15%) form one group: one pass from the source with the group's smallest ratios is a lower
// bound of every member's cost (column generation's pricing) or, for the first columns, a good
// enough price for all of them. A dimension that binds on no design arc (weight, when parcels
// fill every vehicle by cube: design_problem.h, binding_dimensions) does not split groups: its
// ratio changes no price. Slope scaling, a heuristic, groups by source alone, priced with the
// members' mean ratios. On the national network 93,240 demands share 360 sources; split by both
// ratios they made 14,308 groups, by cube alone a few per source.
#pragma once

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "engine/design_problem.h"

namespace mm::engine {

struct CommodityGroup {
  std::size_t source = 0;
  std::array<double, kDimensions> ratio{};  // smallest q^r / n among members
  std::vector<std::size_t> members;         // commodity ids, increasing
};

enum class Grouping {
  by_ratio,   // source and ratio buckets of the dimensions that bind; the smallest ratios
  by_source,  // source alone; the members' ratios weighted by packages
};

// The groups, in order of their first member (so results merged in group order do not depend
// on the thread count).
std::vector<CommodityGroup> group_by_source(const DesignProblem& problem,
                                            Grouping grouping = Grouping::by_ratio);

// The cheapest sink of a commodity in a tree: (cost to its tail + the sink arc's own cost, the
// arc), or (kUnreachable, kNoNode) when none is reached.
std::pair<double, std::size_t> best_sink(const routing::PricingGraph& graph,
                                         const routing::ShortestPathTree& tree,
                                         const std::vector<double>& cost,
                                         const std::vector<std::size_t>& sinks);

// body(i) for i in [0, n) on at most `threads` threads (TBB).
template <typename Body>
void parallel_over(std::size_t n, int threads, Body body) {
  tbb::task_arena arena(threads < 1 ? 1 : threads);
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                        for (std::size_t i = range.begin(); i != range.end(); ++i) body(i);
                      });
  });
}

}  // namespace mm::engine
