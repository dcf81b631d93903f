#!/usr/bin/env bash
# A private PostgreSQL server for Tandem's tests and benchmarks (team mode).
#
#   scripts/postgres.sh start   initialise (once) and start the server; prints nothing
#   scripts/postgres.sh env     print `export` lines for `eval`: TANDEM_TEST_PG_URL (the
#                               superuser's URL, no password in it) and PGPASSFILE (a
#                               libpq password file holding the superuser's password)
#   scripts/postgres.sh stop    stop the server (its data folder is kept)
#   scripts/postgres.sh status  exit 0 when it is running
#   scripts/postgres.sh gss KEYTAB REALM
#                               let members of the group role `tandem_gss` (the caller
#                               creates it) sign in over TCP with a Kerberos ticket of
#                               REALM instead of a password (pg_hba.conf `gss
#                               include_realm=0`, first rule); KEYTAB holds
#                               postgres/localhost (scripts/kerberos.sh). Reloads, never
#                               restarts. `gss off` takes it away again.
#
# Debian's `postgresql` package is installed with apt-get when no server binaries
# are found. The server refuses to run as root, so when this script runs as root
# the cluster belongs to the `postgres` account and every server command runs as
# that account. The data folder is .cache/pg/data (or, when the `postgres` account
# cannot reach the work tree, a folder under $TMPDIR named after it); the server
# listens on 127.0.0.1 only, on a port that was free when the cluster was created,
# and its Unix socket is in the data folder's parent, not in /var/run.
# TCP logins need a password (scram-sha-256); the superuser's is random, kept in
# .cache/pg/pgpass (mode 600) and never shown.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STATE="$ROOT/.cache/pg"       # port, pgpass, the data folder's location
mkdir -p "$STATE"

die() { echo "postgres.sh: $*" >&2; exit 1; }

find_bindir() {
  local dir
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
}

install_server() {
  [ -n "$(find_bindir)" ] && return
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed: sudo apt-get install postgresql"
  command -v apt-get >/dev/null || die "PostgreSQL server binaries (initdb, pg_ctl) are not on this machine"
  echo "postgres.sh: installing postgresql with apt-get" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
  [ -n "$(find_bindir)" ] || die "apt-get installed postgresql but no initdb was found"
}

# The account the server runs as: `postgres` when we are root, else ourselves.
if [ "$(id -u)" -eq 0 ]; then
  SERVER_USER=postgres
  as_server() { runuser -u "$SERVER_USER" -- "$@"; }
else
  SERVER_USER=$(id -un)
  as_server() { "$@"; }
fi

data_dir() {
  if [ -f "$STATE/datadir" ]; then cat "$STATE/datadir"; return; fi
  local dir="$STATE/data"
  if [ "$(id -u)" -eq 0 ]; then
    id "$SERVER_USER" >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql \
      --shell /bin/bash "$SERVER_USER"
    chown "$SERVER_USER" "$STATE"
    if ! runuser -u "$SERVER_USER" -- test -w "$STATE"; then
      dir="${TMPDIR:-/tmp}/tandem-pg-$(echo "$ROOT" | sha1sum | cut -c1-12)/data"
    fi
  fi
  echo "$dir" > "$STATE/datadir"
  echo "$dir"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

init_cluster() {
  local bindir=$1 data=$2 port pwfile
  [ -f "$data/PG_VERSION" ] && return
  mkdir -p "$data"
  chmod 700 "$data"
  [ "$(id -u)" -eq 0 ] && chown -R "$SERVER_USER" "$(dirname "$data")"
  port=$(free_port)
  pwfile=$(mktemp)
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$pwfile"
  chmod 644 "$pwfile"   # initdb (the server account) reads it; removed right after
  as_server "$bindir/initdb" --pgdata="$data" --username=postgres --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
    >/dev/null
  # pgpass: host:port:database:user:password (libpq reads it through PGPASSFILE)
  printf '127.0.0.1:%s:*:postgres:%s\n' "$port" "$(cat "$pwfile")" > "$STATE/pgpass"
  chmod 600 "$STATE/pgpass"
  rm -f "$pwfile"
  echo "$port" > "$STATE/port"
  cat >> "$data/postgresql.conf" <<EOF

# Tandem test server (scripts/postgres.sh)
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$(dirname "$data")'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

is_running() {
  local bindir=$1 data=$2
  [ -f "$data/PG_VERSION" ] && as_server "$bindir/pg_ctl" status --pgdata="$data" >/dev/null 2>&1
}

verb=${1:-}
case "$verb" in
  start)
    install_server
    BINDIR=$(find_bindir); DATA=$(data_dir)
    init_cluster "$BINDIR" "$DATA"
    if ! is_running "$BINDIR" "$DATA"; then
      as_server "$BINDIR/pg_ctl" start --pgdata="$DATA" --wait --timeout=60 --silent \
        --log="$(dirname "$DATA")/server.log" >/dev/null \
        || die "the server did not start; see $(dirname "$DATA")/server.log"
    fi
    ;;
  stop)
    BINDIR=$(find_bindir); [ -n "$BINDIR" ] || exit 0
    DATA=$(data_dir)
    if is_running "$BINDIR" "$DATA"; then
      as_server "$BINDIR/pg_ctl" stop --pgdata="$DATA" --mode=fast --wait --silent >/dev/null
    fi
    ;;
  status)
    BINDIR=$(find_bindir); [ -n "$BINDIR" ] || exit 1
    is_running "$BINDIR" "$(data_dir)"
    ;;
  gss)
    BINDIR=$(find_bindir); DATA=$(data_dir)
    is_running "$BINDIR" "$DATA" || die "the server is not running: scripts/postgres.sh start"
    KEYTAB="$(dirname "$DATA")/krb5.keytab"   # a copy the server account can read
    # Lines this verb wrote end with "# tandem-gss": drop them, then (unless `off`) add anew.
    as_server sed -i '/# tandem-gss$/d' "$DATA/pg_hba.conf" "$DATA/postgresql.conf"
    if [ "${2:-}" = off ]; then
      rm -f "$KEYTAB"
    else
      [ -f "${2:-}" ] && [[ "${3:-}" =~ ^[A-Z0-9.-]+$ ]] \
        || die "usage: scripts/postgres.sh gss KEYTAB REALM | gss off"
      install -m 600 "$2" "$KEYTAB"
      [ "$(id -u)" -eq 0 ] && chown "$SERVER_USER" "$KEYTAB"
      as_server sed -i "1i host all +tandem_gss 127.0.0.1/32 gss include_realm=0 krb_realm=$3  # tandem-gss" \
        "$DATA/pg_hba.conf"
      echo "krb_server_keyfile = 'FILE:$KEYTAB'  # tandem-gss" \
        | as_server tee -a "$DATA/postgresql.conf" >/dev/null
    fi
    as_server "$BINDIR/pg_ctl" reload --pgdata="$DATA" --silent >/dev/null
    ;;
  env)
    [ -f "$STATE/port" ] || die "no cluster yet: run scripts/postgres.sh start first"
    echo "export TANDEM_TEST_PG_URL=postgresql://postgres@127.0.0.1:$(cat "$STATE/port")/postgres"
    echo "export PGPASSFILE=$STATE/pgpass"
    ;;
  *)
    die "usage: scripts/postgres.sh start|stop|status|env|gss KEYTAB REALM|gss off"
    ;;
esac
