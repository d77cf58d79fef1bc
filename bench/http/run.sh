#!/usr/bin/env bash
# HTTP benchmark: ayurvedacart-server under wrk against PostgreSQL full-text
# search under pgbench, on a generated catalogue (default 100,000 products).
#
#   bench/http/run.sh [products]
#
# Needs a Release build in build-bench/ (or AYC_BENCH_BIN=dir):
#   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DAYC_BUILD_TESTS=OFF
#   cmake --build build-bench -j2 --target ayurvedacart-server ayurvedacart-indexer ayurvedacart-datagen
#
# Uses the private cluster .pgbench/ (port 54349, database ayurvedacart_bench)
# shared with bench/indexer_bench.sh: the catalogue there is reused when it has
# the right number of products, otherwise regenerated (datagen --reset). Builds
# an index generation in var/bench-http/index, starts the server (--threads 2)
# on 127.0.0.1 and runs every scenario for a fixed time (AYC_BENCH_SECONDS,
# default 10) with AYC_BENCH_CONNECTIONS (default 64) connections. The machine
# is shared and noisy, so every row is also given as a ratio to a baseline
# measured in the same run. Prints one markdown table; a copy goes to
# var/bench-http/results.md. Stops the server, and PostgreSQL if it started it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/scripts/lib.sh"
source "$ROOT/bench/lib.sh"
HERE="$ROOT/bench/http"

N="${1:-100000}"
BIN="${AYC_BENCH_BIN:-$ROOT/build-bench/bin}"
SECONDS_PER_RUN="${AYC_BENCH_SECONDS:-10}"
CONNECTIONS="${AYC_BENCH_CONNECTIONS:-64}"
CLIENT_THREADS="${AYC_BENCH_CLIENT_THREADS:-2}"
WORK="$ROOT/var/bench-http"
export AYC_PG_DIR="$ROOT/.pgbench" AYC_PG_PORT="${AYC_BENCH_PG_PORT:-54349}" AYC_PG_DB=ayurvedacart_bench
PG_URL="postgresql://postgres@127.0.0.1:$AYC_PG_PORT/$AYC_PG_DB"
# Nothing listens on port 1: the server's search log cannot reach PostgreSQL.
UNREACHABLE_PG="postgresql://postgres@127.0.0.1:1/none?connect_timeout=1"

for exe in ayurvedacart-server ayurvedacart-indexer ayurvedacart-datagen; do
  [ -x "$BIN/$exe" ] || die "$BIN/$exe missing: build it first (see the top of $0)"
done
for tool in wrk pgbench curl psql; do command -v "$tool" >/dev/null || die "$tool is not installed (scripts/setup.sh)"; done
if ! [[ "$N" =~ ^[1-9][0-9]*$ ]]; then die "products must be a positive number, got '$N'"; fi

psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$AYC_PG_PORT" -U postgres -d "$AYC_PG_DB" "$@"; }

