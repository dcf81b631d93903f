"""TBX import (v3 and the older TBX 2 / tig layout) and export (TBX v3, TBX-Basic, DCT)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translation.formats import TBX, FormatError
from translation.formats.tbx import TBX_NAMESPACE
from translation.seed import load_terms
from translation.terms import Term, Termbase

V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="hc">
      <descrip type="definition">Federal health department</descrip>
      <admin type="source">IGOC</admin>
      <langSec xml:lang="en-CA">
        <termSec><term>Health Canada</term><termNote type="termType">fullForm</termNote></termSec>
        <termSec><term>Department of Health</term></termSec>
      </langSec>
      <langSec xml:lang="FR">
        <termSec><term>Santé Canada</term></termSec>
        <termSec><term>Ministère de la Santé</term></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="cra">
      <langSec xml:lang="en">
        <termSec><term>CRA</term><termNote type="termType">acronym</termNote></termSec>
        <termSec><term>Canada Revenue Agency</term></termSec>
      </langSec>
      <langSec xml:lang="fra">
        <termSec><term>Agence du revenu du Canada</term></termSec>
        <termSec><term>ARC</term><termNote type="termType">abbreviation</termNote></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="de-only">
      <langSec xml:lang="en"><termSec><term>Bank</term></termSec></langSec>
      <langSec xml:lang="de"><termSec><term>Bank</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

TIG = """<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US">
  <text><body>
    <termEntry id="e1">
      <note>Old style</note>
      <langSet xml:lang="en"><tig><term>Statistics Canada</term></tig>
        <tig><term>StatCan</term><termNote type="termType">shortForm</termNote></tig></langSet>
      <langSet lang="fr"><ntig><termGrp><term>Statistique Canada</term></termGrp></ntig></langSet>
    </termEntry>
    <termEntry id="e2">
      <langSet xml:lang="fr"><tig><term>Seulement français</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_import_tbx_v3() -> None:
    report = TBX.load(V3.encode())
    assert [(t.en, t.fr, t.en_abbr, t.fr_abbr, t.concept) for t in report.records] == [
        ("Health Canada", "Santé Canada", "", "", "hc"),
        ("Department of Health", "Ministère de la Santé", "", "", "hc"),
        ("Canada Revenue Agency", "Agence du revenu du Canada", "CRA", "ARC", "cra"),
    ]
    # A TBX definition is the concept's definition, not a note (issue 13).
    assert (report.records[0].definition, report.records[0].note) == ("Federal health department", "")
    assert report.records[0].source == "IGOC"
    [skip] = report.skipped
    assert skip.line == 27 and skip.reason == "No French term (other languages: de)."


def test_import_older_tig_layout(tmp_path: Path) -> None:
    path = tmp_path / "old.tbx"
    path.write_text(TIG, encoding="utf-8")
    report = TBX.load(path)
    assert [(t.en, t.fr, t.en_abbr, t.note) for t in report.records] == [
        ("Statistics Canada", "Statistique Canada", "StatCan", "Old style"),
    ]
    assert [s.reason for s in report.skipped] == ["No English term."]


def test_imported_terms_work_in_a_termbase() -> None:
    base = Termbase(TBX.load(V3.encode()).records)
    assert base.apply("The CRA", "La CRA", "en", "fr").text == "La ARC"


@pytest.mark.parametrize("data,message", [
    (b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "x">]><tbx>&a;</tbx>', "entities"),
    (b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a SYSTEM "file:///etc/passwd">]><tbx>&a;</tbx>', "external"),
    (b"<tmx/>", "not a TBX file"),
    (b"<tbx><text>", "not well-formed"),
    (b"", "empty"),
])
def test_unsafe_or_unreadable_files(data: bytes, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        TBX.load(data)


def test_size_cap() -> None:
    with pytest.raises(FormatError, match="MB"):
        TBX.load(V3.encode(), max_bytes=100)


def test_damaged_file_keeps_earlier_entries() -> None:
    damaged = V3.replace('<conceptEntry id="cra">', '<conceptEntry id="cra"><oops>')
    report = TBX.load(damaged.encode())
    assert [t.en for t in report.records] == ["Health Canada", "Department of Health"]
    assert "damaged" in report.skipped[-1].reason


def test_export_is_tbx_v3_basic() -> None:
    data = TBX.dump([Term("Health Canada", "Santé Canada", concept="igoc-127")])
    root = ET.fromstring(data)
    assert root.tag == f"{{{TBX_NAMESPACE}}}tbx"
    # The data categories are written as termNote/descrip/admin with a type: DCA style (issue 13).
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    entry = root.find(f".//{{{TBX_NAMESPACE}}}conceptEntry")
    assert entry.get("id") == "igoc-127"
    langs = [s.get("{http://www.w3.org/XML/1998/namespace}lang") for s in entry]
    assert langs == ["en", "fr"]


def test_seed_round_trips_exactly() -> None:
    seed = list(load_terms())
    assert TBX.load(TBX.dump(seed)).records == seed


name = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30).filter(
    lambda s: s.strip() and not any(
        c in s for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufffe\uffff")
)


@settings(max_examples=100, deadline=None)
@given(en=name, fr=name, en_abbr=st.one_of(st.just(""), name), note=st.one_of(st.just(""), name))
def test_round_trip_property(en: str, fr: str, en_abbr: str, note: str) -> None:
    term = Term(en, fr, en_abbr, "", note, "src", "c-1")
    assert TBX.load(TBX.dump([term])).records == [term]


def test_export_leaves_global_namespace_registry_alone() -> None:
    """ET.register_namespace is process-wide: registering TBX as default would break XLIFF export."""
    before = dict(ET._namespace_map)
    TBX.dump([Term("Health Canada", "Santé Canada")])
    assert ET._namespace_map == before
