// Solver progress on stderr, two ways:
//  - on a terminal (isatty): one bar redrawn in place, about ten times a second:
//      [#########...........]  45%  13.5 s of 30 s  ETA 16 s  rounding  gap 0.21%
//    where the share and the ETA come from the time limit (the solve may stop earlier, when the
//    gap closes; the ETA is then an upper bound). finish() ends the line.
//  - otherwise (a pipe, a log file): one plain line per event, rate-limited to about two per
//    second (the first event of each phase always prints), so logs stay readable.
// With quiet, nothing.
//
// Counted work (`simulate`: samples done of a total) is drawn the same two ways by
// CountProgressDisplay, its share and ETA from the rate so far:
//      [#########...........]  45%  450 of 1000 samples  12.3 s  ETA 15 s
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "engine/column_generation.h"

namespace mm::tools {

// Where one progress display draws: a bar redrawn in place on a terminal, rate-limited plain
// lines otherwise, nothing when quiet. Shared by the displays below.
class ProgressOutput {
 public:
  ProgressOutput(bool quiet, bool terminal) : quiet_(quiet), terminal_(terminal) {}
  bool quiet() const { return quiet_; }
  bool terminal() const { return terminal_; }
  // Draws unless the last drawing was less than the interval ago (0.1 s on a terminal, 0.5 s
  // for lines) and `force` is false.
  void draw(double elapsed_seconds, bool force, const std::string& bar, const std::string& line);
  void finish();

 private:
  bool quiet_;
  bool terminal_;
  double last_ = -1.0;
  bool bar_open_ = false;
};

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

struct CountProgress {
  std::size_t done = 0;
  std::size_t total = 0;
  double elapsed_seconds = 0.0;
  std::string unit = "samples";
};
using CountProgressCallback = std::function<void(const CountProgress&)>;

class CountProgressDisplay {
 public:
  explicit CountProgressDisplay(bool quiet);  // a bar when stderr is a terminal
  CountProgressDisplay(bool quiet, bool terminal);
  ~CountProgressDisplay();
  CountProgressDisplay(const CountProgressDisplay&) = delete;
  CountProgressDisplay& operator=(const CountProgressDisplay&) = delete;

  // nullptr when quiet; valid while this object lives; calls must not overlap.
  CountProgressCallback callback();
  void finish();

 private:
  std::shared_ptr<ProgressOutput> output_;
};

std::string count_progress_bar_text(const CountProgress& progress, int width = 20);
std::string count_progress_line_text(const CountProgress& progress);

// The bar text for one event (no carriage return), `width` characters of bar.
std::string progress_bar_text(const engine::SolveProgress& progress, double time_limit_seconds,
                              int width = 20);
// The plain line for one event (no newline).
std::string progress_line_text(const engine::SolveProgress& progress);

}  // namespace mm::tools