started_pg=0
"$ROOT/scripts/pg.sh" status >/dev/null 2>&1 || started_pg=1
source "$HERE/server.sh"
cleanup() {
  server_stop
  psql_bench -c 'DROP TABLE IF EXISTS bench_http_queries' >/dev/null 2>&1 || true
  if [ "$started_pg" = 1 ]; then "$ROOT/scripts/pg.sh" stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# --- catalogue ---------------------------------------------------------------
"$ROOT/scripts/pg.sh" start >/dev/null
bench_catalogue "$BIN" "$N" "$PG_URL"

# Every run starts with search_logs holding the catalogue's own rows only: the
# rows earlier runs logged (~600,000 a run, from 127.0.0.1 without a user
# agent) would make each run's logging dearer than the last one's (the table's
# four indexes outgrew PostgreSQL's buffers at ~8 million rows) and set
# autovacuum working during the measurements.
psql_bench >/dev/null <<'SQL'
BEGIN;
CREATE TEMP TABLE catalogue_search_logs ON COMMIT DROP AS
  SELECT * FROM search_logs WHERE NOT (ip_address = '127.0.0.1' AND user_agent IS NULL);
TRUNCATE search_logs;
INSERT INTO search_logs SELECT * FROM catalogue_search_logs;
COMMIT;
ANALYZE search_logs;
SQL
say "search_logs reset to the catalogue's $(psql_bench -tAc 'SELECT count(*) FROM search_logs') rows"

# The index is reused when the catalogue was (and it was built from N products);
# AYC_BENCH_REINDEX=1 forces a new one.
mkdir -p "$WORK"
rm -rf "$WORK/requests" "$WORK/pgbench" "$WORK/spool" "$WORK"/*.wrk "$WORK"/*.log
mkdir -p "$WORK/requests" "$WORK/pgbench"
current="$(cat "$WORK/index/CURRENT" 2>/dev/null || true)"
indexed="$(sed -n 's/^products=//p' "$WORK/index/$current/MANIFEST" 2>/dev/null || true)"
# A generation of an older index format cannot be served: rebuild it.
format="$(sed -n 's/^format_version=//p' "$WORK/index/$current/MANIFEST" 2>/dev/null || true)"
want_format="$(sed -n 's/.*kIndexFormatVersion = \([0-9]*\);.*/\1/p' "$ROOT/index/index_schema.h")"
if [ "$BENCH_CATALOGUE_REUSED" = 1 ] && [ "$indexed" = "$N" ] && [ "$format" = "$want_format" ] && [ "${AYC_BENCH_REINDEX:-0}" != 1 ]; then
  say "reusing the index $WORK/index/$current"
  echo "index $current reused (built earlier from these $N products)" >"$WORK/indexer.out"
else
  say "building the index"
  rm -rf "$WORK/index"
  "$BIN/ayurvedacart-indexer" --pg "$PG_URL" --index-dir "$WORK/index" --progress=never | tail -1 | tee "$WORK/indexer.out"
fi

# --- request lists from the catalogue and reference data ----------------------
for list in repeated combinations autocomplete related; do
  psql_bench -c "COPY ($(bench_list_sql "$list")) TO STDOUT" >"$WORK/requests/$list.tsv"
done
printf '\t\n' >"$WORK/requests/healthz.tsv"
bench_distinct_lists "$PG_URL" "$WORK/requests"
NQ=$(wc -l <"$WORK/requests/distinct.tsv")
NC=$(wc -l <"$WORK/requests/combinations.tsv")
psql_bench <<SQL
DROP TABLE IF EXISTS bench_http_queries;
CREATE TABLE bench_http_queries (list integer NOT NULL, id integer NOT NULL, q text NOT NULL, PRIMARY KEY (list, id));
CREATE TEMP TABLE raw_queries (q text, suffix text);
\copy raw_queries FROM '$WORK/requests/distinct.tsv'
INSERT INTO bench_http_queries SELECT 1, row_number() OVER (), q FROM raw_queries;
TRUNCATE raw_queries;
\copy raw_queries FROM '$WORK/requests/combinations.tsv'
INSERT INTO bench_http_queries SELECT 2, row_number() OVER (), q FROM raw_queries;
ANALYZE bench_http_queries;
SQL
# The same all-distinct queries, answered by PostgreSQL's own full-text search
# on the seed's GIN index (the expression must match it to use it): the best
# 10 alone, and the whole search page /search answers (best 10, total, and
# brand, form, price and category facet counts).
cat >"$WORK/fts.sql" <<'SQL'
\set i random(1, :nq)
SELECT p.id, p.name, ts_rank(to_tsvector('english', p.name || ' ' || COALESCE(p.description, '')), x.tsq) AS rank
FROM products p, (SELECT plainto_tsquery('english', q) AS tsq FROM bench_http_queries WHERE list = :list AND id = :i) x
WHERE p.status = 'active' AND to_tsvector('english', p.name || ' ' || COALESCE(p.description, '')) @@ x.tsq
ORDER BY rank DESC LIMIT 10;
SQL
cat >"$WORK/fts-page.sql" <<'SQL'
\set i random(1, :nq)
WITH m AS MATERIALIZED (
  SELECT p.id, p.name, p.brand_id, p.form, p.selling_price,
         ts_rank(to_tsvector('english', p.name || ' ' || COALESCE(p.description, '')), x.tsq) AS rank
  FROM products p, (SELECT plainto_tsquery('english', q) AS tsq FROM bench_http_queries WHERE list = :list AND id = :i) x
  WHERE p.status = 'active' AND to_tsvector('english', p.name || ' ' || COALESCE(p.description, '')) @@ x.tsq)
SELECT (SELECT count(*) FROM m) AS total,
       (SELECT json_agg(t) FROM (SELECT id, name FROM m ORDER BY rank DESC LIMIT 10) t) AS page,
       (SELECT json_agg(t) FROM (SELECT brand_id, count(*) FROM m GROUP BY 1 ORDER BY 2 DESC LIMIT 20) t) AS brands,
       (SELECT json_agg(t) FROM (SELECT form, count(*) FROM m GROUP BY 1 ORDER BY 2 DESC LIMIT 20) t) AS forms,
       (SELECT json_agg(t) FROM (SELECT width_bucket(selling_price, ARRAY[250, 500, 1000, 2000]::numeric[]) AS band,
                                        count(*) FROM m GROUP BY 1) t) AS prices,
       (SELECT json_agg(t) FROM (SELECT pc.category_id, count(*) FROM m JOIN product_categories pc ON pc.product_id = m.id
                                 GROUP BY 1 ORDER BY 2 DESC LIMIT 20) t) AS categories;
SQL
psql_bench -c "EXPLAIN $(sed -e '1d' -e 's/:i/1/' -e 's/:list/1/' "$WORK/fts.sql")" >"$WORK/fts.explain"
grep -q 'idx_products_search' "$WORK/fts.explain" || say "warning: the FTS query does not use idx_products_search (see $WORK/fts.explain)"
# How many of the queries PostgreSQL's FTS answers with nothing (no synonyms,
# no other names of a herb, no typo tolerance): context for its speed.
pg_empty() {  # list (1 all-distinct, 2 combinations): percent of its first 5,000 strings
  psql_bench -tAc "SELECT round(100.0 * count(*) FILTER (WHERE NOT EXISTS (
    SELECT 1 FROM products p WHERE p.status = 'active'
      AND to_tsvector('english', p.name || ' ' || COALESCE(p.description, '')) @@ plainto_tsquery('english', b.q)))
    / count(*)) FROM bench_http_queries b WHERE b.list = $1 AND b.id <= 5000"
}
PG_EMPTY="$(pg_empty 1)"
PG_EMPTY_COMBINATIONS="$(pg_empty 2)"

