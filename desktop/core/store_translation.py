"""SQL for translation resources: memory units, official pairs, terms and mappings.

`TranslationRecords` is mixed into `SqliteStore` and built on its
``_query``/``_execute``/``transaction``; `TranslationRepository` is the
protocol `desktop.app.suggestions.SuggestionService` depends on. Rows come
back as plain dicts with the column names of migration m0003; the service
turns them into `translation` objects (this module never imports them).
"""

from __future__ import annotations

from typing import Protocol

from .clock import now_iso
from .repository import Repository
from .store_base import SqlRecords

TM_COLUMNS = ("source_lang", "en", "fr", "origin", "source_ref", "created_at", "en_tag", "fr_tag", "meta")
TERM_COLUMNS = ("en", "fr", "en_abbr", "fr_abbr", "note", "source", "concept", "en_status", "fr_status",
                "definition", "en_id", "fr_id", "en_usage", "fr_usage", "note_author")
MAPPING_COLUMNS = ("kind", "en", "fr", "note")

#: Every pair of versions (one English, one French) of a post that were official at the
#: same time: each signed version is official from its sign-off until the next version
#: of its language is written. Derived from append-only tables only.
_OFFICIAL_PAIRS = """
WITH official AS (
    SELECT v.id AS version_id, v.post_id, v.lang, v.text, s.at AS since,
           (SELECT min(n.created_at) FROM versions n
             WHERE n.post_id = v.post_id AND n.lang = v.lang AND n.seq > v.seq) AS until
      FROM signoffs s JOIN versions v ON v.id = s.version_id
     WHERE s.kind = 'sign'
)
SELECT e.post_id,
       (SELECT w.lang FROM versions w WHERE w.post_id = e.post_id
         ORDER BY w.created_at, w.id LIMIT 1) AS source_lang,
       e.version_id AS en_version_id, e.text AS en,
       f.version_id AS fr_version_id, f.text AS fr,
       max(e.since, f.since) AS official_at
  FROM official e JOIN official f ON f.post_id = e.post_id AND f.lang = 'fr'
 WHERE e.lang = 'en'
   AND max(e.since, f.since) < min(coalesce(e.until, '9999'), coalesce(f.until, '9999'))
 ORDER BY official_at, e.post_id
"""


class TranslationRepository(Repository, Protocol):
    def tm_units(self) -> list[dict]: ...
    def add_tm_units(self, rows: list[dict], added_by: str) -> int: ...
    def official_pairs(self) -> list[dict]: ...
    def terms(self) -> list[dict]: ...
    def add_terms(self, rows: list[dict], added_by: str) -> int: ...
    def mappings(self) -> list[dict]: ...
    def add_mappings(self, rows: list[dict], added_by: str) -> int: ...
    def remove_mapping(self, mapping_id: int) -> None: ...
    def translation_marker(self) -> dict[str, tuple]: ...


class TranslationRecords(SqlRecords):
    """Rows for memory units, the termbase and mappings, and the official pairs query."""

    # -- translation memory ------------------------------------------------------
    def tm_units(self) -> list[dict]:
        """Imported memory units, oldest first."""
        return self._query("SELECT * FROM tm_units ORDER BY id")

    def add_tm_units(self, rows: list[dict], added_by: str) -> int:
        """Insert units (``TM_COLUMNS`` keys), skipping pairs already stored; how many were new."""
        return self._insert_new("tm_units", TM_COLUMNS, rows, added_by)

    def official_pairs(self) -> list[dict]:
        """Each English/French version pair of a post that was official at once, oldest first.

        Keys: post_id, source_lang (the language written first), en_version_id, en,
        fr_version_id, fr, official_at (when the second of the two was signed off).
        """
        return self._query(_OFFICIAL_PAIRS)

    # -- termbase ----------------------------------------------------------------
    def terms(self) -> list[dict]:
        return self._query("SELECT * FROM terms ORDER BY id")

    def add_terms(self, rows: list[dict], added_by: str) -> int:
        """Insert terms (``TERM_COLUMNS`` keys), skipping English/French pairs already stored."""
        return self._insert_new("terms", TERM_COLUMNS, rows, added_by)

    # -- mappings ----------------------------------------------------------------
    def mappings(self) -> list[dict]:
        return self._query("SELECT * FROM mappings ORDER BY id")

    def add_mappings(self, rows: list[dict], added_by: str) -> int:
        """Insert pairs (``MAPPING_COLUMNS`` keys); one whose handle, hashtag or address is
        already mapped (same kind, either language) is skipped. Returns how many were new."""
        return self._insert_new("mappings", MAPPING_COLUMNS, rows, added_by)

    def remove_mapping(self, mapping_id: int) -> None:
        with self.transaction():
            self._execute("DELETE FROM mappings WHERE id = ?", (mapping_id,))

    # -- change detection --------------------------------------------------------
    def translation_marker(self) -> dict[str, tuple]:
        """Values that change whenever the memory, the termbase or the mappings change."""
        row = self._query(
            "SELECT (SELECT coalesce(max(id), 0) FROM signoffs WHERE kind = 'sign') AS signed,"
            " (SELECT count(*) FROM tm_units) AS units,"
            " (SELECT coalesce(max(id), 0) FROM tm_units) AS unit_id,"
            " (SELECT count(*) FROM terms) AS terms,"
            " (SELECT coalesce(max(id), 0) FROM terms) AS term_id,"
            " (SELECT count(*) FROM mappings) AS mappings,"
            " (SELECT coalesce(max(id), 0) FROM mappings) AS mapping_id")[0]
        return {"memory": (row["signed"], row["units"], row["unit_id"]),
                "terms": (row["terms"], row["term_id"]),
                "mappings": (row["mappings"], row["mapping_id"])}

    def _insert_new(self, table: str, columns: tuple[str, ...], rows: list[dict],
                    added_by: str) -> int:
        at = now_iso()
        names = ", ".join((*columns, "added_by", "added_at"))
        marks = ", ".join("?" for _ in range(len(columns) + 2))
        added = 0
        with self.transaction():
            for row in rows:
                cursor = self._execute(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})",
                                       (*(row[c] for c in columns), added_by, at))
                added += cursor.rowcount
        return added
