"""TBX, the termbase exchange format: :data:`TBX` reads and writes terms.

TBX v3 (TBX-Basic, DCA style) and TBX 2 (``martif``, what translate-toolkit,
Weblate and Pootle read), both ways.

Import reads both layouts: TBX v3 (``<tbx>``, ``conceptEntry`` → ``langSec
xml:lang`` → ``termSec`` → ``term``) and TBX 2 / TBX-Basic 1 (``<martif>``,
``termEntry`` → ``langSet`` → ``tig`` or ``ntig/termGrp`` → ``term``). In
each language the first term whose ``termNote type="termType"`` is not an
abbreviation type is the name, the first abbreviation / acronym / short form
/ initialism the abbreviation; further full forms become extra terms of the
same concept. Each term's ``termNote type="administrativeStatus"``
(TBX-Basic ``preferredTerm-admn-sts``, ``admittedTerm-admn-sts``,
``deprecatedTerm-admn-sts``, ``supersededTerm-admn-sts`` = obsolete, or the
plain words) gives the term's status in that language. ``descrip
type="definition"`` (entry or language level) fills ``definition``;
entry-level ``<note>``/other ``descrip`` and ``<admin type="source">`` fill
``note`` and ``source``; the entry ``id`` the concept. Each term section's
``id`` is kept as that language's term id; its usage note (``termNote`` or
``descrip`` typed ``usageNote`` or Weblate's ``Usage note``, at term,
language or entry level) as that language's usage note, apart from the note;
and a ``<note from="…">`` author as the note's author. Export writes them back
where they came from: term ids on ``tig``/``termSec``, usage notes as
``termNote type="usageNote"`` (v3) or ``descrip type="Usage note"`` (TBX 2,
as Weblate reads it), notes with ``from``.

Same safety as TMX (:mod:`translation.formats.xmlstream`): size cap, defusedxml, streamed
entries, damaged files keep the entries read before the damage, and an entry
without English or French is skipped with a reason.

Export writes one entry per concept, as TBX v3 TBX-Basic in DCA style
(``<tbx type="TBX-Basic" style="dca">``, data categories as ``termNote``/
``descrip``/``admin`` with a ``type``), or with ``version=2`` as TBX 2
(``<martif type="TBX-Basic">``, ``termEntry``/``langSet``/``tig``). TBX-Basic
has no "forbidden" status: a forbidden term is written
``deprecatedTerm-admn-sts`` with the term note :data:`FORBIDDEN_NOTE`, which
the import reads back as forbidden.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from desktop.core.errors import InvalidText
from desktop.core.model import LANG_NAMES, Lang

from ..langcodes import maybe_lang
from ..terms import Term
from .base import TERMBASE, Format, ImportReport, Skip
from .xmlstream import MAX_FILE_BYTES, XML_LANG, local_name, serialize, stream_records, xml_text

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"

_ABBREVIATION_TYPES = frozenset({"abbreviation", "acronym", "shortform", "initialism", "clippedterm"})
_ENTRY = frozenset({"termEntry", "conceptEntry"})
_LANG_SECTION = frozenset({"langSet", "langSec"})
_TERM_SECTION = frozenset({"tig", "ntig", "termSec"})
_NOTE_TYPES = frozenset({"explanation", "note"})

#: TBX-Basic administrativeStatus values written for each Tandem status.
STATUS_VALUES = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
                 "deprecated": "deprecatedTerm-admn-sts", "obsolete": "supersededTerm-admn-sts",
                 "forbidden": "deprecatedTerm-admn-sts"}
#: The term note marking a ``deprecatedTerm-admn-sts`` term as forbidden.
FORBIDDEN_NOTE = "Tandem status: forbidden"
_STATUS_READ = {"preferred": "preferred", "standardized": "preferred", "legal": "preferred",
                "regulated": "preferred", "admitted": "admitted", "deprecated": "deprecated",
                "notrecommended": "deprecated", "superseded": "obsolete", "obsolete": "obsolete",
                "forbidden": "forbidden"}


def _children(elem: ET.Element, names: frozenset[str]) -> list[ET.Element]:
    return [c for c in elem if local_name(c.tag) in names]


def _text(elem: ET.Element) -> str:
    return " ".join("".join(elem.itertext()).split())


def _status(value: str) -> str:
    key = value.replace(" ", "").lower().removesuffix("-admn-sts").removesuffix("term")
    return _STATUS_READ.get(key, "")


@dataclass
class _Form:
    """One term section of a language: its term and what the file says about it."""

    text: str
    is_abbreviation: bool
    note: str
    status: str
    id: str
    usage: str
    author: str


def _usage_notes(holders: Iterable[ET.Element]) -> str:
    """The usage notes among ``holders``' children (``termNote``/``descrip`` typed usageNote or "Usage note")."""
    return "; ".join(_text(n) for h in holders for n in h
                     if local_name(n.tag) in ("termNote", "descrip") and _is_usage(n.get("type", "")))


def _is_usage(kind: str) -> bool:
    return kind.replace(" ", "").lower() == "usagenote"


