#!/usr/bin/env bash
# A/B of two server builds under the same wrk load, alternating, in one run:
# the way to tell a change's effect from the shared machine's drift.
#
#   bench/http/ab.sh BEFORE_BIN_DIR AFTER_BIN_DIR [rounds]
#
# Uses the index and request lists bench/http/run.sh left in var/bench-http/
# (run that first, with either build). Each round starts the "before" server,
# then the "after" one (order swapped every other round), and measures
# /search over all-distinct queries, /autocomplete typed letter by letter and
# /products/{slug}/related, AYC_BENCH_SECONDS (default 10) each, search log
# off (PostgreSQL unreachable: the engine and HTTP alone). Prints each run and
# a table of medians per build and their ratio after/before. When the two
# builds read different index formats, AYC_AB_BEFORE_INDEX and
# AYC_AB_AFTER_INDEX name each one's index directory (built by its own
# indexer from the same catalogue).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/scripts/lib.sh"
HERE="$ROOT/bench/http"
[ $# -ge 2 ] || die "usage: $0 BEFORE_BIN_DIR AFTER_BIN_DIR [rounds]"
BEFORE="$1" AFTER="$2" ROUNDS="${3:-3}"
WORK="$ROOT/var/bench-http"
SECONDS_PER_RUN="${AYC_BENCH_SECONDS:-10}"
CONNECTIONS="${AYC_BENCH_CONNECTIONS:-64}"
CLIENT_THREADS="${AYC_BENCH_CLIENT_THREADS:-2}"
UNREACHABLE_PG="postgresql://postgres@127.0.0.1:1/none?connect_timeout=1"
for d in "$BEFORE" "$AFTER"; do [ -x "$d/ayurvedacart-server" ] || die "$d/ayurvedacart-server missing"; done
[ -d "$WORK/index" ] && [ -f "$WORK/requests/distinct.tsv" ] || die "no index or request lists in $WORK: run bench/http/run.sh first"
BEFORE_INDEX="${AYC_AB_BEFORE_INDEX:-$WORK/index}" AFTER_INDEX="${AYC_AB_AFTER_INDEX:-$WORK/index}"

source "$HERE/server.sh"
trap server_stop EXIT

RESULTS="$WORK/ab-results.txt"
: >"$RESULTS"
run() {  # build label, scenario key, list, prefix, mode, seconds
  AYC_BENCH_FILE="$WORK/requests/$3.tsv" AYC_BENCH_PREFIX="$4" AYC_BENCH_MODE="$5" AYC_BENCH_LABEL="$2" \
    AYC_BENCH_THREADS="$CLIENT_THREADS" \
    timeout $(($6 + 30)) wrk -t"$CLIENT_THREADS" -c"$CONNECTIONS" -d"$6s" --timeout 5s \
    -s "$HERE/scenario.lua" "http://127.0.0.1:$PORT" >"$WORK/ab.wrk" 2>&1 || true
  [ "$6" -lt "$SECONDS_PER_RUN" ] && return 0
  grep '^RESULT|' "$WORK/ab.wrk" | sed "s/^RESULT|/$1|/" | tee -a "$RESULTS" || die "wrk failed: $(cat "$WORK/ab.wrk")"
}
session() {  # build label, bin dir, index dir
  rm -rf "$WORK/ab-spool"
  SERVER_INDEX_DIR="$3" server_start "$2" "$WORK/ab-server.log" "$WORK/ab-spool" "$UNREACHABLE_PG"
  run "$1" warmup warmup "/search?q=" list 3
  run "$1" distinct distinct "/search?q=" list "$SECONDS_PER_RUN"
  run "$1" autocomplete autocomplete "/autocomplete?q=" prefixes "$SECONDS_PER_RUN"
  run "$1" related related "/products/" list "$SECONDS_PER_RUN"
  server_stop
}
for round in $(seq 1 "$ROUNDS"); do
  say "round $round of $ROUNDS"
  if [ $((round % 2)) = 1 ]; then session before "$BEFORE" "$BEFORE_INDEX"; session after "$AFTER" "$AFTER_INDEX"
  else session after "$AFTER" "$AFTER_INDEX"; session before "$BEFORE" "$BEFORE_INDEX"; fi
done

# RESULT lines: build|label|requests/s|p50 ms|p99 ms|requests|non-2xx|socket errors
echo
echo "| scenario | before req/s (median) | after req/s (median) | after/before | before p99 ms | after p99 ms |"
echo "|---|---|---|---|---|---|"
for s in distinct autocomplete related; do
  awk -F'|' -v s="$s" '
    function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                       return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    $2 == s && $1 == "before" { b[++nb] = $3; bp[nb] = $5 }
    $2 == s && $1 == "after" { a[++na] = $3; ap[na] = $5 }
    END { mb = median(b, nb); ma = median(a, na)
          printf "| %s | %.0f | %.0f | %.3f | %.2f | %.2f |\n", s, mb, ma, ma / mb, median(bp, nb), median(ap, na) }' "$RESULTS"
done
