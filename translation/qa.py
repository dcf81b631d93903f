"""Quality checks between the English and French versions of a post.

:func:`check_pair` compares the two versions and returns :class:`Finding`
objects: a stable check id (:data:`CHECKS`), a severity, a short message in
English and in French (the UI shows the interface language), the span in
each version and, where Tandem can be sure, a one-click :class:`Fix`.

What is compared (after setting aside web addresses, handles, hashtags,
emoji, ``{placeholders}`` and HTML tags, so their digits and colons never
count):

* numbers and amounts — ``$1,500.50`` ↔ ``1 500,50 $``, ``5%`` ↔ ``5 %``,
  ordinals ``1st`` ↔ ``1er``; small numbers may be spelled out on the other
  side (``three`` ↔ ``3``);
* times — ``8:30 p.m.`` ↔ ``20 h 30``, ``9 a.m.`` ↔ ``9 h``, noon ↔ midi;
* dates — ``November 22, 2026`` ↔ ``22 novembre 2026``, ISO ``2026-11-22``;
* web addresses — each has its counterpart (same address, a listed pair,
  or the other-language page of a GC site) and none points at the page of
  the wrong language;
* hashtags and @mentions, through the team's :class:`MappingTable`;
* emoji — the same emoji in both versions;
* French typography — a non-breaking space before ``:`` and inside ``« »``;
  before ``; ! ?`` either no space (Translation Bureau practice in Canada,
  the default ``typography="canada"``) or a non-breaking one, never a
  breakable one; ``typography="france"`` requires the narrow non-breaking
  space before ``; ! ?`` too;
* French number formats — English separators, ``$`` before the amount,
  ``5%``, ``8:30 p.m.`` in the French version, each with its fix;
* HTML entities typed into a post (``&nbsp;`` is published as typed);
* official names and abbreviations, when a :class:`Termbase` is given;
* the language of each version — French typed into the English pane, or the
  reverse (:mod:`translation.language_check`).

Names with digits (``COVID-19``, ``Bill C-11``, ``G7``, ``H1N1``) are set
aside like addresses: they are names, not numbers to match.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from twitter_text import extract_emojis_with_indices

from desktop.core.errors import InvalidText
from desktop.core.model import Lang

from .langcodes import to_lang
from .language_check import wrong_language
from .mappings import Entity, MappingKind, MappingTable, find_entities, url_host, url_key, url_lang
from .terms import Termbase

_T = TypeVar("_T")

ERROR = "error"
WARNING = "warning"
INFO = "info"

NBSP = "\u00a0"
NNBSP = "\u202f"
THIN_SPACE = "\u2009"
_NON_BREAKING = (NBSP, NNBSP)
_BREAKABLE_SPACES = (" ", THIN_SPACE, "\u2002", "\u2003", "\u2005", "\u2006")


@dataclass(frozen=True)
class Fix:
    """Replace ``[start, end)`` of the ``lang`` version with ``replacement`` (insertion when start == end)."""

    lang: Lang
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    """One QA finding; spans are ``[start, end)`` character ranges, None when absent from a version."""

    check: str
    severity: str
    message_en: str
    message_fr: str
    span_en: tuple[int, int] | None
    span_fr: tuple[int, int] | None
    fix: Fix | None = None

    def message(self, lang: Lang | str) -> str:
        """The message in the interface language ``lang``."""
        return self.message_en if to_lang(lang) is Lang.EN else self.message_fr


def apply_fix(en: str, fr: str, fix: Fix) -> tuple[str, str]:
    """The two versions with ``fix`` applied to the one it names."""
    if fix.lang is Lang.EN:
        return en[:fix.start] + fix.replacement + en[fix.end:], fr
    return en, fr[:fix.start] + fix.replacement + fr[fix.end:]


def _q_en(text: str) -> str:
    return f"“{text}”"


def _q_fr(text: str) -> str:
    return f"«{NBSP}{text}{NBSP}»"


_VERSION = {"en": {Lang.EN: "English", Lang.FR: "French"}, "fr": {Lang.EN: "anglaise", Lang.FR: "française"}}

# --------------------------------------------------------------------------- context


_PLACEHOLDER = re.compile(r"\{[^{}\s]{0,40}\}|\(\([^()\s]{1,40}\)\)|%[sd]\b")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Letters with a capital, then digits: COVID-19, C-11, G7, F-35, H1N1. Lowercase words before digits
# ("top-10", a variable "under18" ↔ « moins de 18 ans ») and digits before letters ("108px") still count.
_NAME_WITH_DIGITS = re.compile(r"(?<![\w.,/-])[^\W\d_]*[A-Z][^\W\d_]*-?\d+(?:[^\W\d_]+\d*)*(?![\w-])")


@dataclass
class _Side:
    """One version of the post with what the checks set aside."""

    lang: Lang
    text: str
    entities: list[Entity] = field(default_factory=list)
    emoji: list[tuple[int, int, str]] = field(default_factory=list)
    masked: list[tuple[int, int]] = field(default_factory=list)

    def is_masked(self, start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in self.masked)

    def mask(self, start: int, end: int) -> None:
        self.masked.append((start, end))


def _side(lang: Lang, text: str) -> _Side:
    side = _Side(lang, text, find_entities(text))
    side.emoji = [(item["indices"][0], item["indices"][1], item["emoji"]) for item in extract_emojis_with_indices(text)]
    side.masked = [(e.start, e.end) for e in side.entities] + [(s, e) for s, e, _ in side.emoji]
    side.masked += [m.span() for pattern in (_PLACEHOLDER, _TAG, _ENTITY, _NAME_WITH_DIGITS)
                    for m in pattern.finditer(text)]
    return side


@dataclass
class _Context:
    en: _Side
    fr: _Side
    source: Lang
    mappings: MappingTable
    termbase: Termbase | None
    typography: str

    def side(self, lang: Lang) -> _Side:
        return self.en if lang is Lang.EN else self.fr

    def finding(self, check: str, severity: str, message_en: str, message_fr: str,
                spans: dict[Lang, tuple[int, int] | None], fix: Fix | None = None) -> Finding:
        return Finding(check, severity, message_en, message_fr, spans.get(Lang.EN), spans.get(Lang.FR), fix)


# --------------------------------------------------------------------------- dates


_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_FR_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "juill": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}
_EN_MONTH = "|".join(sorted((m.capitalize() for m in _EN_MONTHS), key=len, reverse=True))
_FR_MONTH = "|".join(sorted(_FR_MONTHS, key=len, reverse=True))
_ISO_DATE = r"(?P<iy>\d{4})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
_YEAR = r"(?:[12]\d{3})"
_EN_DATE = re.compile(
    rf"(?<![\w-])(?:{_ISO_DATE}"
    rf"|(?P<m1>{_EN_MONTH})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m2>{_EN_MONTH})\.?(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_EN_MONTH})\.?,?\s+(?P<y3>{_YEAR}))(?![\w-])",  # English months are capitalised: "may 5" is no date
)
_FR_DATE = re.compile(
    rf"(?<![\w-])(?:{_ISO_DATE}"
    rf"|(?P<d2>[0-3]?\d)(?:er|e|ᵉʳ)?\s+(?P<m2>{_FR_MONTH})\.?(?:\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_FR_MONTH})\.?\s+(?P<y3>{_YEAR}))(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Date:
    start: int
    end: int
    text: str
    year: int | None
    month: int
    day: int | None

    def same(self, other: _Date) -> bool:
        years_agree = self.year is None or other.year is None or self.year == other.year
        return self.month == other.month and self.day == other.day and years_agree


def _dates(side: _Side) -> list[_Date]:
    pattern, months = (_EN_DATE, _EN_MONTHS) if side.lang is Lang.EN else (_FR_DATE, _FR_MONTHS)
    found = []
    for m in pattern.finditer(side.text):
        if side.is_masked(*m.span()):
            continue
        groups = {k: v for k, v in m.groupdict().items() if v}
        year: int | None
        day: int | None
        if "iy" in groups:
            year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
        else:
            month = months[next(v for k, v in groups.items() if k.startswith("m")).lower()]
            day_text = next((v for k, v in groups.items() if k.startswith("d")), None)
            year_text = next((v for k, v in groups.items() if k.startswith("y")), None)
            day = int(day_text) if day_text else None
            year = int(year_text) if year_text else None
            if day is not None and not 1 <= day <= 31:
                continue
        found.append(_Date(m.start(), m.end(), m.group(), year, month, day))
    return found


# --------------------------------------------------------------------------- times


_AMPM = r"(?P<ap>[ap])\.?\s?m\b\.?"
# With a.m./p.m. the minutes may follow a colon or (British style) a dot: 8:30 p.m., 7.55am.
_EN_TIME = re.compile(
    rf"(?<![\w:.,])(?:(?P<rh>\d{{1,2}})(?:[:.](?P<rm>[0-5]\d))?\s?(?:–|-|to)\s?)?"
    rf"(?P<h>\d{{1,2}})(?:[:.](?P<m>[0-5]\d))?\s?{_AMPM}"
    rf"|(?<![\w:.,])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    rf"|(?<![\w-])(?P<word>noon|midnight)(?![\w-])",
    re.IGNORECASE,
)
# "7 heures" is a time after à/vers/avant/dès/jusqu’à ("avant 7 heures") and a duration otherwise
# ("pendant 5 heures", "au bout de 8 heures", counted as numbers); "après-midi" is no "midi".
_FR_TIME = re.compile(
    r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3])\s?h(?:\s?(?P<m>[0-5]\d))?(?!\w)"
    r"|(?<!\w)(?:à|vers|avant|dès|jusqu[’']à)\s+(?P<sh>[01]?\d|2[0-3])\s?heures?(?:\s?(?P<sm>[0-5]\d))?(?!\w)"
    rf"|(?<![\w:.,])(?P<eh>\d{{1,2}})(?:[:.](?P<em>[0-5]\d))?\s?{_AMPM}"
    r"|(?<![\w:.,])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    r"|(?<![\w-])(?P<word>midi|minuit)(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Time:
    start: int
    end: int
    text: str
    hour: int
    minute: int
    ambiguous: bool = False     # "10:30" without a.m./p.m. in English: 10:30 or 22:30
    english_style: bool = False  # French version written "20:30" or "8:30 p.m."

    def same(self, other: _Time) -> bool:
        if self.minute != other.minute:
            return False
        hours = {self.hour} | ({(self.hour + 12) % 24} if self.ambiguous else set())
        others = {other.hour} | ({(other.hour + 12) % 24} if other.ambiguous else set())
        return bool(hours & others)


def _clock(hour: int, ap: str | None) -> int | None:
    if ap is None:
        return hour if hour <= 23 else None
    if not 1 <= hour <= 12:
        return None
    return (hour % 12) + (12 if ap.lower() == "p" else 0)


def _times(side: _Side) -> list[_Time]:
    found = []
    pattern = _EN_TIME if side.lang is Lang.EN else _FR_TIME
    for m in pattern.finditer(side.text):
        if side.is_masked(*m.span()):
            continue
        g = m.groupdict()
        start, end, text = m.start(), m.end(), m.group()
        hour: int | None
        if g.get("word"):
            hour = 12 if g["word"].lower() in ("noon", "midi") else 0
            found.append(_Time(start, end, text, hour, 0))
        elif g.get("h24"):
            found.append(_Time(start, end, text, int(g["h24"]), int(g["m24"]),
                               ambiguous=side.lang is Lang.EN and int(g["h24"]) <= 12,
                               english_style=side.lang is Lang.FR))
        elif side.lang is Lang.EN:
            hour = _clock(int(g["h"]), g["ap"])
            if hour is None:
                continue
            if g.get("rh"):
                first = _clock(int(g["rh"]), g["ap"])
                if first is not None:
                    found.append(_Time(start, start + len(g["rh"]), g["rh"], first, int(g["rm"] or 0)))
            found.append(_Time(m.start("h"), end, side.text[m.start("h"):end], hour, int(g["m"] or 0)))
        elif g.get("eh"):
            hour = _clock(int(g["eh"]), g["ap"])
            if hour is not None:
                found.append(_Time(start, end, text, hour, int(g["em"] or 0), english_style=True))
        elif g.get("sh"):
            start = m.start("sh")
            found.append(_Time(start, end, side.text[start:end], int(g["sh"]), int(g["sm"] or 0)))
        else:
            found.append(_Time(start, end, text, int(g["h"]), int(g["m"] or 0)))
    return found


def _fr_time(hour: int, minute: int) -> str:
    return f"{hour}{NBSP}h" + (f"{NBSP}{minute:02d}" if minute else "")


# --------------------------------------------------------------------------- numbers


_THOUSANDS_EN = "[,\u00a0\u202f\u2009]"
_THOUSANDS_FR = "[ \u00a0\u202f\u2009]"
# Digits glued to letters count on both sides alike ("COVID19", "108px", "s.7"); digits right after
# another number's separator, a slash or a colon do not (versions 1.5.3, dates 22/11, ratios 2:1).
_NUMBER_START = r"(?<![\d_/:])(?<!\d[.,])"
_EN_NUMBER = re.compile(
    rf"{_NUMBER_START}(?P<cur>\$\s?)?(?P<num>\d{{1,3}}(?:{_THOUSANDS_EN}\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?![\d.,]\d)(?P<ord>st|nd|rd|th)?(?:\s?(?P<pct>%))?"
)
_FR_NUMBER = re.compile(
    rf"{_NUMBER_START}(?P<cur>\$\s?)?"
    rf"(?P<num>\d{{1,3}}(?:{_THOUSANDS_FR}\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\d.,]\d)(?P<ord>er|re|ère|ème|eme|ième|e|es|ers|res|ᵉʳ|ᵉ)?"
    r"(?:(?P<pctsp>[ \u00a0\u202f]?)(?P<pct>%))?(?:(?P<cursp>[ \u00a0\u202f]?)(?P<after>\$))?"
)

#: Small numbers spelled out (cardinal|ordinal), so "three tips" ↔ "3 conseils" and "point 2" ↔
#: "deuxième élément" are not mismatches.
_SMALL_NUMBERS = {
    Lang.EN: ["zero", "one|first", "two|second", "three|third", "four|fourth", "five|fifth", "six|sixth",
              "seven|seventh", "eight|eighth", "nine|ninth", "ten|tenth", "eleven|eleventh", "twelve|twelfth",
              "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty|twentieth"],
    Lang.FR: ["zéro", "un|une|premier|première", "deux|deuxième|second|seconde", "trois|troisième",
              "quatre|quatrième", "cinq|cinquième", "six|sixième", "sept|septième", "huit|huitième",
              "neuf|neuvième", "dix|dixième", "onze|onzième", "douze|douzième", "treize", "quatorze", "quinze",
              "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt|vingtième"],
}


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    text: str
    value: Decimal
    alt: Decimal | None = None   # French version only: the value if read with English separators
    currency: bool = False
    percent: bool = False
    format_issue: str = ""       # French version only: what is English-style about it

    def formatted_fr(self, value: Decimal) -> str:
        """``value`` in French format with this number's currency and percent signs."""
        text = _format_fr(value)
        if self.percent:
            text += NBSP + "%"
        if self.currency:
            text += NBSP + "$"
        return text


