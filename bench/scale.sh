#!/usr/bin/env bash
# Scale benchmark: the same binaries on a 100,000- and a 1,000,000-product
# catalogue, side by side in one run, printed as the scale target table:
#
#   1. full run with recommendations at 100k and at 1M: seconds, products/s,
#      peak RSS (/usr/bin/time), index size on disk;
#   2. all-distinct /search under wrk -c64 at 100k and at 1M, default server
#      flags (--threads 2): requests/s, p99, server RSS after the run; the 1M
#      figure as a ratio to the 100k one. No string is asked twice: a run
#      that would ask more than the list holds (at 100k, 10 s ask more than
#      its 83,000 strings) is measured again for a shorter time;
#   3. an incremental run on the 1M index after 1,000 products changed:
#      seconds, bytes written (the indexer's write_bytes), and how long after
#      it ends the running server answers from the new generation;
#   4. Sphinx 2.2 (Debian's sphinxsearch) on the 100k catalogue as a peer:
#      indexing time and search throughput on the same query strings
#      (bench/sphinx/sphinx.sh), when that script is present.
#
#   bench/scale.sh                   (needs a Release build, see below)
#   AYC_SCALE_SIZES="100000" bench/scale.sh     one size only (no 1M rows)
#   AYC_SCALE_STEPS="incremental" bench/scale.sh    some steps only (of "full
#       search incremental sphinx"), on the indexes a full step left
#
# Build first:
#   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DAYC_BUILD_TESTS=OFF
#   cmake --build build-bench -j2 --target ayurvedacart-server ayurvedacart-indexer ayurvedacart-datagen
#
# Catalogues live in the bench cluster (.pgbench/, port 54349) as databases
# ayurvedacart_100k and ayurvedacart_1m, generated once (datagen --seed 1;
# the 1M one takes 10-17 minutes) and reused while they hold the right
# number of products. Work files: var/scale/. AYC_BENCH_BIN, AYC_BENCH_SECONDS
# (10), AYC_SCALE_WORK override the defaults; AYC_SCALE_SERVER_FLAGS adds
# flags to the searching server (the table's rows say "default flags" only
# without it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
source "$ROOT/bench/lib.sh"

BIN="${AYC_BENCH_BIN:-$ROOT/build-bench/bin}"
WORK="${AYC_SCALE_WORK:-$ROOT/var/scale}"
SECONDS_PER_RUN="${AYC_BENCH_SECONDS:-10}"
SIZES="${AYC_SCALE_SIZES:-100000 1000000}"
STEPS="${AYC_SCALE_STEPS:-full search incremental sphinx}"
step() { [[ " $STEPS " == *" $1 "* ]]; }
export AYC_PG_DIR="$ROOT/.pgbench" AYC_PG_PORT="${AYC_BENCH_PG_PORT:-54349}"
for exe in ayurvedacart-server ayurvedacart-indexer ayurvedacart-datagen; do
  [ -x "$BIN/$exe" ] || die "$BIN/$exe missing: build it first (see the top of $0)"
done
for tool in wrk curl psql; do command -v "$tool" >/dev/null || die "$tool is not installed (scripts/setup.sh)"; done
[ -x /usr/bin/time ] || die "/usr/bin/time is not installed (apt-get install time)"
mkdir -p "$WORK"
RESULTS="$WORK/results.txt"
: >"$RESULTS"
record() { echo "$1=$2" >>"$RESULTS"; say "$1 = $2"; }
value() { sed -n "s/^$1=//p" "$RESULTS" | tail -1; }

db_of() { case "$1" in 100000) echo ayurvedacart_100k ;; 1000000) echo ayurvedacart_1m ;; *) echo "ayurvedacart_$1" ;; esac; }
url_of() { echo "postgresql://postgres@127.0.0.1:$AYC_PG_PORT/$(db_of "$1")"; }

source "$ROOT/bench/http/server.sh"
cleanup() { server_stop; }
trap cleanup EXIT

# --- catalogues -----------------------------------------------------------------
catalogue() {  # products
  local n="$1"
  AYC_PG_DB="$(db_of "$n")" "$ROOT/scripts/pg.sh" start >/dev/null
  bench_catalogue "$BIN" "$n" "$(url_of "$n")"
  # The all-distinct query list of bench/http, built from this catalogue.
  bench_distinct_lists "$(url_of "$n")" "$WORK/$n"
}

