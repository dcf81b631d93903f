"""The whole desk through the command line: draft, machine suggestion, review, a parallel and
sequential approval chain, an edit that voids it, the record, and tampering caught."""

from __future__ import annotations

import io
import json
import sqlite3

from desktop.cli.main import main
from tests.translation.conftest import archive, both_pairs, built, pkg_dir  # noqa: F401

CHAIN = """
[[steps]]
name = "Program"

[[steps]]
name = "Legal"
after = []            # in parallel with Program

[[steps]]
name = "DG Communications"
after = ["program", "legal"]
mode = "all"          # both DG approvers
"""

EN = "Flu shots are free at every pharmacy from November 1."
FIXED_FR = ("Le vaccin antigrippal est gratuit dans toutes les pharmacies à compter du "
            "1er novembre.")


def test_the_whole_story(tmp_path, monkeypatch, capsys, both_pairs):
    """``both_pairs``: real (tiny, random-weight) en↔fr model packages installed."""
    db = str(tmp_path / "desk.sqlite3")

    def tandem(user: str, *argv: str) -> tuple[int, str]:
        monkeypatch.setenv("TANDEM_USER", user)
        out = io.StringIO()
        return main([*argv, "--db", db], stdout=out), out.getvalue()

    def ok(user: str, *argv: str) -> str:
        code, out = tandem(user, *argv)
        assert code == 0, (argv, out, capsys.readouterr().err)
        return out

    def js(user: str, *argv: str):
        return json.loads(ok(user, "--json", *argv))

    # -- the desk: alice opens the new store first, so she is its admin --------------
    for user, role in (("bob", "translator"), ("carol", "approver:program"),
                       ("lee", "approver:legal"), ("dan", "approver:dg-communications"),
                       ("erin", "approver:dg-communications"), ("alice", "approver:legal")):
        ok("alice", "users", "grant", user, role)
    (tmp_path / "chain.toml").write_text(CHAIN)
    ok("alice", "chain", "set", str(tmp_path / "chain.toml"))

    # -- alice drafts the English --------------------------------------------------
    post_id = int(ok("alice", "post", "new", "--en", EN, "--title", "Flu shots").strip())
    assert js("alice", "post", "show", str(post_id))["state"] == "draft"

    # -- the installed model suggests the French -----------------------------------
    suggested = js("alice", "post", "suggest", str(post_id), "--to", "fr")["version"]
    assert suggested["origin"] == "machine" and suggested["spans"][0]["origin"] == "machine"
    machine_fr = suggested["text"]
    (item,) = js("bob", "review", "queue")
    assert item["post_id"] == post_id and item["state"] == "in_review"
    assert item["fr"]["machine_share"] == 1.0 and item["fr"]["needs"] == ["translator"]

    # -- only a translator may sign machine text; the refusal is on the record --------
    code, _ = tandem("carol", "review", "sign", str(post_id), "--lang", "fr")
    assert code == 2 and "needs the translator role" in capsys.readouterr().err

    # -- bob fixes and signs the French; carol (an approver) signs alice's English -----
    ok("bob", "post", "edit", str(post_id), "--lang", "fr", "--text", FIXED_FR)
    fr = js("bob", "review", "show", str(post_id))["fr"]
    assert fr["machine_diff"]["machine_version_id"] == suggested["id"]
    assert fr["machine_diff"]["changed"] and fr["machine_share"] < 1
    assert "".join(op["machine"] for op in fr["machine_diff"]["ops"]) == machine_fr
    assert "".join(op["current"] for op in fr["machine_diff"]["ops"]) == FIXED_FR
    ok("bob", "review", "sign", str(post_id), "--lang", "fr", "--comment", "Terminologie BT")
    assert "post is in_approval" in ok("carol", "review", "sign", str(post_id), "--lang", "en")

    # -- approvals: Program and Legal in parallel, then both DG approvers ------------
    status = js("alice", "approvals", str(post_id))
    assert sorted(w["what"] for w in status["waiting"]) == ["approval step Legal",
                                                            "approval step Program"]
    legal = next(w for w in status["waiting"] if w["what"] == "approval step Legal")
    assert legal["who_can_act"] == ["lee"]  # alice holds the role but wrote the post
    code, _ = tandem("alice", "approve", str(post_id), "--step", "legal")
    assert code == 2 and "no one approves their own post" in capsys.readouterr().err
    code, _ = tandem("dan", "approve", str(post_id))
    assert code == 2 and "needs one of the roles approver:program, approver:legal" in \
        capsys.readouterr().err
    ok("lee", "approve", str(post_id), "--comment", "Aucun enjeu juridique")
    ok("carol", "approve", str(post_id))
    ok("dan", "approve", str(post_id))
    status = js("alice", "approvals", str(post_id))
    assert status["state"] == "in_approval" and status["waiting"][0]["who_can_act"] == ["erin"]
    assert "post is approved" in ok("erin", "approve", str(post_id))
    first_round = js("alice", "approvals", str(post_id))
    assert all(s["state"] == "passed" and s["seconds"] >= 0 for s in first_round["steps"])

    # -- bob touches the French after approval: only what it affects is undone --------
    ok("bob", "post", "edit", str(post_id), "--lang", "fr", "--text", FIXED_FR.replace(
        "à compter du", "dès le"))
    after_edit = js("alice", "approvals", str(post_id))
    assert after_edit["state"] == "in_review"
    assert [w["what"] for w in after_edit["waiting"]] == ["French review (v3)"]
    assert after_edit["review"]["en"]["status"] == "official"  # English stays official
    assert len(after_edit["history"]) == 4 and all(a["voided"] for a in after_edit["history"])
    ok("bob", "review", "sign", str(post_id), "--lang", "fr")
    for user in ("carol", "lee", "dan", "erin"):
        ok(user, "approve", str(post_id))
    assert js("alice", "post", "show", str(post_id))["state"] == "approved"
    assert {s["step_id"]: s["passes"] for s in js("alice", "approvals", "stats")} == {
        "program": 2, "legal": 2, "dg-communications": 2}

    # -- the record tells the whole story ------------------------------------------
    record = js("alice", "export", "records", "--post", str(post_id))
    assert record["audit"]["ok"]
    (post,) = record["posts"]
    assert [(v["lang"], v["seq"], v["author"], v["origin"]) for v in post["versions"]] == [
        ("en", 1, "alice", "human"), ("fr", 1, "alice", "machine"), ("fr", 2, "bob", "human"),
        ("fr", 3, "bob", "human")]
    en1, fr1, fr2, fr3 = post["versions"]
    assert fr1["spans"][0]["detail"]["model"] == "translate-en_fr-1_0" and fr1["review"] is None
    assert fr2["review"]["reviewer"] == "bob" and fr2["review"]["comment"] == "Terminologie BT"
    assert fr2["official_until"] == fr3["created_at"] and fr3["official_until"] is None
    assert en1["review"]["reviewer"] == "carol" and en1["official_until"] is None
    assert isinstance(fr2["review"]["qa_findings"], list)
    assert [(a["approver"], a["voided_by_version_id"] == fr3["id"]) for a in post["approvals"]] == [
        ("lee", True), ("carol", True), ("dan", True), ("erin", True),
        ("carol", False), ("lee", False), ("dan", False), ("erin", False)]
    assert [s["to"] for s in post["states"]] == [
        "in_review", "in_approval", "approved", "in_review", "in_approval", "approved"]
    assert len(post["steps"]) == 6 and post["publications"] == []
    denied = [a for a in post["audit"] if a["action"].startswith("denied.")]
    assert [(a["actor"], a["action"]) for a in denied] == [
        ("carol", "denied.review.sign"), ("alice", "denied.approve"), ("dan", "denied.approve")]
    page = tmp_path / "record.html"
    ok("alice", "export", "records", "--post", str(post_id), "--format", "html",
       "--output", str(page))
    html = page.read_text()
    assert "Terminologie BT" in html and "Audit log intact" in html and "@media print" in html

    # -- someone edits an approval in the database: audit verify says where --------
    assert "Audit log intact" in ok("alice", "audit", "verify")
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER audit_no_update")
    seq, details = conn.execute(
        "SELECT seq, details FROM audit WHERE action = 'approval.give' ORDER BY seq DESC"
    ).fetchone()
    forged = json.loads(details) | {"comment": "approved without reading"}
    conn.execute("UPDATE audit SET details = ? WHERE seq = ?", (json.dumps(forged), seq))
    conn.execute("DROP TRIGGER approvals_no_update")
    conn.execute("UPDATE approvals SET approver = 'mallory' WHERE id = 8")
    conn.close()
    code, out = tandem("alice", "audit", "verify")
    assert code == 1 and f"entry {seq} (approval.give) was altered" in out
    assert f"post {post_id} approval 8: no matching audit entry" in out
    tampered = js("alice", "export", "records", "--post", str(post_id))
    assert not tampered["audit"]["ok"]
