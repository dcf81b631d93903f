"""Threads: a post in several parts, the same number in each language, and "split for me".

A language's version text holds its parts, separated by a line that is exactly
`SEPARATOR_LINE` (``---``); a text without such a line is a one-part post. Keeping
the parts inside the version means every rule on versions — immutability,
provenance, sign-off and approval hashes, history — covers threads unchanged.

* `parts(text)`: the parts, stripped, empty ones dropped.
* `check_same_count(en, fr)`: both languages must have the same number of parts
  (review refuses a sign-off otherwise; publishing pairs part *i* with part *i*).
* `split_for(text, fits)` / `split_pair(en, fr, fits)`: propose parts at sentence
  boundaries, each ending in `` i/n``, every part accepted by ``fits`` (a network's
  length rule from `desktop.core.counting`); a pair comes out with the same ``n``
  in both languages, the parts balanced in length.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .errors import InvalidText

SEPARATOR_LINE = "---"
SEPARATOR = f"\n\n{SEPARATOR_LINE}\n\n"
MAX_PARTS = 25
_SPLIT = re.compile(rf"^[ \t]*{re.escape(SEPARATOR_LINE)}[ \t]*$", re.MULTILINE)
#: A sentence ends at . ! ? … (with closing quotes/brackets) followed by space, or at a newline.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»”’)\]]*[ \t\u00a0\u202f]+|\n+")
_NUMBER = re.compile(r"\s+\d+/\d+$")
_ABBREVIATION = re.compile(r"(?:^|[\s(«\"])(?:M|MM|Mme|Mmes|Mlle|Dr|Dre|Mr|Mrs|Ms|St|Ste|No|Nos|"
                           r"Jr|Sr|Prof|Pr|art|p|ex|[A-Z])\.$")

#: Whether a text fits one post on a network, e.g. ``lambda t: count_bluesky(t).ok``.
Fits = Callable[[str], bool]


def parts(text: str) -> list[str]:
    return [p.strip() for p in _SPLIT.split(text or "") if p.strip()]


def join(parts_: list[str]) -> str:
    return SEPARATOR.join(p.strip() for p in parts_)


def plain(text: str) -> str:
    """The whole text in one piece: parts joined, their ``i/n`` numbers removed."""
    return " ".join(_NUMBER.sub("", p) for p in parts(text))


def check_same_count(en: str, fr: str) -> None:
    n_en, n_fr = len(parts(en)), len(parts(fr))
    if n_en != n_fr:
        raise InvalidText(f"The English post has {n_en} part(s) and the French post {n_fr}: a "
                          "thread needs the same number of parts in both languages.",
                          msg="threads.part_counts", en=n_en, fr=n_fr)


def sentences(text: str) -> list[str]:
    """Sentences (and lines) of ``text``, each with its closing punctuation.

    A period after a title or an initial ("M. Tremblay", "Dr. Singh", "J. Smith")
    does not end a sentence.
    """
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if "\n" not in match.group() and _ABBREVIATION.search(text, 0, match.start()):
            continue
        piece = text[start:match.start()] + match.group().strip(" \t\u00a0\u202f\n")
        if piece.strip():
            pieces.append(piece.strip())
        start = match.end()
    if text[start:].strip():
        pieces.append(text[start:].strip())
    return pieces


def _numbered(groups: list[list[str]]) -> list[str]:
    n = len(groups)
    return [f"{' '.join(g)} {i}/{n}" for i, g in enumerate(groups, 1)]


def _units(text: str, fits: Fits, n_hint: int) -> list[str]:
    """Sentences, with any sentence too long for one part cut at word boundaries."""
    suffix = f" {n_hint}/{n_hint}"
    units: list[str] = []
    for sentence in sentences(" ".join(parts(text)) if SEPARATOR_LINE in text else text):
        if fits(sentence + suffix):
            units.append(sentence)
            continue
        current = ""
        for word in sentence.split():
            candidate = f"{current} {word}".strip()
            if current and not fits(candidate + suffix):
                units.append(current)
                current = word
            else:
                current = candidate
        if current:
            if not fits(current + suffix):
                raise InvalidText(f"A single word is too long for one post: {current[:40]}…",
                                  msg="threads.word_too_long", word=current[:40])
            units.append(current)
    return units


def _finer(units: list[str], n: int) -> list[str]:
    """At least ``n`` units: the longest ones halved at a word boundary as needed."""
    units = list(units)
    while len(units) < n:
        longest = max(range(len(units)), key=lambda i: len(units[i]))
        words = units[longest].split()
        if len(words) < 2:
            break
        half = len(words) // 2
        units[longest:longest + 1] = [" ".join(words[:half]), " ".join(words[half:])]
    return units


def _fewest(units: list[str], fits: Fits, n: int) -> int:
    """How many parts greedy packing needs when numbered out of ``n``."""
    count = 0
    current: list[str] = []
    for unit in units:
        if current and fits(" ".join(current + [unit]) + f" {n}/{n}"):
            current.append(unit)
        else:
            count += 1
            current = [unit]
    return count


def _exactly(units: list[str], n: int, fits: Fits) -> list[list[str]] | None:
    """``units`` in ``n`` contiguous groups that all fit, longest group as short as can be."""
    if len(units) < n:
        return None
    size = [len(u) + 1 for u in units]
    inf = float("inf")
    # best[k][i]: the smallest possible longest group covering units[:i] in k groups
    best = [[inf] * (len(units) + 1) for _ in range(n + 1)]
    cut = [[0] * (len(units) + 1) for _ in range(n + 1)]
    best[0][0] = 0
    for k in range(1, n + 1):
        for i in range(k, len(units) - (n - k) + 1):
            length = 0
            for j in range(i - 1, k - 2, -1):
                length += size[j]
                if not fits(" ".join(units[j:i]) + f" {n}/{n}"):
                    break  # a longer group fits even less
                worst = max(best[k - 1][j], length)
                if worst < best[k][i]:
                    best[k][i], cut[k][i] = worst, j
    if best[n][len(units)] == inf:
        return None
    groups, i = [], len(units)
    for k in range(n, 0, -1):
        j = cut[k][i]
        groups.append(units[j:i])
        i = j
    return groups[::-1]


def split_for(text: str, fits: Fits) -> list[str]:
    """Parts of ``text``, numbered ``i/n`` (the text itself when it fits one post)."""
    return _split([text], fits)[0]


def split_pair(en: str, fr: str, fits: Fits) -> tuple[list[str], list[str]]:
    """Parts of both languages, with the same count, numbered ``i/n`` in each."""
    parts_en, parts_fr = _split([en, fr], fits)
    return parts_en, parts_fr


def _split(texts: list[str], fits: Fits) -> list[list[str]]:
    if not all(t.strip() for t in texts):
        raise InvalidText("There is no text to split.", msg="threads.nothing_to_split")
    n = 1
    for _ in range(3):  # the suffix widens when n gains a digit
        units = [_units(t, fits, n) for t in texts]
        needed = max(_fewest(u, fits, max(n, 1)) for u in units)
        if needed <= n:
            break
        n = needed
    if n == 1 and all(fits(t.strip()) for t in texts):
        return [[t.strip()] for t in texts]
    while n <= MAX_PARTS:
        units = [_finer(_units(t, fits, n), n) for t in texts]
        found = [_exactly(u, n, fits) for u in units]
        groups = [g for g in found if g is not None]
        if len(groups) == len(found):
            return [_numbered(g) for g in groups]
        n += 1
    raise InvalidText(f"This text needs more than {MAX_PARTS} parts; shorten it.",
                      msg="threads.too_many_parts", limit=MAX_PARTS)
