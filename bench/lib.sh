# What the benchmark scripts share (sourced after scripts/lib.sh).
#
#   bench_catalogue BIN_DIR PRODUCTS PG_URL
#       the database at PG_URL holds the datagen catalogue of PRODUCTS
#       products (seed 1): reused when it has that many (BENCH_CATALOGUE_REUSED=1),
#       else generated afresh (datagen --reset, then VACUUM ANALYZE; =0)
#   bench_list_sql NAME
#       the SQL of the section "-- @NAME" of bench/http/queries.sql
#   bench_distinct_lists PG_URL DIR
#       the catalogue's all-distinct search strings: DIR/warmup.tsv holds the
#       first 10,000 (a warm-up, which caches them), DIR/distinct.tsv the rest
#       (measured: no string a measured run asks was seen before)

BENCH_HTTP_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/http"
BENCH_CATALOGUE_REUSED=0

bench_psql() { local url="$1"; shift; psql -X -q -v ON_ERROR_STOP=1 "$url" "$@"; }

bench_catalogue() {
  local bin="$1" n="$2" url="$3" have t0
  have="$(bench_psql "$url" -tAc 'SELECT count(*) FROM products')"
  if [ "$have" = "$n" ]; then
    BENCH_CATALOGUE_REUSED=1
    say "reusing the catalogue of $n products in ${url##*/}"
    return 0
  fi
  BENCH_CATALOGUE_REUSED=0
  say "generating $n products into ${url##*/} (have $have; about a minute per 100,000)"
  t0=$(date +%s.%N)
  "$bin/ayurvedacart-datagen" --pg "$url" --products "$n" --seed 1 --reset --progress=false
  bench_psql "$url" -c 'VACUUM ANALYZE' >/dev/null
  say "generated in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }') s"
}

bench_list_sql() {
  awk -v name="$1" '/^-- @/ { on = ($2 == "@" name) } on && !/^-- /' "$BENCH_HTTP_DIR/queries.sql" |
    sed 's/;[[:space:]]*$//'
}

bench_distinct_lists() {
  local url="$1" dir="$2"
  mkdir -p "$dir"
  bench_psql "$url" -c "COPY ($(bench_list_sql distinct)) TO STDOUT" >"$dir/all.tsv"
  head -n 10000 "$dir/all.tsv" >"$dir/warmup.tsv"
  tail -n +10001 "$dir/all.tsv" >"$dir/distinct.tsv"
  rm -f "$dir/all.tsv"
}
