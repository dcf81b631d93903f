"""SQL for the spell-check dictionaries: words a person or the team added (migration m0006).

`DictionaryRecords` is mixed into `SqliteStore`; `DictionaryRepository` is the
protocol `desktop.app.spelling.SpellingService` depends on. A personal word
has its user as ``owner``; a team word has the empty owner.
"""

from __future__ import annotations

from typing import Protocol

from .clock import now_iso
from .repository import Repository
from .store_base import SqlRecords

TEAM = ""


class DictionaryRepository(Repository, Protocol):
    def dictionary_words(self, lang: str, owner: str) -> list[dict]: ...
    def add_dictionary_word(self, lang: str, word: str, owner: str, added_by: str) -> bool: ...
    def remove_dictionary_word(self, lang: str, word: str, owner: str) -> bool: ...
    def dictionary_marker(self) -> tuple: ...


class DictionaryRecords(SqlRecords):
    """Rows of ``dictionary_words``."""

    def dictionary_words(self, lang: str, owner: str) -> list[dict]:
        """The team's words and ``owner``'s own, for ``lang`` (keys: word, owner, added_by, added_at)."""
        return self._query("SELECT word, owner, added_by, added_at FROM dictionary_words"
                           " WHERE lang = ? AND owner IN ('', ?) ORDER BY word, owner", (lang, owner))

    def add_dictionary_word(self, lang: str, word: str, owner: str, added_by: str) -> bool:
        """Add ``word``; False when that dictionary already had it."""
        with self.transaction():
            cursor = self._execute("INSERT OR IGNORE INTO dictionary_words (lang, word, owner, added_by, added_at)"
                                   " VALUES (?, ?, ?, ?, ?)", (lang, word, owner, added_by, now_iso()))
        return cursor.rowcount > 0

    def remove_dictionary_word(self, lang: str, word: str, owner: str) -> bool:
        """Remove ``word``; False when that dictionary did not have it."""
        with self.transaction():
            cursor = self._execute("DELETE FROM dictionary_words WHERE lang = ? AND word = ? AND owner = ?",
                                   (lang, word, owner))
        return cursor.rowcount > 0

    def dictionary_marker(self) -> tuple:
        """Changes whenever a word is added or removed."""
        row = self._query("SELECT count(*) AS n, coalesce(max(id), 0) AS last FROM dictionary_words")[0]
        return row["n"], row["last"]
