#!/usr/bin/env bash
# Soak: the server under mixed load for a long time while the catalogue
# changes, the indexer runs and PostgreSQL goes away and comes back.
#
#   bench/soak.sh [minutes]        (default 30)
#
# Needs the catalogue and request lists bench/http/run.sh leaves (the
# private cluster .pgbench/, port 54349, database ayurvedacart_bench, and
# var/bench-http/requests/) and the Release binaries in build-bench/bin
# (AYC_BENCH_BIN to override). In var/soak/ it builds its own index, starts
# one server (2 threads, PostgreSQL reachable) and runs, all at once:
#   - wrk: all-distinct searches, autocomplete typed letter by letter,
#     related products (4 connections each) and clicks on earlier searches
#     (2 connections), for the whole time;
#   - every minute: 50 products' prices changed in PostgreSQL, then an
#     incremental index run; every 10 minutes a full run instead;
#   - at a third of the time: PostgreSQL stopped for 60 s, then started.
# Every 10 s it samples the server's RSS. At the end it stops the server
# (SIGTERM: the search log flushes) and reports RSS over time, 5xx answers,
# failed requests, indexer runs, and search_logs rows: answered searches
# against rows stored for this run (none may be lost). Exits 1 when any 5xx
# was answered or a row is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
MINUTES="${1:-30}"
[[ "$MINUTES" =~ ^[1-9][0-9]*$ ]] || die "minutes must be a positive number, got '$MINUTES'"
BIN="${AYC_BENCH_BIN:-$ROOT/build-bench/bin}"
REQUESTS="$ROOT/var/bench-http/requests"
WORK="$ROOT/var/soak"
export AYC_PG_DIR="$ROOT/.pgbench" AYC_PG_PORT="${AYC_BENCH_PG_PORT:-54349}" AYC_PG_DB=ayurvedacart_bench
PG_URL="postgresql://postgres@127.0.0.1:$AYC_PG_PORT/$AYC_PG_DB"
for exe in ayurvedacart-server ayurvedacart-indexer; do
  [ -x "$BIN/$exe" ] || die "$BIN/$exe missing: build build-bench (see bench/http/run.sh)"
done
[ -f "$REQUESTS/distinct.tsv" ] || die "no request lists in $REQUESTS: run bench/http/run.sh first"
for tool in wrk curl psql awk; do command -v "$tool" >/dev/null || die "$tool is not installed (scripts/setup.sh)"; done
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$AYC_PG_PORT" -U postgres -d "$AYC_PG_DB" "$@"; }

"$ROOT/scripts/pg.sh" start >/dev/null
[ "$(psql_bench -tAc 'SELECT count(*) FROM products')" -gt 0 ] || die "no catalogue in $AYC_PG_DB: run bench/http/run.sh first"
rm -rf "$WORK"
mkdir -p "$WORK"
RUN_TAG="soak-$(date +%s)"  # session_id of this run's searches

say "building the soak index"
"$BIN/ayurvedacart-indexer" --pg "$PG_URL" --index-dir "$WORK/index" --progress=never | tail -1

# The server (bench/http/server.sh expects the index in $WORK/index).
source "$ROOT/bench/http/server.sh"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  server_stop
  "$ROOT/scripts/pg.sh" start >/dev/null 2>&1 || true
}
trap cleanup EXIT
server_start "$BIN" "$WORK/server.log" "$WORK/spool" "$PG_URL"
say "server on port $PORT (pid $SERVER_PID); soaking for $MINUTES minutes"
START_EPOCH=$(date +%s)
END_EPOCH=$((START_EPOCH + MINUTES * 60))

# RSS every 10 s: "seconds-since-start MB".
( while kill -0 "$SERVER_PID" 2>/dev/null && [ "$(date +%s)" -lt "$END_EPOCH" ]; do
    awk -v t=$(($(date +%s) - START_EPOCH)) '/VmRSS/ {printf "%d %.0f\n", t, $2 / 1024}' "/proc/$SERVER_PID/status"
    sleep 10
  done ) >"$WORK/rss.txt" 2>/dev/null &
PIDS+=($!)

# Clicks on searches this run made: search ids come from a few searches now.
for q in ashwagandha triphala oil churna tulsi; do
  curl -sf "http://127.0.0.1:$PORT/search?q=$q&session_id=$RUN_TAG-clicks" |
    awk 'match($0, /"search_id":"[0-9a-f-]+"/) { s = substr($0, RSTART + 13, 36) }
         { while (match($0, /"id":"[0-9a-f-]+"/)) { print s "\t" substr($0, RSTART + 6, 36); $0 = substr($0, RSTART + RLENGTH) } }'
done >"$WORK/clicks.tsv"
[ -s "$WORK/clicks.tsv" ] || die "no search found products to click"
cat >"$WORK/click.lua" <<'LUA'
local pairs_ = {}
for line in io.lines(os.getenv("AYC_SOAK_CLICKS")) do
  local s, p = line:match("^(%S+)\t(%S+)$")
  if s then table.insert(pairs_, {s, p}) end
end
local i = 0
request = function()
  i = i % #pairs_ + 1
  return wrk.format("POST", "/events/click", {["Content-Type"] = "application/json"},
                    '{"search_id":"' .. pairs_[i][1] .. '","product_id":"' .. pairs_[i][2] .. '"}')
end
LUA

