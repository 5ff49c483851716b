// Whether a plan belongs to an instance at all, before the report draws it.
//
// The report shows a plan that breaks rules (the referee's violations become a warning box),
// but it cannot draw a plan made for another instance: its lanes, demands and facilities would
// have no coordinates or due minutes. A plan belongs when it names the instance and every lane
// and demand it mentions exists in the instance.
#pragma once

#include <string>

#include "network/instance.h"
#include "network/plan.h"

namespace mm::report {

// Throws network::InputError "<plan_source>: <json path>: <problem> (the plan does not belong
// to instance "<name>")" for the first plan item that the instance does not know.
void require_plan_of_instance(const network::Instance& instance, const network::Plan& plan,
                              const std::string& plan_source);

}  // namespace mm::report
