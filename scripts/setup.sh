#!/usr/bin/env bash
# Installs the Debian packages the project needs (only those missing) and builds.
#
#   scripts/setup.sh            packages + Release build in build/
#   scripts/setup.sh --deps     packages only
#   scripts/setup.sh --test-deps  packages, and those only the tests need (chromium)
# Each also installs the demo storefront's npm packages (web/, by its lockfile).
#
# Safe to run again: with everything present it installs nothing and the build
# is incremental.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PACKAGES=(
  build-essential cmake pkg-config
  libboost1.81-dev libboost-json1.81-dev
  libxapian-dev xapian-tools
  libeigen3-dev librocksdb-dev libpqxx-dev libsimdjson-dev catch2
  libjemalloc-dev
  postgresql postgresql-contrib
  wrk curl time
  systemd
  haproxy rsync
  clang libclang-rt-14-dev
)
# Only for the test suite (--test-deps): the browser the storefront test drives.
TEST_PACKAGES=(chromium)

install_packages() {
  local missing=() p wanted=("${PACKAGES[@]}")
  [ "${1:-}" = "--test-deps" ] && wanted+=("${TEST_PACKAGES[@]}")
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # Node.js runs the API description check (tests/api); a machine may have it
  # from elsewhere (with npm inside): Debian's packages only when it has none.
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  [ ${#missing[@]} -eq 0 ] && return
  say "installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  local dir="${AYC_BUILD_DIR:-$AYC_ROOT/build}"
  say "building (Release) in $dir"
  cmake -S "$AYC_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DAYC_BUILD_TESTS=OFF >/dev/null
  cmake --build "$dir" -j"${AYC_JOBS:-2}" 2>&1 | grep -Ev '^\[ *[0-9]+%\]|^Consolidate compiler|^-- ' || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || die "build failed"
}

install_packages "${1:-}"
# The demo storefront's browser libraries (web/), pinned by its lockfile.
if [ ! -d "$AYC_ROOT/web/node_modules" ] || [ "$AYC_ROOT/web/package-lock.json" -nt "$AYC_ROOT/web/node_modules" ]; then
  say "installing the demo storefront's npm packages (web/)"
  npm ci --prefix "$AYC_ROOT/web" --no-audit --no-fund --loglevel=error >/dev/null
fi
case "${1:-}" in --deps|--test-deps) ;; *) build ;; esac
