"""Team mode from the command line: init, identity, sign-in, TLS rule, schema guard, store copy."""

from __future__ import annotations

import io
import json
import os

import keyring
import pytest

from desktop.app.session import open_session
from desktop.cli.main import main
from desktop.core.errors import StoreError, StoreTooNew
from desktop.core.model import Lang
from desktop.core.pg import connect
from desktop.core.pg.store import PgStore
from desktop.core.policy import Policy

from ..publishing.keyring_env import secret_service  # noqa: F401  (fixture)
from .team_desk import PASSWORD, Desk
from .test_post_search import _out_of_step


def run(*argv: str) -> tuple[int, dict]:
    out = io.StringIO()
    code = main(["--json", *argv], stdout=out)
    return code, (json.loads(out.getvalue()) if out.getvalue().strip() else {})


def test_team_init_then_grant_and_write_from_the_cli(team, monkeypatch):
    alice, bob = team.login("alice"), team.login("bob")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    code, data = run("team", "init", team.url(team.owner), "--admin", alice,
                     "--role-prefix", team.prefix)
    assert code == 0 and data["admin"] == alice and data["schema_version"] >= 2
    assert run("team", "init", team.url(team.owner), "--admin", alice,
               "--role-prefix", team.prefix)[0] == 0  # again: harmless
    code, data = run("--db", team.url(alice), "users", "grant", bob, "translator")
    assert code == 0 and data["granted"] is True
    assert run("--db", team.url(alice), "users", "grant", bob, "author")[0] == 0
    code, data = run("--db", team.url(alice), "users", "list")
    assert {(g["user"], g["role"]) for g in data} >= {(alice, "admin"), (bob, "translator")}
    monkeypatch.setenv("TANDEM_DB", team.url(bob))
    code, data = run("post", "new", "--en", "Hello from bob")
    assert code == 0
    code, data = run("audit", "verify")
    assert code == 0 and data["ok"]
    store = PgStore(team.url(alice))  # the shipped termbase and mappings, as on SQLite
    try:
        assert {t["added_by"] for t in store.terms()} == {"seed"} and store.mappings()
    finally:
        store.close()


def test_the_login_is_the_user_whatever_the_environment_says(team, monkeypatch, tmp_path):
    Desk("postgresql", tmp_path, team).close()
    monkeypatch.setenv("TANDEM_USER", "the-minister")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    session = open_session(team.url(team.login("alice")), policy=Policy())
    try:
        assert session.user == team.login("alice")
        post = session.posts.create(en="Hi").post
        assert post.created_by == team.login("alice")
    finally:
        session.close()


def test_policy_database_url_opens_the_team_store_and_locks_it(team, monkeypatch, tmp_path):
    Desk("postgresql", tmp_path, team).close()
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    monkeypatch.delenv("TANDEM_DB")
    policy = Policy({"database.url": team.url(team.login("alice"))}, source="policy.toml")
    session = open_session(None, policy=policy)
    try:
        assert isinstance(session.store, PgStore)
    finally:
        session.close()
    with pytest.raises(Exception, match="locked by the IT policy"):
        open_session(str(tmp_path / "elsewhere.sqlite3"), policy=policy)


def test_passwords_never_show_in_urls_or_errors(team, tmp_path):
    Desk("postgresql", tmp_path, team).close()
    alice = team.login("alice")
    with_password = team.url(alice).replace(f"{alice}@", f"{alice}:{PASSWORD}@")
    store = PgStore(with_password)
    try:
        assert PASSWORD not in store.url and PASSWORD not in repr(store)
        assert store.login == alice
    finally:
        store.close()
    wrong = team.url(alice).replace(f"{alice}@", f"{alice}:not-{PASSWORD}@")
    with pytest.raises(StoreError) as err:
        PgStore(wrong)
    assert "password authentication failed" in str(err.value) and PASSWORD not in str(err.value)
    assert connect.redact("postgresql://u:s3cret@h:5/d?sslmode=require") == \
        "postgresql://u@h:5/d?sslmode=require"


@pytest.mark.parametrize("url, refused", [
    ("postgresql://u@192.0.2.10/tandem", True),
    ("postgresql://u@db.example.org/tandem?sslmode=require", True),
    ("postgresql://u@db.example.org,127.0.0.1/tandem", True),
    ("postgresql://u@127.0.0.1:1/tandem", False),
    ("postgresql://u@localhost:1/tandem", False),
    ("postgresql://u@[::1]:1/tandem", False),
])
def test_a_remote_server_needs_verified_tls(url, refused):
    params = connect.effective(url)
    if refused:
        with pytest.raises(StoreError, match="sslmode=verify-full"):
            connect.connect(url)  # refused before any packet (and password) goes out
        connect.check_tls(params.get("host"), params.get("sslmode"), allow_unverified=True)
    else:
        connect.check_tls(params.get("host"), params.get("sslmode"), allow_unverified=False)


