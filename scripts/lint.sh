#!/usr/bin/env bash
# Lint (ruff) and type check (mypy), both configured in pyproject.toml. Run by
# `make lint` and, before pytest, by scripts/test.sh (so `make test` runs it).
# Extra arguments go to ruff, e.g. `scripts/lint.sh --statistics`.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
.venv/bin/ruff check "$@" . || status=1
.venv/bin/mypy || status=1
exit $status
