#!/usr/bin/env bash
# The README's first command: set up, build, then plan the bundled sample network and check
# the plan with the independent referee. Writes out/sample-plan.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh" --target middlemile
mm="$root/build/release/tools/middlemile"
mkdir -p "$root/out"
echo "== middlemile plan data/sample.json -o out/sample-plan.json"
"$mm" plan "$root/data/sample.json" -o "$root/out/sample-plan.json" --time-limit 30
echo "== middlemile verify data/sample.json out/sample-plan.json"
"$mm" verify "$root/data/sample.json" "$root/out/sample-plan.json"
