"""Paired handles, hashtags and web addresses between the English and French versions.

Departments run parallel accounts (``@GovCanHealth`` / ``@GouvCanSante``),
parallel hashtags (``#GCDigital`` / ``#NumériqueGC``) and parallel pages
(``canada.ca/en/health-canada.html`` / ``canada.ca/fr/sante-canada.html``).
A :class:`MappingTable` holds the pairs the team maintains (files are read
and written by :mod:`translation.formats`; persistence is the store's job)
and adds one rule for web addresses: on Government of Canada sites (``canada.ca``, ``*.gc.ca`` and any
host named in the table) the language marker of an address — a path segment
``/en/`` ↔ ``/fr/``, ``/eng/`` ↔ ``/fra/``, a file suffix ``-eng`` ↔ ``-fra``
or ``_e`` ↔ ``_f``, a ``lang=`` query — is swapped. A swap is only
*verified* when nothing language-specific can follow the marker (a file
suffix, or a segment that ends the path); canada.ca translates the words after
``/en/`` (``health-canada`` → ``sante-canada``), so such swaps are
suggestions to check, never silent replacements.

:func:`find_entities` locates web addresses (twitter-text rules, as the
networks count them), @handles (X, Bluesky domain handles, Mastodon
``@user@host``) and #hashtags in a text; :mod:`translation.qa` and
:mod:`translation.terms` use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from twitter_text import extract_urls_with_indices

from desktop.core.errors import InvalidText
from desktop.core.model import Lang
from desktop.core.text import check

from . import langcodes

#: Domains whose language markers Tandem knows how to swap.
GC_DOMAINS = ("canada.ca", "gc.ca")

class MappingKind(StrEnum):
    HANDLE = "handle"
    HASHTAG = "hashtag"
    URL = "url"


_HANDLE = re.compile(
    r"(?<![\w@/.+-])@([A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)"
)
_HASHTAG = re.compile(r"(?<![\w#&/])#(\w*[^\W\d_]\w*)")


@dataclass(frozen=True)
class Entity:
    """A web address, @handle or #hashtag found at ``[start, end)`` of a text."""

    kind: MappingKind
    start: int
    end: int
    text: str


def find_entities(text: str) -> list[Entity]:
    """Web addresses, handles and hashtags in ``text``, in order, never overlapping."""
    found = [Entity(MappingKind.URL, s, e, text[s:e])
             for s, e in (item["indices"] for item in extract_urls_with_indices(text))]
    taken = [(e.start, e.end) for e in found]
    for kind, pattern in ((MappingKind.HANDLE, _HANDLE), (MappingKind.HASHTAG, _HASHTAG)):
        for match in pattern.finditer(text):
            start, end = match.span()
            if not any(start < e and s < end for s, e in taken):
                found.append(Entity(kind, start, end, match.group()))
                taken.append((start, end))
    return sorted(found, key=lambda e: e.start)


# --------------------------------------------------------------------------- addresses


@dataclass(frozen=True)
class _Marker:
    """A language marker inside an address: text ``[start, end)`` says ``lang``."""

    start: int
    end: int
    lang: Lang
    swap: str          # the same marker in the other language
    final: bool        # nothing language-specific can follow it (verified swap)


