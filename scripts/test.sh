#!/usr/bin/env bash
# Runs the whole test suite: everything on SQLite, then the database tests (-m db) again on
# PostgreSQL (a fresh database per run on SMI_TEST_POSTGRES_URL's server).
# With CI=true an unreachable PostgreSQL fails the run; elsewhere it is reported and skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "== tests on SQLite"
SMI_TEST_DB=sqlite .venv/bin/pytest "$@"

pg_url=${SMI_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}
if .venv/bin/python -m tests.pg_reachable "$pg_url"; then
  echo "== database tests on PostgreSQL"
  SMI_TEST_DB=postgresql SMI_TEST_POSTGRES_URL=$pg_url .venv/bin/pytest -m db "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "test: PostgreSQL at $pg_url cannot be reached; CI does not skip it" >&2
  exit 1
else
  echo "test: WARNING: PostgreSQL at $pg_url cannot be reached; database tests ran on SQLite only" >&2
fi
