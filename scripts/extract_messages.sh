#!/usr/bin/env bash
# Collects the message ids into locales/messages.pot and merges them into every language's catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pybabel extract -F babel.cfg --no-default-keywords -k _ -k N_ -k ngettext:2,3 \
  --sort-by-file --no-wrap --project "SMI Intake" -o locales/messages.pot . >/dev/null 2>&1
.venv/bin/pybabel update -i locales/messages.pot -d locales -D messages --no-wrap --ignore-obsolete --no-fuzzy-matching >/dev/null 2>&1
echo "catalogs updated; translate the new or fuzzy entries, then: .venv/bin/pybabel compile -d locales"
