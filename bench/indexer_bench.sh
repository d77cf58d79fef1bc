#!/usr/bin/env bash
# Indexer benchmark: generates a catalogue (default 100,000 products) in a
# private PostgreSQL (.pgbench/, port 54349), then measures in the same run
#   1. the floor: streaming and decoding every product out of PostgreSQL
#      (ayurvedacart-indexer --stream-only), and
#   2. a full index run (PostgreSQL -> Xapian + RocksDB generation), and
#   3. full runs with the recommendation stage (overlapping the product
#      stream): first into an empty product_recommendations (every row
#      inserted), then again with nothing changed (what a nightly run writes
#      when its lists barely moved),
# and prints products/s, the ratio to the floor, peak RSS and index size.
#
#   bench/indexer_bench.sh [products]        (needs scripts/setup.sh first)
#
# AYC_BENCH_BIN (build/bin), AYC_BENCH_WORK (var/bench-indexer),
# AYC_BENCH_PG_DIR (.pgbench), AYC_BENCH_PG_PORT (54349) and AYC_BENCH_PG_DB
# (ayurvedacart_bench) point it at another build or cluster.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
source "$ROOT/bench/lib.sh"
N="${1:-100000}"
BIN="${AYC_BENCH_BIN:-$ROOT/build/bin}"
WORK="${AYC_BENCH_WORK:-$ROOT/var/bench-indexer}"
export AYC_PG_DIR="${AYC_BENCH_PG_DIR:-$ROOT/.pgbench}" AYC_PG_PORT="${AYC_BENCH_PG_PORT:-54349}"
export AYC_PG_DB="${AYC_BENCH_PG_DB:-ayurvedacart_bench}"
PG_URL="postgresql://postgres@127.0.0.1:$AYC_PG_PORT/$AYC_PG_DB"

[ -x "$BIN/ayurvedacart-indexer" ] || die "build first: scripts/setup.sh"
"$ROOT/scripts/pg.sh" start >/dev/null
bench_catalogue "$BIN" "$N" "$PG_URL"
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

say "full run with recommendations, product_recommendations emptied of the stage's rows first"
"$ROOT/scripts/pg.sh" psql -q -c "DELETE FROM product_recommendations WHERE recommendation_type IN \
  ('frequently_bought_together', 'similar', 'related')" -c "VACUUM product_recommendations" >/dev/null
measure recs "$BIN/ayurvedacart-indexer" --pg "$PG_URL" --index-dir "$WORK/index" --keep-generations 1
say "full run with recommendations again (the lists unchanged: nothing to rewrite)"
measure recs_again "$BIN/ayurvedacart-indexer" --pg "$PG_URL" --index-dir "$WORK/index" --keep-generations 1

secs() { sed -E 's/.* in ([0-9.]+) s .*/\1/' "$WORK/$1.out" | tail -1; }
rss() { echo $(( $(cat "$WORK/$1.rss") / 1024 )); }
size() { sed -E 's/.*index ([0-9.]+ [KMG]iB) on disk.*/\1/' "$WORK/$1.out" | tail -1; }
floor_s="$(secs floor)"; full_s="$(secs full)"
awk -v n="$N" -v f="$floor_s" -v t="$full_s" -v r1="$(secs recs)" -v r2="$(secs recs_again)" \
    -v rss="$(rss full)" -v rss1="$(rss recs)" -v rss2="$(rss recs_again)" \
    -v size1="$(size recs)" -v size2="$(size recs_again)" 'BEGIN {
  printf "\n| measure | seconds | products/s | peak RSS MiB |\n|---|---|---|---|\n";
  printf "| PostgreSQL floor (stream + decode) | %.1f | %.0f | |\n", f, n / f;
  printf "| full index (PostgreSQL -> Xapian + RocksDB) | %.1f | %.0f | %d |\n", t, n / t, rss;
  printf "| full index + recommendations, empty product_recommendations | %.1f | %.0f | %d |\n", r1, n / r1, rss1;
  printf "| full index + recommendations, lists unchanged | %.1f | %.0f | %d |\n", r2, n / r2, rss2;
  printf "\nfull run / floor time ratio: %.2fx (target: >= 3000 products/s, < 1024 MiB)\n", t / f;
  printf "with recommendations: index %s / %s on disk (target: >= 2000 products/s, < 1024 MiB, < 350 MiB)\n", size1, size2;
}'
