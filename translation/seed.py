"""The termbase and mapping tables shipped in ``resources/terms/``, read through :mod:`translation.formats`.

``gc-organizations.tsv`` (official names of Government of Canada
organisations) and ``gc-websites.csv`` are derived from the Inventory of
Government of Canada Organizations by ``scripts/derive_terms.py``;
``gc-mappings.csv`` holds example handle/hashtag pairs the team edits.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .formats.mappings_csv import CSV
from .formats.termbase_tsv import TSV
from .mappings import MappingTable
from .terms import Termbase

_RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "terms"

#: The shipped seed termbase.
SEED_TSV = _RESOURCES / "gc-organizations.tsv"

#: The shipped mapping tables, first listed first.
SEED_CSVS = tuple(_RESOURCES / name for name in ("gc-mappings.csv", "gc-websites.csv"))


def load_terms(path: str | os.PathLike[str] | None = None) -> Termbase:
    """The shipped Government of Canada organisations termbase (or the TSV at ``path``)."""
    return Termbase(TSV.load(path or SEED_TSV).records)


def load_mappings(paths: Iterable[str | os.PathLike[str]] = SEED_CSVS) -> MappingTable:
    """A table of the shipped pairs (or of the mapping CSVs at ``paths``), first listed first."""
    return MappingTable(m for path in paths for m in CSV.load(path).records)
