"""Term statuses and definitions (TBX-Basic ``administrativeStatus`` and ``definition``).

* ``terms.en_status`` / ``fr_status``: the status of each language's name —
  ``preferred``, ``admitted``, ``deprecated``, ``obsolete`` or ``forbidden``;
  ``''`` when the source did not say (treated as usable, like ``admitted``).
  Machine post-editing and QA enforce usable forms, flag deprecated and
  forbidden ones, and never require a deprecated or obsolete one.
* ``terms.definition``: what the concept is (a TBX definition is not a note).
"""

import sqlite_utils

VERSION = 8
DESCRIPTION = "term statuses and definitions"

_STATUS = "CHECK ({0} IN ('', 'preferred', 'admitted', 'deprecated', 'obsolete', 'forbidden'))"


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        f"""
        ALTER TABLE terms ADD COLUMN en_status TEXT NOT NULL DEFAULT '' {_STATUS.format('en_status')};
        ALTER TABLE terms ADD COLUMN fr_status TEXT NOT NULL DEFAULT '' {_STATUS.format('fr_status')};
        ALTER TABLE terms ADD COLUMN definition TEXT NOT NULL DEFAULT '';
        """
    )
