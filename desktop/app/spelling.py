"""Spell checking with the team's words: dictionaries, termbase and store composed.

`SpellingService` gives the window and ``tandem spell`` the same checker for a
language: the shipped Hunspell dictionary, plus the termbase's names and
abbreviations in that language, plus the team dictionary and the current
user's personal dictionary from the store. Anyone may add a word to their own
dictionary; adding to (or removing from) the team's needs a translator or an
admin, as for terms, and is audited.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core.errors import InvalidText
from desktop.core.model import Lang
from desktop.core.names import Role
from desktop.core.roles import RoleService
from desktop.core.store_dictionary import TEAM, DictionaryRepository

if TYPE_CHECKING:
    from translation.spelling import SpellChecker
    from translation.terms import Termbase

_ONE_WORD = re.compile(r"[^\s]{1,100}")


def term_phrases(termbase: Termbase, lang: Lang) -> list[str]:
    """The names and abbreviations the termbase holds in ``lang`` (never flagged)."""
    return [form for term in termbase for form in (term.name(lang), term.abbr(lang)) if form]


def for_session(session) -> SpellingService:
    """The spelling service of an open session (its store, roles, user and termbase)."""
    return SpellingService(session.store, session.roles, session.user, session.suggestions.termbase)


class SpellingService:
    """Checkers per language, rebuilt when the dictionaries or the termbase change."""

    def __init__(self, repo: DictionaryRepository, roles: RoleService, user: str,
                 termbase: Callable[[], Termbase]):
        self.repo = repo
        self.roles = roles
        self.user = user
        self._termbase = termbase
        self._lock = threading.Lock()
        self._checkers: dict[Lang, tuple[tuple, SpellChecker]] = {}

    def checker(self, lang: Lang) -> SpellChecker:
        """The current checker for ``lang`` (cheap when nothing changed since the last call)."""
        from translation.spelling import SpellChecker

        termbase = self._termbase()
        marker = (self.repo.dictionary_marker(), id(termbase))
        with self._lock:
            cached = self._checkers.get(lang)
            if cached is None or cached[0] != marker:
                words = [row["word"] for row in self.repo.dictionary_words(lang.value, self.user)]
                cached = (marker, SpellChecker(lang, [*term_phrases(termbase, lang), *words]))
                self._checkers[lang] = cached
            return cached[1]

    def check(self, text: str, lang: Lang, suggestions: int = 6) -> list[dict]:
        """Each misspelling of ``text``: word, start, end (character offsets) and suggestions."""
        checker = self.checker(lang)
        return [{"word": m.word, "start": m.start, "end": m.end,
                 "suggestions": checker.suggest(m.word, suggestions)} for m in checker.check(text)]

    def words(self, lang: Lang) -> list[dict]:
        """The team's words and the user's own for ``lang``; ``team`` tells which."""
        return [{"word": row["word"], "team": row["owner"] == TEAM, "added_by": row["added_by"],
                 "added_at": row["added_at"]} for row in self.repo.dictionary_words(lang.value, self.user)]

    def add_word(self, lang: Lang, word: str, *, team: bool = False) -> bool:
        """Accept ``word`` from now on (for everyone when ``team``); False if it was already there."""
        word = self._valid(word)
        if not team:
            return self.repo.add_dictionary_word(lang.value, word, self.user, self.user)
        self._require_team_editor("dictionary.add", "add words to the team dictionary")
        with self.repo.transaction():
            added = self.repo.add_dictionary_word(lang.value, word, TEAM, self.user)
            if added:
                self.repo.append_audit(self.user, "dictionary.add", None, {"lang": lang.value, "word": word})
        return added

    def remove_word(self, lang: Lang, word: str, *, team: bool = False) -> bool:
        """Stop accepting ``word`` (from the team dictionary when ``team``); False if it was not there."""
        if not team:
            return self.repo.remove_dictionary_word(lang.value, word, self.user)
        self._require_team_editor("dictionary.remove", "remove words from the team dictionary")
        with self.repo.transaction():
            removed = self.repo.remove_dictionary_word(lang.value, word, TEAM)
            if removed:
                self.repo.append_audit(self.user, "dictionary.remove", None,
                                       {"lang": lang.value, "word": word})
        return removed

    @staticmethod
    def _valid(word: str) -> str:
        word = word.strip()
        if not _ONE_WORD.fullmatch(word) or not any(c.isalpha() for c in word):
            raise InvalidText("A dictionary entry is one word of at most 100 characters, with a "
                              "letter in it.", msg="spelling.bad_word")
        return word

    def _require_team_editor(self, action: str, what: str) -> None:
        self.roles.require((Role.TRANSLATOR.value, Role.ADMIN.value), action, what,
                           reason="the team dictionary changes everyone's spell check")
