"""Trust (issue 10): store metadata, and working drafts that belong to a person.

* ``store_meta``: facts about the store itself, key → value. ``policy.managed``
  records that the store was opened under an IT policy (and from where), so
  it refuses to open without one (`desktop.app.session`).
* ``working_drafts`` is keyed by post, language **and owner**: the autosaved
  text of one person is never shown to, nor saved as a version by, another.
  Drafts left by earlier versions of Tandem have no known owner; they are kept
  with owner ``''`` (nobody's), which no one is offered as their own.
"""

import sqlite_utils

VERSION = 10
DESCRIPTION = "store metadata; working drafts per user"


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE store_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE working_drafts_by_owner (
            post_id INTEGER NOT NULL REFERENCES posts (id),
            lang TEXT NOT NULL,
            owner TEXT NOT NULL,
            text TEXT,
            base_version_id INTEGER,
            saved_at TEXT,
            PRIMARY KEY (post_id, lang, owner)
        );
        INSERT INTO working_drafts_by_owner (post_id, lang, owner, text, base_version_id, saved_at)
            SELECT post_id, lang, '', text, base_version_id, saved_at FROM working_drafts;
        DROP TABLE working_drafts;
        ALTER TABLE working_drafts_by_owner RENAME TO working_drafts;
        """
    )
