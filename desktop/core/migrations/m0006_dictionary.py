"""Spell-check dictionaries: words a person or the whole team added.

* ``dictionary_words``: one word accepted by the spell checker in one language
  (``en`` or ``fr``). ``owner`` is the user name for a personal word and the
  empty string for the team dictionary, which every member's checker reads.
  A word is stored once per language and owner. Removing a word deletes its
  row (a dictionary is a preference, not a record).
"""

import sqlite_utils

VERSION = 6
DESCRIPTION = "personal and team spell-check dictionaries"


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE dictionary_words (
            id INTEGER PRIMARY KEY,
            lang TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
            word TEXT NOT NULL CHECK (length(word) BETWEEN 1 AND 100),
            owner TEXT NOT NULL DEFAULT '',
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX dictionary_words_unique ON dictionary_words (lang, owner, word);
        """
    )
