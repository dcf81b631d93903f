"""Shipped seed data for a new store: the GC organisations termbase and handle/hashtag/website pairs.

Parsed with today's `translation` readers and written once, right after a new
store's schema is created (migrations stay free of parsers). Rows are marked
``added_by = 'seed'``.
"""

from __future__ import annotations

from desktop.core.clock import now_iso
from desktop.core.store import SqliteStore

SEED_USER = "seed"


def seed_new_store(store: SqliteStore) -> None:
    """Fill a store whose schema was just created with the shipped termbase and mappings."""
    from translation import seed

    at = now_iso()
    with store.transaction():
        store.db.conn.executemany(
            "INSERT OR IGNORE INTO terms (en, fr, en_abbr, fr_abbr, note, source, concept, added_by,"
            " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(t.en, t.fr, t.en_abbr, t.fr_abbr, t.note, t.source, t.concept, SEED_USER, at)
             for t in seed.load_terms()])
        store.db.conn.executemany(
            "INSERT OR IGNORE INTO mappings (kind, en, fr, note, added_by, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(m.kind.value, m.en, m.fr, m.note, SEED_USER, at) for m in seed.load_mappings()])
