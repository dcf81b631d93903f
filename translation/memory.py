"""Translation memory: reuse of earlier English/French pairs, exact or fuzzy.

A :class:`MemoryUnit` is one aligned pair (approved post pair, imported TMX
unit, a pair typed in by the team). :class:`TranslationMemory` holds units in
memory and answers "what did we say last time?": exact matches (score 100,
``exact=True``: reuse verbatim) and fuzzy ones scored 0–100 with RapidFuzz's
normalised Indel similarity (``fuzz.ratio``) on text compared case-, space- and
apostrophe-insensitively. Pairs are bilingual, so an EN→FR unit also answers
FR→EN look-ups.

Persistence is the store's job: it keeps the fields of :class:`MemoryUnit`
and rebuilds a TranslationMemory from them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from desktop.core.errors import InvalidText
from desktop.core.model import Lang
from desktop.core.text import check

from .langcodes import to_lang

#: Default minimum fuzzy score; CAT tools commonly start showing matches at 70–75 %.
DEFAULT_THRESHOLD = 75.0

#: Highest score a non-exact match can get: 100 means "reuse verbatim".
FUZZY_CEILING = 99.0

#: Where a unit came from (``MemoryUnit.origin``); the store may keep any short string.
ORIGIN_APPROVED = "approved"  # an approved/published Tandem post pair
ORIGIN_TMX = "tmx"            # imported from a TMX file
ORIGIN_MANUAL = "manual"      # typed in by the team

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})


def exact_key(text: str) -> str:
    """Key for an exact (100 %) match: NFC, runs of white space (NBSP included) as one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def match_key(text: str) -> str:
    """Key for fuzzy scoring: :func:`exact_key`, case-folded, curly quotes made straight."""
    return exact_key(text).casefold().translate(_APOSTROPHES)


@dataclass(frozen=True)
class MemoryUnit:
    """One aligned English/French pair; ``source_lang`` is the language written first.

    ``origin`` says what kind of pair it is (``approved``, ``tmx``, ``manual``),
    ``source_ref`` which post or file it came from, ``created_at`` an ISO 8601
    UTC timestamp (``""`` if unknown). ``en_tag``/``fr_tag`` are the language
    variants the texts came as (``en-GB``, ``fr-FR``; ``""`` if unknown or the
    Canadian default, en-CA/fr-CA) and
    ``meta`` the unit's other exchange-file metadata as a JSON object (``""``
    if none), kept so an export gives them back. Construction validates both texts with
    :func:`desktop.core.text.check` (surrounding white space is dropped) and
    normalises language codes.
    """

    source_lang: Lang
    source: str
    target_lang: Lang
    target: str
    origin: str = ORIGIN_MANUAL
    source_ref: str = ""
    created_at: str = ""
    en_tag: str = ""
    fr_tag: str = ""
    meta: str = ""

    def __post_init__(self) -> None:
        source_lang, target_lang = to_lang(self.source_lang), to_lang(self.target_lang)
        if source_lang is target_lang:
            raise InvalidText("A memory pair needs one English and one French text.", msg="memory.same_language")
        object.__setattr__(self, "source_lang", source_lang)
        object.__setattr__(self, "target_lang", target_lang)
        for name in ("source", "target"):
            value = check(getattr(self, name), what="Memory text", hidden=False).strip()
            if not value:
                raise InvalidText(f"Memory pair has an empty {name} text.", msg="memory.empty_side",
                                  side=name)
            object.__setattr__(self, name, value)

    def text(self, lang: Lang) -> str:
        """The unit's text in ``lang``."""
        return self.source if to_lang(lang) is self.source_lang else self.target

    def tag(self, lang: Lang) -> str:
        """The language variant of the ``lang`` text (``""`` if unknown)."""
        return self.en_tag if to_lang(lang) is Lang.EN else self.fr_tag


@dataclass(frozen=True)
class MemoryMatch:
    """A look-up result oriented to the query: ``source`` matched, ``target`` is the suggestion."""

    unit: MemoryUnit
    score: float
    exact: bool
    source: str
    target: str


class TranslationMemory:
    """In-memory, bilingual index of :class:`MemoryUnit` answering exact and fuzzy look-ups.

    Duplicate pairs (same English and French text, whichever was written first)
    are kept once: the newest ``created_at`` wins. Measured look-up time is in
    ``tests/translation/test_memory.py::test_lookup_speed_with_20000_units``.
    """

    def __init__(self, units: Iterable[MemoryUnit] = ()) -> None:
        self._units: list[MemoryUnit] = []
        self._by_pair: dict[tuple[str, str], int] = {}
        # Per query language: match keys aligned with unit indexes, and exact keys → indexes.
        self._keys: dict[Lang, list[str]] = {Lang.EN: [], Lang.FR: []}
        self._exact: dict[Lang, dict[str, list[int]]] = {Lang.EN: {}, Lang.FR: {}}
        for unit in units:
            self.add(unit)

    def __len__(self) -> int:
        return len(self._units)

    def __iter__(self) -> Iterator[MemoryUnit]:
        return iter(self._units)

    def add(self, unit: MemoryUnit) -> bool:
        """Add a unit; False if the same pair was already there (the newer one is kept)."""
        pair = (exact_key(unit.text(Lang.EN)), exact_key(unit.text(Lang.FR)))
        known = self._by_pair.get(pair)
        if known is not None:
            if unit.created_at > self._units[known].created_at:
                self._units[known] = unit
            return False
        index = len(self._units)
        self._units.append(unit)
        self._by_pair[pair] = index
        for lang in (Lang.EN, Lang.FR):
            text = unit.text(lang)
            self._keys[lang].append(match_key(text))
            self._exact[lang].setdefault(exact_key(text), []).append(index)
        return True

    def lookup(
        self,
        text: str,
        source_lang: Lang | str,
        target_lang: Lang | str | None = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 5,
    ) -> list[MemoryMatch]:
        """Units whose ``source_lang`` text resembles ``text``, best first.

        Exact matches (identical after white-space normalisation) score 100 and
        are flagged ``exact``; every other match scores at most
        :data:`FUZZY_CEILING`. Ties go to the newest unit.
        """
        source_lang = to_lang(source_lang)
        target_lang = source_lang.other if target_lang is None else to_lang(target_lang)
        if target_lang is source_lang:
            raise InvalidText("Look-up needs two different languages.", msg="memory.lookup_same_language")
        if not text.strip() or not self._units or limit <= 0:
            return []
        exact_hits = set(self._exact[source_lang].get(exact_key(text), ()))
        # Extra candidates so exact duplicates of one source never crowd out the rest.
        found = process.extract(
            match_key(text),
            self._keys[source_lang],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=threshold,
            limit=limit + len(exact_hits) + 5,
        )
        scores = {index: float(score) for _, score, index in found}
        scores.update(dict.fromkeys(exact_hits, 100.0))
        matches = []
        for index, score in scores.items():
            unit = self._units[index]
            exact = index in exact_hits
            matches.append(MemoryMatch(
                unit=unit,
                score=100.0 if exact else round(min(score, FUZZY_CEILING), 1),
                exact=exact,
                source=unit.text(source_lang),
                target=unit.text(target_lang),
            ))
        matches.sort(key=lambda m: m.unit.created_at, reverse=True)
        matches.sort(key=lambda m: m.score, reverse=True)
        return matches[:limit]
