"""The termbase TSV: one term a line, tab-separated, header first (the shipped seed's format).

Columns: ``en fr en_abbr fr_abbr note source concept``; ``en`` and ``fr`` are
required. Fields are never quoted (a tab or line break inside a name becomes a
space on export).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from typing import ClassVar, Literal

from ..terms import TERM_FIELDS, Term
from .base import TERMBASE
from .table import TableFormat

_SPACES = re.compile(r"\s+")


class TermTsvFormat(TableFormat[Term]):
    name: ClassVar[str] = "TSV"
    what: ClassVar[str] = "termbase"
    kind: ClassVar[str] = TERMBASE
    extensions: ClassVar[tuple[str, ...]] = (".tsv", ".txt")
    max_bytes = 20 * 1024 * 1024
    delimiter: ClassVar[str] = "\t"
    quoting: ClassVar[Literal[0, 1, 2, 3]] = csv.QUOTE_NONE
    quotechar: ClassVar[str | None] = None
    columns: ClassVar[tuple[str, ...]] = TERM_FIELDS
    required: ClassVar[tuple[str, ...]] = ("en", "fr")

    def row_reader(self) -> Callable[[dict[str, str]], Term]:
        return lambda row: Term(**row)

    def row(self, record: Term) -> list[str]:
        return [_SPACES.sub(" ", getattr(record, c)) for c in self.columns]


TSV = TermTsvFormat()
