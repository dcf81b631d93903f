"""English/French text pairs from any exchange file, for auditing legacy content (``tandem qa --pairs``).

:func:`read_pairs` reads a TSV or CSV with ``en`` and ``fr`` columns, a TMX
(through :data:`translation.formats.TMX`: each unit with an English and a
French variant) or an XLIFF 1.2 / 2.x file from any tool (each unit's source
and target, segments joined; a unit without a target is skipped). Nothing is
stored. Each :class:`TextPair` says where it came from (``line`` for tables,
the unit id or position otherwise); records that are not usable pairs are
listed as :class:`~translation.formats.base.Skip`.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from desktop.core.errors import InvalidText, Message
from desktop.core.model import Lang
from desktop.core.text import check

from ..langcodes import UnsupportedLanguage, to_lang
from .base import FormatError, ImportReport, Skip, decode_utf8, read_source

#: Largest pairs file read (an audit of a whole legacy site fits comfortably).
MAX_BYTES = 100 * 1024 * 1024

EXTENSIONS = (".tsv", ".csv", ".tmx", ".xlf", ".xliff")


@dataclass(frozen=True)
class TextPair:
    """One English/French pair and where it is in its file."""

    ref: str
    en: str
    fr: str


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _flat(element: ET.Element) -> str:
    """Text of an XLIFF <source>/<target>, inline codes dropped but their content kept."""
    return "".join(element.itertext())


def _pair(ref: str, en: str, fr: str) -> TextPair:
    for text, name, lang in ((en, "English", "en"), (fr, "French", "fr")):
        if not text.strip():
            raise InvalidText(f"no {name} text.", msg="formats.pair_missing", lang=lang)
    return TextPair(ref, check(en, what="English text", hidden=False),
                    check(fr, what="French text", hidden=False))


def _table(data: bytes, delimiter: str, what: str) -> ImportReport[TextPair]:
    reader = csv.DictReader(io.StringIO(decode_utf8(data, what), newline=""), delimiter=delimiter)
    columns = {name.strip().lower(): name for name in reader.fieldnames or []}
    if "en" not in columns or "fr" not in columns:
        raise FormatError(f"The {what} file needs an en and an fr column (it has: {', '.join(columns) or 'none'}).",
                          msg="formats.pairs_columns", what=what, columns=list(columns))
    report: ImportReport[TextPair] = ImportReport()
    for row in reader:
        try:
            report.records.append(_pair(f"line {reader.line_num}", row.get(columns["en"]) or "",
                                        row.get(columns["fr"]) or ""))
        except InvalidText as exc:
            report.skipped.append(Skip(reader.line_num, exc.message))
    return report


def _tmx(data: bytes) -> ImportReport[TextPair]:
    from . import TMX

    units = TMX.parse(data)
    report: ImportReport[TextPair] = ImportReport(skipped=list(units.skipped))
    for i, unit in enumerate(units.records, 1):
        en, fr = (unit.source, unit.target) if unit.source_lang is Lang.EN else (unit.target, unit.source)
        report.records.append(TextPair(f"unit {i}", en, fr))
    return report


def _xliff(data: bytes) -> ImportReport[TextPair]:
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise FormatError(f"The XLIFF file declares a DTD, entities or external references ({type(exc).__name__}).",
                          msg="formats.xml_unsafe", what="XLIFF") from None
    except ET.ParseError as exc:
        raise FormatError(f"The XLIFF file is not well-formed XML ({exc}).", msg="formats.xliff_not_xml",
                          reason=str(exc)) from None
    if _local(root.tag) != "xliff":
        raise FormatError("The file is not XLIFF (its root is not <xliff>).", msg="formats.not_xliff")
    report: ImportReport[TextPair] = ImportReport()
    version_2 = (root.get("version") or "").startswith("2")
    files = [root] if version_2 else [f for f in root if _local(f.tag) == "file"]
    for position, file in enumerate(files, 1):
        holder = root if version_2 else file
        try:
            source_lang = to_lang(holder.get("srcLang" if version_2 else "source-language") or "")
            target_lang = to_lang(holder.get("trgLang" if version_2 else "target-language") or "")
        except UnsupportedLanguage as exc:
            report.skipped.append(Skip(0, Message("formats.file_skipped", f"file {position}: {exc}",
                                                  position=position, reason=exc.message)))
            continue
        if source_lang is target_lang:
            report.skipped.append(Skip(0, Message(
                "formats.file_same_language", f"file {position}: source and target are the same language.",
                position=position)))
            continue
        unit_tag = "unit" if version_2 else "trans-unit"
        for n, unit in enumerate((u for u in holder.iter() if _local(u.tag) == unit_tag), 1):
            unit_id = unit.get('id') or n
            ref = f"unit {unit_id}"
            sources = [_flat(e) for e in unit.iter() if _local(e.tag) == "source"]
            targets = [_flat(e) for e in unit.iter() if _local(e.tag) == "target"]
            if not targets:
                report.skipped.append(Skip(0, Message("formats.unit_untranslated",
                                                      f"{ref}: no target (not translated).", id=unit_id)))
                continue
            source, target = "".join(sources), "".join(targets)
            en, fr = (source, target) if source_lang is Lang.EN else (target, source)
            try:
                report.records.append(_pair(ref, en, fr))
            except InvalidText as exc:
                report.skipped.append(Skip(0, Message("formats.unit_skipped", f"{ref}: {exc}",
                                                      id=unit_id, reason=exc.message)))
    return report


def read_pairs(path: str | Path) -> ImportReport[TextPair]:
    """Every English/French pair of ``path`` (by extension: :data:`EXTENSIONS`) and what was skipped."""
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        raise FormatError(f"{Path(path).name}: give a {', '.join(EXTENSIONS)} file of English/French pairs.",
                          msg="formats.wrong_extension_pairs", file=Path(path).name,
                          wanted=", ".join(EXTENSIONS))
    data = read_source(path, what="pairs", max_bytes=MAX_BYTES)
    if suffix in (".tsv", ".csv"):
        return _table(data, "\t" if suffix == ".tsv" else ",", suffix[1:].upper())
    if suffix == ".tmx":
        return _tmx(data)
    return _xliff(data)
