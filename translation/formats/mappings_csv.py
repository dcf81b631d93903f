"""The mapping CSV: one handle, hashtag or address pair a line (``kind,en,fr,note``, header first).

``kind``, ``en`` and ``fr`` are required. A pair whose English or French side
was already mapped on an earlier line is skipped with that reason (the first
pair wins, as in :class:`~translation.mappings.MappingTable`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from desktop.core.errors import InvalidText

from ..mappings import Mapping, MappingTable, mapping_kind
from .base import MAPPINGS
from .table import TableFormat


class MappingCsvFormat(TableFormat[Mapping]):
    name: ClassVar[str] = "CSV"
    what: ClassVar[str] = "mapping CSV"
    kind: ClassVar[str] = MAPPINGS
    extensions: ClassVar[tuple[str, ...]] = (".csv",)
    #: A table of pairs is tiny; the cap only stops accidents.
    max_bytes = 5 * 1024 * 1024
    columns: ClassVar[tuple[str, ...]] = ("kind", "en", "fr", "note")
    required: ClassVar[tuple[str, ...]] = ("kind", "en", "fr")

    def row_reader(self) -> Callable[[dict[str, str]], Mapping]:
        table = MappingTable()

        def read(row: dict[str, str]) -> Mapping:
            mapping = Mapping(mapping_kind(row["kind"]), row["en"], row["fr"], row["note"])
            if not table.add(mapping):
                raise InvalidText(f"{mapping.en} / {mapping.fr} is already mapped on an earlier line.",
                                  msg="formats.mapping_duplicate", en=mapping.en, fr=mapping.fr)
            return mapping

        return read

    def row(self, record: Mapping) -> list[str]:
        return [record.kind.value, record.en, record.fr, record.note]


CSV = MappingCsvFormat()
