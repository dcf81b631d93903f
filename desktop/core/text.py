"""Rules for what text Tandem accepts in a draft, an import or a CLI argument."""

from __future__ import annotations

import unicodedata

from .errors import InvalidText
from .messages import Message

#: Larger than any network's limit by far, small enough to keep every
#: keystroke, count and diff fast. A 1 MB paste is refused with this number.
MAX_TEXT_CHARS = 50_000

#: Bidirectional embedding/override/isolate controls: a "Trojan Source"
#: vector that makes a post read differently from what was approved.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

#: Control characters a post may legitimately contain.
ALLOWED_CONTROLS = frozenset("\n\t")

#: Characters that show nothing: text hidden in them (or a word split by them, so it
#: escapes a filter) would be published without anyone having seen it. Zero-width
#: space/non-joiner, word joiner, BOM, soft hyphen, invisible operators, direction
#: marks, fillers.
INVISIBLE = frozenset("\u200b\u200c\u2060\ufeff\u00ad\u2061\u2062\u2063\u2064\u180e"
                      "\u200e\u200f\u061c\u034f\u115f\u1160\u3164\uffa0\u17b4\u17b5")
ZWJ = "\u200d"
#: TAG characters: invisible, valid only in an emoji tag sequence (a subdivision flag:
#: U+1F3F4, tags, U+E007F); anywhere else they can carry hidden text.
TAGS = range(0xE0000, 0xE0080)
BLACK_FLAG, CANCEL_TAG = "\U0001F3F4", "\U000E007F"
#: Variation selectors other than emoji's (U+FE0E/U+FE0F) can each carry hidden bits, so
#: they count as invisible: U+FE00–U+FE0D and U+E0100–U+E01EF.
#: Most combining marks on one character: French needs two at most; "Zalgo" text stacks
#: thousands, which overflow the lines around them.
MAX_COMBINING = 4


def _emoji(char: str) -> bool:
    """Emoji a ZWJ may join (pictographs, dingbats, variation selector 16, skin tones)."""
    code = ord(char)
    return (0x1F000 <= code < 0x1FB00 or 0x2190 <= code <= 0x2BFF  # arrows … dingbats
            or char in "\ufe0f\u00a9\u00ae\u203c\u2049\u2122\u2139\u3030\u303d\u3297\u3299")


def _hidden(text: str) -> list[tuple[int, str]]:
    """(index, code) of every invisible character ``text`` may not keep: ``text.invisible``
    for a character, ``text.combining`` for the mark starting a run longer than MAX_COMBINING
    (each later mark of the run is listed too, so a fix removes the whole excess)."""
    found: list[tuple[int, str]] = []
    run = 0
    tag_start: int | None = None
    for index, char in enumerate(text):
        code = ord(char)
        selector = 0xE0100 <= code <= 0xE01EF or 0xFE00 <= code <= 0xFE0D  # not emoji's
        if unicodedata.category(char) in ("Mn", "Me") and char not in INVISIBLE and not selector:
            run += 1
            if run > MAX_COMBINING:
                found.append((index, "text.combining"))
            continue
        run = 0
        if code in TAGS:
            if tag_start is None:
                tag_start = index
            if char == CANCEL_TAG:
                if not (tag_start > 0 and text[tag_start - 1] == BLACK_FLAG):
                    found.extend((i, "text.invisible") for i in range(tag_start, index + 1))
                tag_start = None
            continue
        if tag_start is not None:  # a tag run that never ended
            found.extend((i, "text.invisible") for i in range(tag_start, index))
            tag_start = None
        if char in INVISIBLE or selector or (
                char == ZWJ and not (0 < index < len(text) - 1 and _emoji(text[index - 1])
                                     and _emoji(text[index + 1]))):
            found.append((index, "text.invisible"))
    if tag_start is not None:
        found.extend((i, "text.invisible") for i in range(tag_start, len(text)))
    return found


def _is_noncharacter(char: str) -> bool:
    """U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF: not text, refused by XML and X."""
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def problems(text: str, *, hidden: bool = True) -> list[Message]:
    """Every reason ``text`` cannot be stored, as user-facing sentences.

    ``hidden`` False leaves invisible characters alone: for translation memory, terms
    and mappings imported from other tools (a suggestion taken from them into a post is
    checked again, whole, when the post is saved)."""
    found: list[Message] = []
    if len(text) > MAX_TEXT_CHARS:
        found.append(Message(
            "text.too_long", f"Text is {len(text):,} characters long; Tandem keeps posts up to "
            f"{MAX_TEXT_CHARS:,} characters.", length=len(text), limit=MAX_TEXT_CHARS))
        return found
    for index, char in enumerate(text):
        at, code = index + 1, f"U+{ord(char):04X}"
        if "\ud800" <= char <= "\udfff":
            found.append(Message("text.undecodable",
                                 f"Invalid UTF-8 (undecodable byte) at character {at}.", at=at))
        elif char == "\x00":
            found.append(Message("text.nul", f"NUL character at position {at}.", at=at))
        elif char in BIDI_CONTROLS:
            found.append(Message(
                "text.bidi", f"Bidirectional control {code} at position {at} "
                "could make the post read differently from what was approved.", char=code, at=at))
        elif _is_noncharacter(char):
            found.append(Message("text.noncharacter",
                                 f"Unicode noncharacter {code} at position {at}.", char=code, at=at))
        elif unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROLS and char != "\r":
            found.append(Message("text.control", f"Control character {code} at position {at}.",
                                 char=code, at=at))
        if len(found) >= 5:
            break
    for index, code in (_hidden(text) if hidden else ()):
        if len(found) >= 5:
            break
        at, char = index + 1, f"U+{ord(text[index]):04X}"
        if code == "text.combining":
            found.append(Message(
                "text.combining", f"More than {MAX_COMBINING} combining marks on one character "
                f"at position {at}: they pile up over the lines around it.",
                at=at, limit=MAX_COMBINING))
            continue
        found.append(Message(
            "text.invisible", f"Invisible character {char} at position {at}: it would be "
            "published without anyone having seen it.", char=char, at=at))
    return found


def check(text: str, *, what: str = "Text", hidden: bool = True) -> str:
    """Return ``text`` with line endings normalised, or raise InvalidText (``hidden``: as
    for `problems`)."""
    issues = problems(text, hidden=hidden)
    if issues:
        raise InvalidText(f"{what} refused: " + " ".join(issues), msg="text.refused",
                          problems=issues)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_refused(text: str) -> str:
    """The text with every refused character removed (the editor's quick fix)."""
    hidden = {index for index, _code in _hidden(text)}
    return "".join(
        c for i, c in enumerate(text)
        if not (i in hidden or "\ud800" <= c <= "\udfff" or c == "\x00" or c in BIDI_CONTROLS
                or _is_noncharacter(c)
                or (unicodedata.category(c) == "Cc" and c not in ALLOWED_CONTROLS and c != "\r"))
    )[:MAX_TEXT_CHARS]
