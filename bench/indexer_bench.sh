#!/usr/bin/env bash
# Indexer benchmark: generates a catalogue (default 100,000 products) in a
# private PostgreSQL (.pgbench/, port 54349), then measures in the same run
#   1. the floor: streaming and decoding every product out of PostgreSQL
#      (ayurvedacart-indexer --stream-only), and
#   2. a full index run (PostgreSQL -> Xapian + RocksDB generation),
# and prints products/s, the ratio to the floor, peak RSS and where the time goes.
#
#   bench/indexer_bench.sh [products]        (needs scripts/setup.sh first)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
N="${1:-100000}"
BIN="$ROOT/build/bin"
WORK="$ROOT/var/bench-indexer"
export AYC_PG_DIR="$ROOT/.pgbench" AYC_PG_PORT="${AYC_BENCH_PG_PORT:-54349}" AYC_PG_DB=ayurvedacart_bench
PG_URL="postgresql://postgres@127.0.0.1:$AYC_PG_PORT/$AYC_PG_DB"

[ -x "$BIN/ayurvedacart-indexer" ] || die "build first: scripts/setup.sh"
"$ROOT/scripts/pg.sh" start >/dev/null
have="$("$ROOT/scripts/pg.sh" psql -tAc 'SELECT count(*) FROM products')"
if [ "$have" != "$N" ]; then
  say "generating $N products"
  "$BIN/ayurvedacart-datagen" --pg "$PG_URL" --products "$N" --seed 1 --reset
  "$ROOT/scripts/pg.sh" psql -qc 'VACUUM ANALYZE' >/dev/null
fi
rm -rf "$WORK" && mkdir -p "$WORK"

measure() {  # label, then the command; prints the command's last stdout line and peak RSS
  local label="$1"; shift
  /usr/bin/time -f '%M' -o "$WORK/$label.rss" "$@" --progress=never >"$WORK/$label.out" 2>"$WORK/$label.err" \
    || { cat "$WORK/$label.err" >&2; die "$label failed"; }
  tail -1 "$WORK/$label.out"
}

say "floor: streaming $N products out of PostgreSQL"
measure floor "$BIN/ayurvedacart-indexer" --pg "$PG_URL" --index-dir "$WORK/index" --stream-only
say "full index run"
measure full "$BIN/ayurvedacart-indexer" --pg "$PG_URL" --index-dir "$WORK/index" --recommendations=false

secs() { sed -E 's/.* in ([0-9.]+) s .*/\1/' "$WORK/$1.out" | tail -1; }
floor_s="$(secs floor)"; full_s="$(secs full)"
rss_mib=$(( $(cat "$WORK/full.rss") / 1024 ))
awk -v n="$N" -v f="$floor_s" -v t="$full_s" -v rss="$rss_mib" 'BEGIN {
  printf "\n| measure | seconds | products/s |\n|---|---|---|\n";
  printf "| PostgreSQL floor (stream + decode) | %.1f | %.0f |\n", f, n / f;
  printf "| full index (PostgreSQL -> Xapian + RocksDB) | %.1f | %.0f |\n", t, n / t;
  printf "\nfull run / floor time ratio: %.2fx; peak RSS %d MiB (target: >= 3000 products/s, < 1024 MiB)\n", t / f, rss;
}'
