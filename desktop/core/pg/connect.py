"""Connecting to a team store: URLs, redaction, the TLS rule and the keyring password.

psycopg hands the URL to libpq, so libpq's conventions all work: ``PGPASSWORD``,
``~/.pgpass`` (or ``PGPASSFILE``), ``service=`` and ``pg_service.conf``,
``sslmode``/``sslrootcert``, GSSAPI/Kerberos. On top of them Tandem looks up a
password kept in the OS keyring by `tandem db login` when nothing else supplies
one. A URL is never shown, logged or stored with its password: `redact` drops it.

A server that is not on this computer must be reached over TLS that verifies
its certificate and name (``sslmode=verify-full``), or over GSSAPI encryption
(``gssencmode=require``: Kerberos authenticates the server to the client and
encrypts the session, which protects it as verified TLS does), unless the policy
sets ``database.allow_unverified_tls``. The rule is checked on the parameters
before connecting (so no password goes out first; a ``service=`` is looked up in
the service file for that) and again on the live connection.
"""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from ..errors import StoreError

SCHEMES = ("postgresql://", "postgres://")
KEYRING_SERVICE = "tandem-database"
_LOCAL_NAMES = {"localhost", "localhost.localdomain"}


# A libpq key=value connection string ("service=desk", "host=db dbname=tandem"): a team
# store too, never a SQLite file of that name.
_KEYWORDS = re.compile(r"\s*(service|host|hostaddr|port|dbname|user)\s*=")


def is_url(value: object) -> bool:
    """True for a team store's address: a postgresql:// URL or a libpq key=value string."""
    return isinstance(value, str) and (value.startswith(SCHEMES)
                                       or _KEYWORDS.match(value) is not None)


def parse(url: str) -> dict[str, str]:
    """The URL's libpq parameters (``password`` included, if it has one)."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    try:
        return {k: str(v) for k, v in conninfo_to_dict(url).items() if v is not None}
    except psycopg.ProgrammingError as exc:
        raise StoreError(f"{redact_text(url)} is not a valid PostgreSQL URL "
                         f"({type(exc).__name__}).", msg="team.bad_url",
                         url=redact_text(url)) from None


def redact(url: str) -> str:
    """The URL without its password (other parameters kept), safe to show and store."""
    params = parse(url)
    params.pop("password", None)
    user = quote(params.pop("user", ""), safe="")
    host = params.pop("host", "")
    port = params.pop("port", "")
    dbname = quote(params.pop("dbname", ""), safe="")
    netloc = (f"{user}@" if user else "") + (f"[{host}]" if ":" in host else quote(host, safe=""))
    netloc += f":{port}" if port else ""
    query = f"?{urlencode(sorted(params.items()))}" if params else ""
    return f"postgresql://{netloc}/{dbname}{query}"


def redact_text(text: str) -> str:
    """``text`` with the password part of anything URL-like (``user:secret@``,
    ``password=secret`` in a query or a key=value string) replaced, for error messages."""
    text = re.sub(r"(postgres(?:ql)?://[^:/@\s]*):[^@\s]*@", r"\1:***@", text)
    return re.sub(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]+)", r"\1***", text)


def effective(url: str) -> dict[str, str]:
    """The parameters libpq will use: the URL's, over its service's (``service=``, from the
    service file), over the environment's (PGHOST, PGSSLMODE, PGSERVICE…)."""
    from psycopg import pq

    params = {o.keyword.decode(): o.val.decode() for o in pq.Conninfo.get_defaults()
              if o.val is not None}
    given = parse(url)
    if "service" in given:
        params.update(service_params(given["service"]))
    params.update(given)
    return params


def service_files() -> list[Path]:
    """Where libpq looks for a service, in order: PGSERVICEFILE (else the user's
    ``~/.pg_service.conf``), then ``pg_service.conf`` in PGSYSCONFDIR. (libpq's
    built-in system folder, used when PGSYSCONFDIR is unset, is not known here:
    a service found only there is checked on the live connection alone.)"""
    if os.environ.get("PGSERVICEFILE"):
        files = [Path(os.environ["PGSERVICEFILE"])]
    elif os.name == "nt":
        files = [Path(os.environ.get("APPDATA", "")) / "postgresql" / ".pg_service.conf"]
    else:
        files = [Path.home() / ".pg_service.conf"]
    if os.environ.get("PGSYSCONFDIR"):
        files.append(Path(os.environ["PGSYSCONFDIR"]) / "pg_service.conf")
    return files


