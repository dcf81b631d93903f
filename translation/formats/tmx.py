"""TMX 1.4b, the translation-memory exchange format: :data:`TMX` reads and writes memory units.

Import is defensive: the file is size-capped (:data:`MAX_FILE_BYTES`) before
parsing and read with :mod:`translation.formats.xmlstream` (defusedxml, no
entities, streamed record by record). A unit that cannot be
used (one language missing, a language other than en/fr, text Tandem refuses)
is skipped with a reason, and a file damaged half-way keeps the units read
before the damage. Only an unreadable file (too big, not XML, not TMX, unsafe
DTD) raises :class:`FormatError`.

Segment inline markup (TMX 1.4b §3.7): ``<bpt>``, ``<ept>``, ``<it>`` and
``<ut>`` hold *native codes* (e.g. ``<b>``), not text, so their content is
dropped and the text around them kept — except their ``<sub>`` sub-flows
(an image's alt text), which are text; ``<hi>`` content is text and kept;
``<ph>`` content is kept when it is a placeholder such as ``{name}`` or ``%s``
and dropped (but for its sub-flows) when it is a markup code such as
``<br/>``. A code dropped between two spaces leaves one space.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import ClassVar
from xml.sax.saxutils import escape as xml_escape

from defusedxml.ElementTree import fromstring as safe_fromstring

from desktop.core.errors import Message, TandemError
from desktop.core.model import LANG_NAMES, Lang

from ..langcodes import UnsupportedLanguage, maybe_lang
from ..memory import ORIGIN_TMX, MemoryUnit
from .base import MEMORY, Format, ImportReport, Skip
from .xmlstream import MAX_FILE_BYTES, XML_LANG, local_name, serialize, stream_records, xml_text

#: Language tags written on export (Canadian variants; import accepts any en/fr tag).
EXPORT_TAGS = {Lang.EN: "en-CA", Lang.FR: "fr-CA"}

TOOL_NAME = "Tandem"

_CODE_ELEMENTS = frozenset({"bpt", "ept", "it", "ut"})
_MARKUP_CODE = re.compile(r"\s*(<|\{\\|\\[A-Za-z])")


# --------------------------------------------------------------------------- import


def _sub_flows(code: ET.Element) -> str:
    """The translatable ``<sub>`` text inside a native code (an image's alt text), space-joined."""
    return " ".join(_segment_text(sub) for sub in code.iter() if local_name(sub.tag) == "sub")


def _segment_text(elem: ET.Element) -> str:
    """Plain text of a ``<seg>``, inline codes handled as the module docstring says."""
    parts = [elem.text or ""]
    for child in elem:
        name = local_name(child.tag)
        kept = ""
        if name in _CODE_ELEMENTS or (name == "ph" and _MARKUP_CODE.match("".join(child.itertext()))):
            kept = _sub_flows(child)
        elif name == "ph":
            kept = "".join(child.itertext())
        else:
            kept = _segment_text(child)
        parts.append(kept)
        tail = child.tail or ""
        if not kept and tail[:1].isspace() and "".join(parts)[-1:].isspace():
            tail = tail[1:]  # a dropped code between two spaces leaves one space, not two
        parts.append(tail)
    return "".join(parts)


def _tmx_date(value: str) -> str:
    """TMX ``YYYYMMDDThhmmssZ`` as ISO 8601 (``""`` if absent or malformed)."""
    try:
        return datetime.strptime(value.strip(), "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return ""


#: Unit attributes kept in ``MemoryUnit.meta`` and written back (``creationdate`` is ``created_at``).
META_ATTRIBUTES = ("tuid", "creationid", "changedate", "changeid", "usagecount", "lastusagedate", "segtype",
                   "creationtool", "creationtoolversion", "o-encoding", "datatype")
_TANDEM_PROPS = ("x-tandem-origin", "x-tandem-source-ref")


def _variant(code: str, lang: Lang) -> str:
    """The tag kept for a text: ``""`` for the Canadian default Tandem writes anyway."""
    return "" if code.replace("_", "-").lower() == EXPORT_TAGS[lang].lower() else code


def _canadian(code: str) -> bool:
    return code.replace("_", "-").lower().split("-")[1:2] == ["ca"]


def _unit_from_tu(tu: ET.Element, header_src: Lang | None, file_ref: str,
                  number: int) -> tuple[MemoryUnit, list[Message]]:
    """The unit of a ``<tu>`` and what of it was set aside (one reason each)."""
    variants: dict[Lang, list[tuple[str, str]]] = {Lang.EN: [], Lang.FR: []}
    markup: dict[tuple[str, str], str] = {}
    order: list[Lang] = []
    others: list[str] = []
    props: list[list[str]] = []
    notes: list[str] = []
    for child in tu:
        name = local_name(child.tag)
        if name == "prop":
            props.append([child.get("type", ""), (child.text or "").strip()])
        elif name == "note":
            notes.append((child.text or "").strip())
        if name != "tuv":
            continue
        code = child.get(XML_LANG) or child.get("lang") or ""
        lang = maybe_lang(code)
        if lang is None:
            others.append(code or "(none)")
            continue
        seg = next((c for c in child if local_name(c.tag) == "seg"), None)
        text = _segment_text(seg).strip() if seg is not None else ""
        if text:
            variants[lang].append((code, text))
            if seg is not None and len(seg):
                markup[(code, text)] = _inner_xml(seg)
            if lang not in order:
                order.append(lang)
    missing = [lang for lang in (Lang.EN, Lang.FR) if not variants[lang]]
    if missing:
        names = " and ".join(LANG_NAMES[lang] for lang in missing)
        extra = f" (other languages: {', '.join(sorted(set(others)))})" if others else ""
        raise UnsupportedLanguage(f"No {names} text{extra}.", msg="formats.tmx_missing_lang",
                                  lang="both" if len(missing) == 2 else missing[0].value,
                                  others=sorted(set(others)))
    unit_id = tu.get('tuid') or number
    aside = [Message("formats.tmx_set_aside", f"unit {unit_id}: the {code} text was set aside "
                     "(not English or French).", id=unit_id, code=code) for code in others]
    chosen: dict[Lang, tuple[str, str]] = {}
    for lang, found in variants.items():
        # A Canadian variant wins wherever it is; otherwise the first one.
        chosen[lang] = next((v for v in found if _canadian(v[0])), found[0])
        dropped = [code for code, _ in found if (code, _) != chosen[lang]]
        if dropped:
            aside.append(Message("formats.tmx_variant_aside",
                                 f"unit {unit_id}: the {', '.join(dropped)} {LANG_NAMES[lang]} text was set "
                                 f"aside; the {chosen[lang][0]} one was kept.",
                                 id=unit_id, codes=dropped, lang=lang.value, kept=chosen[lang][0]))
    source = maybe_lang(tu.get("srclang")) or header_src or order[0]
    meta: dict[str, object] = {k: tu.get(k) for k in META_ATTRIBUTES if tu.get(k)}
    if notes:
        meta["notes"] = notes
    segs = {lang.value: markup[chosen[lang]] for lang in (Lang.EN, Lang.FR) if chosen[lang] in markup}
    if segs:
        meta["segs"] = segs
    foreign = [p for p in props if p[0] not in _TANDEM_PROPS]
    if foreign:
        meta["props"] = foreign
    tandem = dict(p for p in props if p[0] in _TANDEM_PROPS)
    unit = MemoryUnit(
        source_lang=source,
        source=chosen[source][1],
        target_lang=source.other,
        target=chosen[source.other][1],
        origin=tandem.get("x-tandem-origin") or ORIGIN_TMX,
        source_ref=tandem.get("x-tandem-source-ref") or file_ref,
        created_at=_tmx_date(tu.get("creationdate", "")) or _tmx_date(tu.get("changedate", "")),
        en_tag=_variant(chosen[Lang.EN][0], Lang.EN),
        fr_tag=_variant(chosen[Lang.FR][0], Lang.FR),
        meta=json.dumps(meta, ensure_ascii=False) if meta else "",
    )
    return unit, aside


def _inner_xml(seg: ET.Element) -> str:
    """A ``<seg>``'s content with its inline elements, as XML text (kept so an export gives them back).

    Surrounding white space is dropped, as it is from the text (and the export's indentation adds some).
    """
    return (xml_escape(seg.text or "") + "".join(ET.tostring(child, encoding="unicode") for child in seg)).strip()


# --------------------------------------------------------------------------- export


def _write_seg(tuv: ET.Element, text: str, markup: str) -> None:
    """The ``<seg>`` of ``text``: its kept inline markup when that still reads as ``text``, else plain text."""
    if markup:
        parsed = safe_fromstring(f"<seg>{markup}</seg>")
        if _segment_text(parsed).strip() == text:
            tuv.append(parsed)
            return
    ET.SubElement(tuv, "seg").text = xml_text(text)


def _tmx_timestamp(iso: str) -> str | None:
    """ISO 8601 as TMX ``YYYYMMDDThhmmssZ`` (UTC); None if ``iso`` is empty or unparseable."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


class TmxFormat(Format[MemoryUnit]):
    """TMX 1.4b files of memory units; see the module docstring for the rules."""

    name: ClassVar[str] = "TMX"
    what: ClassVar[str] = "TMX"
    kind: ClassVar[str] = MEMORY
    extensions: ClassVar[tuple[str, ...]] = (".tmx",)
    max_bytes = MAX_FILE_BYTES

    def parse(self, data: bytes, file_ref: str = "") -> ImportReport[MemoryUnit]:
        report: ImportReport[MemoryUnit] = ImportReport()
        header_src: dict[str, Lang | None] = {}

        def on_tu(tu: ET.Element, line: int, root: ET.Element) -> None:
            if "srclang" not in header_src:
                header = next((c for c in root if local_name(c.tag) == "header"), None)
                header_src["srclang"] = maybe_lang(header.get("srclang")) if header is not None else None
            try:
                unit, aside = _unit_from_tu(tu, header_src["srclang"], file_ref, len(report.records) + 1)
            except TandemError as exc:
                report.skipped.append(Skip(line, exc.message))
                return
            report.records.append(unit)
            report.skipped += [Skip(line, reason) for reason in aside]

        damage = stream_records(data, what=self.what, roots=frozenset({"tmx"}), records=frozenset({"tu"}),
                                on_record=on_tu)
        if damage is not None:
            report.skipped.append(damage)
        return report

    def dump(self, records: Iterable[MemoryUnit], *, created_at: datetime | None = None) -> bytes:
        """A TMX 1.4b document (UTF-8 bytes) holding the units; :meth:`load` reads it back unchanged.

        Header: creationtool Tandem, segtype sentence, o-tmf Tandem, adminlang
        en-CA, datatype plaintext, srclang the common source language (``*all*``
        when units were written in both). Each unit keeps its own ``srclang``,
        creation date and Tandem origin/source reference as ``<prop>``.
        """
        units = list(records)
        stamp = (created_at or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        source_langs = {unit.source_lang for unit in units}
        root = ET.Element("tmx", {"version": "1.4"})
        ET.SubElement(root, "header", {
            "creationtool": TOOL_NAME,
            "creationtoolversion": "1",
            "segtype": "sentence",
            "o-tmf": TOOL_NAME,
            "adminlang": EXPORT_TAGS[Lang.EN],
            "srclang": EXPORT_TAGS[source_langs.pop()] if len(source_langs) == 1 else "*all*",
            "datatype": "plaintext",
            "creationdate": stamp,
        })
        body = ET.SubElement(root, "body")
        for unit in units:
            meta = json.loads(unit.meta) if unit.meta else {}
            attrs = {**{k: str(meta[k]) for k in META_ATTRIBUTES if meta.get(k)},
                     "srclang": unit.tag(unit.source_lang) or EXPORT_TAGS[unit.source_lang]}
            when = _tmx_timestamp(unit.created_at) if unit.created_at else None
            if when:
                attrs["creationdate"] = when
            tu = ET.SubElement(body, "tu", attrs)
            for note in meta.get("notes", []):
                ET.SubElement(tu, "note").text = xml_text(note)
            ET.SubElement(tu, "prop", {"type": "x-tandem-origin"}).text = xml_text(unit.origin)
            if unit.source_ref:
                ET.SubElement(tu, "prop", {"type": "x-tandem-source-ref"}).text = xml_text(unit.source_ref)
            for kind, value in meta.get("props", []):
                ET.SubElement(tu, "prop", {"type": kind}).text = xml_text(value)
            for lang in (unit.source_lang, unit.target_lang):
                tuv = ET.SubElement(tu, "tuv", {XML_LANG: unit.tag(lang) or EXPORT_TAGS[lang]})
                _write_seg(tuv, unit.text(lang), meta.get("segs", {}).get(lang.value, ""))
        return serialize(root, '<!DOCTYPE tmx SYSTEM "tmx14.dtd">')


TMX = TmxFormat()
