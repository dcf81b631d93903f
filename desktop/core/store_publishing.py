"""SQL for publishing: channel accounts and the accounts each post targets.

`PublishingRecords` is mixed into `SqliteStore` and built on its
``_query``/``_execute``/``transaction``; `PublishingRepository` is the protocol
the account service depends on. Rows come back as plain dicts with the column
names of migration m0004 (``desktop.publishing.accounts`` turns them into
`PublishingAccount` values). No secret is ever stored here: an account row
holds only the keyring reference (``secret_service``, ``secret_key``).
"""

from __future__ import annotations

from typing import Protocol

from .clock import now_iso
from .errors import NotFound
from .repository import Repository

#: Columns a caller may set on an account (guards the dynamic UPDATE below).
ACCOUNT_COLUMNS = (
    "name", "channel", "lang", "service_url", "handle", "lang_order", "combine_when_fits",
    "secret_service", "secret_key", "source", "is_default", "created_by",
)


class PublishingRepository(Repository, Protocol):
    def add_account(self, fields: dict) -> dict: ...
    def get_account(self, account_id: int) -> dict: ...
    def find_account(self, name: str) -> dict | None: ...
    def list_accounts(self, include_removed: bool = False) -> list[dict]: ...
    def update_account(self, account_id: int, changes: dict) -> dict: ...
    def mark_account_removed(self, account_id: int) -> None: ...
    def set_default_accounts(self, account_ids: list[int]) -> None: ...
    def set_post_targets(self, post_id: int, account_ids: list[int]) -> None: ...
    def post_targets(self, post_id: int) -> list[dict]: ...
    def posts_targeting(self, account_id: int) -> list[dict]: ...


class PublishingRecords:
    """Accounts and post targets; rows of removed accounts are kept for the outbox."""

    # -- accounts ------------------------------------------------------------
    def add_account(self, fields: dict) -> dict:
        unknown = set(fields) - set(ACCOUNT_COLUMNS)
        if unknown:
            raise ValueError(f"not account columns: {sorted(unknown)}")
        at = now_iso()
        columns = [*fields, "created_at", "updated_at"]
        with self.transaction():
            cursor = self._execute(
                f"INSERT INTO accounts ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                (*fields.values(), at, at),
            )
        return self.get_account(cursor.lastrowid)

    def get_account(self, account_id: int) -> dict:
        rows = self._query("SELECT * FROM accounts WHERE id = ?", (account_id,))
        if not rows:
            raise NotFound(f"There is no account {account_id}.")
        return rows[0]

    def find_account(self, name: str) -> dict | None:
        """The account (not removed) called ``name``, ignoring case."""
        rows = self._query("SELECT * FROM accounts WHERE name = ? AND removed_at IS NULL", (name,))
        return rows[0] if rows else None

    def list_accounts(self, include_removed: bool = False) -> list[dict]:
        where = "" if include_removed else " WHERE removed_at IS NULL"
        return self._query(f"SELECT * FROM accounts{where} ORDER BY channel, name, id")

    def update_account(self, account_id: int, changes: dict) -> dict:
        unknown = set(changes) - set(ACCOUNT_COLUMNS)
        if unknown:
            raise ValueError(f"not account columns: {sorted(unknown)}")
        with self.transaction():
            self.get_account(account_id)
            if changes:
                sets = ", ".join(f"{column} = ?" for column in changes)
                self._execute(f"UPDATE accounts SET {sets}, updated_at = ? WHERE id = ?",
                              (*changes.values(), now_iso(), account_id))
        return self.get_account(account_id)

    def mark_account_removed(self, account_id: int) -> None:
        at = now_iso()
        with self.transaction():
            self.get_account(account_id)
            self._execute(
                "UPDATE accounts SET removed_at = ?, updated_at = ?, is_default = 0 WHERE id = ?",
                (at, at, account_id))

    def set_default_accounts(self, account_ids: list[int]) -> None:
        """Make exactly these accounts the user's default targets."""
        with self.transaction():
            self._execute("UPDATE accounts SET is_default = 0 WHERE is_default = 1")
            for account_id in account_ids:
                self._execute("UPDATE accounts SET is_default = 1 WHERE id = ?", (account_id,))

    # -- post targets --------------------------------------------------------
    def set_post_targets(self, post_id: int, account_ids: list[int]) -> None:
        """Replace the post's targets (an empty list clears them)."""
        with self.transaction():
            self.get_post(post_id)
            self._execute("DELETE FROM post_targets WHERE post_id = ?", (post_id,))
            for account_id in account_ids:
                self._execute("INSERT INTO post_targets (post_id, account_id) VALUES (?, ?)",
                              (post_id, account_id))

    def post_targets(self, post_id: int) -> list[dict]:
        """Account rows the post explicitly targets (empty: none chosen)."""
        return self._query(
            "SELECT a.* FROM post_targets t JOIN accounts a ON a.id = t.account_id"
            " WHERE t.post_id = ? ORDER BY a.channel, a.name, a.id", (post_id,))

    def posts_targeting(self, account_id: int) -> list[dict]:
        """Posts (id, state) that list the account among their targets."""
        return self._query(
            "SELECT p.id, p.state FROM post_targets t JOIN posts p ON p.id = t.post_id"
            " WHERE t.account_id = ? ORDER BY p.id", (account_id,))
