"""Signing keys in the real (throwaway) Secret Service, and an insider who edits the file.

`signing_keys` is the private GNOME Keyring of the run (tests/publishing/keyring_env.py);
signing keys a test leaves there are deleted after it. `Insider` is someone holding
the SQLite file: drops the guard triggers, edits rows and recomputes every hash of
the audit chain, exactly as `audit verify` must expect.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

import pytest
import secretstorage
from jeepney.io.blocking import open_dbus_connection

from desktop.core import signing, signing_keyring
from desktop.core.audit import GENESIS_HASH, canonical_details, entry_hash
from tests.publishing.keyring_env import ensure_private_secret_service


def _items(address: str) -> set[str]:
    with open_dbus_connection(address) as bus:
        collection = secretstorage.get_default_collection(bus)
        return {i.item_path for i in collection.search_items({"service": signing_keyring.SERVICE})}


@pytest.fixture
def signing_keys() -> Iterator[str]:
    address = ensure_private_secret_service()
    before = _items(address)
    yield address
    with open_dbus_connection(address) as bus:
        for item in secretstorage.get_default_collection(bus).search_items(
                {"service": signing_keyring.SERVICE}):
            if item.item_path not in before:
                item.delete()


def new_key_in_keyring(user: str) -> str:
    """What `tandem keys init` does: a fresh key in ``user``'s keyring; its public key."""
    key = signing.Ed25519PrivateKey.generate()
    signing_keyring.save(user, signing.private_text(key))
    return signing.public_text(key)


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
