"""Termbase: official English/French names and abbreviations, found in text and checked in translations.

A :class:`Term` pairs an English and a French name (plus optional
abbreviations). Terms naming the same thing — an organisation's legal and
applied titles — share a ``concept``; any counterpart from the concept
satisfies a check. :class:`Termbase` holds terms in memory (the store
persists the fields of :class:`Term`; files are read and written by
:mod:`translation.formats`, and the shipped seed by :mod:`translation.seed`).

Matching rules (:meth:`Termbase.find`): names match case-insensitively and
accent-insensitively (machine output sometimes drops accents, and the check
then offers the accented form), with curly/straight apostrophes, dash
variants and runs of white space (NBSP included) treated alike; matches
respect word boundaries (``CRA`` is not found in ``CRAB``), the longest name
wins where names overlap, and nothing inside a web address, @handle or
#hashtag is a match. Abbreviations match case-sensitively so that ``FIN``
(Finance) is not found in the French word « fin ».

:meth:`Termbase.check_translation` reports each source term whose counterpart
is missing from the target and, where the wrong rendering can be located
(source term left untranslated, an abbreviation rendered as another
abbreviation, a near-miss such as « Santé du Canada », a misspelling), a fix;
:meth:`Termbase.apply` applies those fixes to machine output.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from desktop.core.errors import InvalidText
from desktop.core.model import LANG_NAMES, Lang
from desktop.core.text import check

from .langcodes import to_lang
from .mappings import find_entities

#: The fields of a :class:`Term`, in order (also the termbase TSV's columns).
TERM_FIELDS = ("en", "fr", "en_abbr", "fr_abbr", "note", "source", "concept", "en_status", "fr_status",
               "definition", "en_id", "fr_id", "en_usage", "fr_usage", "note_author")

#: Term statuses (TBX-Basic administrativeStatus, plus Weblate's "forbidden"); "" = not stated.
STATUSES = ("preferred", "admitted", "deprecated", "obsolete", "forbidden")
#: Statuses of forms never required and flagged where used.
UNUSABLE = frozenset({"deprecated", "obsolete", "forbidden"})

#: Minimum RapidFuzz ratio for a near-miss rendering to be located and replaced
#: (longer names), and for names under 10 characters (fewer letters, less slack).
NEAR_MISS_SCORE = 80.0
NEAR_MISS_SCORE_SHORT = 90.0

#: TermFinding kinds.
UNTRANSLATED = "untranslated"   # the source form was copied into the target
ABBREVIATION = "abbreviation"   # an abbreviation was rendered as another one
NEAR_MISS = "near-miss"         # a close but wrong rendering of the name
SPELLING = "spelling"           # the right name with wrong accents
MISSING = "missing"             # no counterpart found, nothing to replace
# ... and a target form whose status is "deprecated", "obsolete" or "forbidden" has that kind.

_STATUS_WORDS = {"en": {s: s for s in STATUSES},
                 "fr": {"preferred": "privilégié", "admitted": "admis", "deprecated": "déconseillé",
                        "obsolete": "désuet", "forbidden": "interdit"}}

LANG_NAME = {
    "en": LANG_NAMES,
    "fr": {Lang.EN: "anglais", Lang.FR: "français"},
}

_SPACES = re.compile(r"\s+")
_FOLD_CHARS = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u00ad": "",
}
_WORD = re.compile(r"\w+")
_CAPS_TOKEN = re.compile(r"(?<!\w)[A-Z0-9]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?!\w)")


def _clean(value: str, what: str) -> str:
    return _SPACES.sub(" ", check(value, what=what, hidden=False)).strip()


@dataclass(frozen=True)
class Term:
    """An official English/French pair; abbreviations optional; ``concept`` groups equivalent terms."""

    en: str
    fr: str
    en_abbr: str = ""
    fr_abbr: str = ""
    note: str = ""
    source: str = ""
    concept: str = ""
    en_status: str = ""      # one of STATUSES, "" when the source did not say
    fr_status: str = ""
    definition: str = ""
    en_id: str = ""          # each language's term id in the source file (TBX tig/termSec id)
    fr_id: str = ""
    en_usage: str = ""       # each language's usage note, apart from the general note
    fr_usage: str = ""
    note_author: str = ""    # who wrote ``note``

    def __post_init__(self) -> None:
        for name in TERM_FIELDS:
            object.__setattr__(self, name, _clean(getattr(self, name), "Term"))
        if not self.en or not self.fr:
            raise InvalidText("A term needs both an English and a French name.", msg="terms.needs_both")
        for name in ("en_status", "fr_status"):
            if getattr(self, name) not in ("", *STATUSES):
                raise InvalidText(f"Unknown term status “{getattr(self, name)}” (use {', '.join(STATUSES)}).",
                                  msg="terms.unknown_status", status=getattr(self, name), known=list(STATUSES))

    def status(self, lang: Lang | str) -> str:
        return self.en_status if to_lang(lang) is Lang.EN else self.fr_status

    def usable(self, lang: Lang | str) -> bool:
        """Whether this term's ``lang`` form may be required (not deprecated, obsolete or forbidden)."""
        return self.status(lang) not in UNUSABLE

    def name(self, lang: Lang | str) -> str:
        return self.en if to_lang(lang) is Lang.EN else self.fr

    def abbr(self, lang: Lang | str) -> str:
        return self.en_abbr if to_lang(lang) is Lang.EN else self.fr_abbr

    @property
    def concept_key(self) -> str:
        """``concept`` or, for a term without one, its own English|French pair."""
        return self.concept or f"{self.en}|{self.fr}"


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str, case: bool, accents: bool) -> str:
    if char in _FOLD_CHARS:
        return _FOLD_CHARS[char]
    if char.isspace():
        return " "
    if unicodedata.combining(char):
        return "" if accents else char
    if accents:
        char = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return char.casefold() if case else char


