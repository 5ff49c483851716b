#!/usr/bin/env bash
# The README's second command (and what CI runs): set up, build everything in Release, and run
# the whole GoogleTest suite through ctest.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh"
jobs="$(nproc 2>/dev/null || echo 2)"
cd "$root/build/release"
ctest --output-on-failure -j "$jobs" --timeout 600
