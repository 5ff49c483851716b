#include "network/plan.h"

namespace mm::network {

const char* to_string(PlanStatus status) {
  switch (status) {
    case PlanStatus::optimal:
      return "optimal";
    case PlanStatus::feasible:
      return "feasible";
    case PlanStatus::no_solution:
      return "no_solution";
  }
  return "?";
}

}  // namespace mm::network