# --- server and scenarios -------------------------------------------------------
start_server() {  # $1 = --pg URL, then extra flags
  local pg="$1"; shift
  server_start "$BIN" "$WORK/server.log" "$WORK/spool" "$pg" "$@"
}

RESULTS="$WORK/results.txt"
: >"$RESULTS"
scenario() {  # key, label, request list, path prefix, mode [, seconds]
  local key="$1" label="$2" list="$3" prefix="$4" mode="$5" seconds="${6:-$SECONDS_PER_RUN}"
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server is not running (before '$label')"; }
  AYC_BENCH_FILE="$WORK/requests/$list.tsv" AYC_BENCH_PREFIX="$prefix" AYC_BENCH_MODE="$mode" AYC_BENCH_LABEL="$label" \
    AYC_BENCH_THREADS="$CLIENT_THREADS" \
    timeout $((seconds + 30)) wrk -t"$CLIENT_THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s \
    -s "$HERE/scenario.lua" "http://127.0.0.1:$PORT" >"$WORK/$list-$mode.wrk" 2>&1 || true
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server died during '$label'"; }
  [ "$seconds" -lt "$SECONDS_PER_RUN" ] && return 0  # a warm-up
  grep '^RESULT|' "$WORK/$list-$mode.wrk" | sed "s/^RESULT|/$key|/" >>"$RESULTS" || { cat "$WORK/$list-$mode.wrk" >&2; die "wrk failed on '$label'"; }
  say "$(tail -1 "$RESULTS")"
}

say "server with search_logs written to PostgreSQL"
start_server "$PG_URL"
scenario warmup "warm-up" warmup "/search?q=" list 3
scenario healthz "/healthz (this machine's ceiling)" healthz "/healthz" list
scenario autocomplete "/autocomplete, prefixes typed letter by letter" autocomplete "/autocomplete?q=" prefixes
scenario repeated "/search, repeated queries (Zipf over $(wc -l <"$WORK/requests/repeated.tsv"), 20% filtered)" repeated "/search?q=" zipf
scenario distinct "/search, all-distinct queries ($NQ)" distinct "/search?q=" list
scenario combinations "/search, combination list ($NC, second reading)" combinations "/search?q=" list
scenario related "/products/{slug}/related" related "/products/" list
log_metrics() {  # "written W, spooled S, dropped D" of the running server's search log
  curl -s "http://127.0.0.1:$PORT/metrics" | awk '
    /^ayurvedacart_search_log_written_rows_total / { w = $2 }
    /^ayurvedacart_search_log_spooled_rows_total / { s = $2 }
    /^ayurvedacart_search_log_dropped_rows_total / { d = $2 }
    END { printf "written %s, spooled %s, dropped %s", w, s, d }'
}
logged_before="$(log_metrics)"
server_stop

