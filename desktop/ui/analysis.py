"""What the editor shows about a text besides the text: counts, problems, spans.

`analyse` is pure and imports no Qt: the editor runs it on the analysis worker
thread after a short debounce, latest-wins (``tasks.LatestOnlyRunner``), so
typing never waits for counting. The counting rules are
``desktop.core.counting``'s and the acceptance rules ``desktop.core.text``'s;
nothing here decides what is valid, it only gathers facts for display.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core import provenance
from desktop.core import text as text_rules
from desktop.core.model import Span

# How many refused-character positions the warning names.
MAX_POSITIONS = 5


@dataclass(frozen=True)
class Analysis:
    length: int
    # Per-network counts (``desktop.core.counting.Count``), X, Mastodon, Bluesky.
    counts: tuple
    # The core's reasons this text cannot become a version (English, for details).
    problems: tuple[str, ...]
    too_long: bool
    # 1-based positions of the first refused characters, and how many there are.
    refused_positions: tuple[int, ...]
    refused_count: int
    # Machine/memory spans of the base version carried onto this text.
    spans: tuple[Span, ...]

    @property
    def savable(self) -> bool:
        return not self.problems


def analyse(text: str, base_text: str = "", base_spans: tuple[Span, ...] = (),
            mastodon=None) -> Analysis:
    from desktop.core import counting  # first use happens on the worker thread

    limits = mastodon if mastodon is not None else counting.MastodonLimits()
    problems = tuple(text_rules.problems(text))
    too_long = len(text) > text_rules.MAX_TEXT_CHARS
    positions: list[int] = []
    refused = 0
    # strip_refused truncates to MAX_TEXT_CHARS: compare chunk by chunk.
    chunk = text_rules.MAX_TEXT_CHARS
    if any(text_rules.strip_refused(text[i:i + chunk]) != text[i:i + chunk]
           for i in range(0, len(text), chunk)):
        for index, char in enumerate(text):
            if not text_rules.strip_refused(char):
                refused += 1
                if len(positions) < MAX_POSITIONS:
                    positions.append(index + 1)
    if text == base_text:
        spans = tuple(base_spans)
    elif base_spans and not too_long:
        spans = provenance.carry_spans(base_text, base_spans, text)
    else:
        spans = ()
    counts = tuple(counting.count_all(text, limits))
    return Analysis(len(text), counts, problems, too_long, tuple(positions), refused, spans)


def strip_refused_keep_length(text: str) -> str:
    """``text.strip_refused`` without its truncation: the quick fix removes the
    refused characters only; shortening an over-long text is the user's call."""
    chunk = text_rules.MAX_TEXT_CHARS
    return "".join(text_rules.strip_refused(text[i:i + chunk])
                   for i in range(0, len(text), chunk))