# --- full run -------------------------------------------------------------------
full_run() {  # products
  local n="$1" dir="$WORK/$1"
  rm -rf "$dir/index"
  say "full run with recommendations, $n products"
  /usr/bin/time -f '%e %M' -o "$dir/full.time" "$BIN/ayurvedacart-indexer" --pg "$(url_of "$n")" \
    --index-dir "$dir/index" --keep-generations 1 --progress=never >"$dir/full.out" 2>"$dir/full.err" \
    || { tail -5 "$dir/full.err" >&2; die "the full run at $n failed"; }
  tail -1 "$dir/full.out"
  read -r secs rss_kib <"$dir/full.time"
  local gen; gen="$(cat "$dir/index/CURRENT")"
  record "full_seconds_$n" "$secs"
  record "full_products_per_s_$n" "$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')"
  record "full_peak_rss_mib_$n" "$((rss_kib / 1024))"
  record "index_mib_$n" "$(du -sm "$dir/index/$gen" | cut -f1)"
}

# --- search under load ----------------------------------------------------------
wrk_list() {  # products, list, seconds -> RESULT line
  local n="$1" list="$2" seconds="$3"
  AYC_BENCH_FILE="$WORK/$n/$list.tsv" AYC_BENCH_PREFIX="/search?q=" AYC_BENCH_MODE=list AYC_BENCH_LABEL="$list" \
    AYC_BENCH_THREADS=2 timeout $((seconds + 30)) wrk -t2 -c64 -d"${seconds}s" --timeout 5s \
    -s "$ROOT/bench/http/scenario.lua" "http://127.0.0.1:$PORT" >"$WORK/$n/$list.wrk" 2>&1 || true
  grep '^RESULT|' "$WORK/$n/$list.wrk" || { cat "$WORK/$n/$list.wrk" >&2; die "wrk failed at $n"; }
}

search_load() {  # products
  local n="$1" seconds="$SECONDS_PER_RUN" lines line asked
  lines="$(wc -l <"$WORK/$n/distinct.tsv")"
  # All-distinct means no string asked twice: a run that asks more strings
  # than the list holds (the threads walk into each other's shares, and a
  # string asked again is answered from the caches) is run again, from a
  # fresh server, for a time that asks at most 90% of them.
  for attempt in 1 2; do
    say "all-distinct /search at $n products for $seconds s, ${AYC_SCALE_SERVER_FLAGS:-default flags}"
    # shellcheck disable=SC2086 # flags split on spaces
    SERVER_INDEX_DIR="$WORK/$n/index" server_start "$BIN" "$WORK/$n/server.log" "$WORK/$n/spool" \
      "postgresql://postgres@127.0.0.1:1/none?connect_timeout=1" ${AYC_SCALE_SERVER_FLAGS:-}
    record "server_rss_ready_mib_$n" "$(( $(awk '/^VmRSS/ { print $2 }' "/proc/$SERVER_PID/status") / 1024 ))"
    wrk_list "$n" warmup 3 >/dev/null
    line="$(wrk_list "$n" distinct "$seconds")"
    asked="$(echo "$line" | cut -d'|' -f6)"
    [ "$asked" -gt "$lines" ] && [ "$attempt" = 1 ] || break
    say "$asked requests asked some of the $lines strings twice: again, shorter"
    seconds="$(awk -v s="$seconds" -v l="$lines" -v a="$asked" 'BEGIN { d = int(s * 0.9 * l / a); print (d < 2 ? 2 : d) }')"
    server_stop
  done
  record "search_seconds_$n" "$seconds"
  record "search_requests_$n" "$asked"
  record "search_strings_$n" "$lines"
  record "search_rps_$n" "$(echo "$line" | cut -d'|' -f3)"
  record "search_p99_ms_$n" "$(echo "$line" | cut -d'|' -f5)"
  record "server_rss_mib_$n" "$(( $(awk '/^VmRSS/ { print $2 }' "/proc/$SERVER_PID/status") / 1024 ))"
}

