#!/usr/bin/env bash
# The replica deployment under load, on loopback (deploy/README.md): HAProxy in
# front of three servers, one indexer publishing generations to them, a
# private PostgreSQL. wrk keeps searches going through HAProxy while
#   1. a new generation is published: every replica serves it within 20 s, a
#      product renamed in PostgreSQL is found on each of them, 0 failed requests;
#   2. a replica is SIGKILLed, a generation published while it is down, and
#      the replica restarted: 0 failed requests, and its first "ready" answer
#      already names the new generation (it caught up before serving);
#   3. the replicas are restarted one after another (SIGTERM, drain, start):
#      0 failed requests;
#   4. PostgreSQL is stopped: searches through HAProxy keep answering 200, and
#      once it is back every one of them is a search_logs row (counted by a
#      session id only these searches carry);
#   5. throughput through HAProxy with three replicas and with one (reported).
# bench/cluster.sh runs the same checks longer and prints their figures.
#
#   AYC_BIN_DIR=build-dev/bin tests/cluster/cluster_test.sh
#
# Settings: AYC_CLUSTER_LOAD_S (seconds of each throughput run, default 3),
# AYC_CLUSTER_PG_DOWN_S (default 8), AYC_CLUSTER_SWITCH_S (default 20),
# AYC_CLUSTER_TEST_PORT (first port, default 18600), AYC_CLUSTER_KEEP=1
# keeps the cluster's folder for a look afterwards.
# Exit codes: 0 pass, 1 a check failed, 77 skipped (haproxy, rsync or wrk
# missing: scripts/setup.sh --deps installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ -n "${AYC_BIN_DIR:-}" ] || { echo "set AYC_BIN_DIR to the built binaries" >&2; exit 2; }
for tool in haproxy rsync wrk curl; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/setup.sh --deps)"; exit 77; }
done

LOAD_S="${AYC_CLUSTER_LOAD_S:-3}"
# How long a replica may take to serve a published generation: receiving
# and verifying it, loading it and warming its caches (3,700 one-word
# searches at 1,500 products). Three replicas do it at once on two cores
# under wrk load, in CI with sanitizers: about 10 s on a busy machine.
SWITCH_S="${AYC_CLUSTER_SWITCH_S:-20}"
PG_DOWN_S="${AYC_CLUSTER_PG_DOWN_S:-8}"
export AYC_CLUSTER_PORT="${AYC_CLUSTER_TEST_PORT:-18600}"
export AYC_CLUSTER_DIR
AYC_CLUSTER_DIR="$(mktemp -d /tmp/ayc-cluster-test.XXXXXX)"
chmod 755 "$AYC_CLUSTER_DIR"  # the PostgreSQL cluster inside belongs to user postgres
export AYC_CLUSTER_PRODUCTS="${AYC_CLUSTER_PRODUCTS:-1500}"
cluster() { "$root/deploy/local-cluster.sh" "$@"; }
finish() {
  cluster stop >/dev/null 2>&1 || true
  if [ "${AYC_CLUSTER_KEEP:-0}" = 1 ]; then echo "cluster folder kept: $AYC_CLUSTER_DIR"; else rm -rf "$AYC_CLUSTER_DIR"; fi
}
trap finish EXIT

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
within() { awk -v a="$1" -v s="$2" -v b="$(now)" 'BEGIN { exit !(b - a < s) }'; }  # within T0 SECONDS
psql_cluster() { psql -X -q -tA -v ON_ERROR_STOP=1 "$PG_URL" "$@"; }
replica_url() { echo "http://127.0.0.1:$((AYC_CLUSTER_PORT + 10 + $1))"; }
served_generation() { curl -fsS -m 2 "$(replica_url "$1")/readyz" 2>/dev/null | sed -n 's/.*"generation":\([0-9]*\).*/\1/p' || true; }
number_of() { echo "$((10#${1#gen-}))"; }

start_out="$(cluster start)"
echo "$start_out"
eval "$(echo "$start_out" | grep -E '^(HAPROXY_URL|REPLICA_PIDS|PG_URL)=')"
[ -n "${HAPROXY_URL:-}" ] && [ -n "${PG_URL:-}" ] || { echo "FAIL: start printed no HAPROXY_URL/PG_URL"; exit 1; }
[ "$(echo "$REPLICA_PIDS" | tr ',' '\n' | grep -c '^[0-9][0-9]*$')" = 3 ] || fail "REPLICA_PIDS=$REPLICA_PIDS names 3 processes"

# Searches wrk sends: real shopper queries, each with its own page size so the
# answer cache does not serve them all.
queries="$AYC_CLUSTER_DIR/queries.tsv"
for q in ashwagandha "triphala churna" brahmi neem tulsi "amla juice" shatavari giloy "hair oil" "joint pain" \
  "chyawanprash" "kumkumadi" "dashmool" "arjuna" "mahanarayan oil" "digestion" "immunity" "skin care"; do
  for n in 5 10 20; do printf '%s\t&limit=%s\n' "$q" "$n"; done
done >"$queries"

