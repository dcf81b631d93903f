"""Exchange-file formats (TMX, TBX, termbase TSV, mapping CSV, XLIFF) and the registry that picks one.

Every format is a :class:`~translation.formats.base.Format` with the same two
verbs — ``load(path or bytes)`` returning an :class:`ImportReport` (records,
and skipped records with line and reason) and ``dump(records)`` returning the
file's bytes — and the same safety (size cap, defusedxml for XML, one
:class:`FormatError` for a file that cannot be read at all).

:func:`for_path` picks the format of a file by its extension among the
formats holding a kind of record (:data:`MEMORY`, :data:`TERMBASE`,
:data:`MAPPINGS`, :data:`POST_PAIR`). A new format is a ``Format`` subclass
instance added to ``_BUILTIN`` (or, from outside, with :func:`register`); an
existing one grows by extending its class (e.g. another TBX dialect in
``tbx.py``).

Layout::

    base.py          Format, ImportReport, Skip, FormatError, read_source
    xmlstream.py     safe streamed XML reading, XML writing (TMX, TBX)
    table.py         delimited tables with a header row (TSV, CSV)
    tmx.py           TMX        → translation.memory.MemoryUnit
    tbx.py           TBX        → translation.terms.Term
    termbase_tsv.py  TSV        → translation.terms.Term
    mappings_csv.py  CSV        → translation.mappings.Mapping
    xliff.py         XLIFF 2.0  → XliffPair (one post's pair)
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .base import MAPPINGS, MEMORY, POST_PAIR, TERMBASE, Format, FormatError, ImportReport, Skip

if TYPE_CHECKING:
    from .mappings_csv import CSV
    from .tbx import TBX
    from .termbase_tsv import TSV
    from .tmx import TMX
    from .xliff import XLIFF

__all__ = [
    "CSV", "MAPPINGS", "MEMORY", "POST_PAIR", "TBX", "TERMBASE", "TMX", "TSV", "XLIFF",
    "Format", "FormatError", "ImportReport", "Skip", "for_path", "formats", "named", "register",
]

#: The built-in formats of each kind, as ``module:instance``. Modules load on first use
#: (the mapping CSV pulls in twitter-text, which costs half a second at start-up).
_BUILTIN: dict[str, tuple[str, ...]] = {
    MEMORY: ("tmx:TMX",),
    TERMBASE: ("tbx:TBX", "termbase_tsv:TSV"),
    MAPPINGS: ("mappings_csv:CSV",),
    POST_PAIR: ("xliff:XLIFF",),
}
_BY_NAME = {spec.partition(":")[2]: spec for specs in _BUILTIN.values() for spec in specs}
_ADDED: list[Format] = []


def _load(spec: str) -> Format:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def __getattr__(name: str) -> Any:
    """The built-in format instances (``TMX``, ``TBX``, ``TSV``, ``CSV``, ``XLIFF``), loaded on use."""
    if name in _BY_NAME:
        return _load(_BY_NAME[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def register(fmt: Format) -> Format:
    """Add ``fmt`` to the registry; it wins an extension a format of the same kind already has."""
    _ADDED.append(fmt)
    return fmt


def formats(kind: str | None = None) -> list[Format]:
    """The formats (of ``kind``), built-in first, then those registered, in order."""
    kinds = [kind] if kind is not None else list(_BUILTIN)
    found = [_load(spec) for k in kinds for spec in _BUILTIN.get(k, ())]
    return found + [f for f in _ADDED if kind is None or f.kind == kind]


def named(name: str, kind: str | None = None) -> Format:
    """The format (of ``kind``) called ``name``, case-insensitively: ``"tbx"``, ``"TSV"``…"""
    candidates = formats(kind)
    for fmt in reversed(candidates):
        if fmt.name.lower() == name.lower():
            return fmt
    known = [f.name for f in candidates]
    raise FormatError(f"Tandem has no {name} format (known: {', '.join(known)}).",
                      msg="formats.unknown", name=name, known=known)


def for_path(path: str | os.PathLike[str], kind: str, default: Format | None = None) -> Format:
    """The format of ``kind`` for ``path``'s extension.

    Without a match: ``default`` if given, else the kind's only format if it
    has one (its reader then decides whether the content is that format),
    else FormatError naming the extensions to use.
    """
    suffix = Path(path).suffix.lower()
    candidates = formats(kind)
    for fmt in reversed(candidates):
        if suffix in fmt.extensions:
            return fmt
    if default is not None:
        return default
    if len(candidates) == 1:
        return candidates[0]
    wanted = " or ".join(f.extensions[0] for f in candidates)
    raise FormatError(f"{Path(path).name}: give a {wanted} {kind} file.", msg="formats.wrong_extension",
                      file=Path(path).name, wanted=wanted, kind=kind)
