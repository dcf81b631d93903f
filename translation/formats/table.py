"""Delimited text tables (CSV, TSV) with a header row: the one reader both table formats use.

A table is UTF-8 (a byte-order mark is dropped) with a header row naming its
columns; the format lists the columns it knows and those it requires. Each
data row becomes a record through the format's :meth:`TableFormat.row_reader`;
a row the record refuses (:class:`~desktop.core.errors.InvalidText`) is
skipped with its line and reason. A file without the required columns is
refused as a whole.
"""

from __future__ import annotations

import csv
import io
from abc import abstractmethod
from collections.abc import Callable, Iterable
from typing import ClassVar, Literal, TypeVar

from desktop.core.errors import InvalidText

from .base import Format, FormatError, ImportReport, Skip, decode_utf8

R = TypeVar("R")


class TableFormat(Format[R]):
    """A delimited table of records; subclasses say the columns and how a row becomes a record."""

    delimiter: ClassVar[str] = ","
    quoting: ClassVar[Literal[0, 1, 2, 3]] = csv.QUOTE_MINIMAL
    quotechar: ClassVar[str | None] = '"'
    #: Every column the format reads and writes, in the order written.
    columns: ClassVar[tuple[str, ...]]
    #: The columns a file must have.
    required: ClassVar[tuple[str, ...]]

    def parse(self, data: bytes, file_ref: str = "") -> ImportReport[R]:
        reader = csv.DictReader(io.StringIO(decode_utf8(data, self.what), newline=""),
                                delimiter=self.delimiter, quoting=self.quoting, quotechar=self.quotechar)
        missing = [c for c in self.required if c not in (reader.fieldnames or [])]
        if missing:
            raise FormatError(f"The {self.what} file has no {', '.join(missing)} column "
                              f"(expected: {', '.join(self.columns)}).", msg="formats.missing_columns",
                              what=self.what, missing=missing, expected=list(self.columns))
        report: ImportReport[R] = ImportReport()
        record = self.row_reader()
        for row in reader:
            try:
                report.records.append(record({c: row.get(c) or "" for c in self.columns}))
            except InvalidText as exc:
                report.skipped.append(Skip(reader.line_num, exc.message))
        return report

    @abstractmethod
    def row_reader(self) -> Callable[[dict[str, str]], R]:
        """A function turning one row (every column, ``""`` when absent) of one file into a record.

        Called once per file, so it may remember earlier rows (e.g. to refuse duplicates);
        it raises InvalidText for a row to skip.
        """

    @abstractmethod
    def row(self, record: R) -> list[str]:
        """The cells of ``record``, in :attr:`columns` order."""

    def dump(self, records: Iterable[R]) -> bytes:
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=self.delimiter, quoting=self.quoting, quotechar=self.quotechar,
                            lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.row(r) for r in records)
        return out.getvalue().encode("utf-8")
