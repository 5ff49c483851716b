// The words of explain's outcomes (explain.h), as `explain` prints them in text and JSON.
#include "explain/explain.h"

namespace mm::explain {

const char* to_string(WhyNot why_not) {
  switch (why_not) {
    case WhyNot::arrives_late:
      return "arrives late";
    case WhyNot::no_capacity:
      return "no capacity";
    case WhyNot::needs_another_vehicle:
      return "would need another vehicle";
    case WhyNot::costs_more:
      return "costs more";
    case WhyNot::costs_the_same:
      return "costs the same";
    case WhyNot::cheaper:
      return "cheaper";
  }
  return "?";
}

const char* to_string(UnservedCause cause) {
  switch (cause) {
    case UnservedCause::no_path_in_window:
      return "no path in window";
    case UnservedCause::capacity:
      return "capacity";
    case UnservedCause::penalty_cheaper:
      return "penalty cheaper than a vehicle";
    case UnservedCause::not_optimal:
      return "not optimal";
  }
  return "?";
}

}  // namespace mm::explain
