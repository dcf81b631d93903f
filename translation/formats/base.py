"""What every exchange-file format shares: safe reading, one error, one import report, the base class.

A :class:`Format` reads a file (a path, or the file's bytes) with
:meth:`Format.load` into an :class:`ImportReport` — the records it could use
and the ones it skipped, each with its line and reason — and writes records
with :meth:`Format.dump`. Only a file that cannot be read at all (too big, not
UTF-8, not the format, unsafe XML) raises :class:`FormatError`. The registry
in :mod:`translation.formats` picks a format by file extension.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Generic, NamedTuple, TypeVar

from desktop.core.errors import InvalidText, Message

R = TypeVar("R")

#: What a record of each kind of file is (a format's ``kind``; also the noun in messages).
MEMORY = "translation memory"
TERMBASE = "termbase"
MAPPINGS = "mapping"
POST_PAIR = "XLIFF"

Source = str | os.PathLike[str] | bytes


class FormatError(InvalidText):
    """An exchange file Tandem cannot read at all (too big, not UTF-8/XML, wrong format, unsafe)."""


class Skip(NamedTuple):
    """A record left out of an import: where it starts (1-based line, 0 if unknown) and why."""

    line: int
    reason: str  # a `Message` (code + parameters) the window words in its language


@dataclass
class ImportReport(Generic[R]):
    """What a file held: the usable records and the records skipped, with reasons."""

    records: list[R] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)

    def summary(self) -> str:
        """``imported N, skipped M`` followed by one line per skipped record."""
        lines = [f"imported {len(self.records)}, skipped {len(self.skipped)}"]
        return "\n".join(lines + [f"  line {s.line}: {s.reason}" if s.line else f"  {s.reason}"
                                  for s in self.skipped])


def file_ref(source: Source) -> str:
    """The file name of ``source`` (``""`` when it is the content itself)."""
    return "" if isinstance(source, (bytes, bytearray, memoryview)) else Path(source).name


def read_source(source: Source, *, what: str, max_bytes: int) -> bytes:
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
            raise FormatError(f"Cannot read the {what} file {path.name}: {exc.strerror or exc}.",
                              msg="formats.unreadable", what=what, file=path.name,
                              reason=exc.strerror or str(exc)) from exc
    if len(data) > max_bytes:
        raise FormatError(_too_big(what, len(data), max_bytes))
    return data


def _too_big(what: str, size: int, max_bytes: int) -> Message:
    cap = f"{max_bytes // 1_048_576} MB" if max_bytes >= 1_048_576 else f"{max_bytes} bytes"
    size_mb = f"{size / 1_048_576:.1f}"
    return Message("formats.too_big", f"The {what} file is {size_mb} MB, larger than the {cap} Tandem "
                   f"imports for {what} files. Split it and import the parts.",
                   what=what, size=size_mb, cap=cap)


def decode_utf8(data: bytes, what: str) -> str:
    """``data`` as text (a UTF-8 byte-order mark is dropped); FormatError if it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"The {what} file is not UTF-8 text.", msg="formats.not_utf8", what=what) from exc


class Format(ABC, Generic[R]):
    """One exchange-file format: what it is called, which extensions it has, how to read and write it.

    Subclasses set the class attributes and implement :meth:`parse` and :meth:`dump`.
    """

    #: Short name, e.g. ``"TMX"``; also how a format is looked up by name.
    name: ClassVar[str]
    #: How the file is called in messages (``"The {what} file is not UTF-8 text."``).
    what: ClassVar[str]
    #: What a record is (:data:`MEMORY`, :data:`TERMBASE`, :data:`MAPPINGS`, :data:`POST_PAIR`).
    kind: ClassVar[str]
    #: File extensions, lower case with the dot; the first is the one Tandem writes.
    extensions: ClassVar[tuple[str, ...]]
    #: Largest file read.
    max_bytes: int

    def load(self, source: Source, *, max_bytes: int | None = None) -> ImportReport[R]:
        """Read ``source`` (a path, or the file's bytes), size-capped, into records and skips."""
        data = read_source(source, what=self.what, max_bytes=self.max_bytes if max_bytes is None else max_bytes)
        return self.parse(data, file_ref(source))

    @abstractmethod
    def parse(self, data: bytes, file_ref: str = "") -> ImportReport[R]:
        """Records read from a file's bytes (``file_ref``: the file name, recorded where useful)."""

    @abstractmethod
    def dump(self, records: Iterable[R]) -> bytes:
        """The file holding ``records`` (UTF-8); :meth:`load` reads them back unchanged."""
