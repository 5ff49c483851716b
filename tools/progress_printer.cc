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

// The engine's gap (network/gap.h, on the cost the plan controls), never one of our own.
double gap_percent(const engine::SolveProgress& p) {
  return std::isfinite(p.gap) ? 100.0 * p.gap : NAN;
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

void ProgressOutput::draw(double elapsed_seconds, bool force, const std::string& bar,
                          const std::string& line) {
  if (quiet_) return;
  const double interval = terminal_ ? 0.1 : 0.5;
  if (!force && last_ >= 0.0 && elapsed_seconds - last_ < interval) return;
  last_ = elapsed_seconds;
  if (terminal_) {
    // \r and "erase to end of line": the bar is redrawn in place.
    std::fprintf(stderr, "\r%s\x1b[K", bar.c_str());
    bar_open_ = true;
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
}

void ProgressOutput::finish() {
  if (!bar_open_) return;
  std::fprintf(stderr, "\n");
  std::fflush(stderr);
  bar_open_ = false;
}

struct ProgressDisplay::State {
  explicit State(bool quiet, bool terminal) : output(quiet, terminal) {}
  ProgressOutput output;
  double time_limit = 0.0;
  std::string last_phase;
};

ProgressDisplay::ProgressDisplay(bool quiet, double time_limit_seconds)
    : ProgressDisplay(quiet, time_limit_seconds, ::isatty(STDERR_FILENO) == 1) {}

ProgressDisplay::ProgressDisplay(bool quiet, double time_limit_seconds, bool terminal)
    : state_(std::make_shared<State>(quiet, terminal)) {
  state_->time_limit = time_limit_seconds;
}

ProgressDisplay::~ProgressDisplay() {
  finish();
}

engine::ProgressCallback ProgressDisplay::callback() {
  if (state_->output.quiet()) return nullptr;
  std::shared_ptr<State> s = state_;
  return [s](const engine::SolveProgress& p) {
    // The first event of each phase always prints.
    const bool new_phase = p.phase != s->last_phase;
    s->last_phase = p.phase;
    s->output.draw(p.elapsed_seconds, new_phase,
                   s->output.terminal() ? progress_bar_text(p, s->time_limit) : "",
                   s->output.terminal() ? "" : progress_line_text(p));
  };
}

void ProgressDisplay::finish() {
  state_->output.finish();
}

std::string count_progress_bar_text(const CountProgress& p, int width) {
  const double share =
      p.total > 0 ? std::clamp(static_cast<double>(p.done) / p.total, 0.0, 1.0) : 1.0;
  const int filled = static_cast<int>(std::lround(share * width));
  std::string text = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "]";
  char buf[256];
  std::snprintf(buf, sizeof buf, " %3d%%  %zu of %zu %s  %.1f s",
                static_cast<int>(std::lround(100.0 * share)), p.done, p.total, p.unit.c_str(),
                p.elapsed_seconds);
  text += buf;
  if (p.done > 0 && p.done < p.total) {
    std::snprintf(buf, sizeof buf, "  ETA %.0f s",
                  p.elapsed_seconds / p.done * static_cast<double>(p.total - p.done));
    text += buf;
  }
  return text;
}

std::string count_progress_line_text(const CountProgress& p) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "[%7.1fs] %-12s %zu of %zu", p.elapsed_seconds, p.unit.c_str(),
                p.done, p.total);
  std::string line = buf;
  if (p.done > 0 && p.done < p.total) {
    std::snprintf(buf, sizeof buf, "  ETA %.0f s",
                  p.elapsed_seconds / p.done * static_cast<double>(p.total - p.done));
    line += buf;
  }
  return line;
}

CountProgressDisplay::CountProgressDisplay(bool quiet)
    : CountProgressDisplay(quiet, ::isatty(STDERR_FILENO) == 1) {}

CountProgressDisplay::CountProgressDisplay(bool quiet, bool terminal)
    : output_(std::make_shared<ProgressOutput>(quiet, terminal)) {}

CountProgressDisplay::~CountProgressDisplay() {
  finish();
}

CountProgressCallback CountProgressDisplay::callback() {
  if (output_->quiet()) return nullptr;
  std::shared_ptr<ProgressOutput> out = output_;
  return [out](const CountProgress& p) {
    // The first and the last report always print.
    out->draw(p.elapsed_seconds, p.done == 0 || p.done == p.total,
              out->terminal() ? count_progress_bar_text(p) : "",
              out->terminal() ? "" : count_progress_line_text(p));
  };
}

void CountProgressDisplay::finish() {
  output_->finish();
}

}  // namespace mm::tools
