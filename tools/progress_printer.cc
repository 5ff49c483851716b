#include "tools/progress_printer.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

namespace mm::tools {

namespace {
std::string number(double v) {
  if (!std::isfinite(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}
}  // namespace

solvers::ProgressCallback progress_printer(bool quiet) {
  if (quiet) return nullptr;
  auto last = std::make_shared<double>(-1.0);
  auto last_phase = std::make_shared<std::string>();
  return [last, last_phase](const solvers::SolveProgress& p) {
    if (p.phase == *last_phase && p.elapsed_seconds - *last < 0.5) return;
    *last = p.elapsed_seconds;
    *last_phase = p.phase;
    const double gap = std::isfinite(p.incumbent) && std::isfinite(p.lower_bound)
                           ? 100.0 * (p.incumbent - p.lower_bound) / std::max(1e-9, p.incumbent)
                           : NAN;
    std::fprintf(stderr,
                 "[%7.1fs] %-12s it %4d  bound %14s  lp %14s  incumbent %14s  gap %7s%%  "
                 "columns %zu",
                 p.elapsed_seconds, p.phase.c_str(), p.iteration, number(p.lower_bound).c_str(),
                 number(p.lp_value).c_str(), number(p.incumbent).c_str(), number(gap).c_str(),
                 p.columns);
    if (p.lp_seconds > 0 || p.pricing_seconds > 0)
      std::fprintf(stderr, "  (clp %.1fs, pricing %.1fs)", p.lp_seconds, p.pricing_seconds);
    std::fprintf(stderr, "\n");
  };
}

}  // namespace mm::tools