def _decimal(text: str) -> Decimal | None:
    """The value as written (``1500.50`` keeps its two decimals; it still equals ``1500.5``)."""
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _format_fr(value: Decimal) -> str:
    integer, _, fraction = f"{abs(value):f}".partition(".")
    if len(integer) >= 4:
        groups: list[str] = []
        while integer:
            groups.insert(0, integer[-3:])
            integer = integer[:-3]
        integer = NBSP.join(groups)
    return ("-" if value < 0 else "") + integer + ("," + fraction if fraction else "")


#: Fiscal and school years: "2023-24" and "2023-2024" both mean 2023 and 2024.
_YEAR_RANGE = re.compile(r"(?<![\d.,])((?:19|20)\d\d)\s?[-–/]\s?(\d\d(?:\d\d)?)(?![\d.,]?\d)")
#: Round-the-clock idioms written differently in each language ("24/7" ↔ « 24 heures sur 24, 7 jours sur 7 »).
_ROUND_THE_CLOCK = re.compile(
    r"\b24\s?/\s?7\b|\b24\s?(?:h|heures)\s+sur\s+24(?:\s*,?\s*(?:et\s+)?7\s+(?:j|jours)\s+sur\s+7)?\b",
    re.IGNORECASE,
)


#: North American telephone numbers (613-555-0199, (613) 555-0199, 1 800 959-8281), compared digit for digit.
_PHONE = re.compile(
    r"(?<![\w.,])(?:\+?1[ .\-\u00a0])?(?:\(\d{3}\)\s?|\d{3}[ .\-\u00a0])\d{3}[ .\-\u00a0]\d{4}(?!\d)"
)