# --- incremental run ------------------------------------------------------------
incremental() {  # products (the server of search_load still running on its index)
  local n="$1" dir="$WORK/$1"
  say "incremental run after 1,000 products changed, $n products"
  bench_psql "$(url_of "$n")" -c "UPDATE products SET selling_price = selling_price + 1, updated_at = now()
                   WHERE id IN (SELECT id FROM products WHERE status = 'active' ORDER BY md5(id::text || now()::text) LIMIT 1000)" >/dev/null
  local before; before="$(cat "$dir/index/CURRENT")"
  # The wrapper's /proc/self/io counts the indexer once it has been waited for.
  /usr/bin/time -f '%e %M' -o "$dir/incremental.time" bash -c '"$@" >"'"$dir"'/incremental.out" 2>&1; rc=$?; cat /proc/$$/io >"'"$dir"'/incremental.io"; exit $rc' _ \
    "$BIN/ayurvedacart-indexer" --pg "$(url_of "$n")" --index-dir "$dir/index" --incremental --keep-generations 2 \
    --progress=never || { tail -5 "$dir/incremental.out" >&2; die "the incremental run at $n failed"; }
  local ended; ended="$(date +%s.%N)"
  tail -1 "$dir/incremental.out"
  local after; after="$(cat "$dir/index/CURRENT")"
  [ "$after" != "$before" ] || die "the incremental run published no new generation"
  local visible="" number=$((10#${after#gen-}))
  for _ in $(seq 1 1200); do  # /readyz names the served generation by number
    if curl -sf "http://127.0.0.1:$PORT/readyz" | grep -Eq "\"generation\":$number[,}]"; then
      visible="$(awk -v a="$ended" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')"; break
    fi
    sleep 0.05
  done
  read -r secs _ <"$dir/incremental.time"
  record "incremental_seconds_$n" "$secs"
  record "incremental_written_mib_$n" "$(( $(awk '/^write_bytes/ { print $2 }' "$dir/incremental.io") / 1048576 ))"
  record "incremental_visible_s_$n" "${visible:-never (within 60 s)}"
}

for n in $SIZES; do
  catalogue "$n"
  if step full; then
    full_run "$n"
  else
    [ -f "$WORK/$n/index/CURRENT" ] || die "no index in $WORK/$n: run the full step first"
  fi
  if step search; then
    search_load "$n"
  elif step incremental && [ "$n" = 1000000 ]; then
    SERVER_INDEX_DIR="$WORK/$n/index" server_start "$BIN" "$WORK/$n/server.log" "$WORK/$n/spool" \
      "postgresql://postgres@127.0.0.1:1/none?connect_timeout=1"
  fi
  if step incremental && [ "$n" = 1000000 ]; then incremental "$n"; fi
  server_stop
done

# --- Sphinx as a peer -----------------------------------------------------------
if step sphinx && [ -x "$ROOT/bench/sphinx/sphinx.sh" ] && [[ " $SIZES " == *" 100000 "* ]]; then
  say "Sphinx on the 100,000-product catalogue"
  "$ROOT/bench/sphinx/sphinx.sh" "$(url_of 100000)" "$WORK/100000/distinct.tsv" "$SECONDS_PER_RUN" \
    >"$WORK/sphinx.out" 2>&1 || { tail -5 "$WORK/sphinx.out" >&2; say "Sphinx failed: its rows are left out"; }
  for key in SPHINX_INDEX_SECONDS SPHINX_INDEX_DOCS SPHINX_INDEX_PEAK_RSS_MIB SPHINX_SEARCH_RPS SPHINX_SEARCH_P99_MS; do
    v="$(sed -n "s/^$key=//p" "$WORK/sphinx.out" | tail -1)"
    [ -n "$v" ] && record "$key" "$v"
  done
fi

# --- the table ------------------------------------------------------------------
verdict() { if [ "$1" = 1 ]; then echo met; else echo "NOT met"; fi; }
cmp() { awk -v a="$1" -v b="$2" "BEGIN { exit !(a $3 b) }" 2>/dev/null && echo 1 || echo 0; }
row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"; }
echo
echo "| figure | measured | target | |"
echo "|---|---|---|---|"
r100="$(value search_rps_100000)"; r1m="$(value search_rps_1000000)"
if [ -n "$r100" ] && [ -n "$r1m" ]; then
  ratio="$(awk -v a="$r1m" -v b="$r100" 'BEGIN { printf "%.2f", a / b }')"
  p99="$(value search_p99_ms_1000000)"
  row "all-distinct /search at 1M / at 100k, wrk -c64" "$r1m / $r100 req/s = $ratio, p99 $p99 ms" ">= 0.40, p99 < 50 ms" \
    "$(verdict "$(( $(cmp "$ratio" 0.40 '>=') * $(cmp "$p99" 50 '<') ))")"
  row "requests / strings in the list, seconds: 100k; 1M" \
    "$(value search_requests_100000) / $(value search_strings_100000), $(value search_seconds_100000) s; $(value search_requests_1000000) / $(value search_strings_1000000), $(value search_seconds_1000000) s" \
    "no string asked twice" ""
  row "server resident memory at 1M after the run" "$(value server_rss_mib_1000000) MiB" "< 2048 MiB" \
    "$(verdict "$(cmp "$(value server_rss_mib_1000000)" 2048 '<')")"
  row "server resident when ready (after warming), 100k / 1M; per product between them" \
    "$(value server_rss_ready_mib_100000) / $(value server_rss_ready_mib_1000000) MiB; $(awk -v a="$(value server_rss_ready_mib_100000)" -v b="$(value server_rss_ready_mib_1000000)" 'BEGIN { printf "%.0f", (b - a) * 1048576 / 900000 }') bytes" "(memory model)" ""
fi
if [ -n "$(value incremental_seconds_1000000)" ]; then
  row "incremental run, 1M index, 1,000 products changed" \
    "$(value incremental_seconds_1000000) s, $(value incremental_written_mib_1000000) MiB written, visible after $(value incremental_visible_s_1000000) s" \
    "< 15 s, < 100 MiB, < 2 s" \
    "$(verdict "$(( $(cmp "$(value incremental_seconds_1000000)" 15 '<') * $(cmp "$(value incremental_written_mib_1000000)" 100 '<') * $(cmp "$(value incremental_visible_s_1000000)" 2 '<') ))")"
fi
for n in $SIZES; do
  [ -n "$(value full_seconds_$n)" ] || continue
  target_rate=2000; target_rss=1024; label="full run at $n with recommendations"
  if [ "$n" = 1000000 ]; then
    row "$label" "$(value full_seconds_$n) s, peak RSS $(value full_peak_rss_mib_$n) MiB" "< 600 s, < 2048 MiB" \
      "$(verdict "$(( $(cmp "$(value full_seconds_$n)" 600 '<') * $(cmp "$(value full_peak_rss_mib_$n)" 2048 '<') ))")"
  else
    row "$label" "$(value full_products_per_s_$n) products/s, peak RSS $(value full_peak_rss_mib_$n) MiB" \
      ">= $target_rate products/s, < $target_rss MiB" \
      "$(verdict "$(( $(cmp "$(value full_products_per_s_$n)" "$target_rate" '>=') * $(cmp "$(value full_peak_rss_mib_$n)" "$target_rss" '<') ))")"
  fi
done
if [ -n "$(value index_mib_100000)" ]; then
  row "index size at 100k" "$(value index_mib_100000) MiB" "< 350 MiB" "$(verdict "$(cmp "$(value index_mib_100000)" 350 '<')")"
fi
if [ -n "$(value SPHINX_INDEX_SECONDS)" ] && [ -n "$(value full_seconds_100000)" ]; then
  row "Sphinx at 100k: indexing / our full run with recommendations" \
    "$(value SPHINX_INDEX_SECONDS) s / $(value full_seconds_100000) s" "(peer)" ""
fi
if [ -n "$(value SPHINX_SEARCH_RPS)" ] && [ -n "$r100" ]; then
  row "all-distinct searches at 100k: ours / Sphinx" \
    "$r100 / $(value SPHINX_SEARCH_RPS) req/s = $(awk -v a="$r100" -v b="$(value SPHINX_SEARCH_RPS)" 'BEGIN { printf "%.1f", a / b }'), p99 $(value search_p99_ms_100000) / $(value SPHINX_SEARCH_P99_MS) ms" "(peer)" ""
fi
echo
say "figures in $RESULTS"
