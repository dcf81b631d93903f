"""Suggesting the other language: memory first, then machine translation, with provenance.

:meth:`Suggester.suggest` turns a source text into a :class:`Suggestion`: the
suggested text, made of :class:`Part` objects that each say where their text
came from (:class:`~desktop.core.model.Origin` ``MEMORY`` or ``MACHINE``, with
score and source pair, or model name and version), the corrections made to
machine output, the term problems left to the officer, and memory matches to
offer instead (:class:`Alternative`).

Rules, in order:

1. The whole text matching a memory pair exactly (an official post pair, an
   imported unit) is reused verbatim: one memory part, score 100.
2. Otherwise the text is split into sentences (:mod:`translation.splitter`,
   the engine's limit) and each sentence with an exact match is reused
   verbatim — the newest unit wins; other exact units become alternatives.
3. The other sentences go to the engine in **one** call (one CTranslate2
   batch), separated by blank lines, a boundary for both the rule splitter
   and MiniSBD; each sentence's translation is read back from the engine's
   segments (:func:`target_position`). A batch of a post's few sentences
   costs little more than its longest sentence, and the engine's cache makes
   asking again for unchanged text free.
4. Machine output of each sentence gets the team's mappings (handles,
   hashtags, GC addresses ``/en/`` → ``/fr/``) and the termbase's fixes (an
   official name rendered wrongly is replaced); a term problem that cannot be
   located is a flag for the officer. Memory text is never changed.
5. Fuzzy matches (score below 100) never replace machine output: they are
   alternatives, for a sentence or for the whole text, best first;
   :meth:`Suggestion.choose` swaps one in.

Why sentences as well as the whole text: official pairs are whole posts, so
step 1 catches a post said again; but recurring sentences (a standard closing
line, "Learn more:", a disclaimer) and sentence-segmented TMX files only
match sentence by sentence, and sentence parts keep memory and machine text
apart in provenance, so a reviewer sees exactly which words a model wrote.

Everything here is pure: a :class:`Suggester` holds read-only snapshots of a
memory, a termbase and a mapping table plus a thread-safe
:class:`~translation.engine.Translator`, so ``suggest`` may run on any worker
thread. It never touches a store.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from desktop.core.errors import InvalidText
from desktop.core.model import Lang, Origin, Span
from desktop.core.text import check

from .engine import MAX_SENTENCE_CHARS, NothingToTranslate, Segment, Translator
from .langcodes import to_lang
from .mappings import MappingTable
from .memory import DEFAULT_THRESHOLD, MemoryMatch, TranslationMemory
from .splitter import split_spans
from .terms import TermFinding, Termbase

#: What separates the machine-translated sentences in the one engine call.
_SEPARATOR = "\n\n"

#: Alternatives offered per sentence (and for the whole text).
DEFAULT_ALTERNATIVES = 3

_KIND_NAMES = {"handle": ("handle", "compte"), "hashtag": ("hashtag", "mot-clic"),
               "url": ("address", "adresse")}


@dataclass(frozen=True)
class Correction:
    """A change Tandem made to machine output, at ``[start, end)`` of the text holding it.

    ``kind`` is ``handle``, ``hashtag`` or ``url`` (the team's mappings and the
    GC address rule) or ``term`` (an official name). ``verified`` is False for
    an address swap that the officer should open and check.
    """

    kind: str
    start: int
    end: int
    old: str
    new: str
    verified: bool
    message_en: str
    message_fr: str

    def shifted(self, offset: int) -> Correction:
        return replace(self, start=self.start + offset, end=self.end + offset)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "old": self.old,
                "new": self.new, "verified": self.verified, "message_en": self.message_en,
                "message_fr": self.message_fr}


@dataclass(frozen=True)
class Alternative:
    """A memory match for ``[source_start, source_end)`` of the source, to offer instead."""

    source_start: int
    source_end: int
    score: float
    exact: bool
    source: str          # the unit's text in the source language
    text: str            # the unit's text in the target language
    memory_origin: str   # approved, tmx, manual
    source_ref: str      # e.g. "post:12" or the TMX file name

    @classmethod
    def from_match(cls, start: int, end: int, match: MemoryMatch) -> Alternative:
        return cls(start, end, match.score, match.exact, match.source, match.target,
                   match.unit.origin, match.unit.source_ref)

    @property
    def source_span(self) -> tuple[int, int]:
        return self.source_start, self.source_end

    def detail(self) -> dict[str, Any]:
        """Provenance of a memory span made from this match."""
        return {"score": self.score, "source_ref": self.source_ref,
                "memory_origin": self.memory_origin}


@dataclass(frozen=True)
class Part:
    """The suggested text for ``[source_start, source_end)`` of the source and where it came from.

    ``corrections`` are relative to ``text``; ``flags`` hold source spans of
    the whole source text.
    """

    source_start: int
    source_end: int
    text: str
    origin: Origin
    detail: dict
    corrections: tuple[Correction, ...] = ()
    flags: tuple[TermFinding, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    """A suggested ``target_lang`` text for ``source``, part by part, with what to offer instead.

    The text between parts is the source's own white space (line breaks
    and blank lines are kept as written).
    """

    source_lang: Lang
    target_lang: Lang
    source: str
    parts: tuple[Part, ...]
    alternatives: tuple[Alternative, ...] = ()
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    text: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        pieces, starts, cursor, length = [], [], 0, 0
        for part in self.parts:
            gap = self.source[cursor:part.source_start]
            starts.append(length + len(gap))
            pieces += [gap, part.text]
            length += len(gap) + len(part.text)
            cursor = part.source_end
        pieces.append(self.source[cursor:])
        object.__setattr__(self, "_starts", tuple(starts))
        object.__setattr__(self, "text", "".join(pieces))

    @property
    def origin(self) -> Origin:
        """MACHINE if a model wrote any of it, else MEMORY."""
        machine = any(p.origin is Origin.MACHINE for p in self.parts)
        return Origin.MACHINE if machine else Origin.MEMORY

    def target_span(self, part_index: int) -> tuple[int, int]:
        start = self._starts[part_index]
        return start, start + len(self.parts[part_index].text)

    @property
    def spans(self) -> tuple[Span, ...]:
        """Provenance spans of :attr:`text`; neighbours of one origin and detail separated
        only by white space are one span."""
        spans: list[Span] = []
        for index, part in enumerate(self.parts):
            start, end = self.target_span(index)
            last = spans[-1] if spans else None
            if (last and last.origin is part.origin and last.detail == part.detail
                    and not self.text[last.end:start].strip()):
                spans[-1] = Span(last.start, end, part.origin, part.detail)
            elif end > start:
                spans.append(Span(start, end, part.origin, part.detail))
        return tuple(spans)

    @property
    def corrections(self) -> tuple[Correction, ...]:
        """Every correction made to machine output, at its place in :attr:`text`."""
        return tuple(c.shifted(self._starts[i]) for i, p in enumerate(self.parts)
                     for c in p.corrections)

    @property
    def flags(self) -> tuple[TermFinding, ...]:
        """Term problems Tandem could not fix (source spans in :attr:`source`)."""
        return tuple(f for p in self.parts for f in p.flags)

    @property
    def models(self) -> tuple[dict, ...]:
        """The model name/version of each distinct machine part's provenance."""
        found = {tuple(sorted(p.detail.items())): p.detail for p in self.parts
                 if p.origin is Origin.MACHINE}
        return tuple(found.values())

    def alternative_target_span(self, alternative: Alternative) -> tuple[int, int]:
        """Where in :attr:`text` the alternative would go (the parts its source span covers)."""
        a, b = alternative.source_span
        covered = [i for i, p in enumerate(self.parts) if a <= p.source_start and p.source_end <= b]
        return self.target_span(covered[0])[0], self.target_span(covered[-1])[1]

    def choose(self, alternative: Alternative) -> Suggestion:
        """This suggestion with ``alternative`` in place of the parts it covers (a memory part).

        Alternatives for the same span, for spans around it and for other
        parts of the text stay on offer (minus the chosen one); those for a
        piece of the replaced span are dropped.
        """
        if alternative not in self.alternatives:
            raise InvalidText("That memory match is not one of this suggestion's alternatives.",
                              msg="suggest.not_an_alternative")
        a, b = alternative.source_span
        before = [p for p in self.parts if p.source_end <= a]
        after = [p for p in self.parts if p.source_start >= b]
        chosen = Part(a, b, alternative.text, Origin.MEMORY, alternative.detail())
        kept = tuple(x for x in self.alternatives if x != alternative
                     and (x.source_end <= a or x.source_start >= b
                          or (x.source_start <= a and b <= x.source_end)))
        return Suggestion(self.source_lang, self.target_lang, self.source,
                          (*before, chosen, *after), kept)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_lang": self.source_lang.value,
            "target_lang": self.target_lang.value,
            "source": self.source,
            "text": self.text,
            "origin": self.origin.value,
            "spans": [{"start": s.start, "end": s.end, "origin": s.origin.value,
                       "detail": s.detail} for s in self.spans],
            "parts": [{"source_span": [p.source_start, p.source_end],
                       "target_span": list(self.target_span(i)), "origin": p.origin.value,
                       "detail": p.detail} for i, p in enumerate(self.parts)],
            "alternatives": [{"source_span": list(x.source_span),
                              "target_span": list(self.alternative_target_span(x)),
                              "score": x.score, "exact": x.exact, "source": x.source,
                              "text": x.text, "memory_origin": x.memory_origin,
                              "source_ref": x.source_ref} for x in self.alternatives],
            "corrections": [c.to_dict() for c in self.corrections],
            "flags": [{"kind": f.kind, "source_span": list(f.source_span),
                       "source_text": f.source_text, "expected": f.expected,
                       "message_en": f.message_en, "message_fr": f.message_fr}
                      for f in self.flags],
        }