def _numbers(side: _Side) -> list[_Number]:
    found = []
    for m in _ROUND_THE_CLOCK.finditer(side.text):
        side.mask(*m.span())
    for m in _PHONE.finditer(side.text):
        if not side.is_masked(*m.span()):
            digits = re.sub(r"\D", "", m.group())
            found.append(_Number(m.start(), m.end(), m.group(), Decimal(digits[-10:])))
            side.mask(*m.span())
    for m in _YEAR_RANGE.finditer(side.text):
        if side.is_masked(*m.span()):
            continue
        first, last = m.group(1), m.group(2)
        if len(last) == 2:
            last = first[:2] + last
        if int(last) > int(first):
            found += [_Number(m.start(1), m.end(1), m.group(1), Decimal(first)),
                      _Number(m.start(2), m.end(2), m.group(2), Decimal(last))]
            side.mask(*m.span())
    pattern = _EN_NUMBER if side.lang is Lang.EN else _FR_NUMBER
    for m in pattern.finditer(side.text):
        if side.is_masked(m.start("num"), m.end("num")):
            continue
        g = m.groupdict()
        raw = g["num"]
        if side.lang is Lang.EN:
            value = _decimal(re.sub(_THOUSANDS_EN, "", raw))
            if value is not None:
                found.append(_Number(m.start(), m.end(), m.group(), value,
                                     currency=bool(g["cur"]), percent=bool(g["pct"])))
            continue
        number = _fr_number(m, raw)
        if number is not None:
            found.append(number)
    return found


