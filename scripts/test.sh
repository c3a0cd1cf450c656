#!/usr/bin/env bash
# Runs the whole test suite: everything on SQLite, and the database tests (-m db) again on
# PostgreSQL (a fresh database per test on SMI_TEST_POSTGRES_URL's server).
# The two stages run side by side (the machine has two cores); each writes its own log,
# printed when both have ended. With CI=true an unreachable PostgreSQL fails the run;
# elsewhere it is reported and skipped. SMI_TEST_SERIAL=1 runs the stages one after the other.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

pg_url=${SMI_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}
run_pg=false
if .venv/bin/python -m tests.pg_reachable "$pg_url"; then
  run_pg=true
elif [ "${CI:-}" = "true" ]; then
  echo "test: PostgreSQL at $pg_url cannot be reached; CI does not skip it" >&2
  exit 1
else
  echo "test: WARNING: PostgreSQL at $pg_url cannot be reached; database tests run on SQLite only" >&2
fi

sqlite_stage() { SMI_TEST_DB=sqlite .venv/bin/pytest "$@"; }
pg_stage() { SMI_TEST_DB=postgresql SMI_TEST_POSTGRES_URL=$pg_url .venv/bin/pytest -m db "$@"; }

if [ "${SMI_TEST_SERIAL:-}" = "1" ] || [ "$run_pg" = false ]; then
  echo "== tests on SQLite"
  sqlite_stage "$@"
  if [ "$run_pg" = true ]; then
    echo "== database tests on PostgreSQL"
    pg_stage "$@"
  fi
  exit 0
fi

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
echo "== tests on SQLite and, side by side, the database tests on PostgreSQL"
start=$SECONDS
sqlite_stage "$@" >"$logs/sqlite.log" 2>&1 &
sqlite_pid=$!
pg_stage "$@" >"$logs/pg.log" 2>&1 &
pg_pid=$!
sqlite_rc=0
pg_rc=0
wait "$sqlite_pid" || sqlite_rc=$?
wait "$pg_pid" || pg_rc=$?
echo "== tests on SQLite (exit $sqlite_rc)"
cat "$logs/sqlite.log"
echo "== database tests on PostgreSQL (exit $pg_rc)"
cat "$logs/pg.log"
echo "== both stages took $((SECONDS - start)) s"
[ "$sqlite_rc" -eq 0 ] && [ "$pg_rc" -eq 0 ]
