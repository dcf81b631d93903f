#!/usr/bin/env bash
# Runs the whole test suite headless. Called by `make test` (after the venv is
# installed). Starts the real services the tests use; each is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
export PYTHONDONTWRITEBYTECODE=1
# Lint and type check first: a failure there stops the run before the slow tests.
scripts/lint.sh
# The publishing tests run against a real Bluesky PDS: install it (cached in
# .cache/pds, a no-op once done); tests/publishing/conftest.py starts and stops it.
scripts/pds/install.sh
# ...and a real Mastodon-API server, Takahē, from the snapshot in ../shared/servers/takahe
# (cached in .cache/takahe; tests/publishing/takahe_server.py starts one per test module).
scripts/takahe/install.sh
# The credential tests use a real OS keyring: GNOME Keyring's Secret Service on a
# private D-Bus session bus, unlocked with a throwaway password (installs dbus and
# gnome-keyring with apt-get if missing). It stops when this script exits. See scripts/keyring-session.sh.
keyring_env=$(scripts/keyring-session.sh --env --watch $$)
eval "$keyring_env"
# tests/packaging builds the PyInstaller bundle; on Linux PyInstaller needs binutils
# (objdump) and build.spec strips debug symbols with strip/readelf.
if [[ "$(uname)" == Linux ]] && ! { command -v objdump && command -v readelf; } >/dev/null; then
    apt-get update -qq && apt-get install -y -qq binutils >/dev/null
fi
# Team-mode tests run against a real PostgreSQL (Debian's package, installed if
# missing) on 127.0.0.1 with a private data folder; stopped when this script exits.
# tests/pg/test_connect_gssapi.py starts a private Kerberos KDC (scripts/kerberos.sh).
scripts/postgres.sh start
trap 'scripts/kerberos.sh stop; scripts/postgres.sh stop' EXIT
eval "$(scripts/postgres.sh env)"
.venv/bin/python -m pytest "$@"
