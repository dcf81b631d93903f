"""Finds links, mentions and hashtags in a post and turns them into Bluesky facets.

Bluesky rich text marks ranges by UTF-8 byte offsets, not characters: an
accent counts 2 bytes, most emoji 4. The detection rules follow the official
client's (``RichText.detectFacets``), with a short list of top-level domains
for links written without ``https://`` (such as ``canada.ca``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import regex

#: Top-level domains under which a bare ``name.tld`` is taken for a link.
BARE_DOMAIN_TLDS = frozenset({
    "ca", "com", "org", "net", "gov", "int", "edu", "info", "io", "quebec", "news", "social",
})

#: A hashtag's longest length, in characters, without the ``#``.
MAX_TAG_LENGTH = 64

_LINK = regex.compile(
    r"(?:^|(?<=[\s(]))(?:(?P<url>https?://\S+)"
    r"|(?P<domain>[a-z][a-z0-9]*(?:\.[a-z0-9]+)+)\S*)",
    regex.IGNORECASE,
)
_MENTION = regex.compile(r"(?:^|(?<=[\s(]))@(?P<handle>[a-zA-Z0-9.-]+)\b")
_HANDLE = regex.compile(
    r"^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$"
)
_INVISIBLE = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
_TAG = regex.compile(
    rf"(?:^|(?<=\s))[#\uff03](?P<tag>(?!\ufe0f)[^\s{_INVISIBLE}]*"
    rf"[^\d\s\p{{P}}{_INVISIBLE}]+[^\s{_INVISIBLE}]*)"
)
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+$")

Kind = Literal["link", "mention", "tag"]


@dataclass(frozen=True)
class FacetSpan:
    """A detected range: ``value`` is the URI, the handle (no ``@``) or the tag (no ``#``)."""

    kind: Kind
    byte_start: int
    byte_end: int
    value: str


def detect(text: str) -> list[FacetSpan]:
    """Every link, mention and hashtag in ``text``, in order, without overlaps."""
    found = [*_links(text), *_mentions(text), *_tags(text)]
    found.sort(key=lambda span: span[0])
    spans: list[FacetSpan] = []
    end_of_last = 0
    for start, end, kind, value in found:
        if start < end_of_last:
            continue
        spans.append(FacetSpan(kind, _byte_offset(text, start), _byte_offset(text, end), value))
        end_of_last = end
    return spans


def to_facets(spans: list[FacetSpan],
              resolve_handle: Callable[[str], str | None]) -> list[dict[str, Any]]:
    """Bluesky ``app.bsky.richtext.facet`` objects; a mention whose handle does
    not resolve to a DID stays plain text."""
    facets = []
    for span in spans:
        if span.kind == "link":
            feature = {"$type": "app.bsky.richtext.facet#link", "uri": span.value}
        elif span.kind == "tag":
            feature = {"$type": "app.bsky.richtext.facet#tag", "tag": span.value}
        else:
            did = resolve_handle(span.value)
            if did is None:
                continue
            feature = {"$type": "app.bsky.richtext.facet#mention", "did": did}
        facets.append({
            "index": {"byteStart": span.byte_start, "byteEnd": span.byte_end},
            "features": [feature],
        })
    return facets


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _links(text: str) -> list[tuple[int, int, Kind, str]]:
    found: list[tuple[int, int, Kind, str]] = []
    for match in _LINK.finditer(text):
        domain = match.group("domain")
        if domain is not None and domain.rsplit(".", 1)[-1].lower() not in BARE_DOMAIN_TLDS:
            continue
        start, end = match.span()
        uri = match.group()
        if uri[-1] in ".,;:!?":
            uri = uri[:-1]
        while uri.endswith(")") and uri.count(")") > uri.count("("):
            uri = uri[:-1]
        found.append((start, start + len(uri), "link", uri if domain is None else f"https://{uri}"))
    return found


def _mentions(text: str) -> list[tuple[int, int, Kind, str]]:
    return [
        (match.start(), match.end(), "mention", match.group("handle"))
        for match in _MENTION.finditer(text)
        if _HANDLE.match(match.group("handle"))
    ]


def _tags(text: str) -> list[tuple[int, int, Kind, str]]:
    found: list[tuple[int, int, Kind, str]] = []
    for match in _TAG.finditer(text):
        tag = _TRAILING_PUNCTUATION.sub("", match.group("tag"))
        if not tag or len(tag) > MAX_TAG_LENGTH:
            continue
        start = match.start()
        found.append((start, start + 1 + len(tag), "tag", tag))
    return found