def fold(text: str, *, case: bool = True, accents: bool = True) -> tuple[str, list[int]]:
    """``text`` folded for matching, and for each folded character its index in ``text``.

    Apostrophes and dashes are unified and white space becomes a plain space;
    ``case`` also case-folds, ``accents`` also strips diacritics.
    """
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for folded in _fold_char(char, case, accents):
            out.append(folded)
            origin.append(index)
    return "".join(out), origin


def _key(text: str, *, case: bool = True, accents: bool = True) -> str:
    return _SPACES.sub(" ", fold(text, case=case, accents=accents)[0]).strip()


def _alternation(keys: Iterable[str]) -> re.Pattern[str] | None:
    """One regex matching any key at word boundaries, longest key first, spaces as runs of spaces."""
    ordered = sorted(set(keys), key=len, reverse=True)
    if not ordered:
        return None
    body = "|".join(" +".join(re.escape(part) for part in key.split(" ")) for key in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@dataclass(frozen=True)
class TermMatch:
    """A known name or abbreviation found at ``[start, end)``; ``exact`` if spelled as listed."""

    start: int
    end: int
    text: str
    lang: Lang
    kind: str               # "name" or "abbr"
    terms: tuple[Term, ...]  # every term with this name/abbreviation (several if ambiguous)
    exact: bool

    @property
    def term(self) -> Term:
        return self.terms[0]

    @property
    def concepts(self) -> frozenset[str]:
        return frozenset(t.concept_key for t in self.terms)

    def official(self) -> str:
        """The listed spelling of what matched."""
        return self.term.name(self.lang) if self.kind == "name" else self.term.abbr(self.lang)


@dataclass(frozen=True)
class TermFinding:
    """A source term without its official counterpart in the target, with a fix when locatable."""

    kind: str
    term: Term
    source_lang: Lang
    target_lang: Lang
    source_span: tuple[int, int]
    source_text: str
    expected: str
    target_span: tuple[int, int] | None = None
    target_text: str = ""

    @property
    def fixable(self) -> bool:
        return self.target_span is not None and bool(self.expected)

    @property
    def message_en(self) -> str:
        src, tgt, lang = f"“{self.source_text}”", f"“{self.expected}”", LANG_NAME["en"][self.target_lang]
        found = f"“{self.target_text}”"
        if self.kind in UNUSABLE:
            use = f"; use {tgt}." if self.expected else "."
            article = "an" if self.kind[0] in "aeiou" else "a"
            return f"{found} is {article} {self.kind} {lang} term{use}"
        return {
            UNTRANSLATED: f"{found} is left in {LANG_NAME['en'][self.source_lang]}; the official {lang} form is {tgt}.",
            ABBREVIATION: f"{found} should be {tgt}, the official {lang} abbreviation of {src}.",
            NEAR_MISS: f"{found} is not the official {lang} name of {src}: use {tgt}.",
            SPELLING: f"{found} is misspelled; the official {lang} form is {tgt}.",
            MISSING: f"{src} has no counterpart in the {lang} version; the official {lang} form is {tgt}.",
        }[self.kind]

    @property
    def message_fr(self) -> str:
        def q(text: str) -> str:
            return f"«\u00a0{text}\u00a0»"

        src, tgt, lang = q(self.source_text), q(self.expected), LANG_NAME["fr"][self.target_lang]
        found = q(self.target_text)
        if self.kind in UNUSABLE:
            use = f"; employez {tgt}." if self.expected else "."
            return f"{found} est un terme {_STATUS_WORDS['fr'][self.kind]} en {lang}{use}"
        return {
            UNTRANSLATED: f"{found} est resté en {LANG_NAME['fr'][self.source_lang]}; "
                          f"la forme officielle en {lang} est {tgt}.",
            ABBREVIATION: f"{found} devrait être {tgt}, l’abréviation officielle de {src} en {lang}.",
            NEAR_MISS: f"{found} n’est pas l’appellation officielle de {src} en {lang}\u00a0: employez {tgt}.",
            SPELLING: f"{found} est mal orthographié; la forme officielle en {lang} est {tgt}.",
            MISSING: f"{src} n’a pas d’équivalent dans la version en {lang}; "
                     f"la forme officielle en {lang} est {tgt}.",
        }[self.kind]


@dataclass
class TermApplyResult:
    """Machine output after term fixes: the new text, fixes applied, findings left to the officer."""

    text: str
    applied: list[TermFinding] = field(default_factory=list)
    flagged: list[TermFinding] = field(default_factory=list)


class _LangIndex:
    """Names and abbreviations of one language, ready to search."""

    def __init__(self) -> None:
        self.names: dict[str, list[Term]] = {}
        self.abbrs: dict[str, list[Term]] = {}
        self.name_re: re.Pattern[str] | None = None
        self.abbr_re: re.Pattern[str] | None = None

    def add(self, term: Term, lang: Lang) -> None:
        self.names.setdefault(_key(term.name(lang)), []).append(term)
        if term.abbr(lang):
            self.abbrs.setdefault(_key(term.abbr(lang), case=False), []).append(term)

    def compile(self) -> None:
        self.name_re = _alternation(self.names)
        self.abbr_re = _alternation(self.abbrs)


class Termbase:
    """Terms in memory, searchable in both languages.

    Duplicate terms (same English and French names after normalisation) are
    kept once, abbreviations merged into the first.
    """

    def __init__(self, terms: Iterable[Term] = ()) -> None:
        self._terms: list[Term] = []
        seen: dict[tuple[str, str], int] = {}
        for term in terms:
            pair = (_key(term.en, accents=False), _key(term.fr, accents=False))
            if pair in seen:
                first = self._terms[seen[pair]]
                self._terms[seen[pair]] = replace(first, en_abbr=first.en_abbr or term.en_abbr,
                                                  fr_abbr=first.fr_abbr or term.fr_abbr)
                continue
            seen[pair] = len(self._terms)
            self._terms.append(term)
        self._index = {Lang.EN: _LangIndex(), Lang.FR: _LangIndex()}
        self._concepts: dict[str, list[Term]] = {}
        for term in self._terms:
            self._concepts.setdefault(term.concept_key, []).append(term)
            for lang in (Lang.EN, Lang.FR):
                self._index[lang].add(term, lang)
        for index in self._index.values():
            index.compile()

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms)

    # ------------------------------------------------------------------ finding

    def find(self, text: str, lang: Lang | str) -> list[TermMatch]:
        """Known names and abbreviations of ``lang`` in ``text``, in order, never overlapping."""
        lang = to_lang(lang)
        index = self._index[lang]
        masked = [(e.start, e.end) for e in find_entities(text)]
        found: list[TermMatch] = []
        for kind, pattern, table, case in (("name", index.name_re, index.names, True),
                                           ("abbr", index.abbr_re, index.abbrs, False)):
            if pattern is None:
                continue
            folded, origin = fold(text, case=case)
            for m in pattern.finditer(folded):
                start, end = origin[m.start()], origin[m.end() - 1] + 1
                while end < len(text) and unicodedata.combining(text[end]):
                    end += 1
                taken = masked + [(f.start, f.end) for f in found]
                if any(start < e and s < end for s, e in taken):
                    continue
                terms = tuple(table[_SPACES.sub(" ", m.group())])
                surface = text[start:end]
                forms = {(t.name(lang) if kind == "name" else t.abbr(lang)) for t in terms}
                exact = _key(surface, case=case, accents=False) in {_key(f, case=case, accents=False) for f in forms}
                found.append(TermMatch(start, end, surface, lang, kind, terms, exact))
        return sorted(found, key=lambda f: f.start)

    # ------------------------------------------------------------------ checking

    def check_translation(self, source: str, target: str, src_lang: Lang | str,
                          tgt_lang: Lang | str) -> list[TermFinding]:
        """Findings for source terms whose official counterpart is missing from ``target``."""
        src_lang, tgt_lang = to_lang(src_lang), to_lang(tgt_lang)
        if src_lang is tgt_lang:
            raise InvalidText("A translation check needs two different languages.",
                              msg="terms.check_same_language")
        target_found = self.find(target, tgt_lang)
        present = {c for m in target_found for c in m.concepts}
        findings: list[TermFinding] = []
        done: set[tuple[str, str]] = set()
        for m in self.find(source, src_lang):
            if (m.kind, _key(m.text)) in done:
                continue
            done.add((m.kind, _key(m.text)))
            if m.concepts & present:
                # The concept is there, but this form may also have been copied untranslated elsewhere.
                copied = self._copied_form(m, target, target_found, tgt_lang)
                if copied is not None:
                    findings.append(copied)
                else:
                    findings.extend(self._misspelt(m, target_found, tgt_lang, src_lang))
                continue
            expected = {self._expected(t, m.kind, tgt_lang) for t in m.terms}
            form = expected.pop() if len(expected) == 1 else None
            if form is None:
                continue  # ambiguous, or the concept has no usable form in the target language
            findings.append(TermFinding(MISSING, m.term, src_lang, tgt_lang, (m.start, m.end), m.text,
                                        form))
        located = self._locate(findings, source, target, target_found)
        return located + self._unusable_forms(target_found, tgt_lang, src_lang,
                                              {f.target_span for f in located if f.target_span})

    def _expected(self, term: Term, kind: str, lang: Lang) -> str | None:
        """The form to require for ``term`` in ``lang``: its own if usable, else a usable one of its
        concept (preferred first); None when the concept has none (never require an obsolete form)."""
        concept = self._concepts.get(term.concept_key, [term])
        ranked = [term] + sorted((t for t in concept if t is not term), key=lambda t: t.status(lang) != "preferred")
        for candidate in ranked:
            if candidate.usable(lang):
                return candidate.abbr(lang) if kind == "abbr" and candidate.abbr(lang) else candidate.name(lang)
        return None

    def _unusable_forms(self, target_found: list[TermMatch], tgt_lang: Lang, src_lang: Lang,
                        taken: set[tuple[int, int]]) -> list[TermFinding]:
        """A finding for each deprecated, obsolete or forbidden form used in the target, with the usable
        form of its concept as the fix when there is one."""
        findings = []
        for m in target_found:
            if (m.start, m.end) in taken or any(t.usable(tgt_lang) for t in m.terms):
                continue
            expected = self._expected(m.term, m.kind, tgt_lang) or ""
            findings.append(TermFinding(m.term.status(tgt_lang), m.term, src_lang, tgt_lang, (0, 0), "",
                                        expected, (m.start, m.end), m.text))
        return findings

    def _copied_form(self, m: TermMatch, target: str, target_found: list[TermMatch],
                     tgt_lang: Lang) -> TermFinding | None:
        """An UNTRANSLATED finding if ``m``'s form, not valid in ``tgt_lang``, also appears in the target."""
        case = m.kind == "name"
        valid = {_key(form, case=case) for concept in m.concepts for t in self._concepts[concept]
                 for form in (t.name(tgt_lang), t.abbr(tgt_lang)) if form}
        expected = {self._expected(t, m.kind, tgt_lang) for t in m.terms}
        form = expected.pop() if len(expected) == 1 else None
        if _key(m.text, case=case) in valid or form is None:
            return None
        busy = [(e.start, e.end) for e in find_entities(target)]
        busy += [(t.start, t.end) for t in target_found if t.concepts & m.concepts]
        span = _find_form(m.text, m.kind == "abbr", target, busy)
        if span is None:
            return None
        return TermFinding(UNTRANSLATED, m.term, m.lang, tgt_lang, (m.start, m.end), m.text, form,
                           span, target[span[0]:span[1]])

    @staticmethod
    def _misspelt(m: TermMatch, target_found: list[TermMatch], tgt_lang: Lang,
                  src_lang: Lang) -> list[TermFinding]:
        """A spelling finding when every counterpart present in the target has wrong accents."""
        counterparts = [t for t in target_found if t.concepts & m.concepts]
        if any(t.exact for t in counterparts):
            return []
        wrong = counterparts[0]
        return [TermFinding(SPELLING, wrong.term, src_lang, tgt_lang, (m.start, m.end), m.text,
                            wrong.official(), (wrong.start, wrong.end), wrong.text)]

    def _locate(self, findings: list[TermFinding], source: str, target: str,
                target_found: list[TermMatch]) -> list[TermFinding]:
        """Give MISSING findings a target span where the wrong rendering can be found.

        In order: the source form copied into the target; then, if exactly one
        abbreviation is still missing, the one all-caps token of the target
        that nothing explains; then, for names, the closest run of words.
        """
        busy = [(e.start, e.end) for e in find_entities(target)] + [(t.start, t.end) for t in target_found]
        busy += [f.target_span for f in findings if f.target_span]
        spans: dict[int, tuple[str, tuple[int, int]]] = {}

        def claim(position: int, kind: str, span: tuple[int, int] | None) -> None:
            if span is not None:
                spans[position] = (kind, span)
                busy.append(span)

        missing = [i for i, f in enumerate(findings) if f.kind == MISSING]
        for i in missing:
            claim(i, UNTRANSLATED, _find_form(findings[i].source_text, _is_abbr(findings[i]), target, busy))
        abbrs = [i for i in missing if i not in spans and _is_abbr(findings[i])]
        if len(abbrs) == 1:
            claim(abbrs[0], ABBREVIATION, _unexplained_caps(source, target, busy))
        for i in missing:
            if i not in spans and not _is_abbr(findings[i]):
                claim(i, NEAR_MISS, _near_miss(findings[i].expected, target, busy))
        located = []
        for i, f in enumerate(findings):
            if i in spans:
                kind, (start, end) = spans[i]
                f = TermFinding(kind, f.term, f.source_lang, f.target_lang, f.source_span, f.source_text,
                                f.expected, (start, end), target[start:end])
            located.append(f)
        return located

    def apply(self, source: str, machine_target: str, src_lang: Lang | str, tgt_lang: Lang | str) -> TermApplyResult:
        """``machine_target`` with every locatable term error replaced by the official form."""
        result = TermApplyResult(machine_target)
        for finding in self.check_translation(source, machine_target, src_lang, tgt_lang):
            (result.applied if finding.fixable else result.flagged).append(finding)
        for finding in sorted(result.applied, key=lambda f: f.target_span or (0, 0), reverse=True):
            start, end = finding.target_span or (0, 0)
            result.text = result.text[:start] + finding.expected + result.text[end:]
        return result


