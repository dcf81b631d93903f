"""Term ids, usage notes and note authors, so TBX round trips keep them (issue 13).

* ``terms.en_id`` / ``fr_id``: the id of each language's term section in the
  source file (TBX ``tig``/``termSec`` ``id``); ``''`` when it had none.
* ``terms.en_usage`` / ``fr_usage``: each language's usage note (TBX
  ``termNote type="usageNote"``), kept apart from the general ``note``.
* ``terms.note_author``: who wrote ``note`` (TBX ``<note from="…">``).
"""

import sqlite_utils

VERSION = 13
DESCRIPTION = "term ids, usage notes and note authors"


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        ALTER TABLE terms ADD COLUMN en_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE terms ADD COLUMN fr_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE terms ADD COLUMN en_usage TEXT NOT NULL DEFAULT '';
        ALTER TABLE terms ADD COLUMN fr_usage TEXT NOT NULL DEFAULT '';
        ALTER TABLE terms ADD COLUMN note_author TEXT NOT NULL DEFAULT '';
        """
    )
