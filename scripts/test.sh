#!/usr/bin/env bash
# The README's second command (and what CI runs): set up, build everything in Release, and run
# the whole GoogleTest suite through ctest.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh"
jobs="$(nproc 2>/dev/null || echo 2)"
cd "$root/build/release"
# The report's rendering test must render, not skip: Chromium is installed by setup-deps.sh.
export MM_REQUIRE_CHROMIUM=1
ctest --output-on-failure -j "$jobs" --timeout 600
