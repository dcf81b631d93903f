"""Spell checking in Canadian English and French (Hunspell through ``chunspell``).

:class:`SpellChecker` finds the misspelt words of a text in one language and
suggests corrections. The dictionaries are Debian's Hunspell ``en_CA`` and
``fr`` (Grammalecte) files shipped in ``resources/dictionaries/`` with their
licences; each is loaded once per process and shared by every checker.

Never flagged, whatever the dictionary says:

* web addresses, e-mail addresses, @handles and #hashtags, ``{placeholders}``
  and HTML tags;
* words holding a digit (``COVID-19``, ``C-11``, ``G7``), words in capitals
  (``CDS``, ``IRCC``: acronyms, as word processors skip them by default) and
  names with inner capitals (``NRCan``, ``EnerGuide``), also behind a French
  elision or an English possessive (``l’ARC``, ``RCMP’s``);
* the words of accepted phrases — the termbase's preferred terms — and the
  words a person or the team added (:meth:`SpellChecker.accept`).

Results for a word are cached, so checking a text again after a keystroke
costs a dictionary look-up only for the words that changed.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.model import Lang

from .langcodes import to_lang

#: The Hunspell dictionary (``<name>.aff`` + ``<name>.dic``) used for each language.
DICTIONARIES = {Lang.EN: "en_CA", Lang.FR: "fr"}

#: Longest word ever sent to Hunspell (longer runs are not words: checking them is wasted time).
MAX_WORD = 60

_WORD = re.compile(r"\w+(?:(?:['’·]|[.-]{1,2})\w+)*")
# What is never checked: web addresses (with a scheme, www. or a known top-level domain), e-mail
# addresses, @handles (also @user@host) and #hashtags — looked for only inside runs of non-spaces
# holding a dot, @ or # — then placeholders and HTML tags. Cheaper than twitter-text's address
# rules (QA's), which cost ~15 ms per keystroke at 5,000 characters; a spell checker only needs to
# know which words to leave alone.
_RUN = re.compile(r"[^\s.@#]*[.@#]\S*")
_ADDRESS = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+"
    r"|(?<![\w@.])[\w-]+(?:\.[\w-]+)*\.(?:ca|com|org|net|gov|edu|int|io|fr|uk|us|eu|info|app|dev|social)"
    r"\b(?:[/?#][^\s<>\"]*)?"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@/])@\w+(?:[.-]\w+)*(?:@[\w-]+(?:\.[\w-]+)+)?"
    r"|(?<![\w#&/])#\w+")
_MARKUP = re.compile(r"\{[^{}\s]{0,40}\}|\(\([^()\s]{1,40}\)\)|%[sd]\b|</?[A-Za-z][^<>]{0,500}>")
_CACHE_LIMIT = 50_000
_ELISION = re.compile(r"^(?:[LlDdJjMmNnSsTtCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu)['’](?=\w)")
_POSSESSIVE = re.compile(r"['’]s$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LETTERS = re.compile(r"[^\W_]*")
_JOINERS = "'’.-·"
_NEAR_MARKUP = re.compile(r"[@#{}<>%/:]")


def dictionary_dir() -> Path:
    """``resources/dictionaries``: inside the bundle when frozen, else the source tree's."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return root / "resources" / "dictionaries"


@functools.lru_cache(maxsize=4)
def _hunspell(name: str, folder: str):
    import hunspell  # chunspell's module; loaded on first use (the CLI's other commands never need it)

    if not (Path(folder) / f"{name}.dic").is_file():
        raise FileNotFoundError(f"Spell-check dictionary {name}.dic is missing from {folder}.")
    return hunspell.Hunspell(name, hunspell_data_dir=folder)


@dataclass(frozen=True)
class Misspelling:
    """A word at ``[start, end)`` of the text that no dictionary knows."""

    start: int
    end: int
    word: str


def _masked_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _MARKUP.finditer(text)]
    for run in _RUN.finditer(text):
        spans += [(run.start() + m.start(), run.start() + m.end()) for m in _ADDRESS.finditer(run.group())]
    return sorted(spans)


def _phrase_words(phrases: Iterable[str]) -> set[str]:
    return {w for phrase in phrases for w in _WORD.findall(phrase)}


