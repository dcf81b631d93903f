"""TMX 1.4b import and export of translation-memory units, plus the safe XML reader TBX shares.

Import is defensive: the file is size-capped (:data:`MAX_FILE_BYTES`) before
parsing; parsing goes through defusedxml (entity declarations — "billion
laughs" — and external entities are refused); the file is streamed record by
record so a large file never becomes one big tree. A unit that cannot be
used (one language missing, a language other than en/fr, text Tandem refuses)
is skipped with a reason, and a file damaged half-way keeps the units read
before the damage. Only an unreadable file (too big, not XML, not TMX, unsafe
DTD) raises :class:`FormatError`.

Segment inline markup (TMX 1.4b §3.7): ``<bpt>``, ``<ept>``, ``<it>`` and
``<ut>`` hold *native codes* (e.g. ``<b>``), not text, so their content is
dropped and the text around them kept; ``<hi>`` and ``<sub>`` content is text
and kept; ``<ph>`` content is kept when it is a placeholder such as ``{name}``
or ``%s`` and dropped when it is a markup code such as ``<br/>``.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from desktop.core.errors import TandemError
from desktop.core.model import Lang

from .langcodes import UnsupportedLanguage, maybe_lang
from .memory import ORIGIN_TMX, MemoryUnit

#: Largest exchange file (TMX/TBX) Tandem reads: far above any team's memory,
#: small enough to parse on a laptop without freezing the app.
MAX_FILE_BYTES = 50 * 1024 * 1024

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Deepest element nesting accepted; real TMX/TBX files stay under 10 levels.
MAX_DEPTH = 64

#: Language tags written on export (Canadian variants; import accepts any en/fr tag).
EXPORT_TAGS = {Lang.EN: "en-CA", Lang.FR: "fr-CA"}

TOOL_NAME = "Tandem"

_CODE_ELEMENTS = frozenset({"bpt", "ept", "it", "ut"})
_MARKUP_CODE = re.compile(r"\s*(<|\{\\|\\[A-Za-z])")


class FormatError(TandemError):
    """An exchange file Tandem cannot read at all (too big, not XML, wrong format, unsafe)."""


class Skip(NamedTuple):
    """A record left out of an import: where it starts (1-based line) and why."""

    line: int
    reason: str


@dataclass
class ImportReport:
    """What a TMX import produced: usable units and the records skipped, with reasons."""

    units: list[MemoryUnit] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)


def local_name(tag: str) -> str:
    """An element name without its ``{namespace}``."""
    return tag.rpartition("}")[2]


def read_source(source: str | os.PathLike[str] | bytes, *, what: str, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``source`` (a path, or the file content itself), refusing files over ``max_bytes``."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise FormatError(_too_big(what, size, max_bytes))
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise FormatError(f"Cannot read the {what} file {path.name}: {exc.strerror or exc}.") from exc
    if len(data) > max_bytes:
        raise FormatError(_too_big(what, len(data), max_bytes))
    return data


def _too_big(what: str, size: int, max_bytes: int) -> str:
    return (f"The {what} file is {size / 1_048_576:.1f} MB; Tandem imports {what} files up to "
            f"{max_bytes // 1_048_576} MB. Split it and import the parts.")


class _RecordBuilder:
    """Parser target that builds one record element at a time and hands it over.

    Elements outside records (root, header, body) are kept; each record (e.g.
    ``tu``) is passed with its start line to ``on_record`` at its end tag and
    then detached, so memory stays flat however long the file is.
    """

    def __init__(self, what: str, roots: frozenset[str], records: frozenset[str],
                 on_record: Callable[[ET.Element, int], None]) -> None:
        self.what = what
        self.roots = roots
        self.records = records
        self.on_record = on_record
        self.parser: DefusedXMLParser | None = None
        self.root: ET.Element | None = None
        self.records_seen = 0
        self._stack: list[ET.Element] = []
        self._record_line: dict[int, int] = {}
        self._data: list[str] = []
        self._last: ET.Element | None = None
        self._tail = False

    def current_line(self) -> int:
        return self.parser.parser.CurrentLineNumber if self.parser is not None else 0

    def _flush(self) -> None:
        if self._data and self._last is not None:
            text = "".join(self._data)
            if self._tail:
                self._last.tail = (self._last.tail or "") + text
            else:
                self._last.text = (self._last.text or "") + text
        self._data = []

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        self._flush()
        if len(self._stack) >= MAX_DEPTH:
            raise FormatError(f"The {self.what} file nests elements more than {MAX_DEPTH} levels deep "
                              f"(line {self.current_line()}); it is not a {self.what} file Tandem can read.")
        elem = ET.Element(tag, attrs)
        if self._stack:
            self._stack[-1].append(elem)
        elif local_name(tag) not in self.roots:
            raise FormatError(f"This is not a {self.what} file (its root element is <{local_name(tag)}>).")
        else:
            self.root = elem
        if local_name(tag) in self.records:
            self._record_line[id(elem)] = self.current_line()
        self._stack.append(elem)
        self._last, self._tail = elem, False
        return elem

    def end(self, tag: str) -> ET.Element:
        self._flush()
        elem = self._stack.pop()
        self._last, self._tail = elem, True
        line = self._record_line.pop(id(elem), None)
        if line is not None:
            self.records_seen += 1
            self.on_record(elem, line)
            if self._stack:
                self._stack[-1].remove(elem)
            self._last = None  # white space between records is not kept
        return elem

    def data(self, text: str) -> None:
        self._data.append(text)

    def close(self) -> ET.Element | None:
        return self.root


def stream_records(
    data: bytes,
    *,
    what: str,
    roots: frozenset[str],
    records: frozenset[str],
    on_record: Callable[[ET.Element, int, ET.Element], None],
) -> Skip | None:
    """Parse ``data`` safely, calling ``on_record(element, line, root)`` for each record element.

    ``root`` holds everything read so far outside records (e.g. the header).
    Returns a :class:`Skip` saying where reading stopped if the file is
    damaged after its first record, else None. Raises :class:`FormatError` if
    the file is not XML, its root is not one of ``roots``, or it declares
    entities / external references.
    """

    def handle(elem: ET.Element, line: int) -> None:
        assert builder.root is not None
        on_record(elem, line, builder.root)

    if not data.strip():
        raise FormatError(f"The {what} file is empty.")
    builder = _RecordBuilder(what, roots, records, handle)
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    chunk = 1 << 16
    try:
        for offset in range(0, len(data), chunk):
            parser.feed(data[offset:offset + chunk])
        parser.close()
    except (EntitiesForbidden, ExternalReferenceForbidden, DTDForbidden) as exc:
        raise FormatError(
            f"The {what} file declares XML entities or external references, which Tandem refuses "
            "for safety (they can exhaust memory or read other files)."
        ) from exc
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else builder.current_line()
        if not builder.records_seen:
            raise FormatError(f"The {what} file is not well-formed XML (line {line}): {_expat_reason(exc)}.") from exc
        return Skip(line, f"The file is damaged here ({_expat_reason(exc)}); nothing after this point was read.")
    return None


def _expat_reason(exc: ET.ParseError) -> str:
    return str(exc).split(":")[0]


# --------------------------------------------------------------------------- import


def _segment_text(elem: ET.Element) -> str:
    """Plain text of a ``<seg>``, inline codes handled as the module docstring says."""
    parts = [elem.text or ""]
    for child in elem:
        name = local_name(child.tag)
        if name in _CODE_ELEMENTS:
            pass
        elif name == "ph":
            content = "".join(child.itertext())
            if not _MARKUP_CODE.match(content):
                parts.append(content)
        else:
            parts.append(_segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _tmx_date(value: str) -> str:
    """TMX ``YYYYMMDDThhmmssZ`` as ISO 8601 (``""`` if absent or malformed)."""
    try:
        return datetime.strptime(value.strip(), "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return ""


def _unit_from_tu(tu: ET.Element, header_src: Lang | None, file_ref: str) -> MemoryUnit:
    texts: dict[Lang, str] = {}
    order: list[Lang] = []
    others: list[str] = []
    props: dict[str, str] = {}
    for child in tu:
        name = local_name(child.tag)
        if name == "prop":
            props.setdefault(child.get("type", ""), (child.text or "").strip())
        if name != "tuv":
            continue
        code = child.get(XML_LANG) or child.get("lang") or ""
        lang = maybe_lang(code)
        if lang is None:
            others.append(code or "(none)")
            continue
        seg = next((c for c in child if local_name(c.tag) == "seg"), None)
        text = _segment_text(seg).strip() if seg is not None else ""
        if lang not in texts and text:
            texts[lang] = text
            order.append(lang)
    missing = [lang for lang in (Lang.EN, Lang.FR) if lang not in texts]
    if missing:
        names = " and ".join("English" if lang is Lang.EN else "French" for lang in missing)
        extra = f" (other languages: {', '.join(sorted(set(others)))})" if others else ""
        raise UnsupportedLanguage(f"No {names} text{extra}.")
    source = maybe_lang(tu.get("srclang")) or header_src or order[0]
    return MemoryUnit(
        source_lang=source,
        source=texts[source],
        target_lang=source.other,
        target=texts[source.other],
        origin=props.get("x-tandem-origin") or ORIGIN_TMX,
        source_ref=props.get("x-tandem-source-ref") or file_ref,
        created_at=_tmx_date(tu.get("creationdate", "")) or _tmx_date(tu.get("changedate", "")),
    )


def import_tmx(source: str | os.PathLike[str] | bytes, *, max_bytes: int = MAX_FILE_BYTES) -> ImportReport:
    """Read a TMX file (path or bytes) into memory units; see the module docstring for the rules."""
    data = read_source(source, what="TMX", max_bytes=max_bytes)
    file_ref = "" if isinstance(source, (bytes, bytearray, memoryview)) else Path(source).name
    report = ImportReport()
    header_src: dict[str, Lang | None] = {}

    def on_tu(tu: ET.Element, line: int, root: ET.Element) -> None:
        if "srclang" not in header_src:
            header = next((c for c in root if local_name(c.tag) == "header"), None)
            header_src["srclang"] = maybe_lang(header.get("srclang")) if header is not None else None
        try:
            report.units.append(_unit_from_tu(tu, header_src["srclang"], file_ref))
        except TandemError as exc:
            report.skipped.append(Skip(line, str(exc)))

    damage = stream_records(data, what="TMX", roots=frozenset({"tmx"}), records=frozenset({"tu"}), on_record=on_tu)
    if damage is not None:
        report.skipped.append(damage)
    return report


# --------------------------------------------------------------------------- export


def _tmx_timestamp(iso: str) -> str | None:
    """ISO 8601 as TMX ``YYYYMMDDThhmmssZ`` (UTC); None if ``iso`` is empty or unparseable."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


