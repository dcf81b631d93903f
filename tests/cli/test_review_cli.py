"""`tandem users|review|approve|approvals|chain|export|import` and tamper detection, end to end."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest

from desktop.cli.main import main

CHAIN = """
[[steps]]
name = "Program"
[[steps]]
name = "Legal"
after = []
[[steps]]
name = "DG Communications"
after = ["program", "legal"]
"""


@pytest.fixture
def tandem(tmp_path, monkeypatch):
    """tandem(user, *argv) → (exit code, stdout) on one shared store."""
    db = str(tmp_path / "cli.sqlite3")

    def run(user: str, *argv: str, stdin: str | None = None) -> tuple[int, str]:
        monkeypatch.setenv("TANDEM_USER", user)
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
        out = io.StringIO()
        code = main([*argv, "--db", db], stdout=out)
        return code, out.getvalue()

    run.db = db
    return run


def ok(result: tuple[int, str]) -> str:
    code, out = result
    assert code == 0, out
    return out


def setup_people(tandem) -> None:
    for user, role in (("bob", "translator"), ("carol", "approver:program"),
                       ("lee", "approver:legal"), ("dan", "approver:dg-communications")):
        ok(tandem("alice", "users", "grant", user, role))


def test_users_grant_list_revoke(tandem, capsys):
    assert ok(tandem("alice", "users", "grant", "bob", "translator")) == \
        "bob now has the translator role.\n"
    assert "already had" in ok(tandem("alice", "users", "grant", "bob", "translator"))
    listing = json.loads(ok(tandem("alice", "--json", "users", "list")))
    assert {(g["user"], g["role"], g["locked"]) for g in listing} == {
        ("alice", "admin", False), ("alice", "author", False), ("bob", "translator", False)}
    assert "bob                  translator" in ok(tandem("alice", "users", "list"))
    code, out = tandem("bob", "--json", "users", "grant", "bob", "admin")
    assert code == 2 and json.loads(out)["kind"] == "PermissionDenied"
    assert "needs the admin role" in capsys.readouterr().err
    assert code == tandem("alice", "users", "grant", "bob", "approver")[0] == 2
    assert "name the approval step" in capsys.readouterr().err
    ok(tandem("alice", "users", "revoke", "bob", "translator"))
    assert tandem("alice", "users", "revoke", "bob", "translator")[0] == 2


def test_chain_set_and_show(tandem, tmp_path, capsys):
    assert "approval" in ok(tandem("alice", "chain", "show"))  # the default chain
    (tmp_path / "chain.toml").write_text(CHAIN)
    out = ok(tandem("alice", "chain", "set", str(tmp_path / "chain.toml")))
    assert "dg-communications    DG Communications — any of approver:dg-communications; after: " \
           "program, legal" in out
    shown = json.loads(ok(tandem("bob", "--json", "chain", "show")))
    assert [s["id"] for s in shown["steps"]] == ["program", "legal", "dg-communications"]
    assert shown["source"] == "store" and shown["locked"] is False
    assert shown["roles"]["legal"] == "approver:legal"
    (tmp_path / "chain.json").write_text(json.dumps({"steps": [{"name": "Press"}]}))
    ok(tandem("alice", "chain", "set", str(tmp_path / "chain.json")))
    ok(tandem("alice", "chain", "set", "-", "--format", "json", stdin='{"steps": []}'))
    assert "no steps" in ok(tandem("alice", "chain", "show"))
    assert tandem("alice", "chain", "set", str(tmp_path / "missing.toml"))[0] == 2
    (tmp_path / "bad.toml").write_text("[[steps]]\nmode = 'all'\n")
    assert tandem("alice", "chain", "set", str(tmp_path / "bad.toml"))[0] == 2
    assert "step 1 needs a name" in capsys.readouterr().err
    assert tandem("bob", "chain", "set", str(tmp_path / "chain.toml"))[0] == 2


def test_chain_locked_by_policy(tandem, tmp_path, monkeypatch, capsys):
    policy = tmp_path / "policy.toml"
    policy.write_text('[[approval.chain.steps]]\nname = "Communications"\n')
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    assert "locked by the IT policy" in ok(tandem("alice", "chain", "show"))
    (tmp_path / "chain.toml").write_text(CHAIN)
    assert tandem("alice", "chain", "set", str(tmp_path / "chain.toml"))[0] == 2
    assert "locked by the IT policy" in capsys.readouterr().err


def test_review_queue_show_sign_reject(tandem, capsys):
    setup_people(tandem)
    ok(tandem("alice", "post", "new", "--en", "Flu shots are free", "--fr", "Vaccins gratuits"))
    queue = json.loads(ok(tandem("bob", "--json", "review", "queue")))
    assert [i["post_id"] for i in queue] == [1]
    assert queue[0]["fr"]["status"] == "pending" and queue[0]["fr"]["can_sign"] is True
    assert "waiting since" in ok(tandem("bob", "review", "queue"))
    with pytest.raises(SystemExit):
        tandem("bob", "review", "reject", "1", "--lang", "fr")  # --comment is required
    assert "--comment" in capsys.readouterr().err
    out = ok(tandem("bob", "review", "reject", "1", "--lang", "fr", "--comment", "Trop court"))
    assert out == "FR of post 1 rejected: Trop court\n"
    assert "rejected" in ok(tandem("bob", "review", "show", "1"))
    ok(tandem("alice", "post", "edit", "1", "--lang", "fr", "--text",
              "Le vaccin contre la grippe est gratuit"))
    signed = json.loads(ok(tandem("bob", "--json", "review", "sign", "1", "--lang", "fr",
                                  "--comment", "OK")))
    assert signed["kind"] == "sign" and signed["post_state"] == "in_review"
    code, _ = tandem("alice", "review", "sign", "1", "--lang", "en")
    assert code == 2 and "one of the roles translator, approver" in capsys.readouterr().err
    assert "post is in_approval" in ok(tandem("carol", "review", "sign", "1", "--lang", "en"))
    assert ok(tandem("bob", "review", "queue")) == "(nothing waiting for review)\n"
    shown = json.loads(ok(tandem("bob", "--json", "review", "show", "1")))
    assert [p["lang"] for p in shown["official_history"]] == ["fr", "en"]
    code, _ = tandem("bob", "review", "sign", "1", "--lang", "fr", "--version", "3")
    assert code == 2 and "already signed off by bob" in capsys.readouterr().err
    code, _ = tandem("bob", "review", "sign", "1", "--lang", "fr", "--version", "2")
    assert code == 2 and "changed since you opened it (it is now v2)" in capsys.readouterr().err


def test_approve_approvals_and_stats(tandem, tmp_path, capsys):
    setup_people(tandem)
    (tmp_path / "chain.toml").write_text(CHAIN)
    ok(tandem("alice", "chain", "set", str(tmp_path / "chain.toml")))
    ok(tandem("alice", "post", "new", "--en", "Flu shots are free", "--fr", "Vaccins gratuits"))
    ok(tandem("bob", "review", "sign", "1", "--lang", "fr"))
    ok(tandem("bob", "review", "sign", "1", "--lang", "en"))
    text = ok(tandem("alice", "approvals", "1"))
    assert "waiting for approval step Program since" in text and "can act: carol" in text
    assert "step DG Communications (dg-communications, any): waiting" in text
    code, _ = tandem("dan", "approve", "1")
    assert code == 2 and "needs one of the roles approver:program, approver:legal" in \
        capsys.readouterr().err
    ok(tandem("carol", "approve", "1", "--comment", "Program OK"))
    ok(tandem("lee", "approve", "1", "--step", "Legal"))
    status = json.loads(ok(tandem("alice", "--json", "approvals", "1")))
    assert status["state"] == "in_approval"
    assert [w["what"] for w in status["waiting"]] == ["approval step DG Communications"]
    assert status["waiting"][0]["who_can_act"] == ["dan"]
    program = status["steps"][0]
    assert program["state"] == "passed" and program["seconds"] >= 0
    assert program["approvals"][0]["comment"] == "Program OK"
    assert "post is approved" in ok(tandem("dan", "approve", "1"))
    stats = json.loads(ok(tandem("alice", "--json", "approvals", "stats")))
    assert [s["step_id"] for s in stats] == ["program", "legal", "dg-communications"]
    assert all(s["passes"] == 1 and s["median_seconds"] >= 0 for s in stats)
    assert "median" in ok(tandem("alice", "approvals", "stats"))
    assert tandem("alice", "approvals", "soon")[0] == 2
    assert "not a post id" in capsys.readouterr().err
    ok(tandem("alice", "post", "edit", "1", "--lang", "en", "--text", "Flu shots are free now"))
    text = ok(tandem("alice", "approvals", "1"))
    assert text.count("voided: ") == 3 and "waiting for English review (v2)" in text


def test_export_records_every_format(tandem, tmp_path):
    setup_people(tandem)
    ok(tandem("alice", "post", "new", "--en", "<script>alert(1)</script>", "--fr", "Bonjour"))
    record = json.loads(ok(tandem("alice", "export", "records", "--post", "1")))
    assert record["audit"]["ok"] and record["posts"][0]["versions"][0]["text"].startswith("<script>")
    html_path = tmp_path / "record.html"
    assert "Wrote the HTML record" in ok(tandem("alice", "export", "records", "--format", "html",
                                               "--output", str(html_path)))
    page = html_path.read_text()
    assert "&lt;script&gt;" in page and "<script>" not in page
    csv_text = ok(tandem("alice", "export", "records", "--format", "csv", "--since", "2000-01-01"))
    assert csv_text.splitlines()[0].startswith("post_id,post_title,at,event")
    written = json.loads(ok(tandem("alice", "--json", "export", "records", "--output",
                                   str(tmp_path / "r.json"))))
    assert written["written"].endswith("r.json") and written["bytes"] > 100
    assert tandem("alice", "export", "records", "--since", "yesterday")[0] == 2
    assert tandem("alice", "export", "records", "--output", str(tmp_path / "no" / "x.json"))[0] == 2


def test_export_and_import_xliff(tandem, tmp_path, capsys):
    setup_people(tandem)
    ok(tandem("alice", "post", "new", "--en", "Flu shots are free"))
    path = tmp_path / "post1.xlf"
    ok(tandem("bob", "export", "xliff", "1", "--output", str(path)))
    assert '<unit id="post1-v1">' in ok(tandem("bob", "export", "xliff", "1"))
    path.write_text(path.read_text().replace(
        "</source>", "</source>\n        <target>Les vaccins sont gratuits</target>"))
    imported = json.loads(ok(tandem("bob", "--json", "import", "xliff", str(path),
                                    "--tool", "Trados")))
    assert imported["lang"] == "fr" and imported["changed"] is True
    assert "unchanged" in ok(tandem("bob", "import", "xliff", str(path)))
    assert tandem("bob", "import", "xliff", str(tmp_path / "none.xlf"))[0] == 2
    path.write_text('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    assert tandem("bob", "import", "xliff", str(path))[0] == 2
    assert "DTD, entities or external references" in capsys.readouterr().err


def _raw(db: str) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    return conn


def _reviewed_store(tandem) -> None:
    setup_people(tandem)
    ok(tandem("alice", "post", "new", "--en", "Flu shots are free", "--fr", "Vaccins gratuits"))
    ok(tandem("bob", "review", "sign", "1", "--lang", "fr"))
    ok(tandem("bob", "review", "sign", "1", "--lang", "en"))
    assert "Audit log intact" in ok(tandem("alice", "audit", "verify"))


def _seq_of(db: str, action: str, lang: str | None = None) -> int:
    rows = sqlite3.connect(db).execute("SELECT seq, details FROM audit WHERE action = ?",
                                       (action,)).fetchall()
    return next(seq for seq, details in rows if lang is None or json.loads(details)["lang"] == lang)


def test_audit_verify_locates_an_edited_entry(tandem):
    _reviewed_store(tandem)
    seq = _seq_of(tandem.db, "review.sign", "fr")
    conn = _raw(tandem.db)
    details = json.loads(conn.execute("SELECT details FROM audit WHERE seq = ?", (seq,)).fetchone()[0])
    details["sha256"] = "0" * 64
    conn.execute("UPDATE audit SET details = ? WHERE seq = ?",
                 (json.dumps(details, sort_keys=True, separators=(",", ":")), seq))
    code, out = tandem("alice", "audit", "verify")
    assert code == 1 and "TAMPERED" in out
    assert f"entry {seq} (review.sign) was altered" in out
    assert "post 1 sign 1: no matching audit entry" in out


def test_audit_verify_locates_a_deleted_entry(tandem):
    _reviewed_store(tandem)
    seq = _seq_of(tandem.db, "review.sign", "en")
    _raw(tandem.db).execute("DELETE FROM audit WHERE seq = ?", (seq,))
    code, out = tandem("alice", "--json", "audit", "verify")
    verdict = json.loads(out)
    assert code == 1 and not verdict["ok"]
    assert verdict["problems"][0]["seq"] == seq + 1
    assert f"found where entry {seq} was expected" in verdict["problems"][0]["message"]
    assert [p["where"] for p in verdict["record_problems"]] == ["post 1 sign 2"]


def test_audit_verify_locates_swapped_entries(tandem):
    _reviewed_store(tandem)
    first = _seq_of(tandem.db, "review.sign", "fr")
    second = _seq_of(tandem.db, "review.sign", "en")
    conn = _raw(tandem.db)
    rows = {r[0]: r for r in conn.execute("SELECT * FROM audit WHERE seq IN (?, ?)",
                                          (first, second))}
    conn.execute("DELETE FROM audit WHERE seq IN (?, ?)", (first, second))
    conn.execute("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (first, *rows[second][1:]))
    conn.execute("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (second, *rows[first][1:]))
    code, out = tandem("alice", "audit", "verify")
    assert code == 1
    assert f"entry {first} does not follow the entry before it" in out
    assert f"entry {second} (review.sign) was altered" in out
