#!/usr/bin/env bash
# The replica deployment's checks (tests/cluster/cluster_test.sh) at bench
# size: a larger catalogue, PostgreSQL down for 30 s, longer throughput runs,
# Release binaries. Prints every check's figures and a summary table.
#
#   bench/cluster.sh [products]      (default 20000)
#
# Builds the Release binaries into build-bench/ (AYC_BENCH_BIN to use others).
# Settings: AYC_CLUSTER_LOAD_S (throughput runs, default 10),
# AYC_CLUSTER_PG_DOWN_S (default 30), AYC_CLUSTER_SERVER_THREADS (default 1).
# Ports 18600-18614, as the test. Exit 1 when a check fails.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
PRODUCTS="${1:-20000}"
[[ "$PRODUCTS" =~ ^[1-9][0-9]*$ ]] || die "products must be a positive number, got '$PRODUCTS'"
if [ -z "${AYC_BENCH_BIN:-}" ]; then
  say "building the Release binaries in build-bench/"
  cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release -DAYC_BUILD_TESTS=OFF >/dev/null
  cmake --build "$ROOT/build-bench" -j2 --target ayurvedacart-server ayurvedacart-indexer ayurvedacart-datagen \
    >/dev/null
fi
BIN="${AYC_BENCH_BIN:-$ROOT/build-bench/bin}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
start=$(date +%s)
rc=0
AYC_BIN_DIR="$BIN" AYC_CLUSTER_PRODUCTS="$PRODUCTS" AYC_CLUSTER_LOAD_S="${AYC_CLUSTER_LOAD_S:-10}" \
  AYC_CLUSTER_PG_DOWN_S="${AYC_CLUSTER_PG_DOWN_S:-30}" bash "$ROOT/tests/cluster/cluster_test.sh" 2>&1 |
  tee "$out" || rc=$?
echo
echo "cluster bench: $PRODUCTS products, $(nproc) cores, $(( $(date +%s) - start )) s in all, commit $(git -C "$ROOT" rev-parse --short HEAD)"
grep -E '^ok:|^FAIL:|^   ' "$out" | grep -v '^ok: replica [0-9] finds' || true
exit "$rc"
