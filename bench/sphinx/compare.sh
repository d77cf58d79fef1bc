#!/usr/bin/env bash
# Our indexer and server against Sphinx 2.2 in one run: the same catalogue,
# the same all-distinct /search queries as bench/http/run.sh, the same 64
# connections.
#
#   bench/sphinx/compare.sh [products]        (default 100,000)
#
# Needs a Release build in build-bench/ (or AYC_BENCH_BIN=dir), as
# bench/http/run.sh does. PostgreSQL: the cluster of AYC_PG_DIR, AYC_PG_PORT
# and AYC_PG_DB (default run.sh's: .pgbench/, 54349, ayurvedacart_bench); a
# catalogue with another number of products is regenerated (datagen --reset).
# In order:
#   1. our indexer, timed (--recommendations=false: Sphinx computes none), into
#      var/bench-sphinx-compare/index,
#   2. bench/sphinx/sphinx.sh: Sphinx's indexer, then searchd under load,
#   3. our server (--threads 2, search log not written: Sphinx keeps none)
#      under wrk on the same list, after a warm-up on the 10,000 strings
#      before it,
# and prints both side by side with the ratios (time, CPU, memory; requests/s
# and CPU per query). AYC_BENCH_SECONDS (10) and
# AYC_BENCH_CONNECTIONS (64) as in run.sh. Stops what it started.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/scripts/lib.sh"
source "$ROOT/bench/lib.sh"

N="${1:-100000}"
BIN="${AYC_BENCH_BIN:-$ROOT/build-bench/bin}"
SECONDS_PER_RUN="${AYC_BENCH_SECONDS:-10}"
CONNECTIONS="${AYC_BENCH_CONNECTIONS:-64}"
WORK="$ROOT/var/bench-sphinx-compare"
export AYC_PG_DIR="${AYC_PG_DIR:-$ROOT/.pgbench}" AYC_PG_PORT="${AYC_PG_PORT:-54349}" AYC_PG_DB="${AYC_PG_DB:-ayurvedacart_bench}"
export AYC_BENCH_BIN="$BIN" AYC_BENCH_CONNECTIONS="$CONNECTIONS"
PG_URL="postgresql://postgres@127.0.0.1:$AYC_PG_PORT/$AYC_PG_DB"
# Nothing listens on port 1: the server's search log cannot reach PostgreSQL.
UNREACHABLE_PG="postgresql://postgres@127.0.0.1:1/none?connect_timeout=1"

for exe in ayurvedacart-server ayurvedacart-indexer ayurvedacart-datagen; do
  [ -x "$BIN/$exe" ] || die "$BIN/$exe missing: build it first (see bench/http/run.sh)"
done
for tool in wrk psql curl /usr/bin/time; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "products must be a positive number, got '$N'"

