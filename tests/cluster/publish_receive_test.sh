#!/usr/bin/env bash
# deploy/bin/ayurvedacart-publish and ayurvedacart-receive on real
# directories, with rsync between them (a local path as the source; the
# cluster test uses the rsync daemon): what is published is what is served,
# a damaged or foreign copy never becomes CURRENT, each index format has its
# own channel, unchanged files are hard-linked, old generations are pruned.
#
#   tests/cluster/publish_receive_test.sh
#
# Exit codes: 0 pass, 1 a check failed, 77 skipped (rsync missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v rsync >/dev/null || { echo "SKIP: rsync is not installed (scripts/setup.sh --deps)"; exit 77; }
publish="$root/deploy/bin/ayurvedacart-publish"
receive="$root/deploy/bin/ayurvedacart-receive"
work="$(mktemp -d)"
trap '[ "${KEEP:-0}" = 1 ] || rm -rf "$work"' EXIT
src="$work/indexer" dst="$work/replica"
mkdir -p "$src" "$dst"

failures=0
check() { local what="$1"; shift; if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi; }
served() { cat "$dst/CURRENT" 2>/dev/null || echo none; }
receive_once() { local rc=0; "$receive" --once --source "$src" --index-dir "$dst" --format "${1:-9}" 2>>"$work/receive.log" || rc=$?; echo "$rc"; }

# make_generation N: what the indexer leaves: a directory with a manifest and data files, then CURRENT.
make_generation() {
  local g; g="$(printf 'gen-%06d' "$1")"
  mkdir -p "$src/$g/xapian" "$src/$g/features"
  printf 'format_version=9\ngeneration=%s\nkind=full\n' "$g" >"$src/$g/MANIFEST"
  head -c 200000 /dev/urandom >"$src/$g/xapian/postlist.glass"
  [ -f "$src/$g/features/LOCK" ] || : >"$src/$g/features/LOCK"  # RocksDB keeps one: it must travel
  echo "$g" >"$src/CURRENT"
}

make_generation 1
cp /dev/null "$src/gen-000001/features/000001.sst"
head -c 300000 /dev/urandom >"$src/gen-000001/features/000001.sst"
"$publish" --index-dir "$src" >/dev/null
check "publish writes CHECKSUMS headed by the generation" [ "$(head -n1 "$src/gen-000001/CHECKSUMS")" = "# gen-000001" ]
check "publish points PUBLISHED-9 at it" [ "$(cat "$src/PUBLISHED-9")" = gen-000001 ]
check "the first receive succeeds" [ "$(receive_once)" = 0 ]
check "the replica serves gen-000001" [ "$(served)" = gen-000001 ]
check "its files are the published ones" diff -r "$src/gen-000001" "$dst/gen-000001"
check "a second receive changes nothing" [ "$(receive_once)" = 0 ]

# gen-000002: the indexer's copy of gen-000001 (CHECKSUMS included) with one file changed.
cp -a "$src/gen-000001" "$src/gen-000002"
sed -i 's/gen-000001/gen-000002/' "$src/gen-000002/MANIFEST"
head -c 200000 /dev/urandom >"$src/gen-000002/xapian/postlist.glass"
echo gen-000002 >"$src/CURRENT"
echo gen-000002 >"$src/PUBLISHED-9"  # published without its own CHECKSUMS
check "a generation carrying another's CHECKSUMS is refused" [ "$(receive_once)" = 1 ]
check "... and the replica still serves gen-000001" [ "$(served)" = gen-000001 ]
check "... and keeps no copy of it" [ ! -e "$dst/gen-000002" ] && [ ! -e "$dst/gen-000002.part" ]

"$publish" --index-dir "$src" >/dev/null
check "publish rewrites the copied CHECKSUMS" [ "$(head -n1 "$src/gen-000002/CHECKSUMS")" = "# gen-000002" ]
# Damage one file after publishing, same size: only the SHA-256 can tell.
printf 'X' | dd of="$src/gen-000002/xapian/postlist.glass" bs=1 seek=100 conv=notrunc status=none
check "a damaged file fails verification" [ "$(receive_once)" = 1 ]
check "... CURRENT is unchanged" [ "$(served)" = gen-000001 ]
grep -q "SHA-256" "$work/receive.log" && echo "ok: the log names the SHA-256 mismatch" || { echo "FAIL: the log does not say why"; failures=$((failures + 1)); }
rm -rf "$src/gen-000002/CHECKSUMS"
"$publish" --index-dir "$src" >/dev/null  # the indexer's real output, checksummed again
check "the intact generation is received" [ "$(receive_once)" = 0 ]
check "the replica serves gen-000002" [ "$(served)" = gen-000002 ]
check "the unchanged file is a hard link to the previous generation's" \
  [ "$(stat -c %i "$dst/gen-000002/features/000001.sst")" = "$(stat -c %i "$dst/gen-000001/features/000001.sst")" ]
