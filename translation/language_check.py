"""Which of English and French a text is written in (py3langid restricted to en/fr).

:func:`detect` names the language of a text when the identifier is sure of
it, and :func:`wrong_language` says when a pane meant for one language holds
text in the other — the QA ``language`` check. Web addresses, handles,
hashtags, e-mail addresses, ``{placeholders}``, HTML tags and quoted passages
(a guide may quote the other language) are set aside first; texts of fewer
than :data:`MIN_WORDS` words are never judged.

Measured by ``bench/spell_language_check.py`` on the real texts in ``tests/data``
(CDS headlines and descriptions, GC Notify strings; 3+ words): py3langid
restricted to en/fr, at this threshold, names the right language of 456 of 460
headlines and 3,494 of 3,754 Notify strings, and the other language only for 3
Notify strings that really are English left untranslated in the French column.
Unrestricted py3langid (97 languages) names the right one for 397 and 2,222;
requiring Hunspell to agree loses detections and removes no wrong call.

The model (about 1 s to load) is loaded once, on first use.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from desktop.core.model import Lang

from .langcodes import to_lang
from .mappings import find_entities

#: Probability the identifier must give a language before it is believed.
THRESHOLD = 0.9

#: Fewest words (without digits) a text needs before its language is judged.
MIN_WORDS = 3

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SET_ASIDE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\{[^{}]{0,40}\}|\(\([^()]{1,40}\)\)|</?[A-Za-z][^<>]{0,500}>")
# Quoted passages: an English guide quoting the French wording to avoid is still English.
_QUOTED = re.compile(r"(?<!\w)'(?:[^'\n]|'(?=\w))+?'(?!\w)|(?<!\w)‘(?:[^’\n]|’(?=\w))+?’(?!\w)"
                     r"|\"[^\"\n]+\"|“[^”\n]+”|«[^»\n]+»")


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["en", "fr"])
    return identifier


@dataclass(frozen=True)
class Detection:
    """The language a text is in, with the identifier's probability for it."""

    lang: Lang
    probability: float


def prose(text: str) -> str:
    """``text`` without addresses, handles, hashtags, placeholders, tags and quoted passages (what is judged)."""
    kept, last = [], 0
    for entity in find_entities(text):
        kept.append(text[last:entity.start])
        last = entity.end
    kept.append(text[last:])
    return _QUOTED.sub(" ", _SET_ASIDE.sub(" ", " ".join(kept)))


def detect(text: str) -> Detection | None:
    """The language of ``text`` when it has enough words and the identifier is sure; else None."""
    words = prose(text)
    if len(_WORD.findall(words)) < MIN_WORDS:
        return None
    code, probability = _identifier().classify(words)
    if probability < THRESHOLD:
        return None
    return Detection(to_lang(code), probability)


def wrong_language(text: str, expected: Lang | str) -> Detection | None:
    """The other language when ``text``, meant to be in ``expected``, is surely written in it."""
    found = detect(text)
    return found if found is not None and found.lang is not to_lang(expected) else None