# load_start LABEL [SECONDS]: wrk through HAProxy in the background, for
# SECONDS or until load_check stops it (SIGINT: wrk stops and reports).
load_start() {
  AYC_BENCH_FILE="$queries" AYC_BENCH_PREFIX="/search?q=" AYC_BENCH_MODE=list AYC_BENCH_LABEL="$1" \
    AYC_BENCH_THREADS=1 wrk -t1 -c8 -d"${2:-600}"s --timeout 5s -s "$root/bench/http/scenario.lua" "$HAPROXY_URL" \
    >"$AYC_CLUSTER_DIR/wrk-$1.out" 2>&1 &
  load_pid=$!
}
# load_check LABEL: stops wrk (unless it ran for a set time); every request
# answered 2xx, none failed.
load_check() {
  [ "${2:-}" = timed ] || kill -INT "$load_pid" 2>/dev/null || true
  wait "$load_pid" || true
  local line; line="$(grep '^RESULT|' "$AYC_CLUSTER_DIR/wrk-$1.out" || true)"
  local requests non2xx errors rps
  IFS='|' read -r _ _ rps _ _ requests non2xx errors <<<"$line"
  if [ -z "$line" ]; then fail "$1: wrk printed no result: $(cat "$AYC_CLUSTER_DIR/wrk-$1.out")"; return; fi
  echo "   $1: $requests requests ($rps/s), $non2xx non-2xx, $errors socket errors"
  [ "$requests" -gt 0 ] && [ "$non2xx" = 0 ] && [ "$errors" = 0 ] && pass "$1: 0 failed requests" ||
    fail "$1: $non2xx non-2xx answers and $errors socket errors of $requests requests"
}
rename_a_product() {
  psql_cluster -c "UPDATE products SET name = name || ' $1', updated_at = now()
                   WHERE id = (SELECT id FROM products WHERE status = 'active' ORDER BY random() LIMIT 1)"
}
wait_haproxy_up() {
  local i state
  for _ in $(seq 1 100); do
    state="$(curl -fsS "http://127.0.0.1:$((AYC_CLUSTER_PORT + 1))/stats;csv" | awk -F, -v n="replica-$1" '$1 == "search_replicas" && $2 == n { print $18 }')"
    [ "$state" = UP ] && return 0
    sleep 0.1
  done
  return 1
}

echo "== 1. publish under load"
load_start publish
sleep 1
rename_a_product Qorvexil
published="$(cluster publish | sed -n 's/^PUBLISHED=//p')"
t0="$(now)"
for i in 1 2 3; do
  while [ "$(served_generation "$i")" != "$(number_of "$published")" ] && within "$t0" "$SWITCH_S"; do sleep 0.1; done
done
took="$(elapsed "$t0")"
switched=0
for i in 1 2 3; do [ "$(served_generation "$i")" = "$(number_of "$published")" ] && switched=$((switched + 1)); done
[ "$switched" = 3 ] && pass "every replica serves $published, $took s after publish" ||
  fail "$switched of 3 replicas serve $published $SWITCH_S s after publish"
for i in 1 2 3; do
  total="$(curl -fsS "$(replica_url "$i")/search?q=qorvexil" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')"
  [ "${total:-0}" -ge 1 ] && pass "replica $i finds the renamed product" || fail "replica $i does not find the renamed product"
done
sleep 1
load_check publish

echo "== 2. SIGKILL a replica, publish while it is down, restart it"
load_start kill
sleep 1
cluster kill 2
sleep 1
rename_a_product Vandrelix
published="$(cluster publish | sed -n 's/^PUBLISHED=//p')"
# Watch replica 2's /readyz from before it starts: its first 200 must name $published.
first_ready="$AYC_CLUSTER_DIR/first-ready"
(
  for _ in $(seq 1 600); do
    g="$(served_generation 2)"
    if [ -n "$g" ]; then echo "$g" >"$first_ready"; exit 0; fi
    sleep 0.05
  done
) &
watcher=$!
cluster start-replica 2 >/dev/null
wait "$watcher" || true
[ "$(cat "$first_ready" 2>/dev/null)" = "$(number_of "$published")" ] &&
  pass "the restarted replica was ready on $published from its first answer" ||
  fail "the restarted replica first reported generation $(cat "$first_ready" 2>/dev/null || echo none), not $published"
wait_haproxy_up 2 || fail "HAProxy did not put replica 2 back"
sleep 1
load_check kill

echo "== 3. rolling restart"
load_start rolling
t0="$(now)"
for i in 1 2 3; do
  cluster stop-replica "$i"
  cluster start-replica "$i" >/dev/null
  wait_haproxy_up "$i" || fail "HAProxy did not put replica $i back"
done
echo "   rolled 3 replicas in $(elapsed "$t0") s"
sleep 1
load_check rolling

