"""Signing keys: the Ed25519 public key each person signs decisions with.

Registrations are history (append-only, like versions and the audit log): a
new key for a person is a new row, and decisions signed with an older key
still verify against it. Each registration is also an audit entry
(``keys.register``) that `tandem audit verify` compares the rows with.
"""

import sqlite_utils

VERSION = 9
DESCRIPTION = "signing keys (Ed25519 public keys registered by an admin)"


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE signing_keys (
            id INTEGER PRIMARY KEY,
            holder TEXT NOT NULL,             -- the person who signs with it
            key_id TEXT NOT NULL UNIQUE,      -- sha256 of the raw public key, hex
            public_key TEXT NOT NULL,         -- raw 32-byte Ed25519 key, base64
            registered_by TEXT NOT NULL,
            registered_at TEXT NOT NULL
        );
        CREATE INDEX signing_keys_user ON signing_keys (holder, id);
        CREATE TRIGGER signing_keys_no_update BEFORE UPDATE ON signing_keys
        BEGIN SELECT RAISE(ABORT, 'signing_keys is append-only'); END;
        CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
        BEGIN SELECT RAISE(ABORT, 'signing_keys is append-only'); END;
        """
    )
