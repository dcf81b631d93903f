"""Hash-chained audit log: intact chains verify; every kind of tampering is located."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core.audit import verify_chain
from desktop.core.store import SqliteStore


@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "a.sqlite3")
    for i in range(1, 6):
        s.append_audit("alice", f"action.{i}", i, {"n": i, "text": "é ✓"})
    return s


def _raw(store) -> sqlite3.Connection:
    """A tamperer with direct database access who first drops the guard triggers."""
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    return conn


def test_intact_chain_verifies(store):
    entries = store.audit_entries()
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert verify_chain(entries) == []


def test_edited_entry_is_located(store):
    _raw(store).execute("""UPDATE audit SET details = '{"n":99,"text":"é ✓"}' WHERE seq = 3""")
    problems = verify_chain(store.audit_entries())
    assert [p.seq for p in problems] == [3]
    assert "altered" in problems[0].message


def test_edited_actor_is_located(store):
    _raw(store).execute("UPDATE audit SET actor = 'mallory' WHERE seq = 2")
    assert [p.seq for p in verify_chain(store.audit_entries())] == [2]


def test_deleted_entry_is_located(store):
    _raw(store).execute("DELETE FROM audit WHERE seq = 3")
    problems = verify_chain(store.audit_entries())
    assert problems and problems[0].seq == 4
    assert any("deleted" in p.message for p in problems)


def test_deleted_last_entry_is_undetectable_by_chain_alone_but_recount_is_reported(store):
    """Truncating the tail keeps a valid chain: verify reports the count so a
    records officer can compare it with an earlier export."""
    _raw(store).execute("DELETE FROM audit WHERE seq = 5")
    entries = store.audit_entries()
    assert verify_chain(entries) == [] and len(entries) == 4


def test_reordered_entries_are_located(store):
    conn = _raw(store)
    rows = {r[0]: r for r in conn.execute("SELECT * FROM audit WHERE seq IN (2, 3)")}
    conn.execute("DELETE FROM audit WHERE seq IN (2, 3)")
    conn.execute("INSERT INTO audit VALUES (2, ?, ?, ?, ?, ?, ?, ?)", rows[3][1:])
    conn.execute("INSERT INTO audit VALUES (3, ?, ?, ?, ?, ?, ?, ?)", rows[2][1:])
    problems = verify_chain(store.audit_entries())
    assert {p.seq for p in problems} >= {2, 3}


def test_rehashed_forgery_still_breaks_at_the_next_entry(store):
    """A tamperer who recomputes an entry's own hash still breaks the link after it."""
    from desktop.core.audit import canonical_details, entry_hash

    conn = _raw(store)
    seq, at, actor, action, post_id, _details, prev, _h = conn.execute(
        "SELECT * FROM audit WHERE seq = 2").fetchone()
    details = canonical_details({"n": 2, "text": "forged"})
    forged = entry_hash(seq, at, actor, action, post_id, details, prev)
    conn.execute("UPDATE audit SET details = ?, hash = ? WHERE seq = 2", (details, forged))
    problems = verify_chain(store.audit_entries())
    assert [p.seq for p in problems] == [3]


# -- issue 10, finding 8: what `audit verify` used to miss ------------------------------
# Each test below fails on the code before issue 10 (verify stayed clean, or had no
# anchors); the people act through real sessions, the tamperer through the file.
from desktop.core.audit import head, parse_anchor  # noqa: E402
from desktop.core.errors import InvalidText  # noqa: E402
from desktop.core.model import Lang, Origin, Span  # noqa: E402

from .review_desk import Desk  # noqa: E402
from .insider import Insider  # noqa: E402


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path, qa=lambda en, fr: [{"check": "numbers", "detail": "5 ≠ 6"}])
    d("alice")
    d.grant(bob="translator", carol="approver:approval")
    yield d
    d.close()


def problems(desk, *anchors) -> str:
    result = desk("alice").records.verify(tuple(parse_anchor(a) for a in anchors))
    assert not result["ok"], "verify found nothing"
    return "\n".join(p["message"] for p in result["problems"] + result["record_problems"])


