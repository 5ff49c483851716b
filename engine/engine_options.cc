#include "engine/engine_options.h"

#include <cmath>

#include "network/number_text.h"

namespace mm::engine {

namespace {

void check(std::vector<std::string>& problems, const char* name, double value, double low,
           double high) {
  if (!std::isfinite(value) || value < low || value > high)
    problems.push_back(std::string(name) + ": must be in [" + network::number_text(low, 6) + ", " +
                       network::number_text(high, 6) + "], got " +
                       network::number_text(value, 6));
}

}  // namespace

std::vector<std::string> validate(const EngineOptions& o) {
  std::vector<std::string> problems;
  check(problems, "growth", o.growth, 1, 16);
  check(problems, "search_iterations_per_commodity", o.search_iterations_per_commodity, 0, 1e6);
  check(problems, "search_min_iterations", o.search_min_iterations, 0, 1e9);
  check(problems, "search_start_threshold", o.search_start_threshold, 0, 1);
  check(problems, "search_min_removed", o.search_min_removed, 1, 1e6);
  check(problems, "search_max_removed", o.search_max_removed, 1, 1e6);
  if (o.search_max_removed < o.search_min_removed)
    problems.push_back("search_max_removed: must be at least search_min_removed");
  check(problems, "lp_rounds", o.lp_rounds, 1, 1e9);
  check(problems, "columns_per_commodity", o.columns_per_commodity, 1, 100);
  check(problems, "linking_rows_per_round", o.linking_rows_per_round, 0, 1e7);
  check(problems, "cuts_per_round", o.cuts_per_round, 0, 1e7);
  check(problems, "cut_tolerance", o.cut_tolerance, 0, 1);
  check(problems, "branch_nodes", o.branch_nodes, 0, 1e9);
  check(problems, "gap", o.gap, 0, 1);
  return problems;
}

}  // namespace mm::engine