def _fr_number(m: re.Match[str], raw: str) -> _Number | None:
    g = m.groupdict()
    issue = ""
    alt = None
    if re.search(_THOUSANDS_FR, raw):
        value = _decimal(re.sub(_THOUSANDS_FR, "", raw).replace(",", "."))
    elif "." in raw:          # English decimal point or "1,500.50"
        value = _decimal(raw.replace(",", ""))
        if g["cur"] or g["after"] or g["pct"] or "," in raw:
            issue = "separators"
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw):   # "1,500": 1,5 in French, 1500 in English
        value = _decimal(raw.replace(",", "."))
        alt = _decimal(raw.replace(",", ""))
    else:
        value = _decimal(raw.replace(",", "."))
    if value is None:
        return None
    if g["cur"]:
        issue = issue or "currency"
    elif g["after"] and not g["cursp"]:
        issue = issue or "currency-space"
    if g["pct"] and not g["pctsp"]:
        issue = issue or "percent"
    return _Number(m.start(), m.end(), m.group(), value, alt, bool(g["cur"] or g["after"]), bool(g["pct"]), issue)


# --------------------------------------------------------------------------- checks


def _pair_up(en_items: list[_T], fr_items: list[_T],
             same: Callable[[_T, _T], bool]) -> tuple[list[tuple[_T, _T]], list[_T], list[_T]]:
    """Greedy in-order matching: (matched pairs, English left over, French left over)."""
    fr_left = list(fr_items)
    pairs: list[tuple[_T, _T]] = []
    en_left: list[_T] = []
    for item in en_items:
        partner = next((f for f in fr_left if same(item, f)), None)
        if partner is None:
            en_left.append(item)
        else:
            fr_left.remove(partner)
            pairs.append((item, partner))
    return pairs, en_left, fr_left