def target_position(segments: tuple[Segment, ...], position: int) -> int:
    """Where source ``position`` lands in the engine's output.

    The engine copies the text between its segments verbatim, so a position
    between segments keeps its distance to the next segment (or to the last
    one's end); a position inside a segment is taken to its end.
    """
    for segment in segments:
        if position <= segment.source_start:
            return segment.target_start - (segment.source_start - position)
        if position < segment.source_end:
            return segment.target_end
    last = segments[-1] if segments else None
    return last.target_end + position - last.source_end if last else position


class Suggester:
    """Memory, machine translation, mappings and termbase, combined into suggestions.

    Holds the objects it is given and never changes them; share one across
    threads as long as nobody adds to the memory, termbase or table it holds
    (the suggestion service builds new ones instead).
    """

    def __init__(self, translator: Translator, memory: TranslationMemory | None = None,
                 termbase: Termbase | None = None, mappings: MappingTable | None = None, *,
                 threshold: float = DEFAULT_THRESHOLD, alternatives: int = DEFAULT_ALTERNATIVES):
        self.translator = translator
        self.memory = memory if memory is not None else TranslationMemory()
        self.termbase = termbase if termbase is not None else Termbase()
        self.mappings = mappings if mappings is not None else MappingTable()
        self.threshold = threshold
        self.alternatives = alternatives

    def suggest(self, text: str, source: Lang | str, target: Lang | str) -> Suggestion:
        """The ``target`` suggestion for ``text`` written in ``source`` (rules: module docstring).

        Raises InvalidText (refused text, same languages), NothingToTranslate
        (blank text) and, when a sentence needs a model and none is
        installed, TranslationError telling how to install one.
        """
        source, target = to_lang(source), to_lang(target)
        if source is target:
            raise InvalidText("A suggestion needs two different languages.", msg="suggest.same_language")
        text = check(text, what="Text to translate")
        if not text.strip():
            raise NothingToTranslate("There is nothing to translate: the text is empty.", msg="engine.empty_text")
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        whole = self._lookup(text[start:end], source, target)
        if whole and whole[0].exact:
            return Suggestion(source, target, text, (_memory_part(start, end, whole[0]),),
                              tuple(Alternative.from_match(start, end, m) for m in whole[1:]))
        sentences = split_spans(text, MAX_SENTENCE_CHARS)
        if len(sentences) == 1:
            found, alternatives = [whole], []
        else:
            found = [self._lookup(text[a:b], source, target) for a, b in sentences]
            alternatives = [Alternative.from_match(start, end, m) for m in whole]
        parts: dict[int, Part] = {}
        for index, ((a, b), matches) in enumerate(zip(sentences, found, strict=True)):
            if matches and matches[0].exact:
                parts[index] = _memory_part(a, b, matches[0])
                matches = matches[1:]
            alternatives += [Alternative.from_match(a, b, m) for m in matches]
        machine = {i: span for i, span in enumerate(sentences) if i not in parts}
        if machine:
            parts.update(self._machine_parts(text, machine, source, target))
        return Suggestion(source, target, text, tuple(parts[i] for i in range(len(sentences))),
                          tuple(alternatives))

    def _lookup(self, text: str, source: Lang, target: Lang) -> list[MemoryMatch]:
        return self.memory.lookup(text, source, target, threshold=self.threshold,
                                  limit=self.alternatives + 1)

    def _machine_parts(self, text: str, sentences: dict[int, tuple[int, int]], source: Lang,
                       target: Lang) -> dict[int, Part]:
        """Machine parts for ``sentences`` (index → source span), from one engine call."""
        joined, bounds = "", []
        for a, b in sentences.values():
            if joined:
                joined += _SEPARATOR
            bounds.append((len(joined), len(joined) + b - a))
            joined += text[a:b]
        result = self.translator.translate(joined, source.value, target.value)
        detail = {"model": result.model, "model_version": result.model_version}
        parts = {}
        for (index, (a, b)), (ja, jb) in zip(sentences.items(), bounds, strict=True):
            raw = result.text[target_position(result.segments, ja):
                              target_position(result.segments, jb)].strip()
            corrected, corrections, flags = correct_machine_output(
                text[a:b], raw, source, target, self.mappings, self.termbase)
            flags = tuple(replace(f, source_span=(f.source_span[0] + a, f.source_span[1] + a))
                          for f in flags)
            parts[index] = Part(a, b, corrected, Origin.MACHINE, detail, corrections, flags)
        return parts