def service_params(name: str) -> dict[str, str]:
    """The parameters of service ``name`` as libpq reads them: the ``[name]`` section of
    the first service file that has one (empty when none has)."""
    import configparser

    for path in service_files():
        # libpq's service file is INI: [service] sections of key=value lines, # comments
        parser = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",),
                                           comment_prefixes=("#",), default_section="\0")
        try:
            parser.read_string(path.read_text(encoding="utf-8", errors="replace"))
        except (OSError, configparser.Error):
            continue  # unreadable here: libpq reports it on the live connection
        if parser.has_section(name):
            return dict(parser[name])
    return {}


def is_loopback(host: str | None) -> bool:
    """True for a Unix socket, localhost or a loopback address (every host of a list)."""
    if not host:
        return True
    for one in host.split(","):
        one = one.strip()
        if one.startswith("/") or one.startswith("@") or one.lower() in _LOCAL_NAMES:
            continue
        try:
            if ipaddress.ip_address(one).is_loopback:
                continue
        except ValueError:
            pass
        return False
    return True


def check_tls(host: str | None, sslmode: str | None, allow_unverified: bool,
              gssencmode: str | None = None) -> None:
    if (is_loopback(host) or sslmode == "verify-full" or gssencmode == "require"
            or allow_unverified):
        return
    raise StoreError(
        f"The team server {host} is not on this computer, so Tandem connects to it only over "
        f"TLS that verifies its certificate: add sslmode=verify-full to the URL (now "
        f"sslmode={sslmode or 'prefer'}), or gssencmode=require where the site uses Kerberos, "
        "or have IT set database.allow_unverified_tls in the policy.",
        msg="team.tls_required", host=host)


def keyring_key(params: dict[str, str]) -> str:
    """The keyring entry name for a login: ``user@host:port/dbname``."""
    return (f"{params.get('user', '')}@{params.get('host', '')}:{params.get('port', '5432')}"
            f"/{params.get('dbname', '')}")


def keyring_password(params: dict[str, str]) -> str | None:
    """The password `tandem db login` stored for these parameters, if any."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, keyring_key(params))
    except Exception:  # noqa: BLE001 — no usable keyring here (backends raise their own
        # errors: D-Bus, locked collection…): libpq's own password sources remain
        return None


def store_password(url: str, password: str) -> str:
    """Keep ``password`` in the OS keyring for the URL's login; returns the entry name."""
    import keyring

    key = keyring_key(effective(url))
    keyring.set_password(KEYRING_SERVICE, key, password)
    return key


def connect(url: str, *, password: str | None = None, allow_unverified_tls: bool = False,
            autocommit: bool = True):
    """An open psycopg connection for ``url`` (StoreError with a redacted message if not).

    ``password`` (from a prompt) goes before libpq's own sources; without it the
    keyring's is used only when the URL and PGPASSWORD give none."""
    import psycopg

    params = effective(url)
    check_tls(params.get("host"), params.get("sslmode"), allow_unverified_tls,
              params.get("gssencmode"))
    # libpq keywords, which psycopg takes as **kwargs: Any
    extra: dict[str, Any] = {"password": password} if password else {}
    if not extra and "password" not in params and not os.environ.get("PGPASSWORD"):
        password = keyring_password(params)
        if password:
            extra["password"] = password
    try:
        conn = psycopg.connect(url, autocommit=autocommit, application_name="tandem",
                               connect_timeout=int(params.get("connect_timeout") or 10), **extra)
    except psycopg.Error as exc:
        reason = redact_text(str(exc)).strip()
        raise StoreError(f"Cannot connect to the team store {redact(url)}: {reason}",
                         msg="team.unreachable", url=redact(url), error=reason) from None
    live = {o.keyword.decode(): (o.val or b"").decode() for o in conn.pgconn.info}
    try:
        check_tls(conn.info.host, live.get("sslmode"), allow_unverified_tls,
                  live.get("gssencmode"))
    except StoreError:
        conn.close()
        raise
    return conn