pg_scenario() {  # key, label, pgbench script, list (1 all-distinct, 2 combinations), its length
  local key="$1" label="$2" script="$3" list="$4" nq="$5" name
  name="$(basename "$script" .sql)-$list"
  timeout $((SECONDS_PER_RUN + 60)) pgbench -h 127.0.0.1 -p "$AYC_PG_PORT" -U postgres -n -M prepared \
    -c "$CONNECTIONS" -j "$CLIENT_THREADS" -T "$SECONDS_PER_RUN" -D nq="$nq" -D list="$list" -f "$script" \
    -l --log-prefix="$WORK/pgbench/$name" "$AYC_PG_DB" >"$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out" >&2; die "pgbench failed"; }
  local tps failed
  tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/$name.out" | tail -1)"
  failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/$name.out")"
  cat "$WORK/pgbench/$name".* | awk '{print $3}' | sort -n | awk -v tps="$tps" -v failed="${failed:-0}" -v key="$key" -v label="$label" '
    { v[NR] = $1 } END {
      p50 = v[int(NR * 0.50 + 0.999)]; p99 = v[int(NR * 0.99 + 0.999)];
      printf "%s|%s|%.0f|%.2f|%.2f|%d|%d|0\n", key, label, tps, p50 / 1000, p99 / 1000, NR, failed }' >>"$RESULTS"
  say "$(tail -1 "$RESULTS")"
}
say "PostgreSQL full-text search (pgbench, same queries, $CONNECTIONS clients)"
pg_scenario pg_best10 "PostgreSQL FTS, all-distinct queries, best 10 (pgbench)" "$WORK/fts.sql" 1 "$NQ"
pg_scenario pg_page "PostgreSQL FTS, all-distinct queries, best 10 + total + facets (pgbench)" "$WORK/fts-page.sql" 1 "$NQ"
pg_scenario pg_combinations "PostgreSQL FTS, combination list, best 10 + total + facets (pgbench)" "$WORK/fts-page.sql" 2 "$NC"

