#include "tools/progress_printer.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "network/number_text.h"

namespace mm::tools {

namespace {
// Two decimals; "-" while a figure is not known yet.
std::string number(double v) {
  return std::isfinite(v) ? network::fixed_text(v, 2) : "-";
}

double gap_percent(const engine::SolveProgress& p) {
  return std::isfinite(p.incumbent) && std::isfinite(p.lower_bound)
             ? 100.0 * (p.incumbent - p.lower_bound) / std::max(1e-9, p.incumbent)
             : NAN;
}
}  // namespace

std::string progress_line_text(const engine::SolveProgress& p) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "[%7.1fs] %-12s it %4d  bound %14s  lp %14s  incumbent %14s  gap %7s%%  "
                "columns %zu",
                p.elapsed_seconds, p.phase.c_str(), p.iteration, number(p.lower_bound).c_str(),
                number(p.lp_value).c_str(), number(p.incumbent).c_str(),
                number(gap_percent(p)).c_str(), p.columns);
  std::string line = buf;
  if (p.lp_seconds > 0 || p.pricing_seconds > 0) {
    std::snprintf(buf, sizeof buf, "  (clp %.1fs, pricing %.1fs)", p.lp_seconds, p.pricing_seconds);
    line += buf;
  }
  return line;
}

std::string progress_bar_text(const engine::SolveProgress& p, double time_limit_seconds,
                              int width) {
  const double limit = time_limit_seconds > 0 ? time_limit_seconds : 1.0;
  const double share = std::clamp(p.elapsed_seconds / limit, 0.0, 1.0);
  const int filled = static_cast<int>(std::lround(share * width));
  std::string bar = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "]";
  char buf[256];
  std::snprintf(buf, sizeof buf, " %3d%%  %.1f s of %g s  ETA %.0f s  %s",
                static_cast<int>(std::lround(100.0 * share)), p.elapsed_seconds, time_limit_seconds,
                std::max(0.0, time_limit_seconds - p.elapsed_seconds), p.phase.c_str());
  std::string text = bar + buf;
  const double gap = gap_percent(p);
  if (std::isfinite(gap)) {
    std::snprintf(buf, sizeof buf, "  gap %.2f%%", gap);
    text += buf;
  }
  return text;
}

struct ProgressDisplay::State {
  bool quiet = false;
  bool terminal = false;
  double time_limit = 0.0;
  double last = -1.0;
  std::string last_phase;
  bool bar_open = false;
};

ProgressDisplay::ProgressDisplay(bool quiet, double time_limit_seconds)
    : ProgressDisplay(quiet, time_limit_seconds, ::isatty(STDERR_FILENO) == 1) {}

ProgressDisplay::ProgressDisplay(bool quiet, double time_limit_seconds, bool terminal)
    : state_(std::make_shared<State>()) {
  state_->quiet = quiet;
  state_->terminal = terminal;
  state_->time_limit = time_limit_seconds;
}

ProgressDisplay::~ProgressDisplay() {
  finish();
}

engine::ProgressCallback ProgressDisplay::callback() {
  if (state_->quiet) return nullptr;
  std::shared_ptr<State> s = state_;
  return [s](const engine::SolveProgress& p) {
    const double interval = s->terminal ? 0.1 : 0.5;
    if (p.phase == s->last_phase && p.elapsed_seconds - s->last < interval) return;
    s->last = p.elapsed_seconds;
    s->last_phase = p.phase;
    if (s->terminal) {
      // \r and "erase to end of line": the bar is redrawn in place.
      std::fprintf(stderr, "\r%s\x1b[K", progress_bar_text(p, s->time_limit).c_str());
      s->bar_open = true;
    } else {
      std::fprintf(stderr, "%s\n", progress_line_text(p).c_str());
    }
    std::fflush(stderr);
  };
}

void ProgressDisplay::finish() {
  if (!state_->bar_open) return;
  std::fprintf(stderr, "\n");
  std::fflush(stderr);
  state_->bar_open = false;
}

}  // namespace mm::tools
