"""Issue 10 finding 9: invisible characters were stored without a word.

Zero-width characters, TAG characters, a BOM and 10,000 combining marks on one
letter all passed the text rules; text hidden in them is published without
anyone having seen it. Emoji that need a ZWJ or tags stay allowed.
"""

from __future__ import annotations

import re

import pytest

from desktop.core.errors import InvalidText
from desktop.core.text import check, problems, strip_refused

HIDDEN_TAGS = "".join(chr(0xE0000 + ord(c)) for c in "approve me")


@pytest.mark.parametrize("text, char", [
    ("Flu\u200bshots", "U+200B"),          # zero-width space
    ("Flu\u200cshots", "U+200C"),          # zero-width non-joiner
    ("Flu\u200dshots", "U+200D"),          # a zero-width joiner between letters
    ("\ufeffFlu shots", "U+FEFF"),         # BOM
    ("Flu\u2060shots", "U+2060"),          # word joiner
    ("Flu sh\u00adots", "U+00AD"),         # soft hyphen
    ("Flu shots" + HIDDEN_TAGS, "U+E0061"),  # TAG characters carrying hidden text
    ("Flu shots\U000E0100", "U+E0100"),    # variation selector 17 (data smuggling)
])
def test_invisible_characters_are_refused_naming_them(text, char):
    with pytest.raises(InvalidText, match=re.escape(f"Invisible character {char} at position")):
        check(text)
    assert [p.code for p in problems(text)][0] == "text.invisible"
    assert all(ord(c) < 0xE0000 and c not in "\u200b\u200c\u200d\ufeff\u2060\u00ad"
               for c in strip_refused(text))


def test_ten_thousand_combining_marks_are_refused():
    zalgo = "Flu e" + "\u0301" * 10_000 + " shots"
    found = problems(zalgo)
    assert found[0].code == "text.combining" and found[0].params["at"] == 10
    assert "More than 4 combining marks on one character at position 10" in found[0]
    assert strip_refused(zalgo) == "Flu e" + "\u0301" * 4 + " shots"


@pytest.mark.parametrize("text", [
    "Vaccins gratuits : e\u0301te\u0301 2025",      # French in decomposed form
    "Famille \U0001F468\u200d\U0001F469\u200d\U0001F467",   # ZWJ family emoji
    "Fierté \U0001F3F3\ufe0f\u200d\U0001F308",       # rainbow flag
    "Oui \U0001F642\u200d\u2195\ufe0f",                # head shaking vertically (Emoji 15.1)
    "Scotland \U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
    "Ti\u1EBFng Vi\u1EC7t e\u0302\u0301",            # two marks on one letter
])
def test_text_that_needs_joiners_tags_or_marks_is_kept(text):
    assert problems(text) == []
    assert check(text) == text and strip_refused(text) == text
