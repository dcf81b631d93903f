"""Team stores reached through a libpq service file (``postgresql:///?service=NAME``).

The service file (PGSERVICEFILE) names host, port, database and login; the
password comes from libpq's own sources (a PGPASSFILE here, or PGPASSWORD) or
from the OS keyring, never from the URL. Tandem reads the service the way libpq
does before connecting, so the TLS rule and the keyring entry see the real host.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import keyring
import pytest

from desktop.app.session import open_session
from desktop.cli.main import main
from desktop.core.errors import StoreError
from desktop.core.pg import connect
from desktop.core.pg.store import PgStore
from desktop.core.policy import Policy

from ..publishing.keyring_env import secret_service  # noqa: F401  (fixture)
from .team_desk import PASSWORD, Desk


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--json", *argv], stdout=out)
    return code, out.getvalue()


def write_service(path: Path, name: str, **params: str) -> None:
    lines = ["# a user's service file", "[other]", "host=192.0.2.99", "",
             f"[{name}]", *(f"{key}={value}" for key, value in params.items()), "[later]",
             "dbname=not-this-one"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def service(team, tmp_path, monkeypatch):
    """A team store with alice as admin, reached as alice through service ``desk``;
    her password only in a PGPASSFILE of her own (no PGPASSWORD)."""
    Desk("postgresql", tmp_path, team).close()
    alice = team.login("alice")
    write_service(tmp_path / "pg_service.conf", "desk", host=team.server.host,
                  port=team.server.port, dbname=team.name, user=alice)
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{team.server.host}:{team.server.port}:{team.name}:{alice}:{PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "pg_service.conf"))
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGSERVICE", raising=False)
    monkeypatch.setenv("TANDEM_USER", "somebody-else")  # no effect in team mode
    return alice


def test_a_service_url_opens_the_team_store_as_the_services_login(service, team, monkeypatch):
    url = "postgresql:///?service=desk"
    session = open_session(url, policy=Policy())
    try:
        assert session.user == service
        assert session.store.url == url  # what is shown and stored: the service, no secret
        post = session.posts.create(en="Hello through a service file").post
        assert post.created_by == service
    finally:
        session.close()
    code, out = run("--db", url, "post", "list")
    assert code == 0 and "Hello through a service file" in out
    monkeypatch.setenv("TANDEM_DB", url)
    code, out = run("doctor", "--offline")
    report = {check["id"]: check for check in json.loads(out)["checks"]}
    database = report["database"]
    assert database["status"] == "ok", database
    assert f"signed in as {service}" in database["message"]
    assert database["details"]["url"] == url
    assert PASSWORD not in out


def test_pgpassword_works_with_a_service_url(service, team, monkeypatch, tmp_path):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(StoreError, match="password"):
        PgStore("postgresql:///?service=desk")  # no password anywhere: refused, and says why
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    store = PgStore("postgresql:///?service=desk")
    try:
        assert store.login == service
    finally:
        store.close()


def test_the_url_overrides_the_service_and_the_service_the_environment(service, team,
                                                                       monkeypatch):
    monkeypatch.setenv("PGHOST", "192.0.2.50")  # the service's host wins over the environment
    params = connect.effective(f"postgresql://{team.owner}@/?service=desk")
    assert params["host"] == team.server.host and params["user"] == team.owner
    assert params["dbname"] == team.name


def test_a_service_naming_a_remote_host_needs_verified_tls_before_connecting(tmp_path,
                                                                           monkeypatch):
    write_service(tmp_path / "svc.conf", "far", host="192.0.2.1", dbname="tandem", user="u",
                  connect_timeout="1")
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "svc.conf"))
    with pytest.raises(StoreError) as err:
        connect.connect("postgresql:///?service=far")
    assert err.value.message.code == "team.tls_required" and "192.0.2.1" in str(err.value)
    write_service(tmp_path / "svc.conf", "far", host="192.0.2.1", sslmode="verify-full")
    connect.check_tls(**{k: connect.effective("postgresql:///?service=far").get(k)
                         for k in ("host", "sslmode")}, allow_unverified=False)


def test_a_system_service_file_is_read_after_the_users(tmp_path, monkeypatch):
    write_service(tmp_path / "user.conf", "mine", host="127.0.0.1")
    (tmp_path / "etc").mkdir()
    write_service(tmp_path / "etc" / "pg_service.conf", "site", host="db.example.org")
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "user.conf"))
    monkeypatch.setenv("PGSYSCONFDIR", str(tmp_path / "etc"))
    assert connect.effective("postgresql:///?service=mine")["host"] == "127.0.0.1"
    assert connect.effective("postgresql:///?service=site")["host"] == "db.example.org"
    with pytest.raises(StoreError, match="sslmode=verify-full"):
        connect.connect("postgresql:///?service=site")


def test_db_login_on_a_service_url_keeps_the_password_for_that_login(service, team, tmp_path,
                                                                   monkeypatch, secret_service):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, out = run("db", "login", "postgresql:///?service=desk", "--password-stdin")
    data = json.loads(out)
    try:
        assert code == 0 and PASSWORD not in out
        assert data["keyring_entry"] == \
            f"{service}@{team.server.host}:{team.server.port}/{team.name}"
        monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))  # only the keyring has it
        for url in ("postgresql:///?service=desk", team.url(service)):  # the same login
            store = PgStore(url)
            assert store.login == service
            store.close()
    finally:
        keyring.delete_password(connect.KEYRING_SERVICE, data["keyring_entry"])


def test_a_key_value_connection_string_is_a_team_store_not_a_file(service, team, tmp_path,
                                                                  monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = set(tmp_path.iterdir())
    session = open_session("service=desk", policy=Policy())
    try:
        assert session.user == service and session.store.url == "postgresql:///?service=desk"
    finally:
        session.close()
    code, out = run("--db", "service=desk", "post", "new", "--en", "Key=value")
    assert code == 0
    assert set(tmp_path.iterdir()) == before  # no SQLite file named "service=desk"
    assert connect.redact(f"service=desk password={PASSWORD}") == "postgresql:///?service=desk"


@pytest.mark.parametrize("text", [
    f"postgresql://u:{PASSWORD}@h/d", f"postgresql://u@h/d?password={PASSWORD}&sslmode=require",
    f"host=h password='{PASSWORD} x' user=u", f"host=h password = {PASSWORD}",
])
def test_error_texts_never_carry_a_password(text):
    assert PASSWORD not in connect.redact_text(text)
    with pytest.raises(StoreError) as err:
        connect.parse(text + " ?bad=")
    assert PASSWORD not in str(err.value)
