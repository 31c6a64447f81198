#!/usr/bin/env bash
# Set up (idempotent) and run the test suite. README.md and .ci/run both call this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest -q "$@"
