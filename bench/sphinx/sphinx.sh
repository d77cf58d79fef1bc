#!/usr/bin/env bash
# Sphinx 2.2 (Debian's sphinxsearch 2.2.11) as a peer: its indexing time and
# its search throughput on the same queries, for ratios measured in one run.
#
#   bench/sphinx/sphinx.sh PG_URL QUERIES_FILE [SECONDS]
#
#   PG_URL        the database our indexer reads (postgresql://user[:password]@host:port/db)
#   QUERIES_FILE  one query a line, "text<TAB>anything": e.g. the all-distinct list
#                 bench/http/run.sh leaves in var/bench-http/requests/distinct.tsv
#   SECONDS       length of each measured load run (default 10)
#
# Installs sphinxsearch if missing (apt-get, as root), and builds the load
# driver ayurvedacart-sphinxql-bench (bench/sphinx/sphinxql_bench.cpp; needs
# libmariadb-dev, installed too) in the build directory of AYC_BENCH_BIN
# (default build-bench/bin) when it is not there. Then:
#   1. writes sphinx.conf (source: bench/sphinx/products.sql, the active
#      products with the text our indexer indexes; stem_en) in
#      AYC_SPHINX_WORK (default var/bench-sphinx),
#   2. times `indexer --all` (wall seconds, docs/s, peak RSS by /usr/bin/time),
#   3. starts searchd on 127.0.0.1:AYC_SPHINX_PORT (default 19306, SphinxQL),
#      warms it up for 3 s, and runs the driver with AYC_BENCH_CONNECTIONS
#      (default 64) connections for SECONDS: the best 10 (Sphinx's default
#      ranker, proximity_bm25), the best 10 with brand, form, price-band and
#      category facets (what /search answers), and matching alone (ranker=none:
#      Sphinx's floor),
#   4. stops searchd (also when interrupted).
#
# Prints markdown tables in the style of bench/http/run.sh (a copy in
# AYC_SPHINX_WORK/results.md), then machine-readable lines for other scripts:
#   SPHINX_INDEX_SECONDS= SPHINX_INDEX_CPU_SECONDS= SPHINX_INDEX_DOCS= SPHINX_INDEX_DOCS_PER_SECOND=
#   SPHINX_INDEX_PEAK_RSS_MIB= SPHINX_INDEX_DISK_MIB=
#   SPHINX_SEARCH_RPS= SPHINX_SEARCH_P50_MS= SPHINX_SEARCH_P99_MS= SPHINX_SEARCH_EMPTY_PERCENT=
#   SPHINX_SEARCH_CPU_US= (searchd CPU per query, µs)
#   SPHINX_FACETS_RPS= SPHINX_FACETS_P50_MS= SPHINX_FACETS_P99_MS=
#   SPHINX_UNRANKED_RPS= SPHINX_UNRANKED_P99_MS= SPHINX_SEARCHD_PEAK_RSS_MIB=
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/scripts/lib.sh"
HERE="$ROOT/bench/sphinx"

