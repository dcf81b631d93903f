#!/usr/bin/env bash
# A private MIT Kerberos KDC for Tandem's GSSAPI tests (team mode), realm TANDEM.TEST.
#
#   scripts/kerberos.sh start          create the realm (once) and start its KDC; prints nothing
#   scripts/kerberos.sh addprinc NAME  add the user principal NAME@TANDEM.TEST (no-op if it
#                                      exists); its password is the one in the password file
#   scripts/kerberos.sh env            print `export` lines for `eval`: KRB5_CONFIG (a krb5.conf
#                                      naming only this realm), KRB5CCNAME (a private ticket
#                                      cache), TANDEM_TEST_KRB5_KEYTAB (the keytab of
#                                      postgres/localhost, for the PostgreSQL server) and
#                                      TANDEM_TEST_KRB5_PASSWORD_FILE (the throwaway password of
#                                      every user principal made by `addprinc`, mode 600)
#   scripts/kerberos.sh stop           stop the KDC (the realm's files are kept)
#   scripts/kerberos.sh status         exit 0 when it is running
#
# Everything lives in .cache/krb5: its own kdc.conf (KRB5_KDC_PROFILE) and krb5.conf
# (KRB5_CONFIG), the database with a throwaway master password, the keytab and the
# KDC's log. The KDC listens on 127.0.0.1 only, on a port that was free when the
# realm was created. The system's /etc/krb5.conf is never read or changed.
# Debian's krb5-kdc, krb5-admin-server (kadmin.local) and krb5-user (kinit) are
# installed with apt-get when missing; `start` exits with status 3 when they
# cannot be (not root, no apt-get, apt-get failed), so a test can say why it skips.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE="$(pwd)/.cache/krb5"
REALM=TANDEM.TEST
SERVICE=postgres/localhost

die() { echo "kerberos.sh: $*" >&2; exit 1; }
cannot_install() { echo "kerberos.sh: $*" >&2; exit 3; }

export KRB5_CONFIG="$STATE/krb5.conf" KRB5_KDC_PROFILE="$STATE/kdc.conf"

export PATH="$PATH:/usr/sbin"  # krb5kdc, kdb5_util, kadmin.local
have_tools() { command -v krb5kdc kdb5_util kadmin.local kinit >/dev/null 2>&1; }

install_kerberos() {
  have_tools && return
  [ "$(id -u)" -eq 0 ] || cannot_install "MIT Kerberos is not installed: sudo apt-get install krb5-kdc krb5-admin-server krb5-user"
  command -v apt-get >/dev/null || cannot_install "MIT Kerberos (krb5kdc, kadmin.local, kinit) is not on this machine and there is no apt-get"
  echo "kerberos.sh: installing krb5-kdc, krb5-admin-server and krb5-user with apt-get" >&2
  local packages=(krb5-kdc krb5-admin-server krb5-user)
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${packages[@]}" >&2; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${packages[@]}" >&2 \
      || cannot_install "apt-get could not install ${packages[*]}"
  fi
  have_tools || cannot_install "apt-get installed MIT Kerberos but krb5kdc/kadmin.local/kinit were not found"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

random_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }

create_realm() {
  [ -f "$STATE/principal" ] && return
  mkdir -p "$STATE"
  chmod 700 "$STATE"
  local port
  port=$(free_port)
  echo "$port" > "$STATE/port"
  cat > "$KRB5_KDC_PROFILE" <<EOF
# The test realm's KDC (scripts/kerberos.sh)
[kdcdefaults]
    kdc_ports = $port
    kdc_tcp_ports = $port
    kdc_listen = 127.0.0.1:$port
    kdc_tcp_listen = 127.0.0.1:$port

[realms]
    $REALM = {
        database_name = $STATE/principal
        key_stash_file = $STATE/stash
        acl_file = $STATE/kadm5.acl
        max_life = 1h
        supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
    }

[logging]
    kdc = FILE:$STATE/kdc.log
    admin_server = FILE:$STATE/kadmin.log
EOF
  cat > "$KRB5_CONFIG" <<EOF
# Clients of the test realm (scripts/kerberos.sh): only TANDEM.TEST, on 127.0.0.1
[libdefaults]
    default_realm = $REALM
    dns_lookup_kdc = false
    dns_lookup_realm = false
    dns_canonicalize_hostname = false
    rdns = false
    udp_preference_limit = 1

[realms]
    $REALM = {
        kdc = 127.0.0.1:$port
    }

[domain_realm]
    localhost = $REALM
EOF
  : > "$STATE/kadm5.acl"
  random_secret > "$STATE/password"
  chmod 600 "$STATE/password"
  kdb5_util create -s -r "$REALM" -P "$(random_secret)" >/dev/null 2>&1 \
    || die "kdb5_util could not create the realm's database (see $STATE)"
  kadmin.local -r "$REALM" -q "addprinc -randkey $SERVICE" >/dev/null 2>&1 \
    || die "kadmin.local could not add $SERVICE"
  kadmin.local -r "$REALM" -q "ktadd -k $STATE/postgres.keytab $SERVICE" >/dev/null 2>&1 \
    || die "kadmin.local could not write the keytab of $SERVICE"
  chmod 644 "$STATE/postgres.keytab"  # scripts/postgres.sh copies it for the server account
}

is_running() {
  [ -f "$STATE/kdc.pid" ] && kill -0 "$(cat "$STATE/kdc.pid")" 2>/dev/null
}

verb=${1:-}
case "$verb" in
  start)
    install_kerberos
    create_realm
    if ! is_running; then
      rm -f "$STATE/kdc.pid"
      krb5kdc -r "$REALM" -P "$STATE/kdc.pid" || die "krb5kdc did not start; see $STATE/kdc.log"
      for _ in $(seq 50); do is_running && break; sleep 0.1; done
      is_running || die "krb5kdc did not start; see $STATE/kdc.log"
    fi
    ;;
  addprinc)
    name=${2:-}
    [[ "$name" =~ ^[A-Za-z0-9_.-]+$ ]] || die "usage: scripts/kerberos.sh addprinc NAME (letters, digits, _ . -)"
    [ -f "$STATE/principal" ] || die "no realm yet: run scripts/kerberos.sh start first"
    if ! kadmin.local -r "$REALM" -q "getprinc $name" 2>/dev/null | grep -q "^Principal: "; then
      kadmin.local -r "$REALM" -q "addprinc -pw $(cat "$STATE/password") $name" >/dev/null 2>&1 \
        || die "kadmin.local could not add $name"
    fi
    ;;
  stop)
    if is_running; then
      pid=$(cat "$STATE/kdc.pid")
      kill "$pid"
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$STATE/kdc.pid"
    ;;
  status)
    is_running
    ;;
  env)
    [ -f "$STATE/principal" ] || die "no realm yet: run scripts/kerberos.sh start first"
    echo "export KRB5_CONFIG=$KRB5_CONFIG"
    echo "export KRB5CCNAME=FILE:$STATE/ccache"
    echo "export TANDEM_TEST_KRB5_KEYTAB=$STATE/postgres.keytab"
    echo "export TANDEM_TEST_KRB5_PASSWORD_FILE=$STATE/password"
    ;;
  *)
    die "usage: scripts/kerberos.sh start|addprinc NAME|env|stop|status"
    ;;
esac
