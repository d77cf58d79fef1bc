#!/usr/bin/env bash
# The multi-replica deployment of deploy/README.md, on one machine, on
# loopback ports: a private PostgreSQL with a generated catalogue, one indexer
# publishing generations through an rsync daemon, N replicas (server +
# generation receiver, each with its own index directory) and HAProxy in front.
#
#   deploy/local-cluster.sh start          start what is not running; prints HAPROXY_URL=, REPLICA_PIDS=, PG_URL=
#   deploy/local-cluster.sh publish        incremental indexer run (full the first time) + publish; prints PUBLISHED=
#   deploy/local-cluster.sh publish --full a full run + publish
#   deploy/local-cluster.sh status         each replica's served generation, and HAProxy's view of it
#   deploy/local-cluster.sh stop           stop everything (state stays for the next start)
#   deploy/local-cluster.sh kill N         SIGKILL replica N's server and receiver (a machine dying)
#   deploy/local-cluster.sh stop-replica N SIGTERM replica N (drains, as systemd stops it)
#   deploy/local-cluster.sh start-replica N  catch up on the published generation, then start replica N
#   deploy/local-cluster.sh pg-stop | pg-start
#   deploy/local-cluster.sh standby        start a hot standby of PostgreSQL (streaming replication); prints STANDBY_URL=
#   AYC_CLUSTER_READ_FROM=standby deploy/local-cluster.sh publish
#                                          the indexer reads the standby and writes product_recommendations to the primary
#
# Settings (environment):
#   AYC_BIN_DIR            the built binaries (default: build/bin, as scripts/run.sh builds them)
#   AYC_CLUSTER_DIR        state: PostgreSQL, indexer and replica directories, logs (default: var/cluster)
#   AYC_CLUSTER_PORT       first of the ports used (default 18400): HAProxy +0, its stats page +1,
#                          rsync daemon +2, PostgreSQL +3, its standby +4, replica N +10+N
#   AYC_CLUSTER_REPLICAS   replicas (default 3)
#   AYC_CLUSTER_PRODUCTS   products generated the first time (default 2000)
#   AYC_CLUSTER_SERVER_THREADS  worker threads per server (default 1)
# Every command is safe to repeat.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../scripts/lib.sh"

BIN="$(cd "${AYC_BIN_DIR:-$AYC_ROOT/build/bin}" 2>/dev/null && pwd)" ||
  die "no binaries in ${AYC_BIN_DIR:-$AYC_ROOT/build/bin}: run scripts/setup.sh (or set AYC_BIN_DIR)"
DIR="${AYC_CLUSTER_DIR:-$AYC_ROOT/var/cluster}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
BASE="${AYC_CLUSTER_PORT:-18400}"
REPLICAS="${AYC_CLUSTER_REPLICAS:-3}"
HAPROXY_PORT=$BASE
STATS_PORT=$((BASE + 1))
RSYNC_PORT=$((BASE + 2))
export AYC_PG_DIR="$DIR/pg" AYC_PG_PORT=$((BASE + 3)) AYC_PG_DB=ayurvedacart
PG_URL="postgresql://postgres@127.0.0.1:$AYC_PG_PORT/$AYC_PG_DB"
STANDBY_PORT=$((BASE + 4))
STANDBY_URL="postgresql://postgres@127.0.0.1:$STANDBY_PORT/$AYC_PG_DB"
INDEXER_DIR="$DIR/indexer/index"
SOURCE="rsync://127.0.0.1:$RSYNC_PORT/index"
PUBLISH="$here/bin/ayurvedacart-publish"
RECEIVE="$here/bin/ayurvedacart-receive"

