#!/usr/bin/env bash
# Installs the Debian packages middlemile builds against, only those that are missing.
# A second run costs a few dpkg queries: apt-get runs only when something is absent.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  python3  # scripts/check-includes.py (a ctest), the bench scripts
  coinor-libcbc-dev liblemon-dev libtbb-dev libboost-dev
  libgdal-dev gdal-bin nlohmann-json3-dev libgtest-dev libcli11-dev
  libspdlog-dev
  libopenmpi-dev openmpi-bin  # cluster/: evaluate and simulate on MPI ranks (--mpi), its tests
  chromium  # the report's rendering test (tests/report_render/)
  postgresql postgresql-15-postgis-3 jq
  clang-14 libfuzzer-14-dev  # scripts/fuzz.sh: libFuzzer harnesses (fuzz/)
)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing missing Debian packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 2
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
