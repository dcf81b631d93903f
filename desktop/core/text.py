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


def _is_noncharacter(char: str) -> bool:
    """U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF: not text, refused by XML and X."""
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def problems(text: str) -> list[Message]:
    """Every reason ``text`` cannot be stored, as user-facing sentences."""
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
    return found


def check(text: str, *, what: str = "Text") -> str:
    """Return ``text`` with line endings normalised, or raise InvalidText."""
    issues = problems(text)
    if issues:
        raise InvalidText(f"{what} refused: " + " ".join(issues), msg="text.refused",
                          problems=issues)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_refused(text: str) -> str:
    """The text with every refused character removed (the editor's quick fix)."""
    return "".join(
        c for c in text
        if not ("\ud800" <= c <= "\udfff" or c == "\x00" or c in BIDI_CONTROLS
                or _is_noncharacter(c)
                or (unicodedata.category(c) == "Cc" and c not in ALLOWED_CONTROLS and c != "\r"))
    )[:MAX_TEXT_CHARS]
