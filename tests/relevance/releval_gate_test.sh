#!/usr/bin/env bash
# The relevance gate: the judged set's catalogue (data/relevance/) is loaded
# into a fresh database, indexed by the real indexer, and every judged query
# searched by ayurvedacart-releval. Fails when nDCG@10 over the judged
# classes drops more than 0.02 below the value recorded in
# data/relevance/baseline.txt, or when a query for something the store does
# not sell gets a plain result page. Prints the per-class table either way.
#
#   AYC_TEST_PG=postgresql://postgres@127.0.0.1:54339/postgres AYC_BIN_DIR=build-test/bin \
#     tests/relevance/releval_gate_test.sh
#
# A ranking change that moves the figure on purpose records the new value in
# baseline.txt in the same commit (data/relevance/README.md says how).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ -n "${AYC_TEST_PG:-}" ] || { echo "SKIP: set AYC_TEST_PG (scripts/test.sh does)"; exit 77; }
[ -n "${AYC_BIN_DIR:-}" ] || { echo "set AYC_BIN_DIR to the built binaries" >&2; exit 2; }
db="relevance_gate_$$"
base_url="${AYC_TEST_PG%/*}"
work="$(mktemp -d /tmp/ayc-releval.XXXXXX)"
finish() {
  psql -X -q "$AYC_TEST_PG" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap finish EXIT
psql -X -q -v ON_ERROR_STOP=1 "$AYC_TEST_PG" -c "CREATE DATABASE $db TEMPLATE ayc_template" >/dev/null
(cd "$root/data/relevance" && psql -X -q -v ON_ERROR_STOP=1 "$base_url/$db" -f load.sql >/dev/null)
"$AYC_BIN_DIR/ayurvedacart-indexer" --pg "$base_url/$db" --index-dir "$work/index" --recommendations=false \
  --progress never
"$AYC_BIN_DIR/ayurvedacart-releval" --index-dir "$work/index" \
  --queries "$root/data/relevance/queries.tsv" --judgments "$root/data/relevance/judgments.tsv" \
  --baseline "$root/data/relevance/baseline.txt" --margin 0.02 --run-out "$work/run.tsv"
