// Solver progress on stderr, two ways:
//  - on a terminal (isatty): one bar redrawn in place, about ten times a second:
//      [#########...........]  45%  13.5 s of 30 s  ETA 16 s  rounding  gap 0.21%
//    where the share and the ETA come from the time limit (the solve may stop earlier, when the
//    gap closes; the ETA is then an upper bound). finish() ends the line.
//  - otherwise (a pipe, a log file): one plain line per event, rate-limited to about two per
//    second (the first event of each phase always prints), so logs stay readable.
// With quiet, nothing.
#pragma once

#include <memory>
#include <string>

#include "engine/column_generation.h"

namespace mm::tools {

class ProgressDisplay {
 public:
  // `terminal`: draw a bar; by default whether stderr is a terminal.
  ProgressDisplay(bool quiet, double time_limit_seconds);
  ProgressDisplay(bool quiet, double time_limit_seconds, bool terminal);
  ~ProgressDisplay();
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  // The callback to hand to the solver (nullptr when quiet). Valid while this object lives.
  engine::ProgressCallback callback();
  // Ends the bar's line on a terminal (idempotent); call before printing anything else.
  void finish();

 private:
  struct State;
  std::shared_ptr<State> state_;
};

// The bar text for one event (no carriage return), `width` characters of bar.
std::string progress_bar_text(const engine::SolveProgress& progress, double time_limit_seconds,
                              int width = 20);
// The plain line for one event (no newline).
std::string progress_line_text(const engine::SolveProgress& progress);

}  // namespace mm::tools
