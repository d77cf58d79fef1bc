# Shared helpers for the scripts in this folder. Source it; do not run it.
# shellcheck shell=bash

AYC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export AYC_ROOT

say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as the PostgreSQL OS user when we are root (initdb refuses root).
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  local b
  for b in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$b/initdb" ] && { echo "$b"; return; }
  done
  die "PostgreSQL server binaries not found: run scripts/setup.sh first"
}
