"""SQL for the post shelf: archived and deleted posts (migration m0012).

`ShelfRecords` is mixed into `SqliteStore` and `PgStore`, built on their
``_query``/``_execute``/``transaction``; `ShelfRepository` is what
`desktop.core.lifecycle` depends on. `NOT_SHELVED` is the clause the post
lists add so a shelved post (alias ``k``) leaves every list.
"""

from __future__ import annotations

from typing import Protocol

from .clock import now_iso
from .repository import Repository
from .store_base import SqlRecords

#: A post list's filter: posts (aliased ``k``) that are neither archived nor deleted.
NOT_SHELVED = "k.id NOT IN (SELECT post_id FROM post_shelf)"


class ShelfRepository(Repository, Protocol):
    def shelve(self, post_id: int, status: str, by: str) -> None: ...
    def unshelve(self, post_id: int) -> None: ...
    def shelf_status(self, post_id: int) -> str | None: ...
    def shelved_posts(self, status: str) -> list[dict]: ...


class ShelfRecords(SqlRecords):
    """Rows of ``post_shelf``: one per archived or deleted post."""

    def shelve(self, post_id: int, status: str, by: str) -> None:
        with self.transaction():
            self._execute("DELETE FROM post_shelf WHERE post_id = ?", (post_id,))
            self._execute("INSERT INTO post_shelf (post_id, status, shelved_by, shelved_at)"
                          " VALUES (?, ?, ?, ?)", (post_id, status, by, now_iso()))

    def unshelve(self, post_id: int) -> None:
        with self.transaction():
            self._execute("DELETE FROM post_shelf WHERE post_id = ?", (post_id,))

    def shelf_status(self, post_id: int) -> str | None:
        rows = self._query("SELECT status FROM post_shelf WHERE post_id = ?", (post_id,))
        return rows[0]["status"] if rows else None

    def shelved_posts(self, status: str) -> list[dict]:
        """(id, title, state, shelved_by, shelved_at) of the posts with ``status``, newest first."""
        return self._query(
            "SELECT p.id, p.title, p.state, s.shelved_by, s.shelved_at FROM post_shelf s"
            " JOIN posts p ON p.id = s.post_id WHERE s.status = ?"
            " ORDER BY s.shelved_at DESC, p.id DESC", (status,))
