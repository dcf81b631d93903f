"""XLIFF 2.0 files of one post's language pair, for translators' own tools: :data:`XLIFF`.

A file holds one ``<unit>`` whose id names the post and the source version
(``post12-v31``) and whose ``mda:metadata`` records the source version's
sha256 and the target version it was exported with. Reading:

* is parsed with defusedxml: any DTD, entity declaration or external
  reference is refused before anything is expanded (billion laughs, XXE);
* checks ``srcLang``/``trgLang`` are English/French and match the unit;
* refuses a file whose source text was changed in the tool (it no longer
  matches the exported hash). A CAT tool that split the exported segment into
  sentences (or merged some back) often drops the spaces between them: such a
  pair is read with its ``parts`` and :meth:`XliffPair.rejoined` realigns it on
  the exported source text (the store has it), or says which segment differs.

Recording the translation as a version of the post is the application's job
(:mod:`desktop.app.xliff`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import ClassVar

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from desktop.core.model import LANG_NAMES, Lang, sha256_text

from ..langcodes import UnsupportedLanguage, to_lang
from .base import POST_PAIR, Format, FormatError, ImportReport, Source

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
LANG_TAGS = {Lang.EN: "en-CA", Lang.FR: "fr-CA"}
_UNIT_ID = re.compile(r"^post(\d+)-v(\d+)$")
_FLATTENED = {f"{{{XLIFF_NS}}}mrk", f"{{{XLIFF_NS}}}pc"}

ET.register_namespace("", XLIFF_NS)
ET.register_namespace("mda", MDA_NS)


@dataclass(frozen=True)
class XliffPair:
    post_id: int
    source_lang: Lang
    source_version_id: int
    source_sha256: str
    source_text: str
    target_text: str | None            # None: not translated yet
    target_version_id: int | None      # the target version the file was exported with
    segments: int = 1                  # <segment>s in the unit (a CAT tool may split or merge them)
    #: (source, target) of each part, when the joined sources did not match the exported hash:
    #: the texts above are then unverified until :meth:`rejoined` realigns them.
    parts: tuple[tuple[str, str | None], ...] = ()

    @property
    def target_lang(self) -> Lang:
        return self.source_lang.other

    @property
    def unit_id(self) -> str:
        return unit_id(self.post_id, self.source_version_id)

    def rejoined(self, original: str) -> XliffPair:
        """This pair realigned on ``original``, the exported source text (the spaces between the
        tool's segments come from it); FormatError naming the segment whose source was edited."""
        if not self.parts:
            return self
        name = LANG_NAMES[self.source_lang]
        if sha256_text(original) != self.source_sha256:
            raise refuse(f"its {name} source fingerprint does not match the text it was exported from.")
        pieces: list[str | None] = []
        at, number = 0, 0
        for source, target in self.parts:
            kept = source.strip()
            if not kept:
                continue
            number += 1
            found = original.find(kept, at)
            if found < 0 or original[at:found].strip():
                raise refuse(f"the tool split the text into {self.segments} segments, and segment {number} "
                             f"(“{kept[:80]}”) is not in the exported {name} text: its source was edited. "
                             "Translate the exported text without editing the source.")
            pieces += [original[at:found], None if target is None else target.strip()]
            at = found + len(kept)
        if original[at:].strip():
            raise refuse(f"the tool's {self.segments} segments end before the exported {name} text does "
                         f"(“{original[at:at + 80].strip()}” is missing).")
        pieces.append(original[at:])
        target_text = None if None in pieces else "".join(p or "" for p in pieces)
        return replace(self, source_text=original, target_text=target_text, parts=())


def unit_id(post_id: int, source_version_id: int) -> str:
    return f"post{post_id}-v{source_version_id}"


def _q(tag: str, ns: str = XLIFF_NS) -> str:
    return f"{{{ns}}}{tag}"


def refuse(reason: str) -> FormatError:
    """The error for an XLIFF file Tandem will not take, with ``reason``."""
    return FormatError(f"The XLIFF file is refused: {reason}", msg="formats.xliff_refused", reason=reason)


def _text(element: ET.Element) -> str:
    """Text content with <mrk>/<pc> flattened and <cp> decoded; other inline codes refused."""
    parts = [element.text or ""]
    for child in element:
        if child.tag in _FLATTENED:
            parts.append(_text(child))
        elif child.tag == _q("cp"):
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except (ValueError, OverflowError):
                raise refuse(f"<cp hex={child.get('hex')!r}> is not a code point.") from None
        else:
            name = child.tag.rsplit("}", 1)[-1]
            raise refuse(f"it contains the inline code <{name}>, which Tandem posts cannot hold.")
        parts.append(child.tail or "")
    return "".join(parts)


def _lang(root: ET.Element, attribute: str) -> Lang:
    value = root.get(attribute)
    if not value:
        raise refuse(f"the <xliff> element has no {attribute}.")
    try:
        return to_lang(value)
    except UnsupportedLanguage as exc:
        raise refuse(f"{attribute}: {exc}") from None


class XliffFormat(Format[XliffPair]):
    """XLIFF 2.0 files holding one post's pair; see the module docstring."""

    name: ClassVar[str] = "XLIFF"
    what: ClassVar[str] = "XLIFF"
    kind: ClassVar[str] = POST_PAIR
    extensions: ClassVar[tuple[str, ...]] = (".xlf", ".xliff")
    max_bytes = 2 * 1024 * 1024

    def read(self, source: Source) -> XliffPair:
        """The one pair of an XLIFF file (path or bytes) exported by :meth:`dump`."""
        return self.load(source).records[0]

    def parse(self, data: bytes, file_ref: str = "") -> ImportReport[XliffPair]:
        """The pair of an XLIFF 2.0 file made by :meth:`dump`; FormatError when it is not one."""
        try:
            root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        except DefusedXmlException as exc:
            raise refuse("it declares a DTD, entities or external references, which Tandem never "
                         f"reads ({type(exc).__name__}).") from None
        except ET.ParseError as exc:
            raise refuse(f"it is not well-formed XML ({exc}).") from None
        if root.tag == "{urn:oasis:names:tc:xliff:document:1.2}xliff":
            raise refuse("it is XLIFF 1.2; export XLIFF 2.0 from your tool.")
        if root.tag != _q("xliff") or root.get("version") not in ("2.0", "2.1"):
            raise refuse("it is not an XLIFF 2.0 document.")
        source_lang, target_lang = _lang(root, "srcLang"), _lang(root, "trgLang")
        if source_lang is target_lang:
            raise refuse("srcLang and trgLang are the same language.")
        units = root.findall(f"{_q('file')}/{_q('unit')}")
        if len(units) != 1:
            raise refuse(f"Tandem files hold one unit (a post's pair); this one has {len(units)}.")
        unit = units[0]
        match = _UNIT_ID.match(unit.get("id", ""))
        if not match:
            raise refuse(f"unit id {unit.get('id')!r} was not made by Tandem (expected postN-vM).")
        meta = {m.get("type"): (m.text or "").strip()
                for m in unit.iter(_q("meta", MDA_NS))}
        post_id, source_version_id = int(match.group(1)), int(match.group(2))
        if meta.get("post_id") != str(post_id) or meta.get("source_version_id") != str(source_version_id):
            raise refuse("the unit id and its Tandem metadata disagree.")
        if not re.fullmatch(r"[0-9a-f]{64}", meta.get("source_sha256", "")):
            raise refuse("the unit has no source_sha256 metadata.")
        sources: list[str] = []
        targets: list[str | None] = []
        for part in unit:
            if part.tag not in (_q("segment"), _q("ignorable")):
                continue
            source, target = part.find(_q("source")), part.find(_q("target"))
            if source is None:
                raise refuse(f"a <{part.tag.rsplit('}', 1)[-1]}> has no <source>.")
            sources.append(_text(source))
            if target is not None:
                targets.append(_text(target))
            elif part.tag == _q("ignorable"):
                targets.append(sources[-1])
            else:
                targets.append(None)
        if not sources:
            raise refuse("the unit has no segments.")
        source_text = "".join(sources)
        segments = sum(1 for part in unit if part.tag == _q("segment"))
        parts: tuple[tuple[str, str | None], ...] = ()
        if sha256_text(source_text) != meta["source_sha256"]:
            if segments < 2:
                raise refuse(f"its {LANG_NAMES[source_lang]} source text was changed after export: it does "
                             "not match the fingerprint (sha256) exported with it. Translate the exported "
                             "text without editing the source.")
            parts = tuple(zip(sources, targets, strict=True))  # resegmented: realigned by XliffPair.rejoined
        target_id = meta.get("target_version_id")
        return ImportReport([XliffPair(
            post_id=post_id, source_lang=source_lang, source_version_id=source_version_id,
            source_sha256=meta["source_sha256"], source_text=source_text,
            target_text=None if None in targets else "".join(t or "" for t in targets),
            segments=segments, parts=parts,
            target_version_id=int(target_id) if target_id and target_id.isdigit() else None)])

    def dump(self, records: Iterable[XliffPair]) -> bytes:
        """The XLIFF 2.0 document (UTF-8) of one pair (a Tandem XLIFF file holds exactly one)."""
        [pair] = records
        root = ET.Element(_q("xliff"), {"version": "2.0", "srcLang": LANG_TAGS[pair.source_lang],
                                        "trgLang": LANG_TAGS[pair.target_lang]})
        file = ET.SubElement(root, _q("file"), {"id": f"post{pair.post_id}"})
        unit = ET.SubElement(file, _q("unit"), {"id": pair.unit_id})
        group = ET.SubElement(ET.SubElement(unit, _q("metadata", MDA_NS)), _q("metaGroup", MDA_NS),
                              {"category": "tandem"})
        meta = {"post_id": pair.post_id, "source_version_id": pair.source_version_id,
                "source_sha256": pair.source_sha256}
        if pair.target_version_id is not None:
            meta["target_version_id"] = pair.target_version_id
        for key, value in meta.items():
            ET.SubElement(group, _q("meta", MDA_NS), {"type": key}).text = str(value)
        segment = ET.SubElement(unit, _q("segment"), {
            "id": "s1", "state": "initial" if pair.target_text is None else "translated"})
        preserve = {f"{{{XML_NS}}}space": "preserve"}
        ET.SubElement(segment, _q("source"), preserve).text = pair.source_text
        if pair.target_text is not None:
            ET.SubElement(segment, _q("target"), preserve).text = pair.target_text
        ET.indent(root, space="  ")  # only adds whitespace around elements, never inside texts
        return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


XLIFF = XliffFormat()