replica_port() { echo $((BASE + 10 + $1)); }
replica_dir() { echo "$DIR/replica-$1"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
pids_of() { local i out=(); for i in $(seq 1 "$REPLICAS"); do out+=("$(cat "$(replica_dir "$i")/server.pid" 2>/dev/null || echo -)"); done; (IFS=,; echo "${out[*]}"); }
check_replica_number() { [[ "${1:-}" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le "$REPLICAS" ] || die "say a replica number, 1..$REPLICAS"; }

# stop_pid FILE SIGNAL [SECONDS]: signal the process and wait for it to exit.
stop_pid() {
  local file="$1" signal="$2" wait="${3:-30}" pid
  alive "$file" || { rm -f "$file"; return 0; }
  pid="$(cat "$file")"
  kill -"$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((wait * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  rm -f "$file"
}

server_format() { "$BIN/ayurvedacart-server" --index-format; }

start_pg() {
  "$AYC_ROOT/scripts/pg.sh" start >/dev/null
  local products
  products="$("$AYC_ROOT/scripts/pg.sh" psql -tAc 'SELECT count(*) FROM products')"
  if [ "$products" = 0 ]; then
    say "generating ${AYC_CLUSTER_PRODUCTS:-2000} products"
    "$BIN/ayurvedacart-datagen" --pg "$PG_URL" --products "${AYC_CLUSTER_PRODUCTS:-2000}" --seed 1 >>"$DIR/datagen.log" 2>&1 || die "datagen failed: see $DIR/datagen.log"
  fi
}

start_rsyncd() {
  alive "$DIR/rsyncd.pid" && return
  mkdir -p "$INDEXER_DIR"
  # A read-only module over the indexer's index directory. As root the daemon
  # would switch to "nobody", who may not read it: stay the current user.
  cat >"$DIR/rsyncd.conf" <<CONF
pid file = $DIR/rsyncd.pid
log file = $DIR/rsyncd.log
use chroot = no
uid = $(id -u)
gid = $(id -g)
[index]
  path = $INDEXER_DIR
  read only = yes
  hosts allow = 127.0.0.1
  exclude = /LOCK /*.tmp/ /.PUBLISHED.*
CONF
  rsync --daemon --config="$DIR/rsyncd.conf" --address=127.0.0.1 --port="$RSYNC_PORT"
  for _ in $(seq 1 50); do alive "$DIR/rsyncd.pid" && return; sleep 0.1; done
  die "the rsync daemon did not start: see $DIR/rsyncd.log"
}

# The standby's data directory, inside the primary's (owned by user postgres).
standby_dir() { echo "$(readlink -f "$AYC_PG_DIR")/standby"; }
standby_ctl() { as_pg_user "$(pg_bin)/pg_ctl" -D "$(standby_dir)" "$@"; }

start_standby() {
  local sdir; sdir="$(standby_dir)"
  if [ ! -f "$sdir/PG_VERSION" ]; then
    # A base backup of the primary, set up to stream from it (-R).
    as_pg_user "$(pg_bin)/pg_basebackup" -h 127.0.0.1 -p "$AYC_PG_PORT" -U postgres -D "$sdir" -R -X stream --checkpoint=fast \
      --no-sync || die "pg_basebackup failed"
  fi
  if ! standby_ctl status >/dev/null 2>&1; then
    standby_ctl -l "$sdir.log" -w -t 60 -o "-p $STANDBY_PORT" start >/dev/null || die "the standby did not start: see $sdir.log"
  fi
  echo "STANDBY_URL=$STANDBY_URL"
}

publish() {
  local mode=(--incremental) pg=(--pg "$PG_URL")
  if [ "${1:-}" = "--full" ] || [ ! -f "$INDEXER_DIR/CURRENT" ]; then mode=(); fi
  [ "${AYC_CLUSTER_READ_FROM:-primary}" = standby ] && pg=(--pg "$STANDBY_URL" --pg-write "$PG_URL")
  "$BIN/ayurvedacart-indexer" "${pg[@]}" --index-dir "$INDEXER_DIR" --progress=never "${mode[@]}" \
    1>&2 2>>"$DIR/indexer.log" || die "the indexer run failed: see $DIR/indexer.log"
  "$PUBLISH" --index-dir "$INDEXER_DIR" >&2
  echo "PUBLISHED=$(cat "$INDEXER_DIR/CURRENT")"
}

start_receiver() {
  local i="$1" rdir; rdir="$(replica_dir "$i")"
  alive "$rdir/receiver.pid" && return
  setsid "$RECEIVE" --watch 1 --source "$SOURCE" --index-dir "$rdir/index" --format "$(server_format)" \
    >>"$rdir/receiver.log" 2>&1 </dev/null &
  echo $! >"$rdir/receiver.pid"
}

# What a replica's systemd unit does: catch up (ExecStartPre), then serve.
start_replica() {
  local i="$1" rdir port; rdir="$(replica_dir "$i")"; port="$(replica_port "$i")"
  mkdir -p "$rdir/index"
  if ! alive "$rdir/server.pid"; then
    "$RECEIVE" --once --source "$SOURCE" --index-dir "$rdir/index" --format "$(server_format)" \
      2>>"$rdir/receiver.log" || say "replica $i: could not catch up (see $rdir/receiver.log); starting on what it has"
    setsid "$BIN/ayurvedacart-server" --index-dir "$rdir/index" --listen "127.0.0.1:$port" --pg "$PG_URL" \
      --threads "${AYC_CLUSTER_SERVER_THREADS:-1}" --drain-ms 1500 --shutdown-grace-ms 5000 \
      --reload-interval-ms 500 >>"$rdir/server.log" 2>&1 </dev/null &
    echo $! >"$rdir/server.pid"
  fi
  start_receiver "$i"
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return
    alive "$rdir/server.pid" || die "replica $i exited: see $rdir/server.log"
    sleep 0.1
  done
  die "replica $i is not ready after 30 s: see $rdir/server.log"
}

start_haproxy() {
  alive "$DIR/haproxy.pid" && return
  local servers="" i
  for i in $(seq 1 "$REPLICAS"); do servers+="    server replica-$i 127.0.0.1:$(replica_port "$i") check\n"; done
  # The shipped file with loopback addresses: its bind lines and its servers replaced.
  awk -v front="127.0.0.1:$HAPROXY_PORT" -v stats="127.0.0.1:$STATS_PORT" -v servers="$servers" '
    /# frontend-bind$/ { print "    bind " front; next }
    /# stats-bind$/ { print "    bind " stats; next }
    /^ *server replica-/ { if (!done) printf "%s", servers; done = 1; next }
    { print }' "$here/haproxy/ayurvedacart.cfg" >"$DIR/haproxy.cfg"
  haproxy -c -q -f "$DIR/haproxy.cfg" || die "HAProxy refuses $DIR/haproxy.cfg"
  haproxy -D -p "$DIR/haproxy.pid" -f "$DIR/haproxy.cfg"
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$HAPROXY_PORT/readyz" >/dev/null 2>&1 && return
    sleep 0.1
  done
  die "HAProxy does not answer on 127.0.0.1:$HAPROXY_PORT"
}

# HAProxy's state of each replica (UP, DOWN, ...), from its CSV stats.
haproxy_state() {
  curl -fsS "http://127.0.0.1:$STATS_PORT/stats;csv" 2>/dev/null |
    awk -F, -v name="replica-$1" '$1 == "search_replicas" && $2 == name { print $18 }'
}

status() {
  local i rdir port ready gen
  printf '%-10s %-16s %-8s %-8s %-12s %s\n' replica address pid ready generation haproxy
  for i in $(seq 1 "$REPLICAS"); do
    rdir="$(replica_dir "$i")"; port="$(replica_port "$i")"
    ready="$(curl -sS -m 2 "http://127.0.0.1:$port/readyz" 2>/dev/null || true)"
    gen="$(printf '%s' "$ready" | sed -n 's/.*"generation":\([0-9]*\).*/\1/p')"
    [ -n "$gen" ] && gen="$(printf 'gen-%06d' "$gen")"
    printf '%-10s %-16s %-8s %-8s %-12s %s\n' "replica-$i" "127.0.0.1:$port" \
      "$(alive "$rdir/server.pid" && cat "$rdir/server.pid" || echo -)" \
      "$([ -n "$gen" ] && echo yes || echo no)" "${gen:--}" "$(haproxy_state "$i" || true)"
  done
  echo "published: $(cat "$INDEXER_DIR/PUBLISHED-$(server_format)" 2>/dev/null || echo none)"
}

cmd="${1:-}"
case "$cmd" in
  start)
    command -v haproxy >/dev/null && command -v rsync >/dev/null ||
      die "haproxy and rsync are needed: scripts/setup.sh --deps installs them"
    start_pg
    start_rsyncd
    [ -f "$INDEXER_DIR/CURRENT" ] || publish --full >/dev/null
    for i in $(seq 1 "$REPLICAS"); do start_replica "$i"; done
    start_haproxy
    echo "HAPROXY_URL=http://127.0.0.1:$HAPROXY_PORT"
    echo "REPLICA_PIDS=$(pids_of)"
    echo "PG_URL=$PG_URL"
    ;;
  publish) publish "${2:-}" ;;
  status) status ;;
  stop)
    stop_pid "$DIR/haproxy.pid" TERM
    for i in $(seq 1 "$REPLICAS"); do
      stop_pid "$(replica_dir "$i")/receiver.pid" TERM
      stop_pid "$(replica_dir "$i")/server.pid" TERM
    done
    stop_pid "$DIR/rsyncd.pid" TERM
    if [ -f "$(standby_dir)/PG_VERSION" ]; then standby_ctl -m fast -w stop >/dev/null 2>&1 || true; fi
    "$AYC_ROOT/scripts/pg.sh" stop >/dev/null
    ;;
  kill)
    check_replica_number "${2:-}"
    stop_pid "$(replica_dir "$2")/server.pid" KILL
    stop_pid "$(replica_dir "$2")/receiver.pid" KILL
    ;;
  stop-replica)
    check_replica_number "${2:-}"
    stop_pid "$(replica_dir "$2")/receiver.pid" TERM
    stop_pid "$(replica_dir "$2")/server.pid" TERM
    ;;
  start-replica) check_replica_number "${2:-}"; start_replica "$2"; echo "REPLICA_PIDS=$(pids_of)" ;;
  pg-stop) "$AYC_ROOT/scripts/pg.sh" stop >/dev/null ;;
  pg-start) "$AYC_ROOT/scripts/pg.sh" start >/dev/null ;;
  standby) start_standby ;;
  *) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
