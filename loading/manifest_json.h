// The manifests file (`middlemile plan … --manifests FILE.json`, docs/LOADING.md): per
// departure, per vehicle, the containers and the demand shares in each, with fill figures; the
// corrections made to the plan; and the loading KPIs.
//
// `loading_kpis_json` is the "loading" block alone (for a plan's kpis section or a summary).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "loading/load_plan.h"

namespace mm::loading {

std::string write_manifests_json(const LoadingResult& result);

nlohmann::ordered_json loading_kpis_json(const LoadingKpis& kpis);

}  // namespace mm::loading