# Logging on against off: one noisy pair of 10-second runs swung from 0.75 to
# 0.99 on this shared machine, so four sessions in the order off, on, on, off
# (a drift of the machine's speed during them cancels out) and their totals.
# Each session also reports where the CPU went: the server's per search, and
# PostgreSQL's (every process of the cluster: the backend writing the rows,
# WAL writer, checkpointer, autovacuum) per row the server wrote meanwhile.
CLK_TCK="$(getconf CLK_TCK)"
cpu_ticks() {  # utime + stime of the given pids
  local pid total=0 fields
  for pid in "$@"; do
    fields="$(cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null)" || continue
    total=$((total + ${fields% *} + ${fields#* }))
  done
  echo "$total"
}
pg_ticks() {
  local postmaster
  postmaster="$(head -1 "$AYC_PG_DIR/data/postmaster.pid")"
  # shellcheck disable=SC2046
  cpu_ticks "$postmaster" $(pgrep -P "$postmaster")
}
written_rows() { curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^ayurvedacart_search_log_written_rows_total / { print $2 }'; }
COSTS="$WORK/costs.txt"
: >"$COSTS"
log_session() {  # off|on, round
  local key="log_$1_$2" server0 pg0 rows0 requests
  if [ "$1" = off ]; then
    start_server "$UNREACHABLE_PG" --log-queue-size 100000000
  else
    start_server "$PG_URL"
  fi
  scenario warmup "warm-up" warmup "/search?q=" list 3
  sleep 1  # the warm-up's rows are written
  server0="$(cpu_ticks "$SERVER_PID")" pg0="$(pg_ticks)" rows0="$(written_rows)"
  if [ "$1" = off ]; then
    scenario "$key" "/search, all-distinct, search log NOT written (PostgreSQL unreachable), round $2" distinct "/search?q=" list
  else
    scenario "$key" "/search, all-distinct, search log written to PostgreSQL (again), round $2" distinct "/search?q=" list
  fi
  requests="$(tail -1 "$RESULTS" | cut -d'|' -f6)"
  echo "$key|$requests|$(( $(cpu_ticks "$SERVER_PID") - server0 ))|$(( $(pg_ticks) - pg0 ))|$(( $(written_rows) - rows0 ))" >>"$COSTS"
  if [ "$1" = off ]; then
    logged_off="${logged_off:+$logged_off; }$(log_metrics)"
    server_stop
    rm -rf "$WORK/spool"  # rows the logging-off server spooled at shutdown are not search history
  else
    logged_after="${logged_after:+$logged_after; }$(log_metrics)"
    server_stop
  fi
}
say "servers without PostgreSQL logging (--pg unreachable, rows held in memory) and with it, alternately"
logged_off="" logged_after=""
log_session off 1
log_session on 1
log_session on 2
log_session off 2

say "server with the answer cache off (every /autocomplete and /related computed)"
start_server "$PG_URL" --response-cache-entries 0
scenario warmup "warm-up" related "/products/" list 3
scenario autocomplete_uncached "/autocomplete, letter by letter, answer cache off" autocomplete "/autocomplete?q=" prefixes
scenario related_uncached "/products/{slug}/related, answer cache off" related "/products/" list
server_stop

# --- the table ------------------------------------------------------------------
{
  echo "| scenario | requests/s | p50 ms | p99 ms | requests | non-2xx | socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  awk -F'|' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8 }' "$RESULTS"
  echo
  awk -F'|' '
    { rps[$1] = $3; p99[$1] = $5 }
    function ratio(name, a, b, target, ok) {
      printf "| %s | %.2f | %s | %s |\n", name, a / b, target, ok ? "met" : "NOT met" }
    function fast(a, b) { return rps[a] / rps[b] >= 20 && p99[a] < 20 }
    END {
      print "| ratio (same run) | value | target | |"; print "|---|---:|---|---|"
      ratio("autocomplete / healthz", rps["autocomplete"], rps["healthz"], ">= 0.50", rps["autocomplete"] / rps["healthz"] >= 0.5)
      ratio("related / healthz", rps["related"], rps["healthz"], ">= 0.50", rps["related"] / rps["healthz"] >= 0.5)
      ratio("autocomplete, answer cache off / healthz", rps["autocomplete_uncached"], rps["healthz"], "(>= 0.50)",
            rps["autocomplete_uncached"] / rps["healthz"] >= 0.5)
      ratio("related, answer cache off / healthz", rps["related_uncached"], rps["healthz"], "(>= 0.50)",
            rps["related_uncached"] / rps["healthz"] >= 0.5)
      ratio("search-distinct / PostgreSQL FTS best 10", rps["distinct"], rps["pg_best10"], ">= 20 with p99 < 20 ms",
            fast("distinct", "pg_best10"))
      ratio("search-distinct / PostgreSQL FTS page with facets", rps["distinct"], rps["pg_page"], ">= 20 with p99 < 20 ms",
            fast("distinct", "pg_page"))
      ratio("combination list: search / PostgreSQL FTS page with facets", rps["combinations"], rps["pg_combinations"],
            "(>= 20 with p99 < 20 ms)", fast("combinations", "pg_combinations"))
      on = rps["log_on_1"] + rps["log_on_2"]; off = rps["log_off_1"] + rps["log_off_2"]
      ratio(sprintf("search-distinct logging on / off (both rounds; round 1 %.2f, round 2 %.2f)",
                    rps["log_on_1"] / rps["log_off_1"], rps["log_on_2"] / rps["log_off_2"]),
            on, off, ">= 0.90 (logging costs < 10%)", on / off >= 0.9)
    }' "$RESULTS"
  echo
  echo "| logging session | searches | server CPU µs / search | rows written | PostgreSQL CPU µs / row written |"
  echo "|---|---:|---:|---:|---:|"
  awk -F'|' -v tck="$CLK_TCK" '{
    per_row = ($5 > 0) ? sprintf("%.1f", $4 * 1e6 / tck / $5) : "-"
    printf "| %s | %d | %.0f | %d | %s |\n", $1, $2, $3 * 1e6 / tck / $2, $5, per_row }' "$COSTS"
  echo
  echo "Catalogue: $N products; $(cat "$WORK/indexer.out")"
  echo "PostgreSQL FTS finds no product for ${PG_EMPTY}% of the all-distinct queries and ${PG_EMPTY_COMBINATIONS}% of the combination list (first 5,000 of each; no synonyms, other names of a herb or typo tolerance)."
  echo "Machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), shared; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "wrk -t$CLIENT_THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s; pgbench -c $CONNECTIONS -j $CLIENT_THREADS -T $SECONDS_PER_RUN -M prepared; server --threads 2; client, server and PostgreSQL share the same CPUs."
  echo "Search log rows (from /metrics before each stop): logging server, first session: $logged_before; logging-off servers: $logged_off; logging servers, last sessions: $logged_after."
} | tee "$WORK/results.md"
