#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang-14 (ASan + UBSan, build/fuzz) and runs each
# for SECONDS (default 60), as many at once as there are cores, from a seed corpus of tests/data,
# named on each harness's `seeds:` comment lines. Fails on any crash, sanitizer report, leak, timeout or out-of-memory; the input
# that triggered it is left in build/fuzz/crashes/ (turn it into a tests/data/hostile/ case).
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
"$root/scripts/setup-deps.sh"
build="$root/build/fuzz"
jobs="$(nproc 2>/dev/null || echo 2)"
# -O1 and line tables only: fuzzing wants speed per input, reports want file:line, and CI wants
# a short build.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Fuzz -DCMAKE_CXX_FLAGS_FUZZ="-O1 -gline-tables-only" \
  -DCMAKE_CXX_COMPILER=clang++-14 \
  -DMIDDLEMILE_FUZZ=ON -DMIDDLEMILE_BUILD_TESTS=OFF >/dev/null

cmake --build "$build" -j "$jobs" --target fuzzers
# Every harness that was built (one whose `needs:` module is missing is skipped by CMake).
harnesses=()
for source in "$root"/fuzz/fuzz_*.cc; do
  name="$(basename "$source" .cc)"
  if [ -x "$build/fuzz/$name" ]; then harnesses+=("$name"); else echo "fuzz: $name: not built (see its needs: line and fuzz/CMakeLists.txt)"; fi
done

# The seed paths of a harness: the words after "// seeds:" and on the "//   " lines that follow.
seeds_of() {
  awk '/^\/\/ seeds:/ {on = 1; sub(/^\/\/ seeds:/, ""); print; next}
       on && /^\/\/   +[^ ]/ {sub(/^\/\//, ""); print; next}
       {on = 0}' "$1"
}

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
mkdir -p "$build/crashes" "$build/logs"
# One harness: seeds copied in, run for $seconds, result line on stdout; exit status 1 on failure.
run_harness() {
  local name="$1" seeds="$build/seeds/$1" corpus="$build/corpus/$1" log="$build/logs/$1.log"
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus"
  for path in $(seeds_of "$root/fuzz/$name.cc"); do
    if [ -d "$root/$path" ]; then
      find "$root/$path" -maxdepth 1 -type f ! -name '*.expected' -exec cp {} "$seeds/" \;
    else
      cp "$root/$path" "$seeds/"
    fi
  done
  local started=$(date +%s)
  if "$build/fuzz/$name" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/crashes/$name-" \
      "$corpus" "$seeds" >"$log" 2>&1; then
    local runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz: $name: OK, $runs runs in $(( $(date +%s) - started )) s ($(ls "$corpus" | wc -l) corpus files)"
  else
    echo "fuzz: $name: FAILED (log $log)" >&2
    grep -E 'ERROR|SUMMARY|Test unit written|runtime error' "$log" | head -20 >&2 || true
    return 1
  fi
}

# Harnesses run side by side, one per core: each is single-threaded.
failed=()
declare -A pid_of
for name in "${harnesses[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
  run_harness "$name" &
  pid_of[$name]=$!
done
for name in "${harnesses[@]}"; do
  wait "${pid_of[$name]}" || failed+=("$name")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failures in ${failed[*]}; inputs in $build/crashes/" >&2
  exit 1
fi