check "RocksDB's LOCK file came along" [ -f "$dst/gen-000002/features/LOCK" ]

# A newer release's indexer publishes format 10 beside format 9.
check "a receiver for format 10 finds nothing published yet (exit 3)" [ "$(receive_once 10)" = 3 ]
check "... and leaves the served generation alone" [ "$(served)" = gen-000002 ]

make_generation 3
"$publish" --index-dir "$src" >/dev/null
make_generation 4
"$publish" --index-dir "$src" >/dev/null
check "the newest of several publishes is received" [ "$(receive_once)" = 0 ] && [ "$(served)" = gen-000004 ]
check "old generations are pruned to --keep 2 (the served one and one more)" \
  [ "$(cd "$dst" && ls -d gen-* | wc -l)" = 2 ]

# listing DIR: "SIZE SHA256 PATH" of every file but CHECKSUMS, read from scratch.
listing() { (cd "$1" && find . -type f ! -name CHECKSUMS -printf '%P\n' | LC_ALL=C sort |
  while read -r f; do echo "$(stat -c %s "$f") $(sha256sum "$f" | cut -d' ' -f1) $f"; done); }
# link_generation FROM TO: TO as an incremental run lays it out: FROM's files as hard links.
link_generation() {
  (cd "$src/$1" && find . -type f ! -name CHECKSUMS ! -name MANIFEST -printf '%P\n') | while read -r f; do
    mkdir -p "$(dirname "$src/$2/$f")"
    ln "$src/$1/$f" "$src/$2/$f"
  done
  printf 'format_version=9\ngeneration=%s\nkind=incremental\n' "$2" >"$src/$2/MANIFEST"
}
link_generation gen-000004 gen-000005
mkdir -p "$src/gen-000005/delta"
head -c 100000 /dev/urandom >"$src/gen-000005/delta/postlist.glass"
echo gen-000005 >"$src/CURRENT"
out="$("$publish" --index-dir "$src")"
check "publish reads only what the published generation lacks (the manifest and the delta)" \
  grep -q "2 of them (0 MiB) read, the rest kept from gen-000004's CHECKSUMS" <<<"$out"
check "... and its CHECKSUMS lists every file as read from scratch" \
  diff <(listing "$src/gen-000005") <(tail -n +2 "$src/gen-000005/CHECKSUMS")
check "the layered generation is received" [ "$(receive_once)" = 0 ] && [ "$(served)" = gen-000005 ]
check "... hashing only the files it did not hard-link from the served one" \
  grep -q "gen-000005.*hashed 2 files" "$work/receive.log"
check "... and its files are the published ones" diff -r "$src/gen-000005" "$dst/gen-000005"
# A file changed but for its size and time: rsync's quick check links the
# served one; the SHA-256 CHECKSUMS lists is not the served one's, so it is
# read, fails, and the copy is made again comparing contents.
link_generation gen-000005 gen-000006
rm "$src/gen-000006/xapian/postlist.glass"
cp -p "$src/gen-000005/xapian/postlist.glass" "$src/gen-000006/xapian/postlist.glass"
printf 'Y' | dd of="$src/gen-000006/xapian/postlist.glass" bs=1 seek=10 conv=notrunc status=none
touch -r "$src/gen-000005/xapian/postlist.glass" "$src/gen-000006/xapian/postlist.glass"
echo gen-000006 >"$src/CURRENT"
"$publish" --index-dir "$src" >/dev/null
check "a changed file with the served one's size and time is not taken for it" \
  [ "$(receive_once)" = 0 ] && [ "$(served)" = gen-000006 ]
check "... the replica has the new content" cmp "$src/gen-000006/xapian/postlist.glass" "$dst/gen-000006/xapian/postlist.glass"

rc=0
"$receive" --once --source "rsync://127.0.0.1:9/none" --index-dir "$dst" --format 9 2>/dev/null || rc=$?
check "an unreachable source is exit 5 and changes nothing" [ "$rc" = 5 ] && [ "$(served)" = gen-000006 ]
rc=0
AYURVEDACART_PUBLISH_SOURCE="" "$receive" --once --index-dir "$dst" 2>/dev/null || rc=$?
check "without a source (a single machine) receive does nothing and succeeds" [ "$rc" = 0 ]

if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "all publish/receive checks passed"