def test_machine_version_relabelled_human_with_spans_deleted_is_found(desk):
    post = desk("alice").posts.create(en="Flu shots are free").post
    fr = desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits")
    insider = Insider(desk.db)
    insider.sql("UPDATE versions SET origin = 'human' WHERE id = ?", (fr.id,))
    insider.sql("DELETE FROM spans WHERE version_id = ?", (fr.id,))
    # With the label gone, an approver (not a translator) may now sign the machine text off.
    desk("carol").review.sign(post.id, Lang.FR)
    assert f"post {post.id} FR v1 (version {fr.id}): its provenance" in problems(desk)


def test_machine_spans_deleted_from_a_human_labelled_version_are_found(desk):
    post = desk("alice").posts.create(en="Flu shots are free").post
    text = "Les vaccins sont gratuits, dit-on"
    fr = desk("alice").posts.edit(post.id, Lang.FR, text, origin=Origin.HUMAN,
                                  spans=(Span(0, 25, Origin.MACHINE, {"model": "m"}),))
    Insider(desk.db).sql("DELETE FROM spans WHERE version_id = ?", (fr.id,))
    assert f"(version {fr.id}): its provenance" in problems(desk)


def test_an_inserted_role_row_is_found(desk):
    Insider(desk.db).sql("INSERT INTO roles (user, role, granted_by, granted_at)"
                         " VALUES ('mallory', 'admin', 'alice', '2026-01-01T00:00:00Z')")
    assert "role admin of mallory (granted by alice): no audit entry grants it" in problems(desk)


def test_a_changed_role_row_is_found(desk):
    Insider(desk.db).sql("UPDATE roles SET role = 'approver:approval' WHERE user = 'bob'")
    text = problems(desk)
    assert "role approver:approval of bob" in text and "role translator of bob" in text


def _signed_fr(desk) -> int:
    post = desk("alice").posts.create(en="Flu shots are free on 5 May").post
    desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits le 6 mai")
    return desk("bob").review.sign(post.id, Lang.FR, comment="checked against the source").id


def test_an_edited_sign_off_comment_is_found(desk):
    signoff_id = _signed_fr(desk)
    Insider(desk.db).sql("UPDATE signoffs SET comment = 'approved by the minister' WHERE id = ?",
                         (signoff_id,))
    assert f"sign {signoff_id}: its comment or QA findings differ" in problems(desk)


def test_edited_qa_findings_are_found(desk):
    signoff_id = _signed_fr(desk)
    Insider(desk.db).sql("UPDATE signoffs SET qa_findings = '[]' WHERE id = ?", (signoff_id,))
    assert f"sign {signoff_id}: its comment or QA findings differ" in problems(desk)


def test_entries_deleted_at_the_tail_are_found_with_an_anchor(desk):
    _signed_fr(desk)
    anchor = str(head(desk("alice").store.audit_entries()))
    seq = int(anchor.split(":")[0])
    Insider(desk.db).sql("DELETE FROM audit WHERE seq > ?", (seq - 3,))
    assert f"the log ends at entry {seq - 3}: entries {seq - 2}–{seq} were cut" \
        in problems(desk, anchor)


def test_a_whole_chain_rewrite_is_found_with_an_anchor(desk):
    _signed_fr(desk)
    anchor = str(head(desk("alice").store.audit_entries()))
    insider = Insider(desk.db)
    insider.edit_entry(insider.entry("roles.grant", user="carol"), role="admin")
    insider.sql("UPDATE roles SET role = 'admin' WHERE user = 'carol'")
    insider.rehash()
    assert desk("alice").records.verify()["ok"]  # self-consistent: only the anchor knows
    assert f"rewritten at or before entry {anchor.split(':')[0]}" in problems(desk, anchor)


def test_anchor_format_and_the_empty_log(store):
    assert str(head([])) == "0:" + "0" * 64
    top = head(store.audit_entries())
    assert parse_anchor(f" {top} ") == top and top.seq == 5
    for bad in ("5", "x:" + "0" * 64, "5:abc", "5:" + "g" * 64):
        with pytest.raises(InvalidText, match="SEQ:HASH"):
            parse_anchor(bad)