def _notes(holders: Iterable[ET.Element]) -> tuple[list[str], str]:
    """The ``<note>`` texts among ``holders``' children, and the first ``from`` author among them."""
    notes = [n for h in holders for n in h if local_name(n.tag) == "note"]
    return [_text(n) for n in notes], next((n.get("from", "") for n in notes if n.get("from")), "")


def _term_sections(lang_section: ET.Element) -> list[_Form]:
    """Each term of a language section, in order."""
    found = []
    for section in _children(lang_section, _TERM_SECTION):
        holders = [section] + [g for g in section.iter() if local_name(g.tag) == "termGrp"]
        term = next((t for h in holders for t in h if local_name(t.tag) == "term"), None)
        if term is None or not _text(term):
            continue
        notes = {n.get("type"): _text(n) for h in holders for n in h if local_name(n.tag) == "termNote"}
        kind = notes.get("termType", "").replace(" ", "").lower()
        texts, author = _notes(holders)
        status = _status(notes.get("administrativeStatus", ""))
        if status == "deprecated" and FORBIDDEN_NOTE in texts:
            status = "forbidden"
        note = "; ".join(t for t in texts if t != FORBIDDEN_NOTE)
        found.append(_Form(_text(term), kind in _ABBREVIATION_TYPES, note, status,
                           section.get("id") or term.get("id") or "", _usage_notes(holders), author if note else ""))
    return found


def _entry_terms(entry: ET.Element) -> list[Term]:
    """The terms of one ``termEntry``/``conceptEntry``; InvalidText if a language is missing."""
    forms: dict[Lang, list[_Form]] = {Lang.EN: [], Lang.FR: []}
    abbrs: dict[Lang, str] = {}
    others: list[str] = []
    for section in _children(entry, _LANG_SECTION):
        code = section.get(XML_LANG) or section.get("lang") or ""
        lang = maybe_lang(code)
        if lang is None:
            others.append(code or "(none)")
            continue
        section_usage = _usage_notes([section])
        for form in _term_sections(section):
            form.usage = form.usage or section_usage
            if form.is_abbreviation:
                abbrs.setdefault(lang, form.text)
            elif form.text not in [f.text for f in forms[lang]]:
                forms[lang].append(form)
        if not forms[lang] and lang in abbrs:
            forms[lang].append(_Form(abbrs.pop(lang), False, "", "", "", section_usage, ""))
    missing = [lang for lang in (Lang.EN, Lang.FR) if not forms[lang]]
    if missing:
        label = " and ".join(LANG_NAMES[lang] for lang in missing)
        extra = f" (other languages: {', '.join(sorted(set(others)))})" if others else ""
        raise InvalidText(f"No {label} term{extra}.", msg="formats.tbx_missing_lang",
                          lang="both" if len(missing) == 2 else missing[0].value,
                          others=sorted(set(others)))
    entry_notes, entry_author = _notes([entry])
    note = "; ".join(entry_notes + [_text(c) for c in entry
                                    if local_name(c.tag) == "descrip" and c.get("type") in _NOTE_TYPES])
    entry_usage = _usage_notes([entry])
    definition = "; ".join(dict.fromkeys(_text(c) for c in entry.iter()
                                         if local_name(c.tag) == "descrip" and c.get("type") == "definition"))
    source = "; ".join(_text(c) for c in entry.iter() if local_name(c.tag) == "admin" and c.get("type") == "source")
    concept = entry.get("id", "")
    count = max(len(forms[Lang.EN]), len(forms[Lang.FR]))
    terms = []
    for i in range(count):
        en, fr = (forms[lang][min(i, len(forms[lang]) - 1)] for lang in (Lang.EN, Lang.FR))
        own = next((f for f, lang in ((en, Lang.EN), (fr, Lang.FR))
                    if f.note and i < len(forms[lang]) and forms[lang][i] is f), None)
        term_note, author = (own.note, own.author) if own else (note, entry_author if note else "")
        first = i == 0
        terms.append(Term(en.text, fr.text, abbrs.get(Lang.EN, "") if first else "",
                          abbrs.get(Lang.FR, "") if first else "", term_note, source, concept,
                          en.status, fr.status, definition, en.id, fr.id,
                          en.usage or entry_usage, fr.usage or entry_usage, author))
    return terms


def _xml_id(concept: str, number: int) -> str:
    """An XML ID for ``concept`` (IDs must start with a letter and hold no spaces or colons)."""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "-" for c in concept)
    return cleaned if cleaned[:1].isalpha() else f"c{number}-{cleaned}" if cleaned else f"c{number}"


