#!/usr/bin/env bash
# The README's second command (and what CI runs): set up, build everything in Release, and run
# the whole GoogleTest suite through ctest; then the same suite under AddressSanitizer and
# UndefinedBehaviorSanitizer (the `asan` preset, build/asan), which must report nothing; then a
# short libFuzzer run of every input-format harness (scripts/fuzz.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh"
jobs="$(nproc 2>/dev/null || echo 2)"
cd "$root/build/release"
ctest --output-on-failure -j "$jobs" --timeout 600

# Sanitizers: any report ends the process that made it (halt_on_error; UBSan is built with
# -fno-sanitize-recover), which fails its test. Suppressions (third-party code only) and why
# each is there: scripts/sanitizers/.
started=$(date +%s)
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/scripts/sanitizers/lsan.supp:print_suppressions=0"
(cd "$root" && cmake --preset asan >/dev/null)
cmake --build "$root/build/asan" -j "$jobs"
cd "$root/build/asan"
ctest --output-on-failure -j "$jobs" --timeout 900
echo "test: sanitizer build and suite took $(( $(date +%s) - started )) s"

started=$(date +%s)
"$root/scripts/fuzz.sh" "${MIDDLEMILE_FUZZ_SECONDS:-45}"
echo "test: fuzzing took $(( $(date +%s) - started )) s"
