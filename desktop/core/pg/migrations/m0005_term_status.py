"""The columns of SQLite migration 8: term statuses per language and definitions."""

VERSION = 5
DESCRIPTION = "term statuses and definitions"

_STATUS = "CHECK ({0} IN ('', 'preferred', 'admitted', 'deprecated', 'obsolete', 'forbidden'))"

SQL = f"""
ALTER TABLE terms ADD COLUMN en_status TEXT NOT NULL DEFAULT '' {_STATUS.format('en_status')};
ALTER TABLE terms ADD COLUMN fr_status TEXT NOT NULL DEFAULT '' {_STATUS.format('fr_status')};
ALTER TABLE terms ADD COLUMN definition TEXT NOT NULL DEFAULT '';
"""
