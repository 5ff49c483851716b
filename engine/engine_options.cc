#include "engine/engine_options.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <variant>

#include "network/number_text.h"

namespace mm::engine {

namespace {

// Every option once: its name, where it lives, its range. validate() and set_engine_option()
// read this table, so a new option is one line here (and its field with a comment in the
// header).
struct Field {
  const char* name;
  std::variant<double EngineOptions::*, int EngineOptions::*> member;
  double low;
  double high;
};

const Field kFields[] = {
    {"growth", &EngineOptions::growth, 1, 16},
    {"search_iterations_per_commodity", &EngineOptions::search_iterations_per_commodity, 0, 1e6},
    {"search_min_iterations", &EngineOptions::search_min_iterations, 0, 1e9},
    {"search_start_threshold", &EngineOptions::search_start_threshold, 0, 1},
    {"search_min_removed", &EngineOptions::search_min_removed, 1, 1e6},
    {"search_max_removed", &EngineOptions::search_max_removed, 1, 1e6},
    {"lp_rounds", &EngineOptions::lp_rounds, 1, 1e9},
    {"columns_per_commodity", &EngineOptions::columns_per_commodity, 1, 100},
    {"separation_gap", &EngineOptions::separation_gap, 0, 1},
    {"linking_rows_per_round", &EngineOptions::linking_rows_per_round, 0, 1e7},
    {"residual_rows_per_round", &EngineOptions::residual_rows_per_round, 0, 1e7},
    {"cuts_per_round", &EngineOptions::cuts_per_round, 0, 1e7},
    {"cut_tolerance", &EngineOptions::cut_tolerance, 0, 1},
    {"branch_nodes", &EngineOptions::branch_nodes, 0, 1e9},
    {"branch_paths_per_commodity", &EngineOptions::branch_paths_per_commodity, 0, 1e6},
    {"branch_full_pool_columns", &EngineOptions::branch_full_pool_columns, 0, 1e9},
    {"dive_rounds", &EngineOptions::dive_rounds, 0, 1e6},
    {"columns_beside_search", &EngineOptions::columns_beside_search, 0, 1},
    {"slope_scaling_iterations", &EngineOptions::slope_scaling_iterations, 0, 1e6},
    {"insertion_start_max_insertions", &EngineOptions::insertion_start_max_insertions, 0, 1e9},
    {"first_descent_attempts", &EngineOptions::first_descent_attempts, 0, 1e9},
    {"slope_scaling_patience", &EngineOptions::slope_scaling_patience, 1, 1e6},
    {"slope_scaling_limit_factor", &EngineOptions::slope_scaling_limit_factor, 1, 1e3},
    {"neighbourhood_mips", &EngineOptions::neighbourhood_mips, 0, 1e6},
    {"neighbourhood_mip_share", &EngineOptions::neighbourhood_mip_share, 0, 1},
    {"neighbourhood_mip_min_commodities", &EngineOptions::neighbourhood_mip_min_commodities, 1,
     1e6},
    {"neighbourhood_mip_max_commodities", &EngineOptions::neighbourhood_mip_max_commodities, 1,
     1e9},
    {"neighbourhood_mip_nodes", &EngineOptions::neighbourhood_mip_nodes, 0, 1e9},
    {"neighbourhood_mip_size_growth", &EngineOptions::neighbourhood_mip_size_growth, 1, 16},
    {"neighbourhood_mip_flows", &EngineOptions::neighbourhood_mip_flows, 0, 1},
    {"neighbourhood_mip_variables", &EngineOptions::neighbourhood_mip_variables, 1, 1e9},
    {"arc_restricted_mip", &EngineOptions::arc_restricted_mip, 0, 1},
    {"arc_restricted_mip_variables", &EngineOptions::arc_restricted_mip_variables, 1, 1e9},
    {"gap", &EngineOptions::gap, 0, 1},
    {"balance_in_search", &EngineOptions::balance_in_search, 0, 1},
    {"balance_in_master", &EngineOptions::balance_in_master, 0, 1},
    {"balance_improve_trials", &EngineOptions::balance_improve_trials, 0, 1e6},
};

double value_of(const EngineOptions& o, const Field& f) {
  return std::visit([&](auto member) { return static_cast<double>(o.*member); }, f.member);
}

std::string range_problem(const Field& f, double value) {
  return std::string(f.name) + ": must be in [" + network::number_text(f.low, 6) + ", " +
         network::number_text(f.high, 6) + "], got " + network::number_text(value, 6);
}

}  // namespace

std::vector<std::string> validate(const EngineOptions& options) {
  std::vector<std::string> problems;
  for (const Field& f : kFields) {
    const double value = value_of(options, f);
    if (!std::isfinite(value) || value < f.low || value > f.high)
      problems.push_back(range_problem(f, value));
    // The one rule between two fields, reported in field order.
    else if (std::string(f.name) == "search_max_removed" &&
             options.search_max_removed < options.search_min_removed)
      problems.push_back("search_max_removed: must be at least search_min_removed");
  }
  return problems;
}

void set_engine_option(EngineOptions& options, const std::string& assignment) {
  const auto equals = assignment.find('=');
  if (equals == std::string::npos)
    throw std::invalid_argument("engine option \"" + assignment + "\": expected NAME=VALUE");
  const std::string name = assignment.substr(0, equals);
  const std::string text = assignment.substr(equals + 1);
  for (const Field& f : kFields) {
    if (name != f.name) continue;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(value))
      throw std::invalid_argument("engine option " + name + ": \"" + text + "\" is not a number");
    if (value < f.low || value > f.high) throw std::invalid_argument(range_problem(f, value));
    std::visit(
        [&](auto member) {
          using T = std::remove_reference_t<decltype(options.*member)>;
          if constexpr (std::is_same_v<T, int>) {
            if (value != std::floor(value))
              throw std::invalid_argument("engine option " + name + ": must be a whole number");
          }
          options.*member = static_cast<T>(value);
        },
        f.member);
    return;
  }
  std::string known;
  for (const Field& f : kFields) known += std::string(known.empty() ? "" : ", ") + f.name;
  throw std::invalid_argument("engine option \"" + name + "\" is unknown (known: " + known + ")");
}

}  // namespace mm::engine
