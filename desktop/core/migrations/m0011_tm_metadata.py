"""Translation-memory units keep their language variants and TMX metadata.

* ``tm_units.en_tag`` / ``fr_tag``: the language tag each text came with
  (``en-GB``, ``fr-FR``…; ``''`` when unknown, exported as en-CA/fr-CA).
* ``tm_units.meta``: the unit's other TMX metadata as JSON (``tuid``, creation
  and change ids and dates, usage count, segment type, notes, properties);
  ``''`` when there is none. Written back on export.
"""

import sqlite_utils

VERSION = 11
DESCRIPTION = "translation-memory language variants and TMX metadata"


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        ALTER TABLE tm_units ADD COLUMN en_tag TEXT NOT NULL DEFAULT '';
        ALTER TABLE tm_units ADD COLUMN fr_tag TEXT NOT NULL DEFAULT '';
        ALTER TABLE tm_units ADD COLUMN meta TEXT NOT NULL DEFAULT '';
        """
    )
