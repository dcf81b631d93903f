"""The columns of SQLite migration 11: translation-memory language variants and TMX metadata."""

VERSION = 9
DESCRIPTION = "translation-memory language variants and TMX metadata"

SQL = """
ALTER TABLE tm_units ADD COLUMN en_tag TEXT NOT NULL DEFAULT '';
ALTER TABLE tm_units ADD COLUMN fr_tag TEXT NOT NULL DEFAULT '';
ALTER TABLE tm_units ADD COLUMN meta TEXT NOT NULL DEFAULT '';
"""
