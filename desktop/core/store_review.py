"""SQL for review and approval: roles, chains, state history, sign-offs, rounds, approvals.

`ReviewRecords` is mixed into `SqliteStore` and built on its
``_query``/``_execute``/``transaction``; `ReviewRepository` is the protocol the
services (roles, workflow, review, approvals, records) depend on. Rows come
back as plain dicts with the column names of migration m0002.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from .clock import now_iso
from .errors import TransitionError
from .model import Lang, PostState, Version
from .repository import Repository
from .store_base import SqlRecords, new_id


class ReviewRepository(Repository, Protocol):
    def role_grants(self) -> list[dict]: ...
    def add_role(self, user: str, role: str, granted_by: str) -> None: ...
    def remove_role(self, user: str, role: str) -> None: ...
    def has_audit_action(self, prefix: str) -> bool: ...
    def has_other_users(self, user: str) -> bool: ...

    def add_chain(self, body: str, sha256: str, source: str, set_by: str) -> dict: ...
    def latest_chain(self) -> dict | None: ...
    def find_chain(self, sha256: str) -> dict | None: ...
    def get_chain(self, chain_id: int) -> dict: ...

    def add_state_change(self, post_id: int, from_state: PostState, to_state: PostState,
                         event: str, actor: str) -> dict: ...
    def state_changes(self, post_id: int) -> list[dict]: ...
    def post_ids_in_state(self, state: PostState) -> list[int]: ...
    def post_ids_active_since(self, since: str | None) -> list[int]: ...

    def add_signoff(self, version: Version, kind: str, reviewer: str, comment: str,
                    qa_findings: list[dict]) -> dict: ...
    def signoff_for_version(self, version_id: int) -> dict | None: ...
    def signoffs(self, post_id: int) -> list[dict]: ...

    def add_round(self, post_id: int, chain_id: int, en_version_id: int,
                  fr_version_id: int) -> dict: ...
    def latest_round(self, post_id: int) -> dict | None: ...
    def rounds(self, post_id: int) -> list[dict]: ...

    def add_approval(self, round_id: int, post_id: int, step_id: str, approver: str,
                     comment: str, en: Version, fr: Version) -> dict: ...
    def approvals(self, post_id: int) -> list[dict]: ...

    def add_step_event(self, round_id: int, post_id: int, step_id: str, step_name: str,
                       event: str) -> None: ...
    def step_events(self, post_id: int | None = None) -> list[dict]: ...


@contextmanager
def _decided_meanwhile(what: str) -> Iterator[None]:
    """A UNIQUE clash means another window decided first (the checks ran before the write)."""
    try:
        yield
    except sqlite3.IntegrityError:
        raise TransitionError(f"{what} in another window a moment ago; refresh and look "
                              "again.", msg="review.decided_meanwhile") from None


class ReviewRecords(SqlRecords):
    """Rows for roles, approval chains, state changes, sign-offs, rounds and approvals."""

    # -- roles ---------------------------------------------------------------
    def role_grants(self) -> list[dict]:
        return self._query("SELECT * FROM roles ORDER BY user, role")

    def add_role(self, user: str, role: str, granted_by: str) -> None:
        with self.transaction():
            self._execute(
                "INSERT OR IGNORE INTO roles (user, role, granted_by, granted_at) VALUES (?, ?, ?, ?)",
                (user, role, granted_by, now_iso()))

    def remove_role(self, user: str, role: str) -> None:
        with self.transaction():
            self._execute("DELETE FROM roles WHERE user = ? AND role = ?", (user, role))

    def has_audit_action(self, prefix: str) -> bool:
        """Whether any audit entry's action starts with ``prefix``."""
        return bool(self._query("SELECT 1 FROM audit WHERE substr(action, 1, ?) = ? LIMIT 1",
                                (len(prefix), prefix)))

    def has_other_users(self, user: str) -> bool:
        """Whether anyone but ``user`` wrote a post or left an audit entry (role grants are
        audited too)."""
        return bool(self._query(
            "SELECT 1 FROM posts WHERE created_by <> ? UNION ALL"
            " SELECT 1 FROM audit WHERE actor <> ? LIMIT 1", (user, user)))

    # -- approval chains -------------------------------------------------------
    def add_chain(self, body: str, sha256: str, source: str, set_by: str) -> dict:
        with self.transaction():
            cursor = self._execute(
                "INSERT INTO approval_chains (body, sha256, source, set_by, set_at)"
                " VALUES (?, ?, ?, ?, ?)", (body, sha256, source, set_by, now_iso()))
        return self.get_chain(new_id(cursor))

    def latest_chain(self) -> dict | None:
        """The chain last set with `tandem chain set` (policy/default snapshots excluded)."""
        rows = self._query(
            "SELECT * FROM approval_chains WHERE source = 'store' ORDER BY id DESC LIMIT 1")
        return rows[0] if rows else None

    def find_chain(self, sha256: str) -> dict | None:
        rows = self._query("SELECT * FROM approval_chains WHERE sha256 = ? ORDER BY id LIMIT 1",
                           (sha256,))
        return rows[0] if rows else None

    def get_chain(self, chain_id: int) -> dict:
        return self._query("SELECT * FROM approval_chains WHERE id = ?", (chain_id,))[0]

    # -- post state history ----------------------------------------------------
    def add_state_change(self, post_id: int, from_state: PostState, to_state: PostState,
                         event: str, actor: str) -> dict:
        with self.transaction():
            cursor = self._execute(
                "INSERT INTO state_changes (post_id, at, actor, from_state, to_state, event)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (post_id, now_iso(), actor, PostState(from_state).value,
                 PostState(to_state).value, event))
            self.set_post_state(post_id, PostState(to_state))
        return self._query("SELECT * FROM state_changes WHERE id = ?", (new_id(cursor),))[0]

    def state_changes(self, post_id: int) -> list[dict]:
        return self._query("SELECT * FROM state_changes WHERE post_id = ? ORDER BY id", (post_id,))

    def post_ids_in_state(self, state: PostState) -> list[int]:
        rows = self._query("SELECT id FROM posts WHERE state = ?"
                           " AND id NOT IN (SELECT post_id FROM post_shelf) ORDER BY id",
                           (PostState(state).value,))
        return [r["id"] for r in rows]

    def post_ids_active_since(self, since: str | None) -> list[int]:
        """Posts with any audited activity at or after ``since`` (every post when None)."""
        if since is None:
            return [r["id"] for r in self._query("SELECT id FROM posts ORDER BY id")]
        rows = self._query(
            "SELECT DISTINCT post_id AS id FROM audit WHERE post_id IS NOT NULL AND at >= ?"
            " AND post_id IN (SELECT id FROM posts) ORDER BY post_id", (since,))
        return [r["id"] for r in rows]

    # -- sign-offs and rejections ------------------------------------------------
    def add_signoff(self, version: Version, kind: str, reviewer: str, comment: str,
                    qa_findings: list[dict]) -> dict:
        with self.transaction(), _decided_meanwhile(f"Version {version.id} was reviewed"):
            cursor = self._execute(
                "INSERT INTO signoffs (post_id, lang, version_id, sha256, kind, reviewer, at,"
                " comment, qa_findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (version.post_id, Lang(version.lang).value, version.id, version.sha256, kind,
                 reviewer, now_iso(), comment,
                 json.dumps(qa_findings, sort_keys=True, ensure_ascii=False)))
        return self._signoff(self._query("SELECT * FROM signoffs WHERE id = ?",
                                         (new_id(cursor),))[0])

    @staticmethod
    def _signoff(row: dict) -> dict:
        return {**row, "qa_findings": json.loads(row["qa_findings"] or "[]")}

    def signoff_for_version(self, version_id: int) -> dict | None:
        rows = self._query("SELECT * FROM signoffs WHERE version_id = ?", (version_id,))
        return self._signoff(rows[0]) if rows else None

    def signoffs(self, post_id: int) -> list[dict]:
        return [self._signoff(r) for r in
                self._query("SELECT * FROM signoffs WHERE post_id = ? ORDER BY id", (post_id,))]

    # -- approval rounds, approvals and step timing --------------------------------
    def add_round(self, post_id: int, chain_id: int, en_version_id: int,
                  fr_version_id: int) -> dict:
        with self.transaction():
            cursor = self._execute(
                "INSERT INTO approval_rounds (post_id, chain_id, en_version_id, fr_version_id,"
                " started_at) VALUES (?, ?, ?, ?, ?)",
                (post_id, chain_id, en_version_id, fr_version_id, now_iso()))
        return self._query("SELECT * FROM approval_rounds WHERE id = ?", (new_id(cursor),))[0]

    def latest_round(self, post_id: int) -> dict | None:
        rows = self._query(
            "SELECT * FROM approval_rounds WHERE post_id = ? ORDER BY id DESC LIMIT 1", (post_id,))
        return rows[0] if rows else None

    def rounds(self, post_id: int) -> list[dict]:
        return self._query("SELECT * FROM approval_rounds WHERE post_id = ? ORDER BY id",
                           (post_id,))

    def add_approval(self, round_id: int, post_id: int, step_id: str, approver: str,
                     comment: str, en: Version, fr: Version) -> dict:
        with self.transaction(), _decided_meanwhile(f"{approver} already approved step {step_id}"):
            cursor = self._execute(
                "INSERT INTO approvals (post_id, round_id, step_id, approver, at, comment,"
                " en_version_id, en_sha256, fr_version_id, fr_sha256)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (post_id, round_id, step_id, approver, now_iso(), comment, en.id, en.sha256,
                 fr.id, fr.sha256))
        return self._query("SELECT * FROM approvals WHERE id = ?", (new_id(cursor),))[0]

    def approvals(self, post_id: int) -> list[dict]:
        return self._query("SELECT * FROM approvals WHERE post_id = ? ORDER BY id", (post_id,))

    def add_step_event(self, round_id: int, post_id: int, step_id: str, step_name: str,
                       event: str) -> None:
        with self.transaction():
            self._execute(
                "INSERT OR IGNORE INTO approval_step_events (round_id, post_id, step_id,"
                " step_name, event, at) VALUES (?, ?, ?, ?, ?, ?)",
                (round_id, post_id, step_id, step_name, event, now_iso()))

    def step_events(self, post_id: int | None = None) -> list[dict]:
        if post_id is None:
            return self._query("SELECT * FROM approval_step_events ORDER BY id")
        return self._query("SELECT * FROM approval_step_events WHERE post_id = ? ORDER BY id",
                           (post_id,))