def _mismatch_findings(ctx: _Context, check: str, what_en: str, what_fr: str,
                       en_left: list, fr_left: list) -> list[Finding]:
    """One finding per leftover; leftovers paired in order when both versions have some."""
    findings = []
    for index in range(max(len(en_left), len(fr_left))):
        en = en_left[index] if index < len(en_left) else None
        fr = fr_left[index] if index < len(fr_left) else None
        if en and fr:
            message_en = (f"The {what_en} {_q_en(en.text)} in the English version does not match "
                          f"{_q_en(fr.text)} in the French version.")
            message_fr = (f"{what_fr.capitalize()} {_q_fr(en.text)} de la version anglaise ne correspond pas "
                          f"à {_q_fr(fr.text)} dans la version française.")
        else:
            only = en or fr
            assert only is not None, "index < the longer of the two lists"
            lang = Lang.EN if en else Lang.FR
            message_en = f"The {what_en} {_q_en(only.text)} is only in the {_VERSION['en'][lang]} version."
            message_fr = (f"{what_fr.capitalize()} {_q_fr(only.text)} ne figure que dans la version "
                          f"{_VERSION['fr'][lang]}.")
        findings.append(ctx.finding(check, ERROR, message_en, message_fr,
                                    {Lang.EN: (en.start, en.end) if en else None,
                                     Lang.FR: (fr.start, fr.end) if fr else None}))
    return findings


def _check_dates(ctx: _Context) -> list[Finding]:
    en, fr = _dates(ctx.en), _dates(ctx.fr)
    for side, items in ((ctx.en, en), (ctx.fr, fr)):
        for item in items:
            side.mask(item.start, item.end)
    _, en_left, fr_left = _pair_up(en, fr, lambda a, b: a.same(b))
    return _mismatch_findings(ctx, "date", "date", "la date", en_left, fr_left)


def _check_times(ctx: _Context) -> list[Finding]:
    en, fr = _times(ctx.en), _times(ctx.fr)
    for side, items in ((ctx.en, en), (ctx.fr, fr)):
        for item in items:
            side.mask(item.start, item.end)
    findings = [
        ctx.finding("fr-format", WARNING,
                    f"{_q_en(t.text)} is an English time format; French uses {_q_en(_fr_time(t.hour, t.minute))}.",
                    f"{_q_fr(t.text)} suit la notation anglaise; en français, on écrit "
                    f"{_q_fr(_fr_time(t.hour, t.minute))}.",
                    {Lang.FR: (t.start, t.end)},
                    Fix(Lang.FR, t.start, t.end, _fr_time(t.hour, t.minute)))
        for t in fr if t.english_style
    ]
    _, en_left, fr_left = _pair_up(en, fr, lambda a, b: a.same(b))
    return findings + _mismatch_findings(ctx, "time", "time", "l’heure", en_left, fr_left)


def _spelled(side: _Side, value: Decimal, used: set[int]) -> bool:
    """True if ``value`` (a small integer) is written out in words somewhere in ``side``."""
    if value != value.to_integral_value() or not 0 <= value <= 20:
        return False
    words = _SMALL_NUMBERS[side.lang][int(value)]
    for m in re.finditer(rf"(?<![\w-])(?:{words})(?!\w)", side.text, re.IGNORECASE):
        if m.start() not in used:
            used.add(m.start())
            return True
    return False


def _check_numbers(ctx: _Context) -> list[Finding]:
    en, fr = _numbers(ctx.en), _numbers(ctx.fr)
    _, en_left, fr_left = _pair_up(en, fr, lambda a, b: a.value == b.value)
    # A French "1,500" that only matches when read the English way: a format error, not a different number.
    read_english, en_left, fr_left = _pair_up(en_left, fr_left, lambda a, b: b.alt is not None and a.value == b.alt)
    english_values = {id(f): f.alt for _, f in read_english}
    findings = [_format_finding(ctx, f, english_values.get(id(f)) or f.value)
                for f in fr if f.format_issue or id(f) in english_values]
    used_en: set[int] = set()
    used_fr: set[int] = set()
    en_left = [n for n in en_left if not _spelled(ctx.fr, n.value, used_fr)]
    fr_left = [n for n in fr_left if not _spelled(ctx.en, n.value, used_en)]
    return findings + _mismatch_findings(ctx, "number", "number", "le nombre", en_left, fr_left)


