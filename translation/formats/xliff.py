"""XLIFF 2.0 export and import of one post's language pair, for translators' own tools.

A file holds one ``<unit>`` whose id names the post and the source version
(``post12-v31``) and whose ``mda:metadata`` records the source version's
sha256 and the target version it was exported with. Importing:

* is parsed with defusedxml: any DTD, entity declaration or external
  reference is refused before anything is expanded (billion laughs, XXE);
* checks ``srcLang``/``trgLang`` are English/French and match the unit;
* refuses a file whose source text was changed in the tool (it no longer
  matches the exported hash) or whose post's source text has changed in
  Tandem since the export (the translation would be of old wording);
* records the target as a new version by the importing user through
  `PostService.edit` (origin human, machine/memory spans carried where the
  text was kept, so it still needs a sign-off), and audits the tool used.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from desktop.core.errors import InvalidText, NotFound, TransitionError
from desktop.core.model import Lang, Version, sha256_text
from desktop.core.posts import PostService

from .langcodes import UnsupportedLanguage, to_lang

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MAX_BYTES = 2_000_000
LANG_TAGS = {Lang.EN: "en-CA", Lang.FR: "fr-CA"}
LANG_NAMES = {Lang.EN: "English", Lang.FR: "French"}
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

    @property
    def target_lang(self) -> Lang:
        return self.source_lang.other

    @property
    def unit_id(self) -> str:
        return unit_id(self.post_id, self.source_version_id)


def unit_id(post_id: int, source_version_id: int) -> str:
    return f"post{post_id}-v{source_version_id}"


def _q(tag: str, ns: str = XLIFF_NS) -> str:
    return f"{{{ns}}}{tag}"


def build(pair: XliffPair) -> bytes:
    """The XLIFF 2.0 document for ``pair`` (UTF-8)."""
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


def _refuse(reason: str) -> InvalidText:
    return InvalidText(f"The XLIFF file is refused: {reason}")


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
                raise _refuse(f"<cp hex={child.get('hex')!r}> is not a code point.") from None
        else:
            name = child.tag.rsplit("}", 1)[-1]
            raise _refuse(f"it contains the inline code <{name}>, which Tandem posts cannot hold.")
        parts.append(child.tail or "")
    return "".join(parts)


def _lang(root: ET.Element, attribute: str) -> Lang:
    value = root.get(attribute)
    if not value:
        raise _refuse(f"the <xliff> element has no {attribute}.")
    try:
        return to_lang(value)
    except UnsupportedLanguage as exc:
        raise _refuse(f"{attribute}: {exc}") from None


def parse(data: bytes) -> XliffPair:
    """The pair in an XLIFF 2.0 file exported by `build`; InvalidText when it is not one."""
    if len(data) > MAX_BYTES:
        raise _refuse(f"it is larger than {MAX_BYTES // 1_000_000} MB.")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise _refuse("it declares a DTD, entities or external references, which Tandem never "
                      f"reads ({type(exc).__name__}).") from None
    except ET.ParseError as exc:
        raise _refuse(f"it is not well-formed XML ({exc}).") from None
    if root.tag == "{urn:oasis:names:tc:xliff:document:1.2}xliff":
        raise _refuse("it is XLIFF 1.2; export XLIFF 2.0 from your tool.")
    if root.tag != _q("xliff") or root.get("version") not in ("2.0", "2.1"):
        raise _refuse("it is not an XLIFF 2.0 document.")
    source_lang, target_lang = _lang(root, "srcLang"), _lang(root, "trgLang")
    if source_lang is target_lang:
        raise _refuse("srcLang and trgLang are the same language.")
    units = root.findall(f"{_q('file')}/{_q('unit')}")
    if len(units) != 1:
        raise _refuse(f"Tandem files hold one unit (a post's pair); this one has {len(units)}.")
    unit = units[0]
    match = _UNIT_ID.match(unit.get("id", ""))
    if not match:
        raise _refuse(f"unit id {unit.get('id')!r} was not made by Tandem (expected postN-vM).")
    meta = {m.get("type"): (m.text or "").strip()
            for m in unit.iter(_q("meta", MDA_NS))}
    post_id, source_version_id = int(match.group(1)), int(match.group(2))
    if meta.get("post_id") != str(post_id) or meta.get("source_version_id") != str(source_version_id):
        raise _refuse("the unit id and its Tandem metadata disagree.")
    if not re.fullmatch(r"[0-9a-f]{64}", meta.get("source_sha256", "")):
        raise _refuse("the unit has no source_sha256 metadata.")
    sources, targets = [], []
    for part in unit:
        if part.tag not in (_q("segment"), _q("ignorable")):
            continue
        source, target = part.find(_q("source")), part.find(_q("target"))
        if source is None:
            raise _refuse(f"a <{part.tag.rsplit('}', 1)[-1]}> has no <source>.")
        sources.append(_text(source))
        if target is not None:
            targets.append(_text(target))
        elif part.tag == _q("ignorable"):
            targets.append(sources[-1])
        else:
            targets.append(None)
    if not sources:
        raise _refuse("the unit has no segments.")
    source_text = "".join(sources)
    if sha256_text(source_text) != meta["source_sha256"]:
        raise _refuse(f"its {LANG_NAMES[source_lang]} source text was changed after export; "
                      "translate the exported text without editing the source.")
    target_id = meta.get("target_version_id")
    return XliffPair(
        post_id=post_id, source_lang=source_lang, source_version_id=source_version_id,
        source_sha256=meta["source_sha256"], source_text=source_text,
        target_text=None if None in targets else "".join(targets),
        target_version_id=int(target_id) if target_id and target_id.isdigit() else None)


def export_post(posts: PostService, post_id: int, source: Lang = Lang.EN) -> bytes:
    """The XLIFF of a post's latest ``source`` text and its current translation, if any."""
    view = posts.view(post_id)
    source_version: Version | None = view.latest(source)
    if source_version is None or not source_version.text.strip():
        raise NotFound(f"Post {post_id} has no {LANG_NAMES[Lang(source)]} text to translate.")
    target = view.latest(Lang(source).other)
    return build(XliffPair(post_id, Lang(source), source_version.id, source_version.sha256,
                           source_version.text, target.text if target else None,
                           target.id if target else None))


