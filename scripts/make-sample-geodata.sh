#!/usr/bin/env bash
# Rebuilds the geodata sample of data/ from the city table, reproducibly:
#   data/sample-facilities.gpkg  30 facilities (one GeoPackage point layer, `facilities`)
#   data/sample-demand.csv       120 demands (CSV, FORMAT.md's demand fields)
#   data/sample-vehicles.json    the vehicle types the generator uses
# `middlemile generate` makes the network from data/uscities-top1000.csv, `middlemile export`
# writes its layers, and ogr2ogr keeps the facilities layer as a GeoPackage and the demand
# layer as CSV (lanes are left out: data/sample-lane-rules.json makes them on import).
# OGR_CURRENT_DATE pins the GeoPackage's timestamps, so a re-run gives the same bytes.
# Usage: scripts/make-sample-geodata.sh [MIDDLEMILE [OUT_DIR]]
#   (defaults: build/release/tools/middlemile, data/; tests/cli compares a run with data/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mm="${1:-$root/build/release/tools/middlemile}"
out="${2:-$root/data}"
for tool in "$mm" ogr2ogr jq; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; exit 2; }
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$mm" generate --cities "$root/data/uscities-top1000.csv" --facilities 30 --demands 120 \
  --seed 1 --name sample-geo -o "$tmp/network.json" >/dev/null
"$mm" export "$tmp/network.json" -o "$tmp/network.gpkg" >/dev/null
export OGR_CURRENT_DATE=2025-01-01T00:00:00Z
mkdir -p "$out"
rm -f "$out/sample-facilities.gpkg" "$out/sample-demand.csv"
ogr2ogr -f GPKG "$out/sample-facilities.gpkg" "$tmp/network.gpkg" facilities
ogr2ogr -f CSV -lco STRING_QUOTING=IF_NEEDED "$out/sample-demand.csv" "$tmp/network.gpkg" demand
jq '{vehicle_types: .vehicle_types}' "$tmp/network.json" >"$out/sample-vehicles.json"
echo "wrote $out/sample-facilities.gpkg, $out/sample-demand.csv, $out/sample-vehicles.json"
