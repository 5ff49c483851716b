// The one-screen summary `middlemile plan` prints on stdout: cost split, vehicles and fill by
// mode, on-time and unserved packages, bound and gap.
#pragma once

#include <ostream>
#include <string>

#include "network/instance.h"
#include "network/plan.h"

namespace mm::tools {

// `value` through printf's `format` ("%14.2f"): the summaries' number columns.
std::string printf_number(const char* format, double value);

void print_plan_summary(const network::Instance& instance, const network::Plan& plan,
                        std::ostream& out);

}  // namespace mm::tools
