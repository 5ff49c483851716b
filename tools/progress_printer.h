// Draws solver progress on stderr: one line per event, rate-limited to about two per second
// (the last event of a phase always prints), so logs stay readable and pipes stay small.
#pragma once

#include "solvers/column_generation.h"

namespace mm::tools {

// A callback that prints progress lines, or nothing when `quiet`.
solvers::ProgressCallback progress_printer(bool quiet);

}  // namespace mm::tools
