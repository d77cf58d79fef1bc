#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs packages (Debian's
# chromium among them, and the npm packages of web/, tests/api and
# tests/web), builds the
# tests with AddressSanitizer + UndefinedBehaviorSanitizer in build-test/,
# starts a private PostgreSQL for the tests (.pgtest/, port 54339), loads the
# schema into a template database, creates the login roles the tests run the
# indexer and the server as, runs ctest, and stops PostgreSQL again.
#
#   scripts/test.sh [ctest args...]     e.g. scripts/test.sh -R indexer
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$AYC_ROOT/scripts/setup.sh" --test-deps

BUILD="$AYC_ROOT/build-test"
say "building tests with sanitizers in $BUILD"
cmake -S "$AYC_ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAYC_SANITIZE=ON \
  -DAYC_BUILD_TESTS=ON >/dev/null
cmake --build "$BUILD" -j"${AYC_JOBS:-2}" 2>&1 | grep -Ev '^\[ *[0-9]+%\]|^Consolidate compiler|^-- ' || true
[ "${PIPESTATUS[0]}" -eq 0 ] || die "test build failed"

# The Node packages of the API checks (tests/api: ajv, the Algolia clients)
# and of the browser test (tests/web: puppeteer-core), as their lockfiles pin them.
for dir in tests/api tests/web; do
  say "installing the npm packages of $dir"
  npm ci --prefix "$AYC_ROOT/$dir" --no-audit --no-fund --loglevel=error >/dev/null
done

export AYC_PG_DIR="$AYC_ROOT/.pgtest" AYC_PG_PORT="${AYC_TEST_PG_PORT:-54339}" AYC_PG_DB=ayc_template
"$AYC_ROOT/scripts/pg.sh" reset
trap '"$AYC_ROOT/scripts/pg.sh" stop' EXIT
# The tests run the indexer and the server as these login roles, which hold
# only the schema's least-privilege roles (no password: the test cluster
# trusts 127.0.0.1), so a grant data/schema.sql lacks fails a test. The test
# helpers (tests/support/temp_database.h) make them too when they are missing.
"$AYC_ROOT/scripts/pg.sh" psql -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
SET client_min_messages = warning;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ayc_test_indexer') THEN
        CREATE ROLE ayc_test_indexer LOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ayc_test_server') THEN
        CREATE ROLE ayc_test_server LOGIN;
    END IF;
END $$;
ALTER ROLE ayc_test_indexer LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
ALTER ROLE ayc_test_server LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
GRANT ayurvedacart_indexer TO ayc_test_indexer;
GRANT ayurvedacart_server TO ayc_test_server;
SQL

export AYC_TEST_PG="postgresql://postgres@127.0.0.1:$AYC_PG_PORT/postgres"
export AYC_BIN_DIR="$BUILD/bin"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1"
say "running tests"
cd "$BUILD"
# A test that fails is run once more before it counts: the machines are shared,
# and the end-to-end tests start real servers under real load.
ctest --output-on-failure --repeat until-pass:2 -j"${AYC_TEST_JOBS:-2}" "$@"

# Each libFuzzer target for a short fixed time (clang, ASan + UBSan, in
# build-fuzz/) after replaying its seeds and saved regressions;
# bench/fuzz.sh runs them longer. AYC_FUZZ_SECONDS=0 skips it.
if [ "${AYC_FUZZ_SECONDS:-15}" != 0 ]; then
  say "fuzzing, ${AYC_FUZZ_SECONDS:-15} s per target"
  "$AYC_ROOT/bench/fuzz.sh" "${AYC_FUZZ_SECONDS:-15}"
fi
