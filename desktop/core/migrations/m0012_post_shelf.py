"""Archived and deleted posts: the shelf that takes a post out of every list.

Versions and the audit log are immutable, so deleting a post never erases
its history: a row here with ``status = 'deleted'`` hides it everywhere (the
record export and `tandem audit verify` still see it), ``'archived'`` hides it
until it is taken off the shelf. Who did it and when is also in the audit log
(``post.delete``, ``post.archive``, ``post.unarchive``).
"""

import sqlite_utils

VERSION = 12
DESCRIPTION = "archived and deleted posts (post_shelf)"


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE post_shelf (
            post_id INTEGER PRIMARY KEY REFERENCES posts (id),
            status TEXT NOT NULL CHECK (status IN ('archived', 'deleted')),
            shelved_by TEXT NOT NULL,
            shelved_at TEXT NOT NULL
        );
        CREATE TRIGGER post_shelf_deleted_stays BEFORE DELETE ON post_shelf
        WHEN OLD.status = 'deleted'
        BEGIN SELECT RAISE(ABORT, 'a deleted post stays deleted'); END;
        CREATE TRIGGER post_shelf_deleted_final BEFORE UPDATE ON post_shelf
        WHEN OLD.status = 'deleted'
        BEGIN SELECT RAISE(ABORT, 'a deleted post stays deleted'); END;
        """
    )
