#!/usr/bin/env bash
# Runs the whole test suite headless. Called by `make test` (after the venv is
# installed). Starts the real services the tests use; each is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
export PYTHONDONTWRITEBYTECODE=1
# The publishing tests run against a real Bluesky PDS: install it (cached in
# .cache/pds, a no-op once done); tests/publishing/conftest.py starts and stops it.
scripts/pds/install.sh
exec .venv/bin/python -m pytest "$@"