echo "== 4. PostgreSQL down for $PG_DOWN_S s"
session="cluster-check-$(date +%s%N)"
sent=0; ok=0
cluster pg-stop
t0="$(now)"
while within "$t0" "$PG_DOWN_S"; do
  conf="$AYC_CLUSTER_DIR/curl.conf"
  : >"$conf"
  for q in ashwagandha brahmi neem tulsi giloy; do
    for p in 5 6 7 8; do printf 'url = "%s/search?q=%s&limit=%s&session_id=%s"\noutput = "/dev/null"\n' "$HAPROXY_URL" "$q" "$p" "$session"; done
  done >>"$conf"
  codes="$(curl -s --no-progress-meter --parallel --parallel-max 4 -m 5 -K "$conf" -w '%{http_code}\n' || true)"
  sent=$((sent + 20))
  ok=$((ok + $(echo "$codes" | grep -c '^200$' || true)))
done
cluster pg-start
[ "$ok" = "$sent" ] && pass "$sent searches answered 200 while PostgreSQL was down" ||
  fail "$ok of $sent searches answered 200 while PostgreSQL was down"
t0="$(now)"
logged=0
while within "$t0" 60; do
  logged="$(psql_cluster -c "SELECT count(*) FROM search_logs WHERE session_id = '$session'" 2>/dev/null || echo 0)"
  [ "$logged" -ge "$ok" ] && break
  sleep 0.5
done
[ "$logged" = "$ok" ] && pass "all $ok searches are in search_logs $(elapsed "$t0") s after PostgreSQL came back" ||
  fail "$logged search_logs rows for the $ok searches made while PostgreSQL was down"

echo "== 4b. the indexer reads from a hot standby"
standby_url="$(cluster standby | sed -n 's/^STANDBY_URL=//p')"
rename_a_product Ostrevan
t0="$(now)"
until [ "$(psql -X -tA "$standby_url" -c "SELECT count(*) FROM products WHERE name LIKE '% Ostrevan'" 2>/dev/null)" = 1 ]; do
  within "$t0" 30 || { fail "the standby did not replay the change in 30 s"; break; }
  sleep 0.2
done
rc=0
"$AYC_BIN_DIR/ayurvedacart-indexer" --pg "$standby_url" --index-dir "$AYC_CLUSTER_DIR/refused" --progress=never \
  >/dev/null 2>"$AYC_CLUSTER_DIR/refused.err" || rc=$?
[ "$rc" = 2 ] && grep -q -- "--pg-write" "$AYC_CLUSTER_DIR/refused.err" &&
  pass "a run that would write product_recommendations to the standby is refused at its start (exit 2, names --pg-write)" ||
  fail "a run writing to the standby exited $rc: $(cat "$AYC_CLUSTER_DIR/refused.err")"
published="$(AYC_CLUSTER_READ_FROM=standby cluster publish | sed -n 's/^PUBLISHED=//p')"
grep -qx "read_from=standby" "$AYC_CLUSTER_DIR/indexer/index/$published/MANIFEST" &&
  pass "$published was read from the standby" || fail "$published's MANIFEST does not say read_from=standby"
t0="$(now)"
found=0
for i in 1 2 3; do
  until [ "$(curl -fsS "$(replica_url "$i")/search?q=ostrevan" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')" = 1 ]; do
    within "$t0" 10 || break
    sleep 0.2
  done
  [ "$(curl -fsS "$(replica_url "$i")/search?q=ostrevan" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')" = 1 ] && found=$((found + 1))
done
[ "$found" = 3 ] && pass "the change made on the primary, indexed from the standby, is found on every replica" ||
  fail "$found of 3 replicas find the change made on the primary and indexed from the standby"

echo "== 5. throughput: three replicas, then one"
# Sizing figures: each server's resident memory and the served generation's size.
for i in 1 2 3; do
  rss_kb="$(ps -o rss= -p "$(cat "$AYC_CLUSTER_DIR/replica-$i/server.pid")" | tr -d ' ')"
  echo "   replica $i: resident memory $((rss_kb / 1024)) MiB"
done
gen_dir="$AYC_CLUSTER_DIR/replica-1/index/$(cat "$AYC_CLUSTER_DIR/replica-1/index/CURRENT")"
echo "   served generation: $(du -sm "$gen_dir" | cut -f1) MiB on disk for $(psql_cluster -c 'SELECT count(*) FROM products') products"
load_start three-replicas "$LOAD_S"
load_check three-replicas timed
three="$(grep '^RESULT|' "$AYC_CLUSTER_DIR/wrk-three-replicas.out" | cut -d'|' -f3)"
cluster stop-replica 2; cluster stop-replica 3
load_start one-replica "$LOAD_S"
load_check one-replica timed
one="$(grep '^RESULT|' "$AYC_CLUSTER_DIR/wrk-one-replica.out" | cut -d'|' -f3)"
# The same replica without HAProxy in between: what the proxy costs here.
saved_url="$HAPROXY_URL"; HAPROXY_URL="$(replica_url 1)"
load_start direct "$LOAD_S"
load_check direct timed
HAPROXY_URL="$saved_url"
direct="$(grep '^RESULT|' "$AYC_CLUSTER_DIR/wrk-direct.out" | cut -d'|' -f3)"
echo "   searches/s on the same two cores: HAProxy + three replicas $three, HAProxy + one replica $one, one replica direct $direct"
echo "FIGURES|three=$three|one=$one|direct=$direct"

if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "all cluster checks passed"
