"""SQL for signing keys: the Ed25519 public keys people sign decisions with.

`SigningKeyRecords` is mixed into `SqliteStore` and `PgStore` and built on
their ``_query``/``_execute``/``transaction``; `SigningKeyRepository` is what
`desktop.core.signing` depends on. Rows are plain dicts with the columns of
migration m0009 (registrations are append-only).
"""

from __future__ import annotations

from typing import Protocol

from .clock import now_iso
from .repository import Repository
from .store_base import SqlRecords


class SigningKeyRepository(Repository, Protocol):
    def add_signing_key(self, holder: str, key_id: str, public_key: str,
                        registered_by: str) -> dict: ...
    def signing_key(self, key_id: str) -> dict | None: ...
    def signing_keys(self, holder: str | None = None) -> list[dict]: ...


class SigningKeyRecords(SqlRecords):
    """Rows of ``signing_keys``, oldest first."""

    def add_signing_key(self, holder: str, key_id: str, public_key: str,
                        registered_by: str) -> dict:
        with self.transaction():
            self._execute(
                "INSERT INTO signing_keys (holder, key_id, public_key, registered_by,"
                " registered_at) VALUES (?, ?, ?, ?, ?)",
                (holder, key_id, public_key, registered_by, now_iso()))
        return self._query("SELECT * FROM signing_keys WHERE key_id = ?", (key_id,))[0]

    def signing_key(self, key_id: str) -> dict | None:
        rows = self._query("SELECT * FROM signing_keys WHERE key_id = ?", (key_id,))
        return rows[0] if rows else None

    def signing_keys(self, holder: str | None = None) -> list[dict]:
        if holder is None:
            return self._query("SELECT * FROM signing_keys ORDER BY id")
        return self._query("SELECT * FROM signing_keys WHERE holder = ? ORDER BY id", (holder,))
