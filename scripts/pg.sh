#!/usr/bin/env bash
# Private PostgreSQL 15 cluster for this project, inside the project folder.
#
#   scripts/pg.sh start     initdb if needed, start, create the database, load the schema
#   scripts/pg.sh stop      stop the cluster cleanly
#   scripts/pg.sh status    say whether it runs
#   scripts/pg.sh url       print the connection URL
#   scripts/pg.sh psql ...  open psql on the database
#   scripts/pg.sh reset     drop and recreate the database with a fresh schema
#
# Settings (environment): AYC_PG_DIR (default .pg), AYC_PG_PORT (default 54329),
# AYC_PG_DB (default ayurvedacart). Every command is safe to repeat.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PG_DIR="${AYC_PG_DIR:-$AYC_ROOT/.pg}"
PG_PORT="${AYC_PG_PORT:-54329}"
PG_DB="${AYC_PG_DB:-ayurvedacart}"
BIN="$(pg_bin)"
URL="postgresql://postgres@127.0.0.1:$PG_PORT/$PG_DB"

# As root the cluster belongs to the postgres user, who must be able to reach
# the folder. If a parent folder is closed to it (e.g. under /root), keep the
# cluster in /tmp and leave a symlink in the project folder.
resolve_dir() {
  if [ "$(id -u)" = 0 ] && [ ! -L "$PG_DIR" ] && [ ! -d "$PG_DIR/data" ]; then
    local parent; parent="$(dirname "$PG_DIR")"
    if ! runuser -u postgres -- test -x "$parent"; then
      local alt="/tmp/ayurvedacart-pg-$(echo "$PG_DIR" | md5sum | cut -c1-8)"
      install -d -o postgres -g postgres -m 0700 "$alt"
      ln -sfn "$alt" "$PG_DIR"
      say "postgres cannot enter $parent; cluster kept in $alt (linked from $PG_DIR)"
    fi
  fi
  if [ -L "$PG_DIR" ]; then PG_DIR="$(readlink -f "$PG_DIR")"; fi
}

pgctl() { as_pg_user "$BIN/pg_ctl" -D "$PG_DIR/data" "$@"; }
running() { [ -f "$PG_DIR/data/postmaster.pid" ] && pgctl status >/dev/null 2>&1; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

init_cluster() {
  [ -f "$PG_DIR/data/PG_VERSION" ] && return
  say "creating PostgreSQL cluster in $PG_DIR (port $PG_PORT)"
  if [ "$(id -u)" = 0 ]; then
    install -d -o postgres -g postgres -m 0700 "$PG_DIR"
  else
    install -d -m 0700 "$PG_DIR"
  fi
  as_pg_user "$BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  cat >>"$PG_DIR/data/postgresql.conf" <<CONF
# ayurvedacart: a development/test cluster tuned for bulk loads
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DIR'
max_connections = 200
shared_buffers = 512MB
maintenance_work_mem = 512MB
work_mem = 32MB
max_wal_size = 4GB
checkpoint_timeout = 15min
synchronous_commit = off
CONF
}

ensure_schema() {
  if ! psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1; then
    psql_admin -d postgres -c "CREATE DATABASE \"$PG_DB\""
  fi
  local version
  version="$(psql_admin -d "$PG_DB" -tAc "SELECT COALESCE(max(version),0) FROM schema_migrations" 2>/dev/null || echo none)"
  if [ "$version" = none ]; then
    say "loading data/schema.sql into $PG_DB"
    (cd "$AYC_ROOT" && psql_admin -d "$PG_DB" -f data/schema.sql)
    version=1
  fi
  local m n
  for m in "$AYC_ROOT"/data/migrations/[0-9]*.sql; do
    [ -e "$m" ] || continue
    n="$(basename "$m" | sed -E 's/^0*([0-9]+).*/\1/')"
    if [ "$n" -gt "$version" ]; then
      say "applying migration $(basename "$m")"
      psql_admin -d "$PG_DB" -1 -f "$m"
    fi
  done
}

start() {
  resolve_dir
  init_cluster
  if running; then
    say "PostgreSQL already running on port $PG_PORT"
  else
    pgctl -l "$PG_DIR/server.log" -w -t 60 -o "-p $PG_PORT" start >/dev/null \
      || { tail -20 "$PG_DIR/server.log" >&2; die "PostgreSQL did not start (log: $PG_DIR/server.log)"; }
    say "PostgreSQL started on port $PG_PORT"
  fi
  ensure_schema
}

cmd="${1:-start}"
case "$cmd" in
  start) start ;;
  stop)
    resolve_dir
    if running; then pgctl -m fast -w stop >/dev/null && say "PostgreSQL stopped"; else say "PostgreSQL not running"; fi ;;
  status)
    resolve_dir
    if running; then echo "running on port $PG_PORT ($URL)"; else echo "stopped"; exit 3; fi ;;
  url) echo "$URL" ;;
  psql) shift; exec psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" "$@" ;;
  reset)
    start
    psql_admin -d postgres -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)"
    ensure_schema ;;
  *) die "unknown command '$cmd' (start|stop|status|url|psql|reset)" ;;
esac