_SEGMENT_SWAP = {"en": "fr", "fr": "en", "eng": "fra", "fra": "eng", "english": "francais", "francais": "english"}
_SEGMENT_LANG = {"en": Lang.EN, "eng": Lang.EN, "english": Lang.EN, "fr": Lang.FR, "fra": Lang.FR, "francais": Lang.FR}
_FILE_SUFFIX = re.compile(r"[-_](eng|fra|e|f)(?=\.[A-Za-z0-9]+$|$)", re.IGNORECASE)
_QUERY_LANG = re.compile(r"(?<=[?&])lang=(en|fr|eng|fra)(?=&|$)", re.IGNORECASE)
_SUFFIX_SWAP = {"eng": "fra", "fra": "eng", "e": "f", "f": "e"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _with_scheme(url: str) -> str:
    return url if _SCHEME.match(url) else "https://" + url


def url_host(url: str) -> str:
    """Lower-case host of ``url`` (with or without scheme), without ``www.``."""
    host = (urlsplit(_with_scheme(url)).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def is_gc_host(host: str) -> bool:
    """True for canada.ca, *.gc.ca and their subdomains."""
    return any(host == d or host.endswith("." + d) for d in GC_DOMAINS)


def url_key(url: str) -> str:
    """Comparison key: no scheme, no ``www.``, no fragment or trailing slash, lower case."""
    parts = urlsplit(_with_scheme(url.strip()))
    path = parts.path.rstrip("/")
    query = "?" + parts.query if parts.query else ""
    return (url_host(url) + path + query).lower()


_AUTHORITY = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*://)?[^/?#\s]*")


def _markers(url: str) -> list[_Marker]:
    """Language markers of ``url``, with offsets into ``url`` itself."""
    authority = _AUTHORITY.match(url)  # always matches, if only the empty string
    path_start = authority.end() if authority else 0
    path_end = next((i for i in range(path_start, len(url)) if url[i] in "?#"), len(url))
    path = url[path_start:path_end]
    found: list[_Marker] = []
    segments = path.split("/")
    position = path_start
    for index, segment in enumerate(segments):
        lang = _SEGMENT_LANG.get(segment.lower())
        if lang is not None and index > 0:
            rest = [s for s in segments[index + 1:] if s and not s.lower().startswith("index")]
            found.append(_Marker(position, position + len(segment), lang,
                                 _match_case(segment, _SEGMENT_SWAP[segment.lower()]), final=not rest))
        position += len(segment) + 1
    last = segments[-1]
    suffix = _FILE_SUFFIX.search(last)
    if suffix and suffix.start() > 0:
        start = path_end - len(last) + suffix.start(1)
        code = suffix.group(1)
        found.append(_Marker(start, start + len(code), Lang.EN if code.lower() in ("eng", "e") else Lang.FR,
                             _match_case(code, _SUFFIX_SWAP[code.lower()]), final=True))
    if path_end < len(url) and url[path_end] == "?":
        query_end = url.find("#", path_end)
        query = url[path_end:query_end if query_end >= 0 else len(url)]
        for match in _QUERY_LANG.finditer(query):
            code = match.group(1)
            found.append(_Marker(path_end + match.start(1), path_end + match.end(1),
                                 Lang.EN if code.lower().startswith("en") else Lang.FR,
                                 _match_case(code, _SEGMENT_SWAP[code.lower()]), final=True))
    return found


def _match_case(original: str, replacement: str) -> str:
    return replacement.upper() if original.isupper() else replacement


def url_lang(url: str) -> Lang | None:
    """The language an address's markers say it is in; None if none, or if they disagree."""
    langs = {marker.lang for marker in _markers(url)}
    return langs.pop() if len(langs) == 1 else None


def _styled_like(original: str, other: str) -> str:
    """``other`` with a scheme exactly when ``original`` has one (``canada.ca/…`` stays bare)."""
    scheme = _SCHEME.match(original)
    bare = _SCHEME.sub("", other, count=1)
    return scheme.group() + bare if scheme else bare


@dataclass(frozen=True)
class UrlCounterpart:
    """The address of the same page in the other language; ``verified`` if certain."""

    url: str
    verified: bool


@dataclass(frozen=True)
class Mapping:
    """One pair the team maintains; handles keep their ``@``, hashtags their ``#``."""

    kind: MappingKind
    en: str
    fr: str
    note: str = ""

    def __post_init__(self) -> None:
        kind = mapping_kind(str(self.kind))
        object.__setattr__(self, "kind", kind)
        for lang in ("en", "fr"):
            value = check(getattr(self, lang), what="Mapping", hidden=False).strip()
            object.__setattr__(self, lang, _valid(kind, value))
        object.__setattr__(self, "note", check(self.note, what="Mapping note", hidden=False).strip())

    def text(self, lang: Lang) -> str:
        return self.en if langcodes.to_lang(lang) is Lang.EN else self.fr


def mapping_kind(text: str) -> MappingKind:
    """``text`` as a mapping kind (any case, spaces around), else InvalidText."""
    try:
        return MappingKind(text.strip().lower())
    except ValueError:
        raise InvalidText(f"Unknown mapping kind “{text[:20]}”; use handle, hashtag or url.",
                          msg="mappings.unknown_kind", kind=text[:20]) from None


def _valid(kind: MappingKind, value: str) -> str:
    """``value`` in canonical form for ``kind`` (adds a missing @ or #), else InvalidText."""
    if kind is MappingKind.URL:
        if not value or any(c.isspace() for c in value) or "." not in url_host(value):
            raise InvalidText(f"“{value[:60]}” is not a web address.", msg="mappings.bad_url",
                              value=value[:60])
        return value
    prefix, pattern = ("@", _HANDLE) if kind is MappingKind.HANDLE else ("#", _HASHTAG)
    value = value if value.startswith(prefix) else prefix + value
    if not pattern.fullmatch(value):
        raise InvalidText(f"“{value[:60]}” is not a valid {kind.value}.", msg="mappings.bad_value", kind=kind.value,
                          value=value[:60])
    return value


def _entity_key(kind: MappingKind, text: str) -> str:
    """Handles and hashtags compare case-insensitively (as the networks do), addresses by :func:`url_key`."""
    return url_key(text) if kind is MappingKind.URL else text.casefold()


@dataclass(frozen=True)
class Replacement:
    """One entity of a text replaced by its counterpart (``verified`` if from a pair or a certain rule)."""

    start: int
    end: int
    old: str
    new: str
    kind: MappingKind
    verified: bool


@dataclass
class MappingResult:
    """A text with counterparts substituted, and what was substituted (offsets in the original)."""

    text: str
    replacements: list[Replacement] = field(default_factory=list)


class MappingTable:
    """The team's handle/hashtag/address pairs plus the address language rule.

    When the same handle, hashtag or address is listed twice for one
    language, the first pair wins.
    """

    def __init__(self, mappings: Iterable[Mapping] = ()) -> None:
        self._mappings: list[Mapping] = []
        self._index: dict[tuple[MappingKind, Lang, str], Mapping] = {}
        self._hosts: set[str] = set()
        self._sites: set[tuple[str, str]] = set()
        for mapping in mappings:
            self.add(mapping)

    def __len__(self) -> int:
        return len(self._mappings)

    def __iter__(self) -> Iterator[Mapping]:
        return iter(self._mappings)

    def add(self, mapping: Mapping) -> bool:
        """Add a pair; False if either side is already mapped (the first pair is kept)."""
        keys = [(mapping.kind, lang, _entity_key(mapping.kind, mapping.text(lang))) for lang in (Lang.EN, Lang.FR)]
        if any(key in self._index for key in keys):
            return False
        self._mappings.append(mapping)
        for key in keys:
            self._index[key] = mapping
        if mapping.kind is MappingKind.URL:
            self._hosts.update({url_host(mapping.en), url_host(mapping.fr)})
            self._sites.add((url_host(mapping.en), url_host(mapping.fr)))
        return True

    def knows_host(self, host: str) -> bool:
        """True if address rules apply to ``host`` (a GC site or a host named in the table)."""
        return is_gc_host(host) or host in self._hosts

    def same_site(self, en_url: str, fr_url: str) -> bool:
        """True if the two addresses are on one host, or on the hosts of a listed English/French pair."""
        en_host, fr_host = url_host(en_url), url_host(fr_url)
        return en_host == fr_host or (en_host, fr_host) in self._sites

    def counterpart(self, kind: MappingKind | str, text: str, from_lang: Lang | str, to_lang: Lang | str) -> str | None:
        """The listed counterpart of a handle, hashtag or address, or None."""
        kind, from_lang, to_lang = MappingKind(kind), langcodes.to_lang(from_lang), langcodes.to_lang(to_lang)
        mapping = self._index.get((kind, from_lang, _entity_key(kind, text)))
        return mapping.text(to_lang) if mapping is not None and from_lang is not to_lang else None

    def url_counterpart(self, url: str, from_lang: Lang | str, to_lang: Lang | str) -> UrlCounterpart | None:
        """The ``to_lang`` address for ``url``: a listed pair (verified) or the marker swap rule."""
        from_lang, to_lang = langcodes.to_lang(from_lang), langcodes.to_lang(to_lang)
        listed = self.counterpart(MappingKind.URL, url, from_lang, to_lang)
        if listed is not None:
            return UrlCounterpart(_styled_like(url, listed), verified=True)
        if not self.knows_host(url_host(url)):
            return None
        markers = [m for m in _markers(url) if m.lang is from_lang]
        if not markers or len({m.lang for m in _markers(url)}) > 1:
            return None
        swapped = url
        for marker in sorted(markers, key=lambda m: m.start, reverse=True):
            swapped = swapped[:marker.start] + marker.swap + swapped[marker.end:]
        return UrlCounterpart(swapped, verified=all(m.final for m in markers))

    def apply(self, text: str, from_lang: Lang | str, to_lang: Lang | str) -> MappingResult:
        """``text`` with every ``from_lang`` handle, hashtag and address swapped for its ``to_lang`` counterpart.

        Meant for machine output, which copies ``@GovCanHealth`` or an
        ``/en/`` address verbatim. Unverified address swaps are applied too and
        reported with ``verified=False`` so the editor can ask the officer to check them.
        """
        from_lang, to_lang = langcodes.to_lang(from_lang), langcodes.to_lang(to_lang)
        result = MappingResult(text)
        for entity in find_entities(text):
            if entity.kind is MappingKind.URL:
                found = self.url_counterpart(entity.text, from_lang, to_lang)
                new, verified = (found.url, found.verified) if found else (None, False)
            else:
                new, verified = self.counterpart(entity.kind, entity.text, from_lang, to_lang), True
            if new is not None and new != entity.text:
                result.replacements.append(Replacement(entity.start, entity.end, entity.text, new, entity.kind,
                                                       verified))
        for rep in reversed(result.replacements):
            result.text = result.text[:rep.start] + rep.new + result.text[rep.end:]
        return result