def _format_finding(ctx: _Context, number: _Number, value: Decimal) -> Finding:
    fixed = number.formatted_fr(value)
    return ctx.finding(
        "fr-format", WARNING,
        f"{_q_en(number.text)} is written the English way; French writes {_q_en(fixed)}.",
        f"{_q_fr(number.text)} suit la notation anglaise; en français, on écrit {_q_fr(fixed)}.",
        {Lang.FR: (number.start, number.end)},
        Fix(Lang.FR, number.start, number.end, fixed),
    )


def _check_urls(ctx: _Context) -> list[Finding]:
    findings = []
    urls = {lang: [e for e in ctx.side(lang).entities if e.kind is MappingKind.URL] for lang in (Lang.EN, Lang.FR)}
    for lang in (Lang.EN, Lang.FR):
        for url in urls[lang]:
            if url_lang(url.text) is lang.other and ctx.mappings.knows_host(url_host(url.text)):
                counterpart = ctx.mappings.url_counterpart(url.text, lang.other, lang)
                fix = (Fix(lang, url.start, url.end, counterpart.url)
                       if counterpart is not None and counterpart.verified else None)
                version_en, version_fr = _VERSION["en"][lang], _VERSION["fr"][lang]
                page_en, page_fr = _VERSION["en"][lang.other], _VERSION["fr"][lang.other]
                findings.append(ctx.finding(
                    "url-lang", ERROR,
                    f"The {version_en} version links to the {page_en} page {_q_en(url.text)}.",
                    f"La version {version_fr} renvoie à la page {page_fr} {_q_fr(url.text)}.",
                    {lang: (url.start, url.end)}, fix))

    def same_page(en_url: Entity, fr_url: Entity) -> bool:
        if url_key(en_url.text) == url_key(fr_url.text):
            return True
        listed = ctx.mappings.counterpart(MappingKind.URL, en_url.text, Lang.EN, Lang.FR)
        if listed is not None:
            return url_key(listed) == url_key(fr_url.text)
        swapped = ctx.mappings.url_counterpart(en_url.text, Lang.EN, Lang.FR)
        if swapped is not None and url_key(swapped.url) == url_key(fr_url.text):
            return True
        return (url_host(en_url.text) == url_host(fr_url.text) and url_lang(en_url.text) is Lang.EN
                and url_lang(fr_url.text) is Lang.FR)

    _, en_left, fr_left = _pair_up(urls[Lang.EN], urls[Lang.FR], same_page)
    # What is left: a page on the same site (or the listed site of the other language) is taken to be its
    # counterpart; canada.ca/sign-in ↔ canada.ca/connexion cannot be told apart from two unrelated pages.
    _, en_left, fr_left = _pair_up(en_left, fr_left, lambda a, b: ctx.mappings.same_site(a.text, b.text))
    for lang, left in ((Lang.EN, en_left), (Lang.FR, fr_left)):
        for url in left:
            findings.append(ctx.finding(
                "url", WARNING,
                f"The link {_q_en(url.text)} has no counterpart in the {_VERSION['en'][lang.other]} version.",
                f"Le lien {_q_fr(url.text)} n’a pas d’équivalent dans la version {_VERSION['fr'][lang.other]}.",
                {lang: (url.start, url.end)}))
    return findings


def _check_tags(ctx: _Context, kind: MappingKind) -> list[Finding]:
    """Hashtags or mentions: each has its listed counterpart (or itself) in the other version."""
    check = "hashtag" if kind is MappingKind.HASHTAG else "mention"
    what_en, what_fr = ("hashtag", "le mot-clic") if kind is MappingKind.HASHTAG else ("mention", "la mention")
    items = {lang: [e for e in ctx.side(lang).entities if e.kind is kind] for lang in (Lang.EN, Lang.FR)}

    def expected(entity: Entity, lang: Lang) -> str:
        return ctx.mappings.counterpart(kind, entity.text, lang, lang.other) or entity.text

    _, en_left, fr_left = _pair_up(items[Lang.EN], items[Lang.FR],
                                   lambda a, b: expected(a, Lang.EN).casefold() == b.text.casefold())
    findings = []
    for lang, left, other_left in ((Lang.EN, en_left, fr_left), (Lang.FR, fr_left, en_left)):
        for entity in left:
            want = expected(entity, lang)
            copied = next((o for o in other_left if o.text.casefold() == entity.text.casefold()), None)
            if want != entity.text and copied is not None:
                other_left.remove(copied)
                findings.append(ctx.finding(
                    check, WARNING,
                    f"The {_VERSION['en'][lang.other]} version should use {_q_en(want)} for {_q_en(entity.text)}.",
                    f"La version {_VERSION['fr'][lang.other]} devrait employer {_q_fr(want)} "
                    f"pour {_q_fr(entity.text)}.",
                    {lang: (entity.start, entity.end), lang.other: (copied.start, copied.end)},
                    Fix(lang.other, copied.start, copied.end, want)))
                continue
            severity = INFO if other_left else WARNING
            hint_en = " If they are a pair, add it to the mappings." if other_left else ""
            hint_fr = " S’il s’agit d’une paire, ajoutez-la aux correspondances." if other_left else ""
            findings.append(ctx.finding(
                check, severity,
                f"The {what_en} {_q_en(entity.text)} has no counterpart in the "
                f"{_VERSION['en'][lang.other]} version.{hint_en}",
                f"{what_fr.capitalize()} {_q_fr(entity.text)} n’a pas d’équivalent dans la version "
                f"{_VERSION['fr'][lang.other]}.{hint_fr}",
                {lang: (entity.start, entity.end)}))
    return findings


