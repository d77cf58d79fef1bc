#!/usr/bin/env bash
# Memory under a flood of distinct requests: does the server stay within the
# bound its flags promise (server/README.md, "Limits and memory")?
#
#   bench/flood.sh [seconds-per-phase]        (default 20)
#
# Uses the index bench/http/run.sh left in var/bench-http/index and the
# Release binaries in build-bench/bin (AYC_BENCH_BIN to override). Starts one
# server with PostgreSQL unreachable (so every search's row goes to the
# bounded queue, then the bounded spool), small caches so the bounds are
# reached within seconds, and wrk at 64 connections, then floods it with
# requests that are all different:
#   1. searches of two random words each (spelling, readings, ranked and
#      facet caches), with a 7 KB User-Agent (the search-log queue);
#   2. /products/{id}/related with every product id in random letter case
#      (one answer per product, however it is spelled);
#   3. /autocomplete with random prefixes (the answer and prefix caches);
#   4. clicks for random searches (pending clicks, then the spool).
# It samples the server's RSS every second and prints, per phase, the RSS at
# its end and the highest seen, next to the bound computed from the flags;
# exits 1 when the highest RSS passed the bound.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
SECONDS_PER_PHASE="${1:-20}"
BIN="${AYC_BENCH_BIN:-$ROOT/build-bench/bin}"
WORK="$ROOT/var/bench-http"
FLOOD="$WORK/flood"
UNREACHABLE_PG="postgresql://postgres@127.0.0.1:1/none?connect_timeout=1"
[ -x "$BIN/ayurvedacart-server" ] || die "$BIN/ayurvedacart-server missing: build build-bench (see bench/http/run.sh)"
[ -d "$WORK/index" ] || die "no index in $WORK/index: run bench/http/run.sh first"
for tool in wrk curl awk; do command -v "$tool" >/dev/null || die "$tool is not installed (scripts/setup.sh)"; done
rm -rf "$FLOOD"
mkdir -p "$FLOOD/requests"

# The flags under test and the bound they imply (MB).
POSTINGS_MB=32 ENGINE_MB=32 RESPONSE_MB=8 LOG_QUEUE_MB=16 SPOOL_MB=64 CONNECTIONS=64
FLAGS=(--postings-cache-mb "$POSTINGS_MB" --engine-cache-mb "$ENGINE_MB" --response-cache-mb "$RESPONSE_MB"
       --log-queue-mb "$LOG_QUEUE_MB" --spool-max-mb "$SPOOL_MB" --max-connections 256 --warm-words 0)

source "$ROOT/bench/http/server.sh"
trap server_stop EXIT
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0; }

# Request lists: all distinct, made here (awk's rand, fixed seeds).
awk 'BEGIN { srand(11); for (i = 0; i < 400000; i++) { w = ""; for (k = 0; k < 2; k++) { n = 5 + int(rand() * 7);
  s = ""; for (j = 0; j < n; j++) s = s sprintf("%c", 97 + int(rand() * 26)); w = w (k ? " " : "") s } print w } }' \
  >"$FLOOD/requests/words.tsv"
awk 'BEGIN { srand(13); for (i = 0; i < 400000; i++) { n = 2 + int(rand() * 10); s = "";
  for (j = 0; j < n; j++) s = s sprintf("%c", 97 + int(rand() * 26)); print s } }' >"$FLOOD/requests/prefixes.tsv"
cat >"$FLOOD/click.lua" <<'LUA'
-- POST /events/click for random (unknown) searches: every click waits for a row that never comes.
math.randomseed(19)
local function uuid()
  return string.format("%08x-%04x-4%03x-8%03x-%012x", math.random(0, 0xffffffff), math.random(0, 0xffff),
                       math.random(0, 0xfff), math.random(0, 0xfff), math.random(0, 0xffffffffffff))
end
request = function()
  return wrk.format("POST", "/events/click", {["Content-Type"] = "application/json"},
                    '{"search_id":"' .. uuid() .. '","product_id":"' .. uuid() .. '"}')
end
LUA

server_start "$BIN" "$FLOOD/server.log" "$FLOOD/spool" "$UNREACHABLE_PG" "${FLAGS[@]}"
# Product ids from the index itself, each in eight random mixes of letter case.
for q in oil churna tablets capsules ghee powder juice syrup vati cream shampoo tea honey kit soap; do
  curl -sf "http://127.0.0.1:$PORT/search?q=$q&limit=100" | grep -o '"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4 || true
