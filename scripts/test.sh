#!/usr/bin/env bash
# The README's second command (and what CI runs): set up, build everything in Release, and run
# the whole GoogleTest suite through ctest; then the same suite under AddressSanitizer and
# UndefinedBehaviorSanitizer (the `asan` preset, build/asan), which must report nothing; then a
# short libFuzzer run of every input-format harness (scripts/fuzz.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
started=$(date +%s)
"$root/scripts/build.sh"
echo "test: set-up and Release build took $(( $(date +%s) - started )) s"
jobs="$(nproc 2>/dev/null || echo 2)"
# The database tests (tests/cli/postgis_cli_test.cc) run against a throwaway PostgreSQL +
# PostGIS server on loopback, started here and stopped on exit. MM_REQUIRE_POSTGIS=1 makes those
# tests fail, saying so, when the server did not start (instead of being skipped).
export MM_REQUIRE_POSTGIS=1
# Under /tmp: as root the server runs as the postgres user, which must reach the folder.
postgis_dir="$(mktemp -d /tmp/middlemile-postgis.XXXXXX)"
trap '"$root/scripts/postgis-server.sh" stop "$postgis_dir"' EXIT
if MM_TEST_POSTGIS="$("$root/scripts/postgis-server.sh" start "$postgis_dir")"; then
  export MM_TEST_POSTGIS
  echo "test: PostGIS server for the database tests: $MM_TEST_POSTGIS" >&2
else
  unset MM_TEST_POSTGIS
  echo "test: the PostGIS server did not start (above); the database tests will fail" >&2
fi
cd "$root/build/release"
# The report's rendering test must render, not skip: Chromium is installed by setup-deps.sh.
export MM_REQUIRE_CHROMIUM=1
started=$(date +%s)
ctest --output-on-failure -j "$jobs" --timeout 600
echo "test: Release suite took $(( $(date +%s) - started )) s"

# Sanitizers: any report ends the process that made it (halt_on_error; UBSan is built with
# -fno-sanitize-recover), which fails its test; leaks are reported at exit. The preset builds
# with -O1 -g1 and without NDEBUG (so the planner's debug invariants run the referee too): half
# the compile time of -O2 -g. No suppressions are needed for our code, TBB, CLP, CBC or GDAL: the
# suite reports nothing. The MPI tests alone give their ranks LeakSanitizer suppressions for Open
# MPI's own allocations, which it never frees (tests/cluster/openmpi.lsan.supp).
started=$(date +%s)
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
(cd "$root" && cmake --preset asan >/dev/null)
cmake --build "$root/build/asan" -j "$jobs"
cd "$root/build/asan"
ctest --output-on-failure -j "$jobs" --timeout 900
echo "test: sanitizer build and suite took $(( $(date +%s) - started )) s"

started=$(date +%s)
"$root/scripts/fuzz.sh" "${MIDDLEMILE_FUZZ_SECONDS:-20}"
echo "test: fuzzing took $(( $(date +%s) - started )) s"
