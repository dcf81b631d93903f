"""The SQLite store (sqlite-utils): the only module that speaks SQL.

`SqliteStore` implements the repository interface the services use
(`desktop.core.repository.Repository`). It opens the file in WAL mode with
foreign keys and a busy timeout, migrates the schema (backing the file up
first), and refuses corrupt, read-only or newer-than-known databases with a
message that says what to do. One re-entrant lock serialises use of the single
connection, so a storage worker thread and the GUI thread can share a store.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import filelock

from . import audit as audit_chain
from .clock import now_iso
from .errors import NotFound, StoreError, StoreReadOnly, StoreTooNew
from .sqlite_lib import sqlite_utils  # before the migrations, which import it too
from .migrations import MIGRATIONS
from .model import (AuditEntry, Lang, Origin, Post, PostState, Span, Version, WorkingDraft,
                    sha256_text)
from .store_base import new_id
from .store_dictionary import DictionaryRecords
from .store_media import MediaRecords, UploadRecords
from .store_publishing import PublishingRecords
from .store_review import ReviewRecords
from .store_lifecycle import NOT_SHELVED, ShelfRecords
from .store_signing import SigningKeyRecords
from .store_translation import TranslationRecords

SCHEMA_VERSION = MIGRATIONS[-1].VERSION
BUSY_TIMEOUT_MS = 5000


def _backup(path: Path, from_version: int) -> Path:
    backup = path.with_name(f"{path.name}.v{from_version}-{now_iso()[:19].replace(':', '')}.bak")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(backup)
        with target:
            source.backup(target)
        target.close()
    finally:
        source.close()
    return backup


class SqliteStore(ReviewRecords, PublishingRecords, TranslationRecords, DictionaryRecords,
                  MediaRecords, UploadRecords, SigningKeyRecords, ShelfRecords):
    """A Tandem store in one SQLite file (or ":memory:" for throwaway use).

    Capability areas keep their SQL in mixin modules next to this one
    (``store_<area>.py``) built on ``_query``/``_execute``/``transaction``.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path) if str(path) != ":memory:" else None
        self.last_backup: Path | None = None
        self.created = False  # True when this open created the schema (a new store)
        self._lock = threading.RLock()
        self._depth = 0
        self._conn = self._connect()
        self.db = sqlite_utils.Database(self._conn, execute_plugins=False)  # no third-party plugins in the store
        self._migrate()

    # -- opening -----------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self.path is None:
            return sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        exists = self.path.exists()
        if exists and not os.access(self.path, os.R_OK):
            raise StoreError(f"The database {self.path} cannot be read (permission denied).",
                             msg="store.unreadable", path=str(self.path))
        if not exists:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreReadOnly(f"Cannot create the folder for {self.path}: {exc.strerror}.",
                                    msg="store.no_folder", path=str(self.path),
                                    error=exc.strerror) from None
            if not os.access(self.path.parent, os.W_OK):
                raise StoreReadOnly(f"Cannot create {self.path}: its folder is not writable.",
                                    msg="store.folder_read_only", path=str(self.path))
        try:
            conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                                   timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path} is not a usable Tandem database ({exc}). Nothing was changed; "
                "restore it from a backup or choose another file.",
                msg="store.unusable", path=str(self.path), error=str(exc)
            ) from None
        self.read_only = not os.access(self.path, os.W_OK) or mode.lower() != "wal"
        return conn

    def _migrate(self) -> None:
        current = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if self.path is None or current >= SCHEMA_VERSION or getattr(self, "read_only", False):
            self._migrate_from(current)  # nothing to do, or refused with its reason
            return
        # Migrations run one process at a time (two creating a new store at once collided on
        # CREATE TABLE): each process looks at the schema again once it holds the lock.
        try:
            with filelock.FileLock(f"{self.path}.migrate.lock", timeout=60):
                self._migrate_from(self._conn.execute("PRAGMA user_version").fetchone()[0])
        except filelock.Timeout:
            raise StoreError(f"{self.path} is being created or upgraded by another Tandem "
                             "process; try again in a minute.", msg="store.busy_upgrading",
                             path=str(self.path)) from None

    def _migrate_from(self, current: int) -> None:
        if current > SCHEMA_VERSION:
            raise StoreTooNew(
                f"{self.path} was written by a newer Tandem (schema {current}; this version "
                f"knows up to {SCHEMA_VERSION}). Upgrade Tandem; the file was not touched.",
                msg="store.too_new", path=str(self.path), schema=current, known=SCHEMA_VERSION
            )
        pending = [m for m in MIGRATIONS if current < m.VERSION]
        if not pending:
            return
        if self.path is not None and getattr(self, "read_only", False):
            raise StoreReadOnly(
                f"{self.path} needs a schema upgrade but is read-only. Make it writable and retry.",
                msg="store.upgrade_read_only", path=str(self.path)
            )
        if self.path is not None and current > 0:
            self.last_backup = _backup(self.path, current)
        self.created = current == 0
        for migration in pending:
            with self.transaction():
                migration.apply(self.db)
                self._conn.execute(f"PRAGMA user_version = {int(migration.VERSION)}")

    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- transactions ------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Atomic unit of work; nests (inner blocks join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise self._write_error(exc) from None
            self._depth = 1
            try:
                yield
            except BaseException:
                self._rollback()
                raise
            else:
                try:
                    self._conn.execute("COMMIT")
                except sqlite3.OperationalError as exc:
                    self._rollback()
                    raise self._write_error(exc) from None
            finally:
                self._depth = 0

    def _rollback(self) -> None:
        """Roll back, unless SQLite already did (it does after SQLITE_FULL or an I/O error):
        the error that caused it is the one to report, not 'no transaction is active'."""
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def _write_error(self, exc: sqlite3.OperationalError) -> StoreError:
        text = str(exc)
        if "full" in text:
            return StoreError(f"Could not write to {self.path}: the disk is full (or the file "
                              "reached its size limit), so nothing was saved. Free some space and "
                              "try again.")
        if "readonly" in text or "read-only" in text:
            return StoreReadOnly(f"{self.path} is read-only: nothing can be saved ({text}).")
        if "locked" in text or "busy" in text:
            return StoreError(f"{self.path} is busy in another Tandem window or process; try again.")
        return StoreError(f"Could not write to {self.path}: {text}.")

    def _query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        with self._lock:
            cursor = self._conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        with self._lock:
            try:
                return self._conn.execute(sql, params)
            except sqlite3.OperationalError as exc:
                raise self._write_error(exc) from None

    # -- posts -------------------------------------------------------------
    @staticmethod
    def _post(row: dict) -> Post:
        return Post(id=row["id"], title=row["title"], state=PostState(row["state"]),
                    created_by=row["created_by"], created_at=row["created_at"],
                    updated_at=row["updated_at"], post_type=row["post_type"])

    def create_post(self, title: str, created_by: str, post_type: str = "standard") -> Post:
        at = now_iso()
        with self.transaction():
            cursor = self._execute(
                "INSERT INTO posts (title, state, post_type, created_by, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (title, PostState.DRAFT.value, post_type, created_by, at, at),
            )
        return self.get_post(new_id(cursor))

    def get_post(self, post_id: int) -> Post:
        rows = self._query("SELECT * FROM posts WHERE id = ?", (post_id,))
        if not rows:
            raise NotFound(f"There is no post {post_id}.", msg="store.no_post", post=post_id)
        return self._post(rows[0])

    def set_post_state(self, post_id: int, state: PostState) -> None:
        with self.transaction():
            self.get_post(post_id)
            self._execute("UPDATE posts SET state = ?, updated_at = ? WHERE id = ?",
                          (state.value, now_iso(), post_id))

    def set_post_title(self, post_id: int, title: str) -> None:
        with self.transaction():
            self.get_post(post_id)
            self._execute("UPDATE posts SET title = ?, updated_at = ? WHERE id = ?",
                          (title, now_iso(), post_id))

    def list_posts(self, state: PostState | None = None, search: str | None = None,
                   limit: int = 200, offset: int = 0) -> list[dict]:
        """Post summaries (id, title, state, updated_at, en_text, fr_text), newest first.

        The page's ids are chosen first through the ``updated_at`` index and
        only then are the rows (with their text) read: sorting thousands of
        search hits with their text columns was 13× slower (bench/post_list.py).
        """
        where, params = self._filters(state, search)
        return self._query(
            "SELECT id, title, state, updated_at, substr(en_text, 1, 200) AS en_text,"
            " substr(fr_text, 1, 200) AS fr_text FROM posts WHERE id IN ("
            f"  SELECT k.id FROM posts k INDEXED BY idx_posts_updated_at{where}"
            "   ORDER BY k.updated_at DESC, k.id DESC LIMIT ? OFFSET ?)"
            " ORDER BY updated_at DESC, id DESC",
            (*params, limit, offset),
        )

    def first_page(self, state: PostState | None = None, search: str | None = None,
                   limit: int = 200) -> tuple[int, list[dict]]:
        """`count_posts` and the first page of `list_posts`."""
        return self.count_posts(state, search), self.list_posts(state, search, limit)

    def count_posts(self, state: PostState | None = None, search: str | None = None) -> int:
        if state is None and self._fts_query(search or ""):
            return self._query("SELECT count(*) AS n FROM posts_fts WHERE posts_fts MATCH ?"
                               " AND rowid NOT IN (SELECT post_id FROM post_shelf)",
                               (self._fts_query(search or ""),))[0]["n"]
        where, params = self._filters(state, search)
        return self._query(f"SELECT count(*) AS n FROM posts k{where}", tuple(params))[0]["n"]

    @staticmethod
    def _fts_query(search: str) -> str:
        words = [w for w in search.replace('"', " ").split() if w]
        return " ".join(f'"{w}"*' for w in words)

    def _filters(self, state: PostState | None, search: str | None) -> tuple[str, list]:
        clauses, params = [NOT_SHELVED], []
        if state is not None:
            clauses.append("k.state = ?")
            params.append(PostState(state).value)
        if self._fts_query(search or ""):
            clauses.append("k.id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)")
            params.append(self._fts_query(search or ""))
        return ((" WHERE " + " AND ".join(clauses)) if clauses else ""), params

    # -- versions ----------------------------------------------------------
    def _version(self, row: dict, spans: tuple[Span, ...] | None = None) -> Version:
        if spans is None:
            spans = tuple(
                Span(s["start"], s["end"], Origin(s["origin"]), json.loads(s["detail"] or "{}"))
                for s in self._query(
                    'SELECT start, "end", origin, detail FROM spans WHERE version_id = ? ORDER BY start',
                    (row["id"],))
            )
        return Version(id=row["id"], post_id=row["post_id"], lang=Lang(row["lang"]), seq=row["seq"],
                       text=row["text"], sha256=row["sha256"], author=row["author"],
                       created_at=row["created_at"], origin=Origin(row["origin"]),
                       parent_id=row["parent_id"], spans=spans)

    def add_version(self, post_id: int, lang: Lang, text: str, author: str, origin: Origin,
                    parent_id: int | None, spans: tuple[Span, ...] = ()) -> Version:
        at = now_iso()
        lang = Lang(lang)
        with self.transaction():
            self.get_post(post_id)
            seq = self._query(
                "SELECT coalesce(max(seq), 0) + 1 AS n FROM versions WHERE post_id = ? AND lang = ?",
                (post_id, lang.value))[0]["n"]
            cursor = self._execute(
                "INSERT INTO versions (post_id, lang, seq, text, sha256, author, created_at, origin,"
                " parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (post_id, lang.value, seq, text, sha256_text(text), author, at, Origin(origin).value,
                 parent_id),
            )
            version_id = new_id(cursor)
            for span in spans:
                self._execute(
                    'INSERT INTO spans (version_id, start, "end", origin, detail) VALUES (?, ?, ?, ?, ?)',
                    (version_id, span.start, span.end, span.origin.value,
                     json.dumps(span.detail, sort_keys=True)),
                )
            self._execute(
                f"UPDATE posts SET {lang.value}_text = ?, updated_at = ? WHERE id = ?",
                (text, at, post_id),
            )
            # The author's own autosave became this version; other people's drafts stay theirs.
            self._execute("DELETE FROM working_drafts WHERE post_id = ? AND lang = ? AND owner = ?",
                          (post_id, lang.value, author))
        return self.get_version(version_id)

    def get_version(self, version_id: int) -> Version:
        rows = self._query("SELECT * FROM versions WHERE id = ?", (version_id,))
        if not rows:
            raise NotFound(f"There is no version {version_id}.", msg="store.no_version",
                           version=version_id)
        return self._version(rows[0])

    def versions(self, post_id: int, lang: Lang) -> list[Version]:
        rows = self._query("SELECT * FROM versions WHERE post_id = ? AND lang = ? ORDER BY seq",
                           (post_id, Lang(lang).value))
        return [self._version(r) for r in rows]

    def latest_version(self, post_id: int, lang: Lang) -> Version | None:
        rows = self._query(
            "SELECT * FROM versions WHERE post_id = ? AND lang = ? ORDER BY seq DESC LIMIT 1",
            (post_id, Lang(lang).value))
        return self._version(rows[0]) if rows else None

    # -- working drafts (autosave): one per post, language and owner --------
    @staticmethod
    def _draft(r: dict) -> WorkingDraft:
        return WorkingDraft(r["post_id"], Lang(r["lang"]), r["text"], r["base_version_id"],
                            r["saved_at"], r["owner"])

    def save_working_draft(self, post_id: int, lang: Lang, owner: str, text: str,
                           base_version_id: int | None) -> None:
        with self.transaction():
            self._execute(
                "INSERT INTO working_drafts (post_id, lang, owner, text, base_version_id, saved_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (post_id, lang, owner) DO UPDATE SET"
                " text = excluded.text, base_version_id = excluded.base_version_id,"
                " saved_at = excluded.saved_at",
                (post_id, Lang(lang).value, owner, text, base_version_id, now_iso()),
            )

    def working_draft(self, post_id: int, lang: Lang, owner: str) -> WorkingDraft | None:
        rows = self._query(
            "SELECT * FROM working_drafts WHERE post_id = ? AND lang = ? AND owner = ?",
            (post_id, Lang(lang).value, owner))
        return self._draft(rows[0]) if rows else None

    def working_drafts(self, owner: str) -> list[WorkingDraft]:
        """``owner``'s working drafts, oldest first."""
        return [self._draft(r) for r in self._query(
            "SELECT * FROM working_drafts WHERE owner = ? ORDER BY saved_at", (owner,))]

    def discard_working_draft(self, post_id: int, lang: Lang, owner: str) -> None:
        with self.transaction():
            self._execute(
                "DELETE FROM working_drafts WHERE post_id = ? AND lang = ? AND owner = ?",
                (post_id, Lang(lang).value, owner))

    # -- store metadata -----------------------------------------------------
    def meta(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM store_meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def set_meta_once(self, key: str, value: str) -> str:
        """Record ``key`` unless it is recorded already; the value in force afterwards."""
        with self.transaction():
            self._execute("INSERT INTO store_meta (key, value) VALUES (?, ?)"
                          " ON CONFLICT (key) DO NOTHING", (key, value))
            return self.meta(key) or value

    # -- audit log ---------------------------------------------------------
    #: Set by the session when the acting name is an override (TANDEM_USER): every entry
    #: it writes then says so and names the OS account behind it (`identity.Identity`).
    audit_identity: dict | None = None

    def append_audit(self, actor: str, action: str, post_id: int | None, details: dict) -> AuditEntry:
        note = getattr(self, "audit_identity", None)
        if note:
            details = {**details, "identity": note}
        details_json = audit_chain.canonical_details(details)
        with self.transaction():
            last = self._query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
            seq = last[0]["seq"] + 1 if last else 1
            prev = last[0]["hash"] if last else audit_chain.GENESIS_HASH
            at = now_iso()
            digest = audit_chain.entry_hash(seq, at, actor, action, post_id, details_json, prev)
            self._execute(
                "INSERT INTO audit (seq, at, actor, action, post_id, details, prev_hash, hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, at, actor, action, post_id, details_json, prev, digest),
            )
        return AuditEntry(seq, at, actor, action, post_id, details, prev, digest)

    def audit_entries(self, post_id: int | None = None) -> list[AuditEntry]:
        sql = "SELECT * FROM audit"
        params: tuple[int, ...] = ()
        if post_id is not None:
            sql, params = sql + " WHERE post_id = ?", (post_id,)
        entries = []
        for r in self._query(sql + " ORDER BY rowid", params):
            try:
                details = json.loads(r["details"])
            except (TypeError, ValueError):
                details = {"unreadable": r["details"]}
            entries.append(AuditEntry(r["seq"], r["at"], r["actor"], r["action"], r["post_id"],
                                      details, r["prev_hash"], r["hash"]))
        return entries

