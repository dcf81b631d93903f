"""An insider holding the SQLite file: drops the guard triggers, edits rows, recomputes the chain.

What `audit verify` must expect from someone with the database file and a text
editor's worth of SQL: every hash of the audit chain recomputed after the edit.
"""

from __future__ import annotations

import json
import sqlite3

from desktop.core.audit import GENESIS_HASH, canonical_details, entry_hash


class Insider:
    """Direct write access to the store file, guard triggers dropped."""

    def __init__(self, path):
        self.conn = sqlite3.connect(path, isolation_level=None)
        for (name,) in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                " AND (name LIKE '%no_update' OR name LIKE '%no_delete')").fetchall():
            self.conn.execute(f"DROP TRIGGER {name}")

    def sql(self, statement: str, params: tuple = ()) -> None:
        self.conn.execute(statement, params)

    def edit_entry(self, seq: int, actor: str | None = None, **details) -> None:
        """Change entry ``seq``'s actor and details (None removes a detail); no rehash."""
        row = self.conn.execute("SELECT actor, details FROM audit WHERE seq = ?", (seq,)).fetchone()
        data = json.loads(row[1])
        for key, value in details.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        self.conn.execute("UPDATE audit SET actor = ?, details = ? WHERE seq = ?",
                          (actor or row[0], canonical_details(data), seq))

    def rehash(self) -> None:
        """Recompute every prev_hash and hash, so the chain verifies again."""
        prev = GENESIS_HASH
        for seq, at, actor, action, post_id, details in self.conn.execute(
                "SELECT seq, at, actor, action, post_id, details FROM audit ORDER BY seq"
        ).fetchall():
            digest = entry_hash(seq, at, actor, action, post_id, details, prev)
            self.conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?",
                              (prev, digest, seq))
            prev = digest

    def entry(self, action: str, **match) -> int:
        """The seq of the last entry with ``action`` whose details contain ``match``."""
        for seq, details in reversed(self.conn.execute(
                "SELECT seq, details FROM audit WHERE action = ? ORDER BY seq", (action,)).fetchall()):
            data = json.loads(details)
            if all(data.get(k) == v for k, v in match.items()):
                return seq
        raise LookupError(action)
