#!/usr/bin/env bash
# Creates .venv, installs the project with its test and dev extras, and compiles the catalogs.
# Safe to run again: it reinstalls only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."

python_bin=""
for candidate in "${PYTHON:-}" python3.11 python3; do
  if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1; then python_bin=$candidate; break; fi
done
[ -n "$python_bin" ] || { echo "setup: Python 3.11 or newer is needed" >&2; exit 1; }
"$python_bin" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "setup: $python_bin is older than Python 3.11" >&2; exit 1; }

[ -x .venv/bin/python ] || "$python_bin" -m venv .venv
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "setup: installing packages into .venv"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[test,dev]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi
.venv/bin/pybabel compile --domain messages --directory locales >/dev/null
echo "setup: ready"
