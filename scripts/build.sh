#!/usr/bin/env bash
# Installs missing Debian packages, then configures and builds middlemile in Release into
# build/release. Used by demo.sh and test.sh; safe to run again (incremental).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup-deps.sh"
jobs="$(nproc 2>/dev/null || echo 2)"
cmake -S "$root" -B "$root/build/release" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build/release" -j "$jobs" "$@"
