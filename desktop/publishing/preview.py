"""What readers will see on each network, per language, without Qt and without the network.

`preview(network, lang, text, manifest)` cuts the text into its thread parts and,
for each part, marks links, mentions and hashtags (the facets every network
highlights), the part beyond the network's limit (which the network would
refuse: Tandem never sends it cut), the link card the network would draw (first
link on Bluesky and Mastodon, last on X, none when the post has images), and the
images with their alt text ("ALT" badge; a missing alt text is a problem). Images
go with the first part, as Tandem publishes them. `to_html` renders a preview
as escaped HTML for the editor's and the approval view's preview pane.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from desktop.core.counting import Count, MastodonLimits, count_bluesky, count_mastodon, count_x
from desktop.core.threads import parts as thread_parts

from . import facets

DEFAULT_MASTODON = MastodonLimits()
NETWORK_NAMES = {"bluesky": "Bluesky", "mastodon": "Mastodon", "x": "X"}


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str = "text"          # text, link, mention, tag, overflow
    target: str = ""            # the link's URI, the handle or the tag


@dataclass(frozen=True)
class ImagePreview:
    sha256: str
    width: int
    height: int
    alt: str

    @property
    def has_alt(self) -> bool:
        return bool(self.alt.strip())


@dataclass(frozen=True)
class PartPreview:
    number: int
    total: int
    segments: tuple[Segment, ...]
    count: Count
    link_card: str | None = None
    images: tuple[ImagePreview, ...] = ()


@dataclass(frozen=True)
class NetworkPreview:
    network: str
    lang: str
    parts: tuple[PartPreview, ...]
    problems: tuple[str, ...] = field(default=())


def _count(network: str, text: str, mastodon: MastodonLimits) -> Count:
    if network == "x":
        return count_x(text)
    if network == "mastodon":
        return count_mastodon(text, mastodon)
    return count_bluesky(text)


def _fitting_prefix(network: str, text: str, mastodon: MastodonLimits) -> int:
    """How many characters of ``text`` the network would accept (binary search)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _count(network, text[:middle], mastodon).over:
            high = middle - 1
        else:
            low = middle
    return low


def _segments(text: str, cut: int) -> tuple[Segment, ...]:
    encoded = text.encode("utf-8")
    spans = [(len(encoded[:s.byte_start].decode("utf-8")), len(encoded[:s.byte_end].decode("utf-8")),
              s) for s in facets.detect(text)]
    pieces: list[Segment] = []
    position = 0
    for start, end, span in spans:
        if start > position:
            pieces.append(Segment(text[position:start]))
        pieces.append(Segment(text[start:end], span.kind, span.value))
        position = end
    if position < len(text):
        pieces.append(Segment(text[position:]))
    if cut >= len(text):
        return tuple(pieces)
    kept: list[Segment] = []
    offset = 0
    for piece in pieces:
        end = offset + len(piece.text)
        if end <= cut:
            kept.append(piece)
        elif offset < cut:
            kept.append(Segment(piece.text[:cut - offset], piece.kind, piece.target))
        offset = end
    return (*kept, Segment(text[cut:], "overflow"))


def preview(network: str, lang: str, text: str, manifest: list[dict] | None = None,
            mastodon: MastodonLimits = DEFAULT_MASTODON) -> NetworkPreview:
    """The post in ``lang`` as ``network`` shows it (``manifest``: that language's images)."""
    texts = thread_parts(text) or [""]
    images = tuple(ImagePreview(i["sha256"], i["width"], i["height"], i.get("alt") or "")
                   for i in manifest or [])
    problems = []
    if not text.strip():
        problems.append("There is no text.")
    if any(not image.has_alt for image in images):
        problems.append("An image has no alt text.")
    parts = []
    for number, part in enumerate(texts, 1):
        count = _count(network, part, mastodon)
        cut = len(part) if not count.over else _fitting_prefix(network, part, mastodon)
        if count.over:
            problems.append(f"Part {number} is too long for {NETWORK_NAMES[network]} "
                            f"({count.used}/{count.limit}); it would be refused.")
        problems.extend(count.problems)
        shown = images if number == 1 else ()
        links = [s.target for s in _segments(part, len(part)) if s.kind == "link"]
        card = None
        if links and not shown:
            card = links[-1] if network == "x" else links[0]
        parts.append(PartPreview(number, len(texts), _segments(part, cut), count, card, shown))
    return NetworkPreview(network, lang, tuple(parts), tuple(problems))


_STYLE = {"link": "color:#1565c0;text-decoration:underline", "mention": "color:#1565c0",
          "tag": "color:#1565c0", "overflow": "background:#ffcdd2;text-decoration:line-through"}


def to_html(view: NetworkPreview, *, alt_label: str = "ALT", card_label: str = "Link card",
            part_label: str = "Part", no_alt_label: str = "no alt text") -> str:
    """Escaped HTML of a preview (labels passed in translated by the caller)."""
    out = [f"<div><b>{html.escape(NETWORK_NAMES[view.network])}</b> "
           f"({html.escape(view.lang.upper())})</div>"]
    for part in view.parts:
        body = "".join(
            html.escape(s.text).replace("\n", "<br>") if s.kind == "text" else
            f'<span style="{_STYLE[s.kind]}">{html.escape(s.text).replace(chr(10), "<br>")}</span>'
            for s in part.segments)
        head = (f"<div style='color:#555'>{html.escape(part_label)} {part.number}/{part.total} · "
                f"{part.count.used}/{part.count.limit}</div>" if part.total > 1 else
                f"<div style='color:#555'>{part.count.used}/{part.count.limit}</div>")
        images = "".join(
            f"<span style='border:1px solid #999;padding:2px;margin:2px'>"
            f"{image.width}×{image.height} "
            + (f"<b>{html.escape(alt_label)}</b>: {html.escape(image.alt)}" if image.has_alt
               else f"<b style='color:#b00020'>{html.escape(no_alt_label)}</b>")
            + "</span>" for image in part.images)
        card = (f"<div style='border:1px solid #ccc;padding:4px'>{html.escape(card_label)}: "
                f"{html.escape(part.link_card)}</div>" if part.link_card else "")
        out.append(f"<div style='margin:6px 0'>{head}<div>{body}</div>{images}{card}</div>")
    return "".join(out)


def to_text(view: NetworkPreview) -> str:
    """A plain-text rendering (the CLI's): the part over the limit between ⟦ ⟧."""
    lines = [f"{NETWORK_NAMES[view.network]} ({view.lang.upper()})"]
    for part in view.parts:
        body = "".join(f"⟦{s.text}⟧" if s.kind == "overflow" else s.text for s in part.segments)
        lines.append(f"  [{part.number}/{part.total}] {part.count.used}/{part.count.limit}")
        lines += [f"    {line}" for line in body.splitlines() or [""]]
        lines += [f"    image {image.width}×{image.height} "
                  + (f"ALT: {image.alt}" if image.has_alt else "(no alt text)")
                  for image in part.images]
        if part.link_card:
            lines.append(f"    link card: {part.link_card}")
    lines += [f"  problem: {problem}" for problem in view.problems]
    return "\n".join(lines)