class SpellChecker:
    """Checks text in one language; ``accepted`` phrases (preferred terms, added words) are never flagged."""

    def __init__(self, lang: Lang | str, accepted: Iterable[str] = (), *,
                 folder: str | Path | None = None) -> None:
        self.lang = to_lang(lang)
        self._dictionary = _hunspell(DICTIONARIES[self.lang], str(folder or dictionary_dir()))
        self._accepted: set[str] = set()
        self._cache: dict[str, bool] = {}
        self.accept(accepted)

    def accept(self, phrases: Iterable[str]) -> None:
        """Never flag the words of ``phrases`` again (an all-lowercase word is also accepted capitalised)."""
        words = _phrase_words(phrases)
        if words - self._accepted:
            self._accepted |= words
            self._cache.clear()

    def forget(self, phrases: Iterable[str]) -> None:
        """Stop accepting the words of ``phrases`` (a word removed from a personal dictionary)."""
        words = _phrase_words(phrases) & self._accepted
        if words:
            self._accepted -= words
            self._cache.clear()

    def is_correct(self, word: str) -> bool:
        """Whether ``word`` is spelt correctly (or is never checked: digits, capitals, accepted)."""
        known = self._cache.get(word)
        if known is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            known = self._cache[word] = self._lookup(word)
        return known

    def check(self, text: str) -> list[Misspelling]:
        """The misspelt words of ``text``, in order."""
        masked = _masked_spans(text)
        found = []
        m_index = 0
        for match in _WORD.finditer(text):
            start, end = match.span()
            while m_index < len(masked) and masked[m_index][1] <= start:
                m_index += 1
            if m_index < len(masked) and masked[m_index][0] < end:
                continue
            word = match.group()
            if not self.is_correct(word) and not (text[end:end + 1] == "." and self.is_correct(word + ".")):
                found.append(Misspelling(start, end, match.group()))
        return found

    def recheck(self, old_text: str, old_found: list[Misspelling], text: str) -> list[Misspelling]:
        """:meth:`check` of ``text``, knowing ``old_found`` = ``check(old_text)``.

        When the edit only changed letters inside one word (typing, backspace),
        only that word is looked up again and the other results are shifted;
        any other edit (a space, punctuation, an address) checks the whole text.
        """
        end = min(len(old_text), len(text))
        start = 0
        while start < end and old_text[start] == text[start]:
            start += 1
        tail = 0
        while tail < end - start and old_text[-1 - tail] == text[-1 - tail]:
            tail += 1
        changed = old_text[start:len(old_text) - tail] + text[start:len(text) - tail]
        if not _LETTERS.fullmatch(changed):
            return self.check(text)
        word_start = start
        while word_start > 0 and (text[word_start - 1].isalnum()
                                  or (text[word_start - 1] in _JOINERS and word_start > 1
                                      and text[word_start - 2].isalnum())):
            word_start -= 1
        word_end = len(text) - tail
        while word_end < len(text) and (text[word_end].isalnum() or
                                        (text[word_end] in _JOINERS and word_end + 1 < len(text)
                                         and text[word_end + 1].isalnum())):
            word_end += 1
        if word_start > 0 and not text[word_start - 1].isspace() or _NEAR_MARKUP.search(text[word_start:word_end]):
            return self.check(text)  # maybe part of an address, a hashtag or markup: check it all
        delta = len(text) - len(old_text)
        old_end = word_end - delta
        kept = [m if m.end <= word_start else Misspelling(m.start + delta, m.end + delta, m.word)
                for m in old_found if m.end <= word_start or m.start >= old_end]
        window = text[word_start:word_end + 1]  # with the next character: "etc." keeps its dot
        fresh = [Misspelling(m.start + word_start, m.end + word_start, m.word)
                 for m in self.check(window) if m.end + word_start <= word_end]
        return sorted(kept + fresh, key=lambda m: m.start)

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        """Corrections for ``word``, best first (Hunspell's order)."""
        if len(word) > MAX_WORD or _SURROGATE.search(word):
            return []
        return list(self._dictionary.suggest(word))[:limit]

    # ------------------------------------------------------------------ internals

    def _skipped(self, word: str) -> bool:
        if any(c.isdigit() or c == "_" for c in word) or len(word) > MAX_WORD or _SURROGATE.search(word):
            return True  # (lone surrogates: undecodable input, refused by the store anyway)
        if word in self._accepted or (word[:1].isupper() and word[:1].lower() + word[1:] in self._accepted):
            return True
        # Strip what only attaches a name: French elision (l’, d’, qu’…), English possessive ’s.
        base = _ELISION.sub("", _POSSESSIVE.sub("", word))
        if base != word:
            return self._skipped(base) or self._dictionary.spell(base)
        # Acronyms (CDS, IRCC) and names with inner capitals (NRCan, EnerGuide), as word processors do.
        return any(c.isupper() for c in word[1:])

    def _lookup(self, word: str) -> bool:
        if self._skipped(word) or self._dictionary.spell(word):
            return True
        if "·" in word:  # French inclusive writing: utilisateur·rice·s is right when utilisateur is
            return self.is_correct(word.split("·")[0])
        # Hunspell's French dictionary holds abbreviations with their dot ("etc.", "M."); a
        # compound the dictionary lacks ("Canada-Mexique") is right when each part is.
        parts = re.split(r"[.-]+", word)
        if len(parts) > 1 and all(p for p in parts):
            return all(self._dictionary.spell(p) or self._dictionary.spell(p + ".") or self._skipped(p)
                       for p in parts)
        return False
