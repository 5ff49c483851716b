// Paths in instance terms (demand id, lane id, departure minute), so that the columns and the
// plan of one solve can seed the solve of a changed network (scenario evaluation, issue 6).
//
// A column of the planner's DesignProblem is a sequence of pricing-graph arc ids over one
// time-expanded network; those ids mean nothing in another instance. A RouteColumn names the
// same path by what a planner sees. `RouteColumnMapper` maps it back onto the DesignProblem of
// another instance, holding arcs included, and refuses it — rather than guessing — when its
// demand, a lane or a departure no longer exists, the legs no longer chain in time (handling
// changed), or the last leg no longer arrives at the destination by the due minute.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/design_problem.h"
#include "network/instance.h"
#include "network/plan.h"
#include "network/time_expanded_network.h"

namespace mm::engine {

struct RouteColumn {
  std::string demand;
  std::vector<network::RouteLeg> legs;
  double share = 0.0;  // of the demand's packages (routes of a plan); 0 for pool columns
};

// The path of `problem` (built by ten_design_problem over `ten`) in instance terms.
RouteColumn to_route_column(const network::Instance& instance,
                            const network::TimeExpandedNetwork& ten, const DesignPath& path);

// The routes of a plan, each with its share of its demand's packages.
std::vector<RouteColumn> plan_route_columns(const network::Instance& instance,
                                            const network::Plan& plan);

class RouteColumnMapper {
 public:
  // All three must outlive the mapper; `problem` is ten_design_problem(instance, ten, …).
  RouteColumnMapper(const network::Instance& instance, const network::TimeExpandedNetwork& ten,
                    const DesignProblem& problem);

  // The same route as a path of the problem (share copied), or nullopt when it is no longer a
  // valid on-time path of its demand.
  std::optional<DesignPath> map(const RouteColumn& route) const;

 private:
  const network::Instance& instance_;
  const network::TimeExpandedNetwork& ten_;
  const DesignProblem& problem_;
  std::vector<std::size_t> holding_arc_;                      // per TEN node
  std::vector<std::map<int, std::size_t>> arc_by_departure_;  // per lane: minute -> arc id
};

// Maps every route that is still valid; returns how many were refused in `*refused`.
std::vector<DesignPath> map_route_columns(const RouteColumnMapper& mapper,
                                          const std::vector<RouteColumn>& routes,
                                          std::size_t* refused);

}  // namespace mm::engine
