// The one-screen summary `middlemile plan` prints on stdout: cost split, vehicles and fill by
// mode, on-time and unserved packages, bound and gap.
#pragma once

#include <ostream>

#include "network/instance.h"
#include "network/plan.h"

namespace mm::tools {

void print_plan_summary(const network::Instance& instance, const network::Plan& plan,
                        std::ostream& out);

}  // namespace mm::tools