def _find_form(form: str, is_abbr: bool, text: str, busy: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where ``form`` (matched like a name, or case-sensitively for an abbreviation) first appears outside ``busy``.

    A span exactly equal to a busy one is allowed: a copied abbreviation may
    happen to be a known term of the other language (``SCC`` in French).
    """
    pattern = _alternation([_key(form, case=not is_abbr)])
    assert pattern is not None
    folded, origin = fold(text, case=not is_abbr)
    for m in pattern.finditer(folded):
        start, end = origin[m.start()], origin[m.end() - 1] + 1
        if not any(start < e and s < end for s, e in busy if (s, e) != (start, end)):
            return start, end
    return None


def _is_abbr(finding: TermFinding) -> bool:
    """True if the finding is about an abbreviation (matched case-sensitively)."""
    return finding.source_text == finding.term.abbr(finding.source_lang)


def _unexplained_caps(source: str, target: str, busy: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The single all-caps token of ``target`` that is neither in ``source`` nor a known term."""
    source_tokens = set(_CAPS_TOKEN.findall(source))
    spans = [m.span() for m in _CAPS_TOKEN.finditer(target)
             if m.group() not in source_tokens and not any(m.start() < e and s < m.end() for s, e in busy)]
    return spans[0] if len(spans) == 1 else None


def _near_miss(expected: str, target: str, busy: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The run of words in ``target`` closest to ``expected``, if close enough to be its rendering."""
    want = _key(expected)
    words = [m.span() for m in _WORD.finditer(target)]
    size = len(_WORD.findall(expected)) or 1
    threshold = NEAR_MISS_SCORE if len(want) >= 10 else NEAR_MISS_SCORE_SHORT
    best: tuple[float, tuple[int, int]] | None = None
    for first in range(len(words)):
        for count in range(max(1, size - 1), size + 3):
            if first + count > len(words):
                break
            span = (words[first][0], words[first + count - 1][1])
            if any(span[0] < e and s < span[1] for s, e in busy):
                continue
            score = fuzz.ratio(_key(target[span[0]:span[1]]), want, score_cutoff=threshold)
            if score and (best is None or score > best[0]):
                best = (score, span)
    return best[1] if best else None
