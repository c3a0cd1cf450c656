#!/usr/bin/env bash
# Runs the app on the embedded default: SQLite under ./data, demo mode.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m smi_intake.cli seed-demo
exec .venv/bin/streamlit run app.py "$@"