def _check_emoji(ctx: _Context) -> list[Finding]:
    def key(item: tuple[int, int, str]) -> str:
        return item[2].replace("\ufe0f", "")

    _, en_left, fr_left = _pair_up(ctx.en.emoji, ctx.fr.emoji, lambda a, b: key(a) == key(b))
    findings = []
    for lang, left in ((Lang.EN, en_left), (Lang.FR, fr_left)):
        for start, end, emoji in left:
            findings.append(ctx.finding(
                "emoji", WARNING,
                f"The emoji {emoji} is only in the {_VERSION['en'][lang]} version.",
                f"L’émoji {emoji} ne figure que dans la version {_VERSION['fr'][lang]}.",
                {lang: (start, end)}))
    return findings


_PUNCT_NAMES = {":": ("colon", "deux-points"), ";": ("semicolon", "point-virgule"),
                "!": ("exclamation mark", "point d’exclamation"), "?": ("question mark", "point d’interrogation")}


def _check_french_spacing(ctx: _Context) -> list[Finding]:
    side = ctx.fr
    text = side.text
    findings = []

    def report(span: tuple[int, int], replacement: str, en: str, fr: str) -> None:
        # A thin space (U+2009) shows the right intent but still lets the line break: info, not warning.
        severity = INFO if text[span[0]:span[1]] == THIN_SPACE else WARNING
        findings.append(ctx.finding("fr-nbsp", severity, en, fr, {Lang.FR: span},
                                    Fix(Lang.FR, span[0], span[1], replacement)))

    for i, char in enumerate(text):
        if char in ":;!?":
            if side.is_masked(i, i + 1) or (i > 0 and text[i - 1] in ":;!?"):
                continue
            before = text[i - 1] if i > 0 else "\n"
            after = text[i + 1] if i + 1 < len(text) else " "
            if before == "\n":
                continue
            if char in ":;" and after in ")(DPp" and not text[i + 2:i + 3].isalnum():
                continue  # emoticon :) ;-) :D
            if char == ":" and not (after.isspace() or after in "»\"”)'"):
                continue  # 10:30, https:, ratio 2:1, a:b
            name_en, name_fr = _PUNCT_NAMES[char]
            required = char == ":" or ctx.typography == "france"
            space = NBSP if char == ":" else NNBSP
            if before in _BREAKABLE_SPACES:
                report((i - 1, i), space,
                       f"Use a non-breaking space before the {name_en}: a line could break before it.",
                       f"Employez une espace insécable avant le {name_fr}{NBSP}: la ligne pourrait se couper avant.")
            elif before not in _NON_BREAKING and required:
                report((i, i), space,
                       f"French needs a non-breaking space before the {name_en}.",
                       f"Il faut une espace insécable avant le {name_fr}.")
        elif char in "«»":
            neighbour = i + 1 if char == "«" else i - 1
            if not 0 <= neighbour < len(text) or side.is_masked(i, i + 1) or text[neighbour] == "\n":
                continue
            where_en = "after the opening" if char == "«" else "before the closing"
            where_fr = "après le guillemet ouvrant" if char == "«" else "avant le guillemet fermant"
            if text[neighbour] in _BREAKABLE_SPACES:
                report((neighbour, neighbour + 1), NBSP,
                       f"Use a non-breaking space {where_en} guillemet.",
                       f"Employez une espace insécable {where_fr}.")
            elif text[neighbour] not in _NON_BREAKING:
                at = i + 1 if char == "«" else i
                report((at, at), NBSP,
                       f"French needs a non-breaking space {where_en} guillemet.",
                       f"Il faut une espace insécable {where_fr}.")
    return findings


def _check_entities(ctx: _Context) -> list[Finding]:
    findings = []
    for lang in (Lang.EN, Lang.FR):
        for m in _ENTITY.finditer(ctx.side(lang).text):
            char = html.unescape(m.group())
            if char == m.group():
                continue
            shown = "a non-breaking space" if char == NBSP else _q_en(char)
            shown_fr = "une espace insécable" if char == NBSP else _q_fr(char)
            findings.append(ctx.finding(
                "html-entity", WARNING,
                f"{_q_en(m.group())} will be published as typed; use {shown} instead.",
                f"{_q_fr(m.group())} sera publié tel quel; employez plutôt {shown_fr}.",
                {lang: m.span()}, Fix(lang, m.start(), m.end(), char)))
    return findings


