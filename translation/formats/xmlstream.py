"""Safe, streamed XML reading and plain XML writing shared by the TMX and TBX formats.

Parsing goes through defusedxml (entity declarations — "billion laughs" — and
external entities are refused), nesting is capped at :data:`MAX_DEPTH`, and
the file is streamed record by record so a large file never becomes one big
tree. A file damaged after its first record keeps the records read before the
damage (:func:`stream_records` returns where reading stopped).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from desktop.core.errors import Message

from .base import FormatError, Skip

#: Largest XML exchange file (TMX/TBX) Tandem reads: far above any team's memory,
#: small enough to parse on a laptop without freezing the app.
MAX_FILE_BYTES = 50 * 1024 * 1024

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Deepest element nesting accepted; real TMX/TBX files stay under 10 levels.
MAX_DEPTH = 64


def local_name(tag: str) -> str:
    """An element name without its ``{namespace}``."""
    return tag.rpartition("}")[2]


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
                              f"(line {self.current_line()}); it is not a {self.what} file Tandem can read.",
                              msg="formats.too_deep", what=self.what, depth=MAX_DEPTH,
                              line=self.current_line())
        elem = ET.Element(tag, attrs)
        if self._stack:
            self._stack[-1].append(elem)
        elif local_name(tag) not in self.roots:
            raise FormatError(f"This is not a {self.what} file (its root element is <{local_name(tag)}>).",
                              msg="formats.wrong_root", what=self.what, root=local_name(tag))
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
        raise FormatError(f"The {what} file is empty.", msg="formats.empty", what=what)
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
            "for safety (they can exhaust memory or read other files).", msg="formats.xml_unsafe", what=what
        ) from exc
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else builder.current_line()
        if not builder.records_seen:
            raise FormatError(f"The {what} file is not well-formed XML (line {line}): {_expat_reason(exc)}.",
                              msg="formats.not_xml", what=what, line=line, reason=_expat_reason(exc)) from exc
        return Skip(line, Message("formats.damaged", f"The file is damaged here ({_expat_reason(exc)}); "
                                  "nothing after this point was read.", reason=_expat_reason(exc)))
    return None


def _expat_reason(exc: ET.ParseError) -> str:
    return str(exc).split(":")[0]


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