#: Characters XML 1.0 cannot carry that :func:`desktop.core.text.check` lets through.
_NOT_XML = re.compile("[\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with the code points XML 1.0 forbids (U+FFFE, U+FFFF) replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def serialize(root: ET.Element, doctype: str = "") -> bytes:
    """UTF-8 document bytes for ``root`` with an XML declaration (and optional DOCTYPE line)."""
    ET.indent(root, space="  ")
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' + (doctype + "\n" if doctype else "")
    return (head + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


def export_tmx(units: Iterable[MemoryUnit], *, created_at: datetime | None = None) -> bytes:
    """A TMX 1.4b document (UTF-8 bytes) holding ``units``; :func:`import_tmx` reads it back unchanged.

    Header: creationtool Tandem, segtype sentence, o-tmf Tandem, adminlang
    en-CA, datatype plaintext, srclang the common source language (``*all*``
    when units were written in both). Each unit keeps its own ``srclang``,
    creation date and Tandem origin/source reference as ``<prop>``.
    """
    units = list(units)
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
    for number, unit in enumerate(units, start=1):
        attrs = {"tuid": str(number), "srclang": EXPORT_TAGS[unit.source_lang]}
        when = _tmx_timestamp(unit.created_at) if unit.created_at else None
        if when:
            attrs["creationdate"] = when
        tu = ET.SubElement(body, "tu", attrs)
        ET.SubElement(tu, "prop", {"type": "x-tandem-origin"}).text = xml_text(unit.origin)
        if unit.source_ref:
            ET.SubElement(tu, "prop", {"type": "x-tandem-source-ref"}).text = xml_text(unit.source_ref)
        for lang in (unit.source_lang, unit.target_lang):
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: EXPORT_TAGS[lang]})
            ET.SubElement(tuv, "seg").text = xml_text(unit.text(lang))
    return serialize(root, '<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
