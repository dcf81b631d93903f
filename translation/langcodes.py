"""Language codes found in TMX/TBX/CSV files, normalised to Tandem's two languages.

Exchange files spell languages many ways: BCP 47 tags (``fr-CA``, ``en-US``,
``fr-Latn-CA``), POSIX locales (``fr_CA.UTF-8``), ISO 639-2/B and /T codes
(``fre``, ``fra``, ``eng``) and any letter case (``FR``, ``EN-gb``). Every
English or French variant becomes :class:`Lang`; anything else is refused with
:class:`UnsupportedLanguage` (the importers turn that into a skipped-unit
reason rather than a crash).
"""

from __future__ import annotations

import re

from desktop.core.errors import TandemError
from desktop.core.model import Lang

#: Primary language subtags (ISO 639-1, 639-2/B, 639-2/T) for each language.
_PRIMARY: dict[str, Lang] = {
    "en": Lang.EN,
    "eng": Lang.EN,
    "fr": Lang.FR,
    "fra": Lang.FR,
    "fre": Lang.FR,
}

#: A tag: a primary subtag of letters, then subtags joined by ``-`` or ``_``,
#: optionally followed by a POSIX ``.charset`` / ``@modifier``.
_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*(?:\.[A-Za-z0-9-]+)?(?:@[A-Za-z0-9]+)?")


class UnsupportedLanguage(TandemError):
    """A language code that is not a variant of English or French."""


def to_lang(code: str | Lang) -> Lang:
    """The :class:`Lang` for an English or French code, else UnsupportedLanguage.

    >>> to_lang("fr_CA"), to_lang("ENG"), to_lang("fr-Latn-CA")
    (<Lang.FR: 'fr'>, <Lang.EN: 'en'>, <Lang.FR: 'fr'>)
    """
    if isinstance(code, Lang):
        return code
    if not isinstance(code, str):
        raise UnsupportedLanguage(f"Language code must be text, not {type(code).__name__}.",
                                  msg="languages.not_text", type=type(code).__name__)
    cleaned = code.strip()
    match = _TAG.fullmatch(cleaned)
    lang = _PRIMARY.get(match.group(1).lower()) if match else None
    if lang is None:
        shown = cleaned[:20] + ("…" if len(cleaned) > 20 else "")
        raise UnsupportedLanguage(
            f"Language “{shown}” is not English or French; Tandem works in en and fr only.",
            msg="languages.unsupported", code=shown)
    return lang


def maybe_lang(code: str | Lang | None) -> Lang | None:
    """Like :func:`to_lang`, but ``None`` for a missing or unsupported code."""
    if code is None:
        return None
    try:
        return to_lang(code)
    except UnsupportedLanguage:
        return None
