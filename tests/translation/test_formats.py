"""The format registry: one load/dump pair per format, chosen by extension, loaded on first use."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from typing import ClassVar

import pytest

from desktop.core.model import Lang, sha256_text
from translation import formats
from translation.formats import CSV, MAPPINGS, MEMORY, TBX, TERMBASE, TMX, TSV, XLIFF, FormatError, ImportReport, Skip
from translation.formats.base import Format
from translation.formats.xliff import XliffPair
from translation.mappings import Mapping
from translation.memory import MemoryUnit
from translation.terms import Term


@pytest.mark.parametrize(("name", "kind", "expected"), [
    ("team.tmx", MEMORY, "TMX"), ("TEAM.TBX", TERMBASE, "TBX"), ("team.tsv", TERMBASE, "TSV"),
    ("team.txt", TERMBASE, "TSV"), ("pairs.csv", MAPPINGS, "CSV"), ("post.xlf", formats.POST_PAIR, "XLIFF"),
    # a kind with one format reads any name, as before (the reader decides on the content)
    ("memory.xml", MEMORY, "TMX"), ("pairs.txt", MAPPINGS, "CSV"),
])
def test_the_registry_picks_the_format_by_extension(name, kind, expected):
    assert formats.for_path(name, kind).name == expected


def test_an_unknown_termbase_extension_is_refused_with_the_ones_to_use():
    with pytest.raises(FormatError, match=r"terms\.xml: give a \.tbx or \.tsv termbase file"):
        formats.for_path("terms.xml", TERMBASE)
    assert formats.for_path("terms.xml", TERMBASE, default=TBX) is TBX
    assert formats.named("tsv", TERMBASE) is TSV
    with pytest.raises(FormatError, match=r"no tmx format \(known: TBX, TSV\)"):
        formats.named("tmx", TERMBASE)


@pytest.mark.parametrize(("fmt", "records"), [
    (TMX, [MemoryUnit("en", "Hello", "fr", "Bonjour", source_ref="x")]),
    (TBX, [Term("Health Canada", "Santé Canada", "HC", "SC", concept="igoc-127")]),
    (TSV, [Term("Health Canada", "Santé Canada", "HC", "SC", note='a "quoted" note')]),
    (CSV, [Mapping("handle", "@GovCanHealth", "@GouvCanSante", "a, note")]),
    (XLIFF, [XliffPair(1, Lang.EN, 2, sha256_text("Hi"), "Hi", "Salut", 3)]),
], ids=["TMX", "TBX", "TSV", "CSV", "XLIFF"])
def test_every_format_reads_back_what_it_writes(fmt, records):
    data = fmt.dump(records)
    assert isinstance(data, bytes)
    assert fmt.load(data).records == records


def test_table_formats_share_one_reader_and_its_refusals():
    for fmt in (TSV, CSV):
        with pytest.raises(FormatError, match="not UTF-8"):
            fmt.load(b"\xff\xfe\x00bad")
        with pytest.raises(FormatError, match="MB"):
            fmt.load(b"x" * 200, max_bytes=100)
    report = CSV.load(b"kind,en,fr\nhandle,@A,@B\nsmiley,:),:(\n")
    assert [m.en for m in report.records] == ["@A"] and [s.line for s in report.skipped] == [3]
    assert report.summary().startswith("imported 1, skipped 1\n  line 3: ")


def test_a_registered_format_wins_its_extension():
    class Upper(Format[Term]):
        name: ClassVar[str] = "UPPER"
        what: ClassVar[str] = "upper"
        kind: ClassVar[str] = TERMBASE
        extensions: ClassVar[tuple[str, ...]] = (".txt",)
        max_bytes = 100

        def parse(self, data: bytes, file_ref: str = "") -> ImportReport[Term]:
            en, fr = data.decode().split("|")
            return ImportReport([Term(en, fr)], [Skip(0, "demo")])

        def dump(self, records: Iterable[Term]) -> bytes:
            return b""

    fmt = formats.register(Upper())
    try:
        assert formats.for_path("a.txt", TERMBASE) is fmt
        assert formats.for_path("a.tsv", TERMBASE) is TSV
        assert fmt.load(b"A|B").records == [Term("A", "B")]
    finally:
        formats._ADDED.remove(fmt)
    assert formats.for_path("a.txt", TERMBASE) is TSV


def test_importing_the_registry_or_xliff_does_not_load_twitter_text():
    code = ("import sys, translation.formats, translation.formats.xliff; "
            "print('twitter_text' in sys.modules, 'translation.formats.tmx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
