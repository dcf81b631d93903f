#!/usr/bin/env bash
# Installs Takahē (a real Mastodon-client-API server, BSD-3) for the publishing tests, in .cache/takahe.
# Its source is on no package registry: the snapshot (and the working recipe) lie in
# ../shared/servers/takahe. Python dependencies come from PyPI into a venv of their own (Takahē's
# Django stack never touches Tandem's venv); PostgreSQL 15 comes from Debian (apt-get) when missing.
# A no-op once installed. Without ../shared it says so and exits 0 (the tests then skip, saying why).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${TAKAHE_SHARED:-$ROOT/../shared/servers/takahe}"
CACHE="$ROOT/.cache/takahe"
PGBIN=/usr/lib/postgresql/15/bin
if [ ! -d "$SHARED" ]; then
  echo "takahe: $SHARED is absent; the Mastodon-API tests will be skipped" >&2
  exit 0
fi
SNAPSHOT=$(ls "$SHARED"/takahe-src-*.tar.gz | head -1)
if [ -f "$CACHE/.installed" ] && [ "$(cat "$CACHE/.installed")" = "$(basename "$SNAPSHOT")" ]; then
  exit 0
fi
rm -rf "$CACHE"; mkdir -p "$CACHE/src"
tar xzf "$SNAPSHOT" -C "$CACHE/src" --strip-components=1
[ -x "$PGBIN/initdb" ] || { apt-get update -qq; apt-get install -y -qq postgresql-15 >/dev/null; }
python3 -m venv "$CACHE/venv"
"$CACHE/venv/bin/pip" install -q -r "$CACHE/src/requirements.txt"
cp "$SHARED/LICENSE-takahe" "$CACHE/"
basename "$SNAPSHOT" > "$CACHE/.installed"
echo "takahe: installed in $CACHE" >&2
