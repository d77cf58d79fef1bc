# One ayurvedacart-server for the HTTP benchmarks, started and stopped the
# same way by run.sh and ab.sh (sourced; needs WORK, with the index in
# $WORK/index, and scripts/lib.sh's die).
#
#   server_start BIN_DIR LOG_FILE SPOOL_DIR PG_URL [flags...]
#       a server on a free loopback port, 2 threads; returns once /readyz
#       answers, with SERVER_PID and PORT set (dies with the log otherwise)
#   server_stop
#       SIGTERM, then SIGKILL after 15 s; nothing when none is running

SERVER_PID=""
PORT=""

server_stop() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

server_start() {
  local bin="$1" log="$2" spool="$3" pg="$4"
  shift 4
  server_stop
  : >"$log"
  "$bin/ayurvedacart-server" --pg "$pg" --index-dir "${SERVER_INDEX_DIR:-$WORK/index}" --spool-dir "$spool" \
    --listen 127.0.0.1:0 --threads 2 "$@" >>"$log" 2>&1 &
  SERVER_PID=$!
  PORT=""
  for _ in $(seq 1 300); do
    PORT="$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\),.*/\1/p' "$log" | head -1)"
    [ -n "$PORT" ] && curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$log" >&2
  die "the server in $bin did not become ready"
}
