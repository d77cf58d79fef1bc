#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets of tests/fuzz (clang, ASan + UBSan,
# build-fuzz/) and runs each for a fixed time, after replaying its seed
# corpus and saved regressions once.
#
#   bench/fuzz.sh [seconds-per-target] [target...]     default 300 s, every target
#   bench/fuzz.sh 15                                   what CI runs (scripts/test.sh)
#   bench/fuzz.sh 600 fuzz_http                        one target, longer
#
# Environment: AYC_JOBS (build parallelism, default 2).
#
# Each target fuzzes a working corpus, build-fuzz/corpus-work/<target>/,
# which keeps what it finds across runs; the repository's seeds
# (tests/fuzz/corpus/<target>/) and regressions
# (tests/fuzz/regressions/<target>/) are read, never written. Per target it
# prints executions, executions per second and coverage (libFuzzer's final
# "cov:"), and it exits non-zero when any target crashes, breaks an
# invariant, leaks, runs out of memory or times out on an input (10 s),
# printing the saved input (build-fuzz/crashes/<target>/) and the command that
# reproduces it. Add such an input to tests/fuzz/regressions/<target>/ (named
# after what it found) once it is understood: every later run and the
# build-fuzz ctest replay it. A saved input that still fails fails the run,
# and the target is fuzzed anyway, without its regressions as seeds.
#
# Needs clang and libFuzzer (Debian: clang, libclang-rt-14-dev); installs
# them when missing, as scripts/setup.sh does for the rest.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

SECONDS_PER_TARGET="${1:-300}"
[[ "$SECONDS_PER_TARGET" =~ ^[1-9][0-9]*$ ]] || die "usage: bench/fuzz.sh [seconds-per-target] [target...]"
shift $(( $# > 0 ? 1 : 0 ))
ALL_TARGETS=(fuzz_http fuzz_query_text fuzz_click_event fuzz_copy_encoding fuzz_spool_read fuzz_spool_roundtrip)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")
for t in "${TARGETS[@]}"; do
  [[ " ${ALL_TARGETS[*]} " == *" $t "* ]] || die "unknown fuzz target $t (known: ${ALL_TARGETS[*]})"
done

BUILD="$ROOT/build-fuzz"
SRC="$ROOT/tests/fuzz"

# clang and libFuzzer, installed like scripts/setup.sh installs packages.
if ! command -v clang++ >/dev/null || ! compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
  say "installing clang and libFuzzer (clang, libclang-rt-14-dev)"
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
fi

say "building the fuzz targets in $BUILD (clang, ASan + UBSan)"
CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -DAYC_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
build_start=$(date +%s)
cmake --build "$BUILD" --target "${TARGETS[@]}" -j"${AYC_JOBS:-2}" 2>&1 \
  | grep -Ev '^\[ *[0-9]+%\]|^Consolidate compiler|^-- ' || true
[ "${PIPESTATUS[0]}" -eq 0 ] || die "fuzz build failed"
say "built in $(( $(date +%s) - build_start )) s"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# The targets' scratch files (spool directories): on tmpfs when there is one,
# where the spool's fdatasync costs nothing.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  TMPDIR="$(mktemp -d /dev/shm/ayc-fuzz.XXXXXX)"
else
  TMPDIR="$(mktemp -d "$BUILD/tmp.XXXXXX")"
fi
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
mkdir -p "$BUILD/fuzz-logs"

# Options per target: the HTTP target needs room for an 8 KiB header (431).
options_for() {
  case "$1" in
    fuzz_http) echo "-dict=$SRC/http.dict -max_len=10240" ;;
    *) echo "" ;;
  esac
}

# The last value of `key: N` in a log (libFuzzer's status lines).
last_field() { grep -Eo "$1: [0-9]+" "$2" | tail -1 | awk '{print $2}'; }
final_stat() { grep -E "^stat::$1:" "$2" | tail -1 | awk '{print $2}'; }

failed=()
summary=()
for t in "${TARGETS[@]}"; do
  bin="$BUILD/fuzz/$t"
  log="$BUILD/fuzz-logs/$t.log"
  work="$BUILD/corpus-work/$t"
  artifacts="$BUILD/crashes/$t"
  mkdir -p "$work" "$artifacts"
  inputs=("$SRC/corpus/$t")
  read -r -a opts <<<"$(options_for "$t")"
  replay=""

  # 1. The seeds and saved regressions, once each, one file at a time (the
  #    first failure would end a run over all of them).
  replay_inputs=("$SRC/corpus/$t"/*)
  [ -d "$SRC/regressions/$t" ] && replay_inputs+=("$SRC/regressions/$t"/*)
  failing=()
  for input in "${replay_inputs[@]}"; do
    [ -f "$input" ] || continue
    "$bin" "${opts[@]}" "$input" >"$log.replay" 2>&1 || { failing+=("$input"); cp "$log.replay" "$log.replay.$(basename "$input")"; }
  done
  if [ ${#failing[@]} -gt 0 ]; then
    say "$t: ${#failing[@]} seed or regression input(s) fail"
    for input in "${failing[@]}"; do
      grep -E "==ayc-fuzz==|runtime error|SUMMARY" "$log.replay.$(basename "$input")" | head -3 >&2 || true
      echo "reproduce: $bin ${opts[*]} $input" >&2
    done
    failed+=("$t")
    replay="${#failing[@]} saved input(s) fail; "
  elif [ -d "$SRC/regressions/$t" ]; then
    inputs+=("$SRC/regressions/$t")  # good seeds once they pass
  fi

  # 2. Fuzzing for the fixed time: new inputs go to the working corpus only.
  say "$t: fuzzing for ${SECONDS_PER_TARGET} s"
  status=0
  "$bin" "${opts[@]}" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "${inputs[@]}" >"$log" 2>&1 || status=$?
  execs="$(final_stat number_of_executed_units "$log")"
  rate="$(final_stat average_exec_per_sec "$log")"
  cov="$(last_field cov "$log")"
  if [ "$status" -ne 0 ]; then
    artifact="$(grep -Eo "Test unit written to [^ ]+" "$log" | tail -1 | awk '{print $5}')"
    kind="$(grep -Eo "(deadly signal|leak|timeout|out-of-memory|runtime error|==ayc-fuzz== invariant failed)" "$log" | head -1)"
    say "$t: FAILED (${kind:-exit $status})"
    grep -E "==ayc-fuzz==|ERROR: |runtime error|SUMMARY|^    #[0-9]+ " "$log" | head -40 >&2 || true
    echo "input:     ${artifact:-none saved}" >&2
    echo "reproduce: $bin ${opts[*]} ${artifact:-<input>}   (log: $log)" >&2
    [[ " ${failed[*]} " == *" $t "* ]] || failed+=("$t")
    summary+=("$(printf '| %-22s | %12s | %10s | %6s | %s |' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" \
      "${replay}FAILED: ${kind:-exit $status}, ${artifact:-no input saved}")")
  else
    summary+=("$(printf '| %-22s | %12s | %10s | %6s | %s |' "$t" "$execs" "$rate" "$cov" \
      "${replay}${replay:+fuzzing }ok, corpus $(find "$work" -type f | wc -l) inputs")")
  fi
done

printf '\n%s s per target\n\n| %-22s | %12s | %10s | %6s | %s |\n|%s|%s|%s|%s|%s|\n' "$SECONDS_PER_TARGET" \
  target executions "exec/s" cov result "------------------------" "--------------" "------------" "--------" "--------"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  die "fuzzing failed: ${failed[*]}"
fi
