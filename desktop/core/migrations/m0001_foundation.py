"""Posts, immutable versions with provenance spans, working drafts, audit log."""

import sqlite_utils

VERSION = 1
DESCRIPTION = "posts, versions, spans, working drafts, hash-chained audit log"


def apply(db: sqlite_utils.Database) -> None:
    db.table("posts").create(
        {
            "id": int,
            "title": str,
            "state": str,
            "post_type": str,
            "created_by": str,
            "created_at": str,
            "updated_at": str,
            "en_text": str,  # latest version text, denormalised for list + search
            "fr_text": str,
        },
        pk="id",
        not_null={"title", "state", "post_type", "created_by", "created_at", "updated_at"},
        defaults={"en_text": "", "fr_text": "", "post_type": "standard"},
    )
    db.table("posts").create_index(["state", "updated_at"])
    db.table("posts").create_index(["updated_at"])
    db.table("posts").enable_fts(
        ["title", "en_text", "fr_text"],
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )
    db.table("versions").create(
        {
            "id": int,
            "post_id": int,
            "lang": str,
            "seq": int,
            "text": str,
            "sha256": str,
            "author": str,
            "created_at": str,
            "origin": str,
            "parent_id": int,
        },
        pk="id",
        foreign_keys=[("post_id", "posts", "id"), ("parent_id", "versions", "id")],
        not_null={"post_id", "lang", "seq", "text", "sha256", "author", "created_at", "origin"},
    )
    db.table("versions").create_index(["post_id", "lang", "seq"], unique=True)
    db.table("spans").create(
        {"version_id": int, "start": int, "end": int, "origin": str, "detail": str},
        foreign_keys=[("version_id", "versions", "id")],
        not_null={"version_id", "start", "end", "origin"},
    )
    db.table("spans").create_index(["version_id"])
    db.table("working_drafts").create(
        {"post_id": int, "lang": str, "text": str, "base_version_id": int, "saved_at": str},
        pk=("post_id", "lang"),
        foreign_keys=[("post_id", "posts", "id")],
    )
    db.table("audit").create(
        {
            "seq": int,
            "at": str,
            "actor": str,
            "action": str,
            "post_id": int,
            "details": str,
            "prev_hash": str,
            "hash": str,
        },
        pk="seq",
        not_null={"at", "actor", "action", "details", "prev_hash", "hash"},
    )
    db.table("audit").create_index(["post_id"])
    # Versions and the audit log are append-only at the database level too;
    # `audit verify` still detects edits made by someone who drops these.
    db.executescript(
        """
        CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
        BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
        CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
        BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """
    )
