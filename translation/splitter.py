"""Rule-based English/French sentence splitting that returns character spans.

Used when a model package ships no MiniSBD model. Knows titles and abbreviations
("M.", "Dr.", "St.", "p. ex."), initials, decimals, URLs and e-mail addresses,
French « » quotes and spacing before "!"/"?", ellipses and line breaks. Every span
points into the original text, so callers keep the whitespace between sentences.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

#: Words that, followed by a period, never end a sentence (compared without the period).
NON_TERMINAL = frozenset(
    """
    Mr Mrs Ms Dr St Ste Mt Jr Sr Prof Gen Col Capt Lt Sgt Hon Rev Gov Sen Rep Insp Supt
    Mme Mmes Mlle Mlles Me Pr Dre Drs MM Mgr Msgr
    No Nos no nos Vol vol Fig fig art Art ch Ch sect Sect para p pp
    e.g i.e eg ie cf vs viz approx ca est dept Dept Ave ave Blvd blvd Rd rd boul av
    ex c.-à-d c.à.d env réf Réf tél Tél
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    janv févr avr juil sept oct nov déc
    """.split()  # noqa: SIM905 - a word list reads better as text than as ~100 quoted items
)

_TERMINATOR = re.compile(
    r"(?:\.{2,}|…|[.!?]+)"  # ellipsis, or a run of sentence-final marks
    r"(?:[ \u00a0\u202f]?[»”\"’')\]])*"  # closing quotes/brackets, French spacing before »
    r"(?=\s|$)"
)
_PROTECTED = re.compile(
    r"(?:https?://|www\.)\S+?(?=[.!?,;:»”\"')\]]*(?:\s|$))"  # URLs, minus trailing punctuation
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|\b\d+(?:[.,]\d+)+\b",  # decimals, thousands, version numbers
    re.IGNORECASE,
)
_LINE_BREAK = re.compile(r"\n+")
_LEADING_PUNCT = "«“\"'([¿¡"


def _word_before(text: str, index: int) -> str:
    """The whitespace-delimited word ending at ``index`` (the period excluded)."""
    start = index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:index].lstrip(_LEADING_PUNCT)


def _is_abbreviation(word: str) -> bool:
    """True when ``word`` + "." is a title, initial or known abbreviation."""
    if word in NON_TERMINAL:
        return True
    return len(word) == 1 and word.isalpha()  # initials: "J. Smith", "M. Trudeau"


def _boundaries(line: str) -> list[int]:
    """Offsets in ``line`` right after each sentence-final mark."""
    protected = [m.span() for m in _PROTECTED.finditer(line)]
    ends: list[int] = []
    for match in _TERMINATOR.finditer(line):
        start, end = match.span()
        if any(a <= start < b for a, b in protected):
            continue
        rest = line[end:].lstrip()
        if not rest:
            continue  # the line's end closes the sentence anyway
        if rest[0].islower():
            continue  # "3 p.m. on Monday", "Wait… what"
        mark = line[start:end]
        if mark == "." and _is_abbreviation(_word_before(line, start)):
            continue
        ends.append(end)
    return ends


def cut_long(text: str, start: int, end: int, max_chars: int) -> list[Span]:
    """Split the span [start, end) at whitespace so no piece exceeds ``max_chars``."""
    pieces: list[Span] = []
    while end - start > max_chars:
        cut = text.rfind(" ", start + 1, start + max_chars)
        if cut <= start:
            cut = start + max_chars
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def split_spans(text: str, max_chars: int = 400) -> list[Span]:
    """Sentence spans of ``text``, trimmed of surrounding whitespace, in order.

    Every line break ends a sentence; a sentence longer than ``max_chars`` (a
    run-on paste with no punctuation) is cut at whitespace, so a model never
    sees an input too long for it.
    """
    spans: list[Span] = []
    line_start = 0
    for line_end in [m.start() for m in _LINE_BREAK.finditer(text)] + [len(text)]:
        line = text[line_start:line_end]
        start = 0
        for end in _boundaries(line) + [len(line)]:
            piece = line[start:end]
            stripped_start = start + len(piece) - len(piece.lstrip())
            stripped_end = start + len(piece.rstrip())
            if stripped_end > stripped_start:
                spans.extend(cut_long(text, line_start + stripped_start,
                                       line_start + stripped_end, max_chars))
            start = end
        line_start = line_end
        while line_start < len(text) and text[line_start] == "\n":
            line_start += 1
    return spans


def split_sentences(text: str, max_chars: int = 400) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`split_spans`)."""
    return [text[a:b] for a, b in split_spans(text, max_chars)]