[ $# -ge 2 ] || die "usage: $0 PG_URL QUERIES_FILE [SECONDS]"
PG_URL="$1" QUERIES="$2" SECONDS_PER_RUN="${3:-10}"
CONNECTIONS="${AYC_BENCH_CONNECTIONS:-64}"
BIN="${AYC_BENCH_BIN:-$ROOT/build-bench/bin}"
WORK="${AYC_SPHINX_WORK:-$ROOT/var/bench-sphinx}"
SQL_PORT="${AYC_SPHINX_PORT:-19306}"
DRIVER="$BIN/ayurvedacart-sphinxql-bench"
[ -s "$QUERIES" ] || die "no queries in '$QUERIES'"
[[ "$SECONDS_PER_RUN" =~ ^[1-9][0-9]*$ ]] || die "SECONDS must be a positive number, got '$SECONDS_PER_RUN'"

# --- tools ----------------------------------------------------------------------
apt_install() {
  [ "$(id -u)" = 0 ] || die "$* missing: install it (apt-get install $*) or run as root"
  say "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null; }
}
[ -x /usr/bin/indexer ] && [ -x /usr/bin/searchd ] || apt_install sphinxsearch
[ -x /usr/bin/time ] || apt_install time
if [ ! -x "$DRIVER" ]; then
  pkg-config --exists libmariadb || apt_install libmariadb-dev
  build="$(dirname "$BIN")"
  say "building ayurvedacart-sphinxql-bench in $build"
  if [ -f "$build/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$build" >/dev/null  # again, so it finds libmariadb
  else
    cmake -S "$ROOT" -B "$build" -DCMAKE_BUILD_TYPE=Release -DAYC_BUILD_TESTS=OFF >/dev/null
  fi
  cmake --build "$build" -j2 --target ayurvedacart-sphinxql-bench >/dev/null
fi

# --- sphinx.conf from the database ------------------------------------------------
# Sphinx's pgsql source wants host, port, user and database apart: ask
# PostgreSQL (a URL, a key=value string or PG* variables all work), the
# password comes from the URL or PGPASSWORD.
IFS='|' read -r PG_USER PG_DB PG_PORT PG_HOST < <(psql "$PG_URL" -XtA -v ON_ERROR_STOP=1 -c \
  "SELECT current_user, current_database(), current_setting('port'),
          COALESCE(host(inet_server_addr()), split_part(current_setting('unix_socket_directories'), ',', 1))") \
  || die "cannot reach PostgreSQL at $PG_URL"
PG_PASS="$(sed -n 's|^postgres[a-z]*://[^:/@]*:\([^@]*\)@.*|\1|p' <<<"$PG_URL")"
PG_PASS="${PG_PASS:-${PGPASSWORD:-}}"

searchd_stop() {
  [ -f "$WORK/sphinx.conf" ] || return 0
  if [ -f "$WORK/searchd.pid" ] && kill -0 "$(cat "$WORK/searchd.pid")" 2>/dev/null; then
    searchd --config "$WORK/sphinx.conf" --stopwait >/dev/null 2>&1 || kill "$(cat "$WORK/searchd.pid")" 2>/dev/null || true
  fi
}
searchd_stop  # one left over from an interrupted run
trap searchd_stop EXIT
rm -rf "$WORK" && mkdir -p "$WORK/data"

# The query on continued lines, its comments dropped.
sql_query="$(grep -v '^[[:space:]]*--' "$HERE/products.sql" | sed 's/[[:space:]]*$//; $!s/$/ \\/')"
install -m 600 /dev/null "$WORK/sphinx.conf"
cat >"$WORK/sphinx.conf" <<CONF
# Written by bench/sphinx/sphinx.sh; the query is bench/sphinx/products.sql.
source products
{
  type = pgsql
  sql_host = $PG_HOST
  sql_port = $PG_PORT
  sql_user = $PG_USER
  sql_pass = $PG_PASS
  sql_db = $PG_DB
  sql_query = \\
$sql_query

  sql_field_string = name
  sql_attr_bigint = brand_id
  sql_attr_string = form
  sql_attr_float = price
  sql_attr_multi = bigint category_ids from query; \\
    SELECT ('x' || left(md5(pc.product_id::text), 15))::bit(60)::bigint, \\
           ('x' || left(md5(pc.category_id::text), 15))::bit(60)::bigint \\
    FROM product_categories pc JOIN products p ON p.id = pc.product_id WHERE p.status = 'active'
}

index products
{
  source = products
  path = $WORK/data/products
  docinfo = extern
  morphology = stem_en
  min_word_len = 2
  # Latin letters and digits, and Devanagari (without the danda), which shoppers type too.
  charset_table = 0..9, A..Z->a..z, _, a..z, U+0900..U+0963, U+0966..U+097F
  html_strip = 0
}

indexer
{
  # 512 MiB of sort buffers: fewer merge passes than the 128 MiB default.
  mem_limit = 512M
}

searchd
{
  listen = 127.0.0.1:$SQL_PORT:mysql41
  log = $WORK/searchd.log
  pid_file = $WORK/searchd.pid
  binlog_path =
  workers = threads
  # The default backlog of 5 left 64 connecting clients waiting forever.
  listen_backlog = 256
  max_children = 0
  read_timeout = 5
  client_timeout = 60
  preopen_indexes = 1
}
CONF
# --checkconfig fails on the index not built yet; "config valid" is the verdict on the file.
indextool --checkconfig --config "$WORK/sphinx.conf" >"$WORK/checkconfig.out" 2>&1 || true
grep -q '^config valid' "$WORK/checkconfig.out" \
  || { cat "$WORK/checkconfig.out" >&2; die "sphinx.conf does not pass indextool --checkconfig"; }

# --- indexing -----------------------------------------------------------------------
say "Sphinx indexer (PostgreSQL -> Sphinx index)"
t0=$(date +%s.%N)
/usr/bin/time -v -o "$WORK/indexer.time" indexer --config "$WORK/sphinx.conf" --all >"$WORK/indexer.out" 2>&1 \
  || { cat "$WORK/indexer.out" >&2; die "Sphinx indexer failed"; }
t1=$(date +%s.%N)
INDEX_SECONDS="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
# The document count from the index header (the indexer's own summary line
# varies with warnings).
INDEX_DOCS="$(indextool --dumpheader products --config "$WORK/sphinx.conf" 2>/dev/null \
  | sed -n 's/^total-documents: \([0-9]*\).*/\1/p')"
INDEX_RSS_MIB=$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/indexer.time") / 1024 ))
INDEX_CPU_SECONDS="$(awk -F': ' '/(User|System) time \(seconds\)/ { t += $2 } END { printf "%.1f", t }' "$WORK/indexer.time")"
INDEX_DISK_MIB="$(du -sm "$WORK/data" | cut -f1)"
grep -i 'warning' "$WORK/indexer.out" >&2 || true
[ -n "$INDEX_DOCS" ] && [ "$INDEX_DOCS" -gt 0 ] || { cat "$WORK/indexer.out" >&2; die "Sphinx indexed no documents"; }
INDEX_RATE="$(awk -v n="$INDEX_DOCS" -v s="$INDEX_SECONDS" 'BEGIN { printf "%.0f", n / s }')"
say "Sphinx indexed $INDEX_DOCS documents in $INDEX_SECONDS s ($INDEX_RATE docs/s, peak RSS $INDEX_RSS_MIB MiB, $INDEX_DISK_MIB MiB on disk)"

# --- search -------------------------------------------------------------------------
searchd --config "$WORK/sphinx.conf" >"$WORK/searchd.out" 2>&1 || { cat "$WORK/searchd.out" >&2; die "searchd did not start"; }
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$SQL_PORT") 2>/dev/null && break
  sleep 0.1
done
SEARCHD_PID="$(cat "$WORK/searchd.pid")"
NQ="$(wc -l <"$QUERIES")"
RESULTS="$WORK/results.txt"
: >"$RESULTS"
: >"$WORK/cpu.txt"
# Where the CPU went, per answered query: searchd's, and the driver's (64
# blocking threads cost more client CPU than wrk's event loop does).
CLK_TCK="$(getconf CLK_TCK)"
searchd_ticks() { cut -d' ' -f14,15 "/proc/$SEARCHD_PID/stat" | awk '{ print $1 + $2 }'; }
load() {  # key, label, seconds, driver flags...
  local key="$1" label="$2" seconds="$3" ticks0; shift 3
  ticks0="$(searchd_ticks)"
  /usr/bin/time -f '%U %S' -o "$WORK/$key.client-cpu" \
    "$DRIVER" --port "$SQL_PORT" --queries "$QUERIES" --connections "$CONNECTIONS" --seconds "$seconds" \
    --label "$label" "$@" >"$WORK/$key.out" 2>"$WORK/$key.err" || { cat "$WORK/$key.err" >&2; die "the driver failed on '$label'"; }
  [ "$key" = warmup ] && return 0
  sed "s/^RESULT|/$key|/" "$WORK/$key.out" >>"$RESULTS"
  awk -v key="$key" -v t="$(( $(searchd_ticks) - ticks0 ))" -v tck="$CLK_TCK" -v n="$(cut -d'|' -f6 "$WORK/$key.out")" \
    '{ printf "%s|%.0f|%.0f\n", key, t * 1e6 / tck / n, ($1 + $2) * 1e6 / n }' "$WORK/$key.client-cpu" >>"$WORK/cpu.txt"
  say "$(tail -1 "$RESULTS"); $(cat "$WORK/$key.err")"
}
load warmup "warm-up" 3
load best10 "Sphinx searchd, all-distinct queries ($NQ), best 10 (SphinxQL)" "$SECONDS_PER_RUN"
load facets "Sphinx searchd, all-distinct queries ($NQ), best 10 + total + facets (SphinxQL)" "$SECONDS_PER_RUN" --facets
load unranked "Sphinx searchd, all-distinct queries ($NQ), any 10, no ranking (ranker=none)" "$SECONDS_PER_RUN" \
  --option ranker=none
SEARCHD_RSS_MIB=$(( $(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$SEARCHD_PID/status") / 1024 ))
EMPTY_PERCENT="$(sed -n 's/.*(\([0-9]*\)%).*/\1/p' "$WORK/best10.err")"
searchd_stop

# --- report -------------------------------------------------------------------------
field() { awk -F'|' -v k="$1" -v f="$2" '$1 == k { print $f }' "$RESULTS"; }
{
  echo "| indexer | seconds | CPU seconds | documents | documents/s | peak RSS MiB | index MiB on disk |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| Sphinx indexer 2.2.11 (PostgreSQL -> index, stem_en, mem_limit 512M) | $INDEX_SECONDS | $INDEX_CPU_SECONDS |" \
       "$INDEX_DOCS | $INDEX_RATE | $INDEX_RSS_MIB | $INDEX_DISK_MIB |"
  echo
  echo "| scenario | requests/s | p50 ms | p99 ms | requests | non-2xx | socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  awk -F'|' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8 }' "$RESULTS"
  echo
  echo "| scenario | searchd CPU µs / query | driver CPU µs / query |"
  echo "|---|---:|---:|"
  awk -F'|' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }' "$WORK/cpu.txt"
  echo
  echo "Sphinx finds nothing for ${EMPTY_PERCENT}% of these queries (every word must match; no synonyms or typo tolerance); searchd peak RSS $SEARCHD_RSS_MIB MiB."
  echo "ayurvedacart-sphinxql-bench: $CONNECTIONS connections (a thread each) for ${SECONDS_PER_RUN}s; searchd workers = threads; client, searchd and PostgreSQL share $(nproc) CPUs."
  echo
  echo "SPHINX_INDEX_SECONDS=$INDEX_SECONDS"
  echo "SPHINX_INDEX_CPU_SECONDS=$INDEX_CPU_SECONDS"
  echo "SPHINX_INDEX_DOCS=$INDEX_DOCS"
  echo "SPHINX_INDEX_DOCS_PER_SECOND=$INDEX_RATE"
  echo "SPHINX_INDEX_PEAK_RSS_MIB=$INDEX_RSS_MIB"
  echo "SPHINX_INDEX_DISK_MIB=$INDEX_DISK_MIB"
  echo "SPHINX_SEARCH_RPS=$(field best10 3)"
  echo "SPHINX_SEARCH_P50_MS=$(field best10 4)"
  echo "SPHINX_SEARCH_P99_MS=$(field best10 5)"
  echo "SPHINX_SEARCH_EMPTY_PERCENT=$EMPTY_PERCENT"
  echo "SPHINX_SEARCH_CPU_US=$(awk -F'|' '$1 == "best10" { print $2 }' "$WORK/cpu.txt")"
  echo "SPHINX_FACETS_RPS=$(field facets 3)"
  echo "SPHINX_FACETS_P50_MS=$(field facets 4)"
  echo "SPHINX_FACETS_P99_MS=$(field facets 5)"
  echo "SPHINX_UNRANKED_RPS=$(field unranked 3)"
  echo "SPHINX_UNRANKED_P99_MS=$(field unranked 5)"
  echo "SPHINX_SEARCHD_PEAK_RSS_MIB=$SEARCHD_RSS_MIB"
} | tee "$WORK/results.md"