started_pg=0
"$ROOT/scripts/pg.sh" status >/dev/null 2>&1 || started_pg=1
source "$ROOT/bench/http/server.sh"
cleanup() {
  server_stop
  if [ "$started_pg" = 1 ]; then "$ROOT/scripts/pg.sh" stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

"$ROOT/scripts/pg.sh" start >/dev/null
bench_catalogue "$BIN" "$N" "$PG_URL"
rm -rf "$WORK" && mkdir -p "$WORK/requests"

# The all-distinct list exactly as run.sh makes it.
bench_distinct_lists "$PG_URL" "$WORK/requests"
NQ=$(wc -l <"$WORK/requests/distinct.tsv")

say "our indexer (PostgreSQL -> Xapian + RocksDB, no recommendations)"
t0=$(date +%s.%N)
/usr/bin/time -v -o "$WORK/indexer.time" "$BIN/ayurvedacart-indexer" --pg "$PG_URL" --index-dir "$WORK/index" \
  --recommendations=false --progress=never >"$WORK/indexer.out" 2>"$WORK/indexer.err" \
  || { cat "$WORK/indexer.err" >&2; die "our indexer failed"; }
OUR_SECONDS="$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
OUR_RSS_MIB=$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/indexer.time") / 1024 ))
OUR_CPU_SECONDS="$(awk -F': ' '/(User|System) time \(seconds\)/ { t += $2 } END { printf "%.1f", t }' "$WORK/indexer.time")"
OUR_DOCS="$(sed -n 's/.*products (\([0-9]*\) searchable).*/\1/p' "$WORK/indexer.out" | tail -1)"
OUR_DISK_MIB="$(du -sm "$WORK/index" | cut -f1)"
say "$(tail -1 "$WORK/indexer.out")"

"$ROOT/bench/sphinx/sphinx.sh" "$PG_URL" "$WORK/requests/distinct.tsv" "$SECONDS_PER_RUN" | tee "$WORK/sphinx.out"
sphinx() { sed -n "s/^SPHINX_$1=//p" "$WORK/sphinx.out"; }

wrk_run() {  # list, label, seconds
  AYC_BENCH_FILE="$WORK/requests/$1.tsv" AYC_BENCH_PREFIX="/search?q=" AYC_BENCH_MODE=list AYC_BENCH_LABEL="$2" \
    AYC_BENCH_THREADS=2 timeout $(($3 + 30)) wrk -t2 -c"$CONNECTIONS" -d"$3s" --timeout 5s \
    -s "$ROOT/bench/http/scenario.lua" "http://127.0.0.1:$PORT" >"$WORK/$1.wrk" 2>&1 || true
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server died during '$2'"; }
}
say "our server, same queries"
SERVER_INDEX_DIR="$WORK/index" server_start "$BIN" "$WORK/server.log" "$WORK/spool" "$UNREACHABLE_PG" \
  --log-queue-size 100000000
wrk_run warmup "warm-up" 3
server_ticks() { cut -d' ' -f14,15 "/proc/$SERVER_PID/stat" | awk '{ print $1 + $2 }'; }
ticks0="$(server_ticks)"
wrk_run distinct "ayurvedacart-server /search, all-distinct queries ($NQ), search log not written (wrk)" "$SECONDS_PER_RUN"
OUR_TICKS=$(( $(server_ticks) - ticks0 ))
OUR_SERVER_RSS_MIB=$(( $(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$SERVER_PID/status") / 1024 ))
server_stop
rm -rf "$WORK/spool"  # rows the logging-off server spooled at shutdown are not search history
OURS="$(grep '^RESULT|' "$WORK/distinct.wrk")" || { cat "$WORK/distinct.wrk" >&2; die "wrk failed"; }
say "$OURS"

{
  echo
  echo "| indexer | seconds | CPU seconds | documents | documents/s | peak RSS MiB | index MiB on disk |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  awk -v s="$OUR_SECONDS" -v cpu="$OUR_CPU_SECONDS" -v n="$OUR_DOCS" -v rss="$OUR_RSS_MIB" -v disk="$OUR_DISK_MIB" 'BEGIN {
    printf "| ayurvedacart-indexer --recommendations=false (PostgreSQL -> Xapian + RocksDB) | %s | %s | %d | %.0f | %d | %d |\n",
           s, cpu, n, n / s, rss, disk }'
  grep '^| Sphinx indexer' "$WORK/sphinx.out"
  echo
  echo "| scenario | requests/s | p50 ms | p99 ms | requests | non-2xx | socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  awk -F'|' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8 }' <<<"$OURS"
  grep '^| Sphinx searchd' "$WORK/sphinx.out"
  echo
  sed -n '/^| scenario | searchd CPU/,/^$/p' "$WORK/sphinx.out"
  echo "| ratio (same run) | value |"
  echo "|---|---:|"
  ours_rps="$(cut -d'|' -f3 <<<"$OURS")"
  awk -v a="$OUR_SECONDS" -v b="$(sphinx INDEX_SECONDS)" 'BEGIN { printf "| our indexing time / Sphinx indexing time | %.2f |\n", a / b }'
  awk -v a="$OUR_CPU_SECONDS" -v b="$(sphinx INDEX_CPU_SECONDS)" 'BEGIN { printf "| our indexing CPU / Sphinx indexing CPU | %.2f |\n", a / b }'
  awk -v a="$OUR_RSS_MIB" -v b="$(sphinx INDEX_PEAK_RSS_MIB)" 'BEGIN { printf "| our indexer peak RSS / Sphinx indexer peak RSS | %.2f |\n", a / b }'
  awk -v a="$ours_rps" -v b="$(sphinx SEARCH_RPS)" 'BEGIN { printf "| our /search requests/s / Sphinx best 10 | %.2f |\n", a / b }'
  awk -v a="$ours_rps" -v b="$(sphinx FACETS_RPS)" 'BEGIN { printf "| our /search requests/s / Sphinx best 10 + total + facets | %.2f |\n", a / b }'
  awk -v t="$OUR_TICKS" -v tck="$(getconf CLK_TCK)" -v n="$(cut -d'|' -f6 <<<"$OURS")" -v b="$(sphinx SEARCH_CPU_US)" 'BEGIN {
    printf "| server CPU per query: ours %.0f µs / searchd best 10 %s µs | %.2f |\n", t * 1e6 / tck / n, b, t * 1e6 / tck / n / b }'
  echo
  echo "Catalogue: $N products; our indexer: $(tail -1 "$WORK/indexer.out")"
  echo "Sphinx finds nothing for $(sphinx SEARCH_EMPTY_PERCENT)% of the queries (every word must match). Peak RSS under load: our server $OUR_SERVER_RSS_MIB MiB, searchd $(sphinx SEARCHD_PEAK_RSS_MIB) MiB."
  echo "Machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), shared; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s against our server (--threads 2); ayurvedacart-sphinxql-bench, $CONNECTIONS connections, against searchd (workers = threads); client, server and PostgreSQL share the same CPUs."
} | tee "$WORK/results.md"
