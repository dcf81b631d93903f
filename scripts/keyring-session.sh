#!/usr/bin/env bash
# A private, unlocked OS keyring for tests: GNOME Keyring's Secret Service on a
# D-Bus session bus of its own, so Python's `keyring` talks to the real
# SecretService backend (never a plaintext file, never the developer's own
# login keyring). Its files live in a temporary folder that is removed when the
# watched process exits.
#
#   scripts/keyring-session.sh CMD [ARG...]     run CMD with the keyring (then stop it)
#   scripts/keyring-session.sh --env --watch PID
#       start it in the background and print `export` lines for `eval`; it is
#       stopped (and its folder removed) when process PID exits. scripts/test.sh
#       uses this with its own PID, which becomes pytest's after `exec`.
#
# Exported: DBUS_SESSION_BUS_ADDRESS (the private bus), TANDEM_TEST_SECRET_SERVICE
# (the same address: tells tests the bus is a throwaway one they may write to)
# and TANDEM_TEST_KEYRING_DIR (where gnome-keyring keeps its encrypted files).
# Installs the Debian packages dbus and gnome-keyring when they are missing.
set -euo pipefail

# Unlocks the throwaway "login" keyring created in the temporary folder.
PASSWORD="tandem-test-keyring"

die() { echo "keyring-session: $*" >&2; exit 1; }

install_packages() {
  if command -v dbus-daemon >/dev/null && command -v dbus-send >/dev/null \
      && command -v gnome-keyring-daemon >/dev/null; then
    return
  fi
  [ "$(id -u)" -eq 0 ] || die "needs D-Bus and GNOME Keyring: sudo apt-get install dbus gnome-keyring"
  command -v apt-get >/dev/null || die "needs dbus-daemon, dbus-send and gnome-keyring-daemon on PATH"
  echo "keyring-session: installing dbus and gnome-keyring with apt-get" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    dbus gnome-keyring >&2
}

# start WATCH_PID: sets BUS_ADDRESS and KEYRING_DIR; everything stops when WATCH_PID exits.
start() {
  local watch_pid=$1 dir bus_pid keyring_pid i
  dir=$(mktemp -d "${TMPDIR:-/tmp}/tandem-keyring.XXXXXX")
  mkdir -m 700 "$dir/data" "$dir/runtime"
  dbus-daemon --session --fork --address="unix:path=$dir/bus" \
    --print-address=3 --print-pid=4 3>"$dir/address" 4>"$dir/bus.pid" \
    </dev/null >"$dir/dbus.log" 2>&1 || die "dbus-daemon did not start (see $dir/dbus.log)"
  BUS_ADDRESS=$(head -n1 "$dir/address")
  bus_pid=$(head -n1 "$dir/bus.pid")
  # The daemon reads the unlock password on stdin and creates/unlocks the
  # default ("login") collection with it; XDG_* keep its files in $dir.
  printf '%s' "$PASSWORD" | env DBUS_SESSION_BUS_ADDRESS="$BUS_ADDRESS" \
    XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/runtime" \
    gnome-keyring-daemon --unlock --components=secrets --daemonize >"$dir/gkd.out" 2>"$dir/gkd.log" \
    || { kill "$bus_pid"; die "gnome-keyring-daemon did not start: $(cat "$dir/gkd.log")"; }
  keyring_pid=""
  for i in $(seq 50); do
    keyring_pid=$(DBUS_SESSION_BUS_ADDRESS="$BUS_ADDRESS" dbus-send --session --print-reply=literal \
      --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null \
      | awk '{print $2}') && [ -n "$keyring_pid" ] && break
    sleep 0.1
  done
  [ -n "$keyring_pid" ] || { kill "$bus_pid"; die "the Secret Service never appeared on the bus"; }
  # Reaper: detached from the terminal's signals; stops both daemons and
  # removes the folder once the watched process has gone.
  (
    trap '' INT HUP
    while kill -0 "$watch_pid" 2>/dev/null; do sleep 1; done
    kill "$keyring_pid" "$bus_pid" 2>/dev/null || true
    rm -rf "$dir"
  ) </dev/null >/dev/null 2>&1 &
  KEYRING_DIR="$dir/data/keyrings"
}

exports() {
  printf 'export DBUS_SESSION_BUS_ADDRESS=%q\n' "$BUS_ADDRESS"
  printf 'export TANDEM_TEST_SECRET_SERVICE=%q\n' "$BUS_ADDRESS"
  printf 'export TANDEM_TEST_KEYRING_DIR=%q\n' "$KEYRING_DIR"
}

case "${1:-}" in
  --env)
    [ "${2:-}" = "--watch" ] && [ -n "${3:-}" ] || die "usage: $0 --env --watch PID"
    install_packages
    start "$3"
    exports
    ;;
  ""|-h|--help)
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    [ -n "${1:-}" ]
    ;;
  *)
    install_packages
    start $$
    eval "$(exports)"
    exec "$@"
    ;;
esac
