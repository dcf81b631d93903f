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
