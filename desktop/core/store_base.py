"""What the store's capability mixins (``store_<area>.py``) are built on.

`SqliteStore` and `PgStore` provide ``_query``/``_execute``/``transaction`` and the post
accessors; the mixins inherit `SqlRecords` so those are declared once, typed, for all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol

from .errors import StoreError
from .model import Post, PostState


class WriteResult(Protocol):
    """What ``_execute`` returns: the DB-API bits the mixins read (a `sqlite3.Cursor`
    or PostgreSQL's equivalent)."""

    @property
    def lastrowid(self) -> int | None: ...
    @property
    def rowcount(self) -> int: ...


class SqlRecords(Protocol):
    """The statements and post accessors every store provides to its mixins."""

    def transaction(self) -> AbstractContextManager[None]: ...
    def _query(self, sql: str, params: tuple | dict = ()) -> list[dict]: ...
    def _execute(self, sql: str, params: tuple | dict = ()) -> WriteResult: ...
    # Attributes rather than methods: `PgStore` borrows them from `SqliteStore` when
    # its module loads, which a type checker cannot see.
    get_post: Callable[[int], Post]
    set_post_state: Callable[[int, PostState], None]


def new_id(result: WriteResult) -> int:
    """The id of the row an INSERT just wrote."""
    if result.lastrowid is None:
        raise StoreError("The database stored no row for an insert; nothing was saved.")
    return result.lastrowid