done | sort -u | awk 'BEGIN { srand(17) } { for (v = 0; v < 8; v++) { out = ""; for (j = 1; j <= length($0); j++) {
  c = substr($0, j, 1); out = out (rand() < 0.5 ? toupper(c) : c) } print out "\t/related" } }' >"$FLOOD/requests/ids.tsv"
[ -s "$FLOOD/requests/ids.tsv" ] || die "found no product ids through /search"
sleep 2
BASE=$(rss_mb)
HTTP_PIPE_MB=$(( CONNECTIONS * (8 + 64 + 16 + 16 * 64) / 1024 ))  # read buffer + pipelined answers per connection
CLICKS_MB=$(( 2 * 100000 * 200 / 1024 / 1024 ))
BOUND=$(( BASE + POSTINGS_MB + ENGINE_MB + RESPONSE_MB + LOG_QUEUE_MB + CLICKS_MB + HTTP_PIPE_MB ))
say "server RSS after start: $BASE MB; bound for these flags: $BOUND MB (base + postings $POSTINGS_MB + engine $ENGINE_MB" \
    "+ answers $RESPONSE_MB + log queue $LOG_QUEUE_MB + clicks $CLICKS_MB + $CONNECTIONS connections $HTTP_PIPE_MB)"

PEAK=$BASE
sampler() { while kill -0 "$SERVER_PID" 2>/dev/null; do rss_mb; echo; sleep 1; done; }
sampler >"$FLOOD/rss.txt" &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null || true; server_stop' EXIT

UA="$(head -c 7000 /dev/zero | tr '\0' 'u')"
flood() {  # label, file, prefix, mode, [extra wrk args]
  local label="$1" file="$2" prefix="$3" mode="$4"
  shift 4
  AYC_BENCH_FILE="$file" AYC_BENCH_PREFIX="$prefix" AYC_BENCH_MODE="$mode" AYC_BENCH_LABEL="$label" AYC_BENCH_THREADS=2 \
    timeout $((SECONDS_PER_PHASE + 30)) wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PHASE}s" --timeout 5s "$@" \
    -s "$ROOT/bench/http/scenario.lua" "http://127.0.0.1:$PORT" >"$FLOOD/$label.wrk" 2>&1 || true
}
report() {  # label
  local now peak requests
  now=$(rss_mb)
  peak=$(sort -n "$FLOOD/rss.txt" | tail -1)
  [ "${peak:-0}" -gt "$PEAK" ] && PEAK=$peak
  requests=$(grep '^RESULT|' "$FLOOD/$1.wrk" 2>/dev/null | cut -d'|' -f6 || true)
  [ -n "$requests" ] || requests=$(awk '/requests in/ {print $1}' "$FLOOD/$1.wrk")
  printf '| %s | %s | %s | %s |\n' "$1" "${requests:-?}" "$now" "$PEAK"
}
echo
echo "| phase | requests | RSS at end (MB) | highest RSS so far (MB) |"
echo "|---|---|---|---|"
flood searches "$FLOOD/requests/words.tsv" "/search?q=" list -H "User-Agent: $UA"
report searches
flood related "$FLOOD/requests/ids.tsv" "/products/" list
report related
flood autocomplete "$FLOOD/requests/prefixes.tsv" "/autocomplete?q=" list
report autocomplete
timeout $((SECONDS_PER_PHASE + 30)) wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PHASE}s" -s "$FLOOD/click.lua" \
  "http://127.0.0.1:$PORT" >"$FLOOD/clicks.wrk" 2>&1 || true
report clicks
echo
metrics="$(curl -sf "http://127.0.0.1:$PORT/metrics" || true)"
echo "$metrics" | grep -E '^ayurvedacart_(cache_bytes|postings_cache_bytes|search_log_(queue_bytes|spool_bytes|dropped_rows_total|spooled_rows_total)|http_rejected)' || true
SPOOL_DISK=$(du -sm "$FLOOD/spool" | cut -f1)
echo
say "highest RSS $PEAK MB against a bound of $BOUND MB; spool on disk $SPOOL_DISK MB (at most $SPOOL_MB)"
echo "command: bench/flood.sh $SECONDS_PER_PHASE (flags: ${FLAGS[*]})"
[ "$PEAK" -le "$BOUND" ] && [ "$SPOOL_DISK" -le $((SPOOL_MB + 1)) ] || die "the server went past its bound"
