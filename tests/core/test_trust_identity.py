"""Issue 10, findings 1 and 2: the IT policy cannot be escaped, identity is the OS account.

Every test here failed on the main of issue 10 (commit fd08fa3).
"""

from __future__ import annotations

import io
import os
import pwd

import pytest

from desktop.app.session import open_session
from desktop.cli.main import main
from desktop.core import identity, policy as policy_mod
from desktop.core.errors import PolicyError
from desktop.core.model import Lang
from desktop.core.posts import PostService
from desktop.core.store import SqliteStore

OS_ACCOUNT = pwd.getpwuid(os.getuid()).pw_name


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


# -- finding 1: the policy cannot be switched off ----------------------------------


def test_the_system_policy_wins_over_tandem_policy(tmp_path, monkeypatch):
    system = write(tmp_path / "system.toml", "[identity]\nallow_override = false\n")
    monkeypatch.setattr(policy_mod, "system_policy_path", lambda: system)
    monkeypatch.setenv("TANDEM_POLICY", str(tmp_path / "nonexistent.toml"))
    assert policy_mod.default_policy_path() == system
    assert policy_mod.load().get("identity.allow_override") is False
    system.unlink()  # no system policy: TANDEM_POLICY (pilots, tests) is read
    assert policy_mod.default_policy_path() == tmp_path / "nonexistent.toml"


def test_a_store_created_under_a_policy_refuses_to_open_without_it(tmp_path, monkeypatch, capsys):
    """`TANDEM_POLICY=/nonexistent TANDEM_USER=tr1 tandem users list` made tr1 an admin."""
    policy = write(tmp_path / "policy.toml",
                   '[roles]\nadmins = ["it1"]\n[roles.grants]\ntr1 = ["translator"]\n')
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    monkeypatch.setenv("TANDEM_USER", "tr1")
    assert run("users", "list")[0] == 0
    for escape in (str(tmp_path / "nonexistent.toml"), str(write(tmp_path / "mine.toml", ""))):
        monkeypatch.setenv("TANDEM_POLICY", escape)
        capsys.readouterr()
        for argv in (("users", "list"), ("audit", "verify"), ("users", "grant", "tr1", "admin")):
            assert run(*argv)[0] == 2, argv
            err = capsys.readouterr().err
            assert "managed by the IT policy" in err and str(policy) in err
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    session = open_session()
    assert "roles.bootstrap" not in [e.action for e in session.store.audit_entries()]
    assert session.roles.roles_of("tr1") == {"translator"}
    session.close()


def test_bootstrap_never_makes_an_admin_of_whoever_opens_a_used_store(tmp_path, monkeypatch):
    db = tmp_path / "used.sqlite3"
    store = SqliteStore(db)
    PostService(store, "author1").create(en="Written before anyone was admin")
    store.close()
    monkeypatch.setenv("TANDEM_USER", "tr1")
    assert run("audit", "verify", "--db", str(db))[0] == 0
    session = open_session(db)
    assert session.roles.roles_of("tr1") == frozenset()
    assert "roles.bootstrap" not in [e.action for e in session.store.audit_entries()]
    session.close()


def test_the_first_user_of_a_brand_new_store_is_still_its_admin(tmp_path, monkeypatch):
    monkeypatch.setenv("TANDEM_USER", "alice")
    session = open_session(tmp_path / "new.sqlite3")
    assert session.roles.roles_of() == {"admin", "author"}
    session.close()


# -- finding 2: identity comes from the process, not the environment ---------------


@pytest.mark.parametrize("variable", ["LOGNAME", "USER", "USERNAME", "LNAME"])
def test_login_variables_never_name_the_user(monkeypatch, variable):
    """`LOGNAME=tr1 tandem review sign 1 --lang fr` signed as tr1 under allow_override=false."""
    assert OS_ACCOUNT != "tr1"
    monkeypatch.setenv(variable, "tr1")
    strict = policy_mod.parse("[identity]\nallow_override = false\n")
    assert identity.current_user(strict) == OS_ACCOUNT
    assert identity.current_user(policy_mod.Policy()) == OS_ACCOUNT


def test_logname_cannot_sign_as_someone_else_through_the_cli(tmp_path, monkeypatch):
    policy = write(tmp_path / "policy.toml", "[identity]\nallow_override = false\n")
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    monkeypatch.setenv("LOGNAME", "appr1")
    monkeypatch.setenv("USER", "appr1")
    assert run("post", "new", "--en", "Hello", "--fr", "Bonjour")[0] == 0
    session = open_session()
    assert {e.actor for e in session.store.audit_entries()} == {OS_ACCOUNT}
    session.close()


def test_tandem_user_is_refused_where_the_policy_forbids_it():
    strict = policy_mod.parse("[identity]\nallow_override = false\n")
    os.environ["TANDEM_USER"] = "tr1"
    try:
        with pytest.raises(PolicyError, match="forbids acting as another user"):
            identity.current_user(strict)
    finally:
        del os.environ["TANDEM_USER"]


def test_an_overridden_identity_is_recorded_as_such_in_the_audit_log(tmp_path, monkeypatch):
    monkeypatch.setenv("TANDEM_USER", "bob")
    session = open_session(tmp_path / "s.sqlite3")
    post = session.posts.create(en="Hi").post
    session.posts.edit(post.id, Lang.EN, "Hello")
    entries = session.store.audit_entries()
    assert entries and all(e.actor == "bob" for e in entries)
    assert all(e.details["identity"] == {"override": "TANDEM_USER", "os_account": OS_ACCOUNT}
               for e in entries)
    session.close()
    monkeypatch.delenv("TANDEM_USER")
    own = open_session(tmp_path / "own.sqlite3")
    own.posts.create(en="Hi")
    assert all("identity" not in e.details for e in own.store.audit_entries())
    own.close()
