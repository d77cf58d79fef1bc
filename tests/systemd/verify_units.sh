#!/usr/bin/env bash
# Checks the systemd units shipped in deploy/systemd/:
#   - every .timer has a .service of the same name (and starts no other unit);
#   - every service starts /usr/local/bin/ayurvedacart-*, carries the sandbox
#     settings below, and a Type=oneshot service has no Restart= or
#     RestartForceExitStatus= (systemd refuses the latter, and a restarted
#     oneshot run would race the next timer run);
#   - `systemd-analyze verify` accepts every .service and .timer, with the
#     binaries under test in place of /usr/local/bin: a non-zero exit or any
#     line it prints is a failure (it exits 0 after warnings such as
#     "Unknown key", so its output is checked too).
#
#   AYC_BIN_DIR=build-dev/bin tests/systemd/verify_units.sh
#   tests/systemd/verify_units.sh build-dev          # same, from the build dir
#
# AYC_BIN_DIR: directory holding ayurvedacart-server and ayurvedacart-indexer
#   (CTest sets it to the build's bin/); without it, $1 is the build directory.
# AYC_UNIT_DIR: units to check (default: deploy/systemd of this source tree).
# Exit codes: 0 pass, 1 a check failed, 2 bad usage, 77 skipped because
# systemd-analyze is not installed (Debian package "systemd").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
unit_dir="${AYC_UNIT_DIR:-$here/../../deploy/systemd}"
[ -d "$unit_dir" ] && unit_dir="$(cd "$unit_dir" && pwd)"
if [ -n "${AYC_BIN_DIR:-}" ]; then
  bin_dir="$AYC_BIN_DIR"
elif [ -n "${1:-}" ]; then
  bin_dir="$1/bin"
else
  echo "usage: AYC_BIN_DIR=BUILD/bin $0   or   $0 BUILD_DIR" >&2
  exit 2
fi

if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "SKIP: systemd-analyze is not installed (Debian package: systemd)"
  exit 77
fi

# Lines systemd-analyze verify may print for a correct unit because of where
# it runs, not because of the unit: "pattern<TAB>why". Checked on Debian 12
# (systemd 252) in a container whose PID 1 is not systemd, as root and as an
# unprivileged user: a correct unit prints nothing there, so nothing is
# filtered. Add a line only with the exact message and the reason it is noise.
harmless_noise=(
)

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Prints the Key=Value lines of [section] in a unit file, comments dropped and
# continuation lines joined.
section_keys() {
  awk -v want="[$2]" '
    /^[ \t]*[#;]/ { next }
    /^[ \t]*\[/   { gsub(/[ \t]/, ""); in_section = ($0 == want); next }
    !in_section   { next }
    {
      line = pending $0
      if (line ~ /\\$/) { pending = substr(line, 1, length(line) - 1) " "; next }
      pending = ""
      if (line ~ /=/) print line
    }' "$1"
}

# Values of one key in [section], one a line (a key may appear several times).
key_values() {
  section_keys "$1" "$2" | sed -n "s/^[ \t]*$3[ \t]*=[ \t]*//p"
}

[ -d "$unit_dir" ] || { echo "no unit directory $unit_dir" >&2; exit 2; }
for b in ayurvedacart-server ayurvedacart-indexer; do
  [ -x "$bin_dir/$b" ] || { echo "$bin_dir/$b is missing: build it, or set AYC_BIN_DIR" >&2; exit 2; }
done
bin_dir="$(cd "$bin_dir" && pwd)"

shopt -s nullglob
units=("$unit_dir"/*.service "$unit_dir"/*.timer)
shopt -u nullglob
[ ${#units[@]} -gt 0 ] || { echo "no .service or .timer in $unit_dir" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Settings every service must keep (README.md in deploy/systemd explains them).
required_sandbox=(
  "NoNewPrivileges=yes"
  "ProtectSystem=strict"
  "PrivateTmp=yes"
  "PrivateDevices=yes"
  "ProtectHome=yes"
  "ProtectKernelTunables=yes"
  "ProtectKernelModules=yes"
  "ProtectKernelLogs=yes"
  "ProtectControlGroups=yes"
  "ProtectClock=yes"
  "ProtectHostname=yes"
  "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX"
  "RestrictNamespaces=yes"
  "RestrictRealtime=yes"
  "RestrictSUIDSGID=yes"
  "LockPersonality=yes"
  "MemoryDenyWriteExecute=yes"
  "SystemCallArchitectures=native"
  "SystemCallFilter=@system-service"
  "CapabilityBoundingSet="
  "UMask=0027"
  "User=ayurvedacart"
  "StateDirectory=ayurvedacart"
)

for path in "${units[@]}"; do
  name="$(basename "$path")"
  case "$name" in
    *.timer)
      service="${name%.timer}.service"
      [ -f "$unit_dir/$service" ] || fail "$name: no $service beside it"
      other="$(key_values "$path" Timer Unit)"
      [ -z "$other" ] || [ "$other" = "$service" ] || fail "$name: starts $other, not $service"
      ;;
    *.service)
      sandbox="$(section_keys "$path" Service | sed 's/^[ \t]*//; s/[ \t]*=[ \t]*/=/; s/[ \t]*$//')"
      for want in "${required_sandbox[@]}"; do
        grep -qxF -- "$want" <<<"$sandbox" || fail "$name: [Service] lacks $want"
      done
      while IFS= read -r exec; do
        [[ "$exec" =~ ^[-@:+!]*/usr/local/bin/ayurvedacart-[a-z-]+( |$) ]] ||
          fail "$name: ExecStart=$exec does not start /usr/local/bin/ayurvedacart-*"
      done < <(key_values "$path" Service ExecStart)
      if [ "$(key_values "$path" Service Type | tail -n 1)" = oneshot ]; then
        for key in Restart RestartForceExitStatus; do
          [ -z "$(key_values "$path" Service "$key")" ] || fail "$name: Type=oneshot with $key="
        done
      fi
      ;;
  esac
  # The copy verify reads starts the binaries under test.
  sed "s#/usr/local/bin/ayurvedacart-#$bin_dir/ayurvedacart-#g" "$path" > "$work/$name"
done

for path in "${units[@]}"; do
  name="$(basename "$path")"
  rc=0
  output="$(cd "$work" && systemd-analyze verify "./$name" 2>&1)" || rc=$?
  unexpected=()
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    noise=0
    for entry in "${harmless_noise[@]}"; do
      # shellcheck disable=SC2053  # the entry is a glob pattern on purpose
      [[ "$line" == ${entry%%$'\t'*} ]] && noise=1 && break
    done
    [ "$noise" = 1 ] || unexpected+=("$line")
  done <<<"$output"
  if [ "$rc" -ne 0 ] || [ ${#unexpected[@]} -gt 0 ]; then
    fail "systemd-analyze verify $name (exit $rc):"
    for line in "${unexpected[@]}"; do echo "    $line"; done
  else
    echo "ok: systemd-analyze verify $name"
  fi
done

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed (units from $unit_dir)"
  exit 1
fi
echo "all ${#units[@]} units pass (units from $unit_dir, binaries from $bin_dir)"
