#!/usr/bin/env bash
# The main job, from a fresh Debian 12 machine to a serving search API:
#   packages + build, a private PostgreSQL under .pg/ with the schema, a
#   generated sample catalogue (first run only), an index generation under
#   var/index, and ayurvedacart-server listening on 127.0.0.1:8080 in the
#   background, serving the demo storefront (web/) too. Prints example
#   requests at the end. Safe to run again: it
#   keeps the catalogue, updates the index incrementally and restarts the server.
#
#   scripts/run.sh            bring everything up
#   scripts/run.sh stop       stop the server and PostgreSQL
#
# Settings (environment): AYC_PRODUCTS (default 20000), AYC_SEED (1),
# AYC_LISTEN (127.0.0.1:8080), AYC_PG_PORT (54329).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

BIN="$AYC_ROOT/build/bin"
VAR="$AYC_ROOT/var"
INDEX_DIR="$VAR/index"
LISTEN="${AYC_LISTEN:-127.0.0.1:8080}"
PID_FILE="$VAR/server.pid"
export AYURVEDACART_PG="$("$AYC_ROOT/scripts/pg.sh" url)"

stop_server() {
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    kill -TERM "$(cat "$PID_FILE")"
    for _ in $(seq 1 100); do kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break; sleep 0.1; done
    say "server stopped"
  fi
  rm -f "$PID_FILE"
}

if [ "${1:-}" = "stop" ]; then
  stop_server
  "$AYC_ROOT/scripts/pg.sh" stop
  exit 0
fi

"$AYC_ROOT/scripts/setup.sh"
"$AYC_ROOT/scripts/pg.sh" start
mkdir -p "$VAR/log"

products="$("$AYC_ROOT/scripts/pg.sh" psql -tAc 'SELECT count(*) FROM products')"
if [ "$products" = 0 ]; then
  say "generating a sample catalogue (${AYC_PRODUCTS:-20000} products)"
  "$BIN/ayurvedacart-datagen" --products "${AYC_PRODUCTS:-20000}" --seed "${AYC_SEED:-1}"
else
  say "catalogue already has $products products; keeping it"
fi

if [ -f "$INDEX_DIR/CURRENT" ]; then
  say "updating the index incrementally"
  "$BIN/ayurvedacart-indexer" --index-dir "$INDEX_DIR" --incremental
else
  say "building the index"
  "$BIN/ayurvedacart-indexer" --index-dir "$INDEX_DIR"
fi

stop_server
say "starting the server on $LISTEN (log: var/log/server.log)"
nohup "$BIN/ayurvedacart-server" --index-dir "$INDEX_DIR" --listen "$LISTEN" --web-root "$AYC_ROOT/web" \
  >>"$VAR/log/server.log" 2>&1 &
echo $! >"$PID_FILE"
for _ in $(seq 1 100); do
  curl -sf "http://$LISTEN/readyz" >/dev/null 2>&1 && break
  kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { tail -5 "$VAR/log/server.log" >&2; die "the server exited"; }
  sleep 0.2
done
curl -sf "http://$LISTEN/readyz" >/dev/null || die "the server did not become ready (see var/log/server.log)"

slug="$("$AYC_ROOT/scripts/pg.sh" psql -tAc "SELECT slug FROM products WHERE status = 'active' ORDER BY name LIMIT 1")"
# A sample customer for the demo's "picked for you" strip: the one with the most orders.
customer="$("$AYC_ROOT/scripts/pg.sh" psql -tAc "SELECT user_id FROM orders WHERE user_id IS NOT NULL GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 1")"
cat <<MSG

AyurvedaCart Search is up: http://$LISTEN  (PostgreSQL: $AYURVEDACART_PG)
Demo storefront (open in a browser): http://$LISTEN/web/?user=$customer
  (search box with suggestions, InstantSearch results with facets, product pages with
   related products, "picked for you" for that sample customer; web/README.md)
API description: http://$LISTEN/openapi.json
Try:
  curl 'http://$LISTEN/search?q=ashwagandha&limit=3'
  curl 'http://$LISTEN/search?q=joint%20pain%20oil&in_stock=true&country=US&currency=USD'
  curl 'http://$LISTEN/search?q=&category=churna&sort=popularity'
  curl 'http://$LISTEN/search?q=mahanarayn%20oil'             # a typo: see corrected_query
  curl 'http://$LISTEN/search?q=pet%20dard%20ki%20dawai'      # Hinglish, read word by word
  curl 'http://$LISTEN/search?q=yoga%20mat'                   # not sold here: match "none", next_steps
  curl 'http://$LISTEN/users/$customer/recommendations?kind=buy_again'
  curl 'http://$LISTEN/autocomplete?q=tuls'
  curl 'http://$LISTEN/products/$slug/related?kind=bought_together'
  curl 'http://$LISTEN/recommendations/trending?category=churna'
  curl -X POST 'http://$LISTEN/1/indexes/*/queries' -d '{"requests":[{"indexName":"products","query":"tulsi","facets":["brand"]}]}'
  curl 'http://$LISTEN/metrics'
Stop everything with: scripts/run.sh stop
MSG
