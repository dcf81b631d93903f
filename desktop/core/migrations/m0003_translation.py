"""Translation resources: imported memory units, the termbase and the handle/hashtag/address mappings.

Official post pairs are *not* copied here: they are derived from the
append-only versions and sign-offs (`TranslationRecords.official_pairs`), so
the memory can never disagree with the record. ``tm_units`` holds only pairs
brought in from outside (TMX files).

A new store is filled with the shipped seeds by `desktop.app.seed` (a
migration must not depend on today's parsers). IDs never get reused (AUTOINCREMENT), so
``max(id)`` and ``count(*)`` together tell the suggestion service when to
rebuild its in-memory copies.
"""

import sqlite_utils

VERSION = 3
DESCRIPTION = "translation memory units, termbase, handle/hashtag/address mappings"


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE tm_units (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source_lang TEXT NOT NULL CHECK (source_lang IN ('en', 'fr')),  -- written first
            en TEXT NOT NULL,
            fr TEXT NOT NULL,
            origin TEXT NOT NULL,                -- tmx, manual, approved (from another store)
            source_ref TEXT NOT NULL DEFAULT '', -- file or record the pair came from
            created_at TEXT NOT NULL DEFAULT '', -- when the pair was made ('' if unknown)
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL,
            UNIQUE (en, fr)
        );

        CREATE TABLE terms (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            en TEXT NOT NULL,
            fr TEXT NOT NULL,
            en_abbr TEXT NOT NULL DEFAULT '',
            fr_abbr TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            concept TEXT NOT NULL DEFAULT '',    -- terms naming one thing share it
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL,
            UNIQUE (en, fr)
        );

        CREATE TABLE mappings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('handle', 'hashtag', 'url')),
            en TEXT NOT NULL COLLATE NOCASE,
            fr TEXT NOT NULL COLLATE NOCASE,
            note TEXT NOT NULL DEFAULT '',
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL,
            UNIQUE (kind, en),
            UNIQUE (kind, fr)
        );
        """
    )