@dataclass(frozen=True)
class ImportResult:
    pair: XliffPair
    version: Version
    changed: bool  # False when the translation equals the current target (no new version)


def import_into(posts: PostService, data: bytes, tool: str = "") -> ImportResult:
    """Record the file's translation as a new version of the target language."""
    pair = parse(data)
    current = posts.view(pair.post_id).latest(pair.source_lang)
    name = LANG_NAMES[pair.source_lang]
    if current is None or current.sha256 != pair.source_sha256:
        now = f"it is now v{current.seq}" if current else "it has no text now"
        raise TransitionError(
            f"The {name} text of post {pair.post_id} changed since this file was exported "
            f"(the file translates version {pair.source_version_id}; {now}). "
            "Export the post again and translate the current text.")
    if pair.target_text is None:
        raise _refuse("it has no translation (no <target>).")
    before = posts.view(pair.post_id).latest(pair.target_lang)
    # Not wrapped in a transaction: a refused edit must leave its audited refusal behind.
    version = posts.edit(pair.post_id, pair.target_lang, pair.target_text)
    changed = before is None or version.id != before.id
    if changed:
        posts.repo.append_audit(posts.user, "xliff.import", pair.post_id, {
            "unit_id": pair.unit_id, "lang": pair.target_lang.value,
            "version_id": version.id, "sha256": version.sha256,
            "source_version_id": pair.source_version_id, "source_sha256": pair.source_sha256,
            "comment": f"Translated in {tool or 'an external tool'} (XLIFF 2.0 import)"})
    return ImportResult(pair, version, changed)
