"""Span-level provenance: carrying machine/memory spans through human edits.

When a person edits a version, the characters they kept keep their origin and
the characters they typed are human. Spans a person rewrote entirely stop
being machine spans; a partially edited span shrinks to what survived.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from .model import Origin, Span

#: Kept runs shorter than this are coincidences of a rewrite (shared letters,
#: a space), not surviving machine text; they become human.
MIN_KEPT_RUN = 4


def carry_spans(old_text: str, old_spans: tuple[Span, ...], new_text: str) -> tuple[Span, ...]:
    """The non-human spans of ``old_text`` mapped onto ``new_text``."""
    if not old_spans:
        return ()
    matcher = SequenceMatcher(None, old_text, new_text, autojunk=False)
    carried: list[Span] = []
    for span in old_spans:
        if span.origin is Origin.HUMAN:
            continue
        for tag, a0, a1, b0, _b1 in matcher.get_opcodes():
            if tag != "equal":
                continue
            start, end = max(a0, span.start), min(a1, span.end)
            if end - start >= min(MIN_KEPT_RUN, span.end - span.start):
                carried.append(Span(b0 + start - a0, b0 + end - a0, span.origin, span.detail))
    return tuple(_merge(carried))


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = merged[-1] if merged else None
        if last and last.end == span.start and last.origin is span.origin and last.detail == span.detail:
            merged[-1] = Span(last.start, span.end, last.origin, last.detail)
        else:
            merged.append(span)
    return merged


def machine_share(text: str, spans: tuple[Span, ...]) -> float:
    """Fraction of characters that came from machine translation or memory."""
    if not text:
        return 0.0
    covered = sum(s.end - s.start for s in spans if s.origin is not Origin.HUMAN)
    return min(1.0, covered / len(text))


def provenance_kind(origin: Origin, text: str, spans: tuple[Span, ...]) -> tuple[str, int | None]:
    """``("human" | "machine" | "memory", None)`` or ``("machine-assisted", percent)``.

    A version saved by a person keeps its origin "human", but if 98 % of its
    characters are machine or memory text it is machine-assisted, not human.
    The percentage is never rounded to 0 or 100 when it is neither.
    """
    share = machine_share(text, spans)
    kinds = {s.origin for s in spans if s.origin is not Origin.HUMAN}
    if share == 0:
        return origin.value, None
    if share == 1 and len(kinds) == 1:
        return kinds.pop().value, None
    return "machine-assisted", (min(99, max(1, round(share * 100))) if share < 1 else 100)


def provenance_label(origin: Origin, text: str, spans: tuple[Span, ...]) -> str:
    """What a version is, told truthfully: ``human``, ``machine``, ``memory`` or ``machine-assisted, 98 %``."""
    kind, percent = provenance_kind(origin, text, spans)
    return kind if percent is None else f"{kind}, {percent}\u00a0%"