class TbxFormat(Format[Term]):
    """TBX files of terms (v3 and TBX 2 read, v3 TBX-Basic written); see the module docstring."""

    name: ClassVar[str] = "TBX"
    what: ClassVar[str] = "TBX"
    kind: ClassVar[str] = TERMBASE
    extensions: ClassVar[tuple[str, ...]] = (".tbx",)
    max_bytes = MAX_FILE_BYTES

    def parse(self, data: bytes, file_ref: str = "") -> ImportReport[Term]:
        report: ImportReport[Term] = ImportReport()

        def on_entry(entry: ET.Element, line: int, root: ET.Element) -> None:
            try:
                report.records.extend(_entry_terms(entry))
            except InvalidText as exc:
                report.skipped.append(Skip(line, exc.message))

        damage = stream_records(data, what=self.what, roots=frozenset({"tbx", "martif"}), records=_ENTRY,
                                on_record=on_entry)
        if damage is not None:
            report.skipped.append(damage)
        return report

    def dump(self, records: Iterable[Term], *, version: int = 3) -> bytes:
        """A TBX-Basic document holding the terms, TBX v3 (DCA) or, with ``version=2``, TBX 2 (``martif``);
        :meth:`load` reads both back.

        Terms sharing a concept go into one entry (first term first, as the
        preferred names); a term without a concept gets its own entry.
        """
        if version not in (2, 3):
            raise InvalidText(f"TBX version {version} is not one Tandem writes (use 2 or 3).",
                              msg="formats.tbx_version", version=version)
        names = _V2_NAMES if version == 2 else _V3_NAMES
        concepts: dict[str, list[Term]] = {}
        for term in records:
            concepts.setdefault(term.concept_key, []).append(term)
        # The namespace is written as a plain xmlns attribute on unqualified elements: ET.register_namespace
        # would change how every other module's XML (XLIFF) is serialised.
        if version == 3:
            root = ET.Element("tbx", {"xmlns": TBX_NAMESPACE, "type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
            header = ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc")
        else:
            root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
            header = ET.SubElement(ET.SubElement(root, "martifHeader"), "fileDesc")
        ET.SubElement(ET.SubElement(header, "sourceDesc"), "p").text = "Exported by Tandem"
        body = ET.SubElement(ET.SubElement(root, "text"), "body")
        for number, group in enumerate(concepts.values(), start=1):
            _write_entry(body, group, number, names)
        return serialize(root)


# Usage notes: a TBX-Basic term note in v3; in TBX 2 the ``descrip`` Weblate reads and writes.
_V3_NAMES = {"entry": "conceptEntry", "lang": "langSec", "term": "termSec", "usage": "termNote:usageNote"}
_V2_NAMES = {"entry": "termEntry", "lang": "langSet", "term": "tig", "usage": "descrip:Usage note"}


def _note(parent: ET.Element, text: str, author: str = "") -> None:
    """A ``<note>``, with its author as ``from`` (as translate-toolkit and Weblate write it)."""
    ET.SubElement(parent, "note", {"from": author} if author else {}).text = xml_text(text)


def _write_entry(body: ET.Element, group: list[Term], number: int, names: dict[str, str]) -> None:
    first = group[0]
    entry = ET.SubElement(body, names["entry"], {"id": _xml_id(first.concept, number)})
    definitions = list(dict.fromkeys(t.definition for t in group if t.definition))
    if definitions:
        ET.SubElement(entry, "descrip", {"type": "definition"}).text = xml_text("; ".join(definitions))
    shared_note = len({(t.note, t.note_author) for t in group}) == 1
    if first.note and shared_note:
        _note(entry, first.note, first.note_author)
    sources = list(dict.fromkeys(t.source for t in group if t.source))
    if sources:
        ET.SubElement(entry, "admin", {"type": "source"}).text = xml_text("; ".join(sources))
    # A term's own note goes on the first term section it introduces (English name, else French).
    forms: dict[Lang, dict[str, tuple[str, str, str, str, str]]] = {Lang.EN: {}, Lang.FR: {}}
    for t in group:
        new_en = t.en not in forms[Lang.EN]
        own = ("", "") if shared_note else (t.note, t.note_author)
        forms[Lang.EN].setdefault(t.en, (*(own if new_en else ("", "")), t.en_status, t.en_id, t.en_usage))
        forms[Lang.FR].setdefault(t.fr, (*(("", "") if new_en else own), t.fr_status, t.fr_id, t.fr_usage))
    usage_tag, usage_type = names["usage"].split(":")
    for lang in (Lang.EN, Lang.FR):
        section = ET.SubElement(entry, names["lang"], {XML_LANG: lang.value})
        abbr = next((t.abbr(lang) for t in group if t.abbr(lang)), "")
        rows = [(f, "fullForm", *rest) for f, rest in forms[lang].items()]
        rows += [(abbr, "acronym", "", "", "", "", "")] if abbr else []
        for form, kind, note, author, status, term_id, usage in rows:
            term_section = ET.SubElement(section, names["term"], {"id": _xml_id(term_id, number)} if term_id else {})
            ET.SubElement(term_section, "term").text = xml_text(form)
            ET.SubElement(term_section, "termNote", {"type": "termType"}).text = kind
            if status:
                ET.SubElement(term_section, "termNote", {"type": "administrativeStatus"}).text = STATUS_VALUES[status]
            if usage:
                ET.SubElement(term_section, usage_tag, {"type": usage_type}).text = xml_text(usage)
            if note:
                _note(term_section, note, author)
            if status == "forbidden":
                _note(term_section, FORBIDDEN_NOTE)


TBX = TbxFormat()
