"""The SQLite store: pragmas, migrations with backup, refusals, append-only tables."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core import store as store_mod
from desktop.core.errors import StoreError, StoreReadOnly, StoreTooNew
from desktop.core.model import Lang, Origin, PostState, Span
from desktop.core.store import SCHEMA_VERSION, SqliteStore


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "store.sqlite3"


def test_new_store_uses_wal_foreign_keys_busy_timeout(db_path):
    store = SqliteStore(db_path)
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == store_mod.BUSY_TIMEOUT_MS
    assert store.schema_version() == SCHEMA_VERSION


def test_versions_are_ordered_immutable_and_hashed(db_path):
    store = SqliteStore(db_path)
    post = store.create_post("t", "alice")
    v1 = store.add_version(post.id, Lang.EN, "one", "alice", Origin.HUMAN, None)
    v2 = store.add_version(post.id, Lang.EN, "two", "bob", Origin.MACHINE, v1.id,
                           (Span(0, 3, Origin.MACHINE, {"model": "m", "version": "1"}),))
    assert [v.seq for v in store.versions(post.id, Lang.EN)] == [1, 2]
    assert v2.parent_id == v1.id and v2.author == "bob"
    assert v2.spans == (Span(0, 3, Origin.MACHINE),)
    assert v2.spans[0].detail == {"model": "m", "version": "1"}
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        store._conn.execute("UPDATE versions SET text = 'x' WHERE id = ?", (v1.id,))
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        store._conn.execute("DELETE FROM versions WHERE id = ?", (v1.id,))
    assert store.get_version(v1.id).text == "one"


def test_audit_table_rejects_update_and_delete(db_path):
    store = SqliteStore(db_path)
    store.append_audit("alice", "x", None, {"a": 1})
    for sql in ("UPDATE audit SET actor = 'eve'", "DELETE FROM audit"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store._conn.execute(sql)


def test_data_survives_reopen(db_path):
    store = SqliteStore(db_path)
    post = store.create_post("t", "alice")
    store.add_version(post.id, Lang.FR, "Bonjour", "alice", Origin.HUMAN, None)
    store.close()
    again = SqliteStore(db_path)
    assert again.latest_version(post.id, Lang.FR).text == "Bonjour"


def test_corrupt_file_is_refused_and_left_untouched(db_path):
    db_path.write_bytes(b"this is not sqlite" * 100)
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="not a usable Tandem database"):
        SqliteStore(db_path)
    assert db_path.read_bytes() == before


def test_newer_schema_is_refused_and_left_untouched(db_path):
    SqliteStore(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreTooNew, match="newer Tandem"):
        SqliteStore(db_path)
    assert db_path.read_bytes() == before


def test_read_only_database_gives_clear_error_on_write(db_path):
    """SQLite's query_only switch stands for a read-only medium (tests run as root,
    which ignores file permission bits)."""
    store = SqliteStore(db_path)
    post = store.create_post("t", "alice")
    store._conn.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError, match="read-only|Could not write"):
        store.add_version(post.id, Lang.EN, "x", "alice", Origin.HUMAN, None)
    assert store.latest_version(post.id, Lang.EN) is None


def test_missing_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreReadOnly, match="Cannot create"):
        SqliteStore(blocker / "sub" / "db.sqlite3")


def test_migration_of_existing_file_makes_a_backup_first(db_path, monkeypatch):
    from desktop.core import migrations

    store = SqliteStore(db_path)
    store.create_post("keep me", "alice")
    store.close()

    class AddColumn:
        VERSION = SCHEMA_VERSION + 1
        DESCRIPTION = "test migration"

        @staticmethod
        def apply(db):
            db["posts"].add_column("extra", str)

    monkeypatch.setattr(store_mod, "MIGRATIONS", [*migrations.MIGRATIONS, AddColumn])
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", AddColumn.VERSION)
    migrated = SqliteStore(db_path)
    assert migrated.schema_version() == AddColumn.VERSION
    assert migrated.last_backup is not None and migrated.last_backup.exists()
    backup = sqlite3.connect(migrated.last_backup)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert backup.execute("SELECT title FROM posts").fetchone()[0] == "keep me"


def test_failed_migration_rolls_back_and_keeps_data(db_path, monkeypatch):
    from desktop.core import migrations

    store = SqliteStore(db_path)
    store.create_post("keep me", "alice")
    store.close()

    class Broken:
        VERSION = SCHEMA_VERSION + 1
        DESCRIPTION = "fails halfway"

        @staticmethod
        def apply(db):
            db["posts"].add_column("half", str)
            raise RuntimeError("boom")

    monkeypatch.setattr(store_mod, "MIGRATIONS", [*migrations.MIGRATIONS, Broken])
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", Broken.VERSION)
    with pytest.raises(RuntimeError):
        SqliteStore(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    columns = [r[1] for r in conn.execute("PRAGMA table_info(posts)")]
    assert "half" not in columns
    assert conn.execute("SELECT title FROM posts").fetchone()[0] == "keep me"


def test_search_finds_either_language_accent_insensitive_and_by_prefix(db_path):
    store = SqliteStore(db_path)
    a = store.create_post("Vaccines", "alice")
    store.add_version(a.id, Lang.EN, "Get your flu shot", "alice", Origin.HUMAN, None)
    store.add_version(a.id, Lang.FR, "Faites-vous vacciner contre la grippe à Santé Canada",
                      "alice", Origin.HUMAN, None)
    b = store.create_post("Taxes", "alice")
    store.add_version(b.id, Lang.EN, "File your taxes", "alice", Origin.HUMAN, None)
    assert [r["id"] for r in store.list_posts(search="sante")] == [a.id]
    assert [r["id"] for r in store.list_posts(search="gripp")] == [a.id]
    assert [r["id"] for r in store.list_posts(search="taxes")] == [b.id]
    assert store.count_posts(search='"unbalanced quote') == 0
    store.set_post_state(b.id, PostState.IN_REVIEW)
    assert [r["id"] for r in store.list_posts(state=PostState.IN_REVIEW)] == [b.id]


def test_working_draft_is_replaced_and_cleared_by_a_version(db_path):
    store = SqliteStore(db_path)
    post = store.create_post("t", "alice")
    store.save_working_draft(post.id, Lang.EN, "alice", "typ", None)
    store.save_working_draft(post.id, Lang.EN, "alice", "typing", None)
    assert store.working_draft(post.id, Lang.EN, "alice").text == "typing"
    store.add_version(post.id, Lang.EN, "typing", "alice", Origin.HUMAN, None)
    assert store.working_draft(post.id, Lang.EN, "alice") is None


def test_working_drafts_belong_to_their_owner(db_path):
    """Issue 10 finding 5: drafts were keyed by post and language only."""
    store = SqliteStore(db_path)
    post = store.create_post("t", "alice")
    store.save_working_draft(post.id, Lang.EN, "appr1", "approver's text", None)
    store.save_working_draft(post.id, Lang.EN, "alice", "author's text", None)
    assert store.working_draft(post.id, Lang.EN, "appr1").text == "approver's text"
    assert store.working_draft(post.id, Lang.EN, "bob") is None
    assert [d.owner for d in store.working_drafts("appr1")] == ["appr1"]
    # The author's version clears the author's draft only.
    store.add_version(post.id, Lang.EN, "author's text", "alice", Origin.HUMAN, None)
    assert store.working_draft(post.id, Lang.EN, "alice") is None
    assert store.working_draft(post.id, Lang.EN, "appr1").text == "approver's text"


def test_a_full_disk_is_named_as_the_cause_and_nothing_is_half_written(db_path):
    """Issue 10 finding 9: a full disk ended in "cannot rollback - no transaction is active"."""
    store = SqliteStore(db_path)
    post = store.create_post("t", "alice")
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLITE_FULL, as a full disk
    with pytest.raises(StoreError, match="disk is full") as caught:
        for n in range(100):
            store.add_version(post.id, Lang.EN, "x" * 20000 + str(n), "alice", Origin.HUMAN, None)
    assert "rollback" not in str(caught.value)
    saved = store.versions(post.id, Lang.EN)
    shown = store._query("SELECT en_text FROM posts WHERE id = ?", (post.id,))[0]["en_text"]
    assert (shown or "") == (saved[-1].text if saved else ""), "the post's text is its latest version"


def test_processes_creating_one_new_store_at_once_all_open_it(tmp_path):
    """Issue 10 finding 9: the second of two processes creating a store crashed with
    'table "posts" already exists'."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    db, go = tmp_path / "new.sqlite3", tmp_path / "go"
    code = ("import os, sys, time\n"
            "while not os.path.exists(sys.argv[2]): time.sleep(0.001)\n"
            "from desktop.core.store import SqliteStore\n"
            "s = SqliteStore(sys.argv[1]); print(int(s.created)); s.close()\n")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db), str(go)], cwd=root,
                              env={**os.environ, "PYTHONPATH": str(root)},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    go.touch()
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [err for _out, err in results]
    assert sorted(out.strip() for out, _err in results) == ["0", "0", "0", "1"], "one creator"
    assert SqliteStore(db).schema_version() == SCHEMA_VERSION