def test_a_store_from_a_newer_tandem_is_refused(team, tmp_path):
    Desk("postgresql", tmp_path, team).close()
    os.environ["PGPASSWORD"] = PASSWORD
    try:
        owner = PgStore(team.url(team.owner))
        owner._execute("INSERT INTO schema_migrations (version, description) VALUES (99, 'x')")
        owner.close()
        with pytest.raises(StoreTooNew, match="newer Tandem"):
            PgStore(team.url(team.login("alice")))
    finally:
        del os.environ["PGPASSWORD"]


def test_db_login_keeps_the_password_in_the_keyring(team, tmp_path, monkeypatch, secret_service):
    Desk("postgresql", tmp_path, team).close()
    url = team.url(team.login("alice"))
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, data = run("db", "login", url, "--password-stdin")
    assert code == 0 and data["stored"] and PASSWORD not in json.dumps(data)
    try:
        monkeypatch.delenv("PGPASSWORD", raising=False)
        monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))  # only the keyring has it
        store = PgStore(url)
        assert store.login == team.login("alice")
        store.close()
    finally:
        keyring.delete_password(connect.KEYRING_SERVICE, data["keyring_entry"])
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    assert run("db", "login", url, "--password-stdin")[0] == 2


def test_store_copy_moves_a_desk_with_its_audit_chain(team, tmp_path, monkeypatch):
    desk = Desk("sqlite", tmp_path)
    desk.grant(bob="translator", carol="approver:program")
    desk("alice").approvals.set_chain('[[steps]]\nname = "Program"\n', where="chain.toml")
    for n in range(3):
        post = desk("alice").posts.create(en=f"Flu shots are free {n}").post
        desk.machine(post.id, Lang.FR, f"Les vaccins sont gratuits {n}")
        desk("bob").review.sign(post.id, Lang.FR)
        desk("bob").review.sign(post.id, Lang.EN)
        desk("carol").approvals.approve(post.id, "program")
    shelved = desk("alice").posts.create(en="Old news").post
    desk("alice").lifecycle.archive(shelved.id)
    source_entries = desk("alice").store.audit_entries()
    desk.close()
    team.init("alice")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    code, data = run("store", "copy", desk.db, team.url(team.owner))
    assert code == 0 and data["audit_ok"] and data["copied"]["posts"] == 4
    assert {"user": "bob", "role": "translator"} in data["grants"]
    copy = PgStore(team.url(team.owner))
    try:
        assert copy.audit_entries() == source_entries
        assert copy.count_posts(search="gratuits") == copy.count_posts() == 3  # not the shelved
        assert shelved.id not in [r["id"] for r in copy.list_posts()]
        new = copy.create_post("after the copy", copy.login)  # identity sequences moved on
        assert new.id == 5
    finally:
        copy.close()
    with team.connect("alice") as conn:
        assert _out_of_step(conn) == 0
    code, data = run("--db", team.url(team.owner), "audit", "verify")
    assert code == 0 and data["ok"], data
    code, data = run("store", "copy", desk.db, team.url(team.owner))
    assert code == 2 and "already holds posts" in data["error"]


def test_changes_reach_other_workstations_when_they_commit(team, tmp_path):
    desk = Desk("postgresql", tmp_path, team)
    desk.grant(bob="translator")
    bob = desk("bob")
    with team.password():
        feed = bob.store.changes()
    try:
        assert feed.read() == []
        alice = desk("alice")
        with alice.store.transaction():
            post = alice.posts.create(title="Flu").post
            assert feed.wait(0.2) == []  # not committed yet: nobody is told
        changes = feed.wait(5)
        assert [(c.action, c.post_id, c.actor) for c in changes] == [
            ("post.create", post.id, desk.name("alice"))]
        alice.posts.edit(post.id, Lang.EN, "Flu shots are free")
        desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits")
        desk("bob").review.sign(post.id, Lang.FR)
        seen = []
        while "review.sign" not in seen:
            batch = feed.wait(5)
            assert batch, f"no notification after {seen}"
            seen += [c.action for c in batch]
        assert seen[0] == "version.create"
    finally:
        feed.close()
        desk.close()


def test_doctor_reports_the_server_tls_schema_and_roles(team, tmp_path, monkeypatch):
    from desktop.app.doctor import FAIL, OK, check_database

    desk = Desk("postgresql", tmp_path, team)
    desk.close()
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    result = check_database(Policy(), team.url(team.login("alice")))
    assert result.status == OK, result
    assert result.details["roles"] == ["admin", "author"] and result.details["tls"] is False
    assert "PostgreSQL 1" in result.message and f"schema {result.details['known_schema']}" \
        in result.message
    outsider = check_database(Policy(), team.url(team.login("nobody")))
    assert outsider.status == FAIL and "holds no Tandem role" in outsider.message