def correct_machine_output(source_text: str, machine_text: str, source: Lang | str,
                           target: Lang | str, mappings: MappingTable, termbase: Termbase
                           ) -> tuple[str, tuple[Correction, ...], tuple[TermFinding, ...]]:
    """``machine_text`` (the translation of ``source_text``) with the mappings and term fixes
    applied, the corrections made (spans in the corrected text) and the term findings left.
    """
    source, target = to_lang(source), to_lang(target)
    edits = [(r.start, r.end, r.new, r.kind.value, r.verified,
              *_mapping_messages(r.kind.value, r.old, r.new, r.verified))
             for r in mappings.apply(machine_text, source, target).replacements]
    flags = []
    for finding in termbase.check_translation(source_text, machine_text, source, target):
        if finding.target_span is None:
            flags.append(finding)
        else:
            edits.append((*finding.target_span, finding.expected, "term", True,
                          finding.message_en, finding.message_fr))
    corrected, corrections, cursor = "", [], 0
    # Mapped entities and located terms never overlap: the termbase skips addresses,
    # handles and hashtags, and locates each finding outside the others.
    for start, end, new, kind, verified, message_en, message_fr in sorted(edits):
        corrected += machine_text[cursor:start]
        corrections.append(Correction(kind, len(corrected), len(corrected) + len(new),
                                      machine_text[start:end], new, verified, message_en,
                                      message_fr))
        corrected += new
        cursor = end
    return corrected + machine_text[cursor:], tuple(corrections), tuple(flags)


def _memory_part(start: int, end: int, match: MemoryMatch) -> Part:
    return Part(start, end, match.target, Origin.MEMORY,
                Alternative.from_match(start, end, match).detail())


def _mapping_messages(kind: str, old: str, new: str, verified: bool) -> tuple[str, str]:
    name_en, name_fr = _KIND_NAMES[kind]
    if verified:
        return (f"“{old}” became “{new}”, its counterpart in the other language ({name_en}).",
                f"«\u00a0{old}\u00a0» est devenu «\u00a0{new}\u00a0», son équivalent dans l’autre "
                f"langue ({name_fr}).")
    return (f"“{old}” became “{new}”: open it to check that the page exists in this language.",
            f"«\u00a0{old}\u00a0» est devenu «\u00a0{new}\u00a0»\u00a0: ouvrez-la pour vérifier que "
            "la page existe dans cette langue.")
