"""`tandem keys init|register|list` and `tandem audit verify|anchor`, end to end.

Keys are made in the run's private GNOME Keyring (the real Secret Service);
the tamperer edits the SQLite file directly and recomputes the audit chain.
"""

from __future__ import annotations

import io
import json

import pytest

from desktop.cli.main import main
from desktop.core import signing
from tests.core.insider import Insider
from tests.core.signing_env import signing_keys  # noqa: F401 (fixture)


@pytest.fixture
def tandem(tmp_path, monkeypatch, signing_keys):
    db = str(tmp_path / "cli.sqlite3")

    def run(user: str, *argv: str) -> tuple[int, str]:
        monkeypatch.setenv("TANDEM_USER", user)
        out = io.StringIO()
        return main([*argv, "--db", db], stdout=out), out.getvalue()

    run.db = db
    return run


def ok(result: tuple[int, str]) -> str:
    code, out = result
    assert code == 0, out
    return out


def signed_desk(tandem) -> None:
    """alice (admin) registers the keys bob and carol made; bob signs, carol approves."""
    for user, role in (("bob", "translator"), ("carol", "approver:approval")):
        ok(tandem("alice", "users", "grant", user, role))
        made = json.loads(ok(tandem(user, "--json", "keys", "init")))
        assert made["created"] and not made["registered"]
        ok(tandem("alice", "keys", "register", user, made["public_key"]))
    ok(tandem("alice", "post", "new", "--en", "Flu shots are free", "--fr", "Vaccins gratuits"))
    ok(tandem("bob", "review", "sign", "1", "--lang", "fr"))
    ok(tandem("bob", "review", "sign", "1", "--lang", "en"))
    ok(tandem("carol", "approve", "1"))


def test_keys_init_register_list(tandem, capsys):
    ok(tandem("alice", "users", "list"))  # alice opens the store first: its admin
    out = ok(tandem("bob", "keys", "init"))
    assert "Created a new signing key for bob" in out
    public = out.split("Public key: ")[1].split()[0]
    assert f"tandem keys register bob {public}" in out
    again = json.loads(ok(tandem("bob", "--json", "keys", "init")))
    assert again["public_key"] == public and not again["created"]  # the same key, kept
    assert tandem("bob", "keys", "register", "bob", public)[0] == 2
    assert "needs the admin role" in capsys.readouterr().err
    assert "Registered key" in ok(tandem("alice", "keys", "register", "bob", public))
    assert json.loads(ok(tandem("bob", "--json", "keys", "init")))["registered"]
    listing = json.loads(ok(tandem("alice", "--json", "keys", "list")))
    assert [(k["holder"], k["public_key"], k["registered_by"]) for k in listing] == \
        [("bob", public, "alice")]
    assert tandem("alice", "keys", "register", "carol", "not-a-key")[0] == 2


def test_a_refusal_for_want_of_a_key_names_the_commands(tandem, capsys):
    """A registered person whose keyring lacks the key is told how to fix it."""
    signed_desk(tandem)
    public = signing.public_text(signing.Ed25519PrivateKey.generate())  # kept elsewhere
    ok(tandem("alice", "users", "grant", "dan", "approver:approval"))
    ok(tandem("alice", "keys", "register", "dan", public))
    ok(tandem("alice", "post", "new", "--en", "Hello", "--fr", "Bonjour"))
    ok(tandem("bob", "review", "sign", "2", "--lang", "fr"))
    ok(tandem("bob", "review", "sign", "2", "--lang", "en"))
    assert tandem("dan", "approve", "2")[0] == 2
    err = capsys.readouterr().err
    assert "holds no signing key for dan" in err and "`tandem keys init`" in err


def test_verify_reports_signatures_and_unsigned_decisions(tandem):
    signed_desk(tandem)
    out = ok(tandem("alice", "audit", "verify"))
    assert "3 decision signature(s) verified" in out and "unsigned" not in out
    ok(tandem("alice", "users", "grant", "dan", "translator"))  # no key
    ok(tandem("alice", "post", "new", "--en", "Hello", "--fr", "Bonjour"))
    ok(tandem("dan", "review", "sign", "2", "--lang", "fr"))
    out = ok(tandem("alice", "audit", "verify"))
    assert "1 decision(s) unsigned" in out and "post 2 sign-off" in out


def test_anchor_then_cut_tail_and_forged_approver(tandem, capsys):
    signed_desk(tandem)
    anchor = ok(tandem("alice", "audit", "anchor")).splitlines()[0]
    data = json.loads(ok(tandem("alice", "--json", "audit", "anchor")))
    assert anchor == data["anchor"] == f"{data['seq']}:{data['hash']}"
    assert "matches 1 anchor" in ok(tandem("alice", "audit", "verify", "--anchor", anchor))

    insider = Insider(tandem.db)
    seq = insider.entry("approval.give")
    insider.sql("UPDATE approvals SET approver = 'bob'")
    insider.edit_entry(seq, actor="bob")
    insider.rehash()
    code, out = tandem("alice", "audit", "verify")
    assert code == 1 and f"approval 1 by bob (audit entry {seq})" in out
    code, out = tandem("alice", "audit", "verify", "--anchor", anchor)
    assert code == 1 and "rewritten at or before entry" in out

    insider.sql("DELETE FROM audit WHERE seq >= ?", (seq,))
    code, out = tandem("alice", "audit", "verify", "--anchor", anchor)
    assert code == 1 and "were cut" in out
    assert tandem("alice", "audit", "verify", "--anchor", "12:beef")[0] == 2
