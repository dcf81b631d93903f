"""The columns of SQLite migration 13: term ids, usage notes and note authors."""

VERSION = 11
DESCRIPTION = "term ids, usage notes and note authors"

SQL = """
ALTER TABLE terms ADD COLUMN en_id TEXT NOT NULL DEFAULT '';
ALTER TABLE terms ADD COLUMN fr_id TEXT NOT NULL DEFAULT '';
ALTER TABLE terms ADD COLUMN en_usage TEXT NOT NULL DEFAULT '';
ALTER TABLE terms ADD COLUMN fr_usage TEXT NOT NULL DEFAULT '';
ALTER TABLE terms ADD COLUMN note_author TEXT NOT NULL DEFAULT '';
"""
