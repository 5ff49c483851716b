// Reading and writing middlemile-plan/1 JSON (docs/FORMAT.md, "Plan").
//
// read_plan_file is strict about types and required fields (the referee must not guess): it
// throws ValidationError listing every problem with its JSON path (network/json_fields.h), or
// InputError naming file, line and column when the text is not JSON. Fields the format does not
// name are passed over (a plan may carry extension sections such as kpis.loading).
#pragma once

#include <string>

#include "network/plan.h"

namespace mm::network {

std::string write_plan_json(const Plan& plan);
Plan parse_plan(const std::string& json_text, const std::string& source);
Plan read_plan_file(const std::string& path);

}  // namespace mm::network