def _check_terms(ctx: _Context) -> list[Finding]:
    if ctx.termbase is None:
        return []
    source, target = ctx.side(ctx.source), ctx.side(ctx.source.other)
    findings = []
    for f in ctx.termbase.check_translation(source.text, target.text, source.lang, target.lang):
        spans = {source.lang: f.source_span if f.source_text else None, target.lang: f.target_span}
        span = f.target_span  # set when fixable
        fix = Fix(target.lang, span[0], span[1], f.expected) if f.fixable and span is not None else None
        findings.append(ctx.finding("term", ERROR if fix else WARNING, f.message_en, f.message_fr, spans, fix))
    return findings


_LANGUAGE_NAME = {"en": {Lang.EN: "English", Lang.FR: "French"}, "fr": {Lang.EN: "anglais", Lang.FR: "français"}}


def _check_language(ctx: _Context) -> list[Finding]:
    findings = []
    for lang in (Lang.EN, Lang.FR):
        text = ctx.side(lang).text
        found = wrong_language(text, lang)
        if found is not None:
            findings.append(ctx.finding(
                "language", WARNING,
                f"The {_VERSION['en'][lang]} version seems to be written in {_LANGUAGE_NAME['en'][found.lang]}.",
                f"La version {_VERSION['fr'][lang]} semble rédigée en {_LANGUAGE_NAME['fr'][found.lang]}.",
                {lang: (0, len(text))}))
    return findings


#: Every check: stable id → (English description, French description). Order is run order.
CHECKS: dict[str, tuple[str, str]] = {
    "language": ("Each version is in its own language", "Chaque version est dans sa langue"),
    "html-entity": ("HTML entity typed into the text", "Entité HTML tapée dans le texte"),
    "date": ("Dates match", "Les dates concordent"),
    "time": ("Times match", "Les heures concordent"),
    "number": ("Numbers and amounts match", "Les nombres et montants concordent"),
    "fr-format": ("French number, amount and time format", "Format français des nombres, montants et heures"),
    "url": ("Each link has its counterpart", "Chaque lien a son équivalent"),
    "url-lang": ("Links point at the page in the right language", "Les liens mènent à la page dans la bonne langue"),
    "hashtag": ("Hashtags match", "Les mots-clics concordent"),
    "mention": ("Mentions match", "Les mentions concordent"),
    "emoji": ("Same emoji in both versions", "Mêmes émojis dans les deux versions"),
    "fr-nbsp": ("French non-breaking spaces (: ; ! ? « »)", "Espaces insécables en français (: ; ! ? « »)"),
    "term": ("Official names and abbreviations", "Appellations et abréviations officielles"),
}

_RUNNERS: dict[str, Callable[[_Context], list[Finding]]] = {
    "language": _check_language,
    "html-entity": _check_entities,
    "date": _check_dates,
    "time": _check_times,
    "number": _check_numbers,
    "url": _check_urls,
    "hashtag": lambda ctx: _check_tags(ctx, MappingKind.HASHTAG),
    "mention": lambda ctx: _check_tags(ctx, MappingKind.HANDLE),
    "emoji": _check_emoji,
    "fr-nbsp": _check_french_spacing,
    "term": _check_terms,
}


#: Checks whose findings another check's runner produces.
_PRODUCED_BY = {"fr-format": ("number", "time"), "url-lang": ("url",)}


def check_pair(
    en: str,
    fr: str,
    *,
    source_lang: Lang | str = Lang.EN,
    mappings: MappingTable | None = None,
    termbase: Termbase | None = None,
    typography: str = "canada",
    checks: Iterable[str] | None = None,
) -> list[Finding]:
    """Every finding between the English and French versions, ordered by check then position.

    ``source_lang`` is the version written first (term fixes go to the
    other one); ``mappings`` defaults to an empty table (address rules only);
    ``termbase`` enables the ``term`` check; ``checks`` limits the run to
    some ids of :data:`CHECKS`.
    """
    if typography not in ("canada", "france"):
        raise InvalidText(f"Unknown typography style “{typography}”; use canada or france.",
                          msg="qa.unknown_typography", style=typography)
    wanted = set(CHECKS if checks is None else checks)
    unknown = wanted - set(CHECKS)
    if unknown:
        raise InvalidText(f"Unknown QA check: {', '.join(sorted(unknown))}.", msg="qa.unknown_check",
                          checks=sorted(unknown))
    runners = {r for c in wanted for r in _PRODUCED_BY.get(c, (c,))}
    if "number" in runners:
        runners |= {"date", "time"}  # they set aside their digits before numbers are compared
    ctx = _Context(_side(Lang.EN, en), _side(Lang.FR, fr), to_lang(source_lang),
                   mappings if mappings is not None else MappingTable(), termbase, typography)
    findings: list[Finding] = []
    for check_id, runner in _RUNNERS.items():
        if check_id in runners:
            findings += [f for f in runner(ctx) if f.check in wanted]
    return findings