load() {  # label, file, prefix, mode, connections
  AYC_BENCH_FILE="$2" AYC_BENCH_PREFIX="$3" AYC_BENCH_MODE="$4" AYC_BENCH_LABEL="$1" AYC_BENCH_THREADS=1 \
    wrk -t1 -c"$5" -d"$((MINUTES * 60))s" --timeout 10s -s "$ROOT/bench/http/scenario.lua" \
    "http://127.0.0.1:$PORT" >"$WORK/$1.wrk" 2>&1
}
# Searches carry this run's session id, so their rows can be counted.
awk -v tag="$RUN_TAG" -F'\t' '{ print $1 "\t" $2 "&session_id=" tag }' \
  "$REQUESTS/distinct.tsv" >"$WORK/searches.tsv"
load searches "$WORK/searches.tsv" "/search?q=" list 4 &
PIDS+=($!)
load autocomplete "$REQUESTS/autocomplete.tsv" "/autocomplete?q=" prefixes 4 &
PIDS+=($!)
load related "$REQUESTS/related.tsv" "/products/" list 4 &
PIDS+=($!)
AYC_SOAK_CLICKS="$WORK/clicks.tsv" wrk -t1 -c2 -d"$((MINUTES * 60))s" --timeout 10s -s "$WORK/click.lua" \
  "http://127.0.0.1:$PORT" >"$WORK/clicks.wrk" 2>&1 &
PIDS+=($!)

# Catalogue changes, index runs and the PostgreSQL outage, minute by minute.
OUTAGE_AT=$((MINUTES * 60 / 3))
outage_done=0 minute=0 runs_ok=0 runs_failed=0
: >"$WORK/indexer.log"
while [ "$(date +%s)" -lt $((END_EPOCH - 30)) ]; do
  sleep 60
  minute=$((minute + 1))
  elapsed=$(($(date +%s) - START_EPOCH))
  if [ "$outage_done" = 0 ] && [ "$elapsed" -ge "$OUTAGE_AT" ]; then
    say "minute $minute: stopping PostgreSQL for 60 s"
    "$ROOT/scripts/pg.sh" stop >/dev/null
    sleep 60
    "$ROOT/scripts/pg.sh" start >/dev/null
    say "PostgreSQL is back"
    outage_done=1
    continue
  fi
  psql_bench -c "UPDATE products SET selling_price = selling_price + 1, updated_at = now()
                 WHERE id IN (SELECT id FROM products WHERE status = 'active' ORDER BY random() LIMIT 50)" >/dev/null ||
    true
  if [ $((minute % 10)) = 0 ]; then kind=full; args=(); else kind=incremental; args=(--incremental); fi
  t0=$(date +%s)
  if "$BIN/ayurvedacart-indexer" --pg "$PG_URL" --index-dir "$WORK/index" --progress=never "${args[@]}" \
       >>"$WORK/indexer.log" 2>&1; then
    runs_ok=$((runs_ok + 1))
    say "minute $minute: $kind run in $(($(date +%s) - t0)) s; RSS $(tail -1 "$WORK/rss.txt" | cut -d' ' -f2) MB"
  else
    runs_failed=$((runs_failed + 1))
    say "minute $minute: $kind run failed (see $WORK/indexer.log)"
  fi
done
wait "${PIDS[@]:1}" 2>/dev/null || true
server_stop

# --- report ---------------------------------------------------------------------
result() { grep '^RESULT|' "$WORK/$1.wrk" | cut -d'|' -f"$2" || echo 0; }
searches=$(result searches 6)
echo
echo "| load | requests/s | p99 ms | requests | non-2xx | socket errors |"
echo "|---|---|---|---|---|---|"
for l in searches autocomplete related; do
  echo "| $l | $(result "$l" 3) | $(result "$l" 5) | $(result "$l" 6) | $(result "$l" 7) | $(result "$l" 8) |"
done
clicks=$(awk '/requests in/ {print $1}' "$WORK/clicks.wrk")
click_errors=$(awk '/Non-2xx/ {print $NF}' "$WORK/clicks.wrk")
echo "| clicks | | | ${clicks:-0} | ${click_errors:-0} | |"
echo
stored=0
for _ in $(seq 1 30); do
  stored=$(psql_bench -tAc "SELECT count(*) FROM search_logs WHERE session_id = '$RUN_TAG'")
  [ "$stored" -ge "$searches" ] && break
  sleep 2
done
awk 'NR == 1 { first = $2 } $1 >= 120 && !warm { warm = $2 } { if ($2 > max) max = $2; last = $2 }
     END { printf "RSS: %d MB at start, %d MB after 2 minutes, %d MB at most, %d MB at the end\n", first, warm, max, last }' \
  "$WORK/rss.txt"
echo "indexer runs: $runs_ok succeeded, $runs_failed failed (PostgreSQL down or a run overlapping it)"
echo "search_logs: $searches searches answered, $stored rows stored for this run ($RUN_TAG)"
non2xx=0
for l in searches autocomplete related; do non2xx=$((non2xx + $(result "$l" 7))); done
echo "non-2xx answers: $non2xx (clicks: ${click_errors:-0}; a click on a search whose row is not stored yet is 204 too)"
echo "command: bench/soak.sh $MINUTES; RSS samples in $WORK/rss.txt"
[ "$non2xx" = 0 ] || die "answers other than 2xx during the soak"
[ "$stored" -ge "$searches" ] || die "search_logs rows lost: $((searches - stored))"
