"""TMX 1.4b import/export, the safe XML reader behind it, and language-code normalisation."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import InvalidText
from desktop.core.model import Lang
from desktop.core.text import check
from translation.formats import TMX, FormatError
from translation.langcodes import UnsupportedLanguage, maybe_lang, to_lang
from translation.memory import MemoryUnit

from .test_memory import notify_units

# ----------------------------------------------------------------------------- language codes


@pytest.mark.parametrize("code", ["fr", "FR", "fr-CA", "fr_CA", "fra", "fre", "FRA", "fr-Latn-CA",
                                  "fr_CA.UTF-8", " fr-ca "])
def test_french_codes(code: str) -> None:
    assert to_lang(code) is Lang.FR


@pytest.mark.parametrize("code", ["en", "EN", "en-US", "en_GB", "eng", "en-CA", "EN-gb"])
def test_english_codes(code: str) -> None:
    assert to_lang(code) is Lang.EN


@pytest.mark.parametrize("code", ["de", "es-MX", "", "f", "french", "frx", "en--", "x-fr", "*all*"])
def test_other_codes_are_refused(code: str) -> None:
    with pytest.raises(UnsupportedLanguage):
        to_lang(code)
    assert maybe_lang(code) is None


# ----------------------------------------------------------------------------- import


def tmx(body: str, header: str = '<header srclang="en-CA" segtype="sentence"/>') -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">{header}<body>{body}</body></tmx>'.encode()


def test_import_reads_units_and_unexpected_lang_codes() -> None:
    report = TMX.load(tmx(
        '<tu><tuv xml:lang="EN-US"><seg>Hello</seg></tuv><tuv xml:lang="fr-CA"><seg>Bonjour</seg></tuv></tu>\n'
        '<tu srclang="fra"><tuv lang="FR"><seg>Merci</seg></tuv><tuv xml:lang="eng"><seg>Thanks</seg></tuv></tu>'
    ))
    assert report.skipped == []
    assert [(u.source_lang, u.source, u.target) for u in report.records] == [
        (Lang.EN, "Hello", "Bonjour"), (Lang.FR, "Merci", "Thanks"),
    ]
    assert all(u.origin == "tmx" for u in report.records)


def test_units_missing_a_language_are_skipped_with_line_and_reason() -> None:
    report = TMX.load(tmx(
        '\n<tu><tuv xml:lang="en"><seg>Only English</seg></tuv></tu>'
        '\n<tu><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu>'
        '\n<tu><tuv xml:lang="en"><seg>   </seg></tuv><tuv xml:lang="fr"><seg>Vide</seg></tuv></tu>'
        '\n<tu><tuv xml:lang="en"><seg>Bad \u202e text</seg></tuv><tuv xml:lang="fr"><seg>Texte</seg></tuv></tu>'
        '\n<tu><tuv xml:lang="en"><seg>Good</seg></tuv><tuv xml:lang="fr"><seg>Bon</seg></tuv></tu>'
    ))
    assert [u.source for u in report.records] == ["Good"]
    lines = [skip.line for skip in report.skipped]
    reasons = [skip.reason for skip in report.skipped]
    assert lines == [3, 4, 5, 6]
    assert reasons[0] == "No French text."
    assert reasons[1] == "No English text (other languages: de)."
    assert reasons[2] == "No English text."
    assert "Bidirectional control" in reasons[3]


def test_inline_codes_are_dropped_and_text_kept() -> None:
    seg = ('Apply <bpt i="1">&lt;b&gt;</bpt>now<ept i="1">&lt;/b&gt;</ept> at <hi type="x">canada.ca</hi>'
           '<ph>&lt;br/&gt;</ph> for {amount}<ph x="2">{name}</ph><it pos="begin">&lt;i&gt;</it>!')
    report = TMX.load(tmx(f'<tu><tuv xml:lang="en"><seg>{seg}</seg></tuv><tuv xml:lang="fr"><seg>x</seg></tuv></tu>'))
    assert report.records[0].source == "Apply now at canada.ca for {amount}{name}!"


def test_header_srclang_decides_direction() -> None:
    report = TMX.load(tmx('<tu><tuv xml:lang="en"><seg>Hi</seg></tuv><tuv xml:lang="fr"><seg>Salut</seg></tuv></tu>',
                            header='<header srclang="fr-CA"/>'))
    assert report.records[0].source_lang is Lang.FR and report.records[0].source == "Salut"


def test_entity_bomb_is_refused() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            b'<tmx><body><tu><tuv xml:lang="en"><seg>&c;</seg></tuv></tu></body></tmx>')
    with pytest.raises(FormatError, match="entities"):
        TMX.load(bomb)


def test_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<tmx><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu></body></tmx>').encode()
    with pytest.raises(FormatError, match="external"):
        TMX.load(xxe)


def test_doctype_without_entities_is_accepted() -> None:
    data = tmx('<tu><tuv xml:lang="en"><seg>A</seg></tuv><tuv xml:lang="fr"><seg>B</seg></tuv></tu>')
    data = data.replace(b"<tmx ", b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx ')
    assert len(TMX.load(data).records) == 1


def test_size_cap_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "big.tmx"
    path.write_bytes(tmx("<tu/>" * 100))
    with pytest.raises(FormatError, match="MB"):
        TMX.load(path, max_bytes=200)
    with pytest.raises(FormatError, match="MB"):
        TMX.load(path.read_bytes(), max_bytes=200)


@pytest.mark.parametrize("data,message", [
    (b"", "empty"),
    (b"not xml at all", "not well-formed"),
    (b"<html><body/></html>", "not a TMX file"),
    (b"<tmx><body><tu>", "not well-formed"),
])
def test_unreadable_files_raise_format_error(data: bytes, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        TMX.load(data)


def test_absurd_nesting_is_refused() -> None:
    deep = "<hi>" * 10_000 + "x" + "</hi>" * 10_000
    with pytest.raises(FormatError, match="levels deep"):
        TMX.load(tmx(f'<tu><tuv xml:lang="en"><seg>{deep}</seg></tuv></tu>'))


def test_missing_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="Cannot read"):
        TMX.load(tmp_path / "nope.tmx")


def test_file_damaged_midway_keeps_what_was_read() -> None:
    data = tmx('<tu><tuv xml:lang="en"><seg>A</seg></tuv><tuv xml:lang="fr"><seg>B</seg></tuv></tu>\n'
               '<tu><tuv xml:lang="en"><seg>C</tuv></tu>')
    report = TMX.load(data)
    assert [u.source for u in report.records] == ["A"]
    assert report.skipped[-1].line == 3
    assert "damaged" in report.skipped[-1].reason


def test_utf16_file_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    text = ('<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4"><header srclang="en"/><body>'
            '<tu><tuv xml:lang="en"><seg>Café</seg></tuv><tuv xml:lang="fr"><seg>Café</seg></tuv></tu></body></tmx>')
    path.write_bytes(text.encode("utf-16"))
    report = TMX.load(path)
    assert report.records[0].source == "Café"
    assert report.records[0].source_ref == "memory.tmx"


# ----------------------------------------------------------------------------- export


def test_export_header_is_tmx_14b() -> None:
    data = TMX.dump([MemoryUnit("en", "Hello", "fr", "Bonjour")])
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
    root = ET.fromstring(data.split(b"\n", 2)[2])
    header = root.find("header")
    assert root.get("version") == "1.4"
    assert {k: header.get(k) for k in ("creationtool", "srclang", "segtype", "o-tmf", "adminlang", "datatype")} == {
        "creationtool": "Tandem", "srclang": "en-CA", "segtype": "sentence", "o-tmf": "Tandem",
        "adminlang": "en-CA", "datatype": "plaintext",
    }


def test_export_mixed_source_languages_uses_all() -> None:
    data = TMX.dump([MemoryUnit("en", "Hello", "fr", "Bonjour"), MemoryUnit("fr", "Merci", "en", "Thanks")])
    assert b'srclang="*all*"' in data


def test_real_notify_memory_round_trips() -> None:
    units = notify_units()
    report = TMX.load(TMX.dump(units))
    assert report.skipped == []
    assert [(u.source, u.target, u.source_lang) for u in report.records] == [
        (u.source, u.target, u.source_lang) for u in units
    ]
    assert all(u.source_ref == "notify" for u in report.records)


post_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
    lambda s: s.strip() and not any(
        c in s for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufffe\uffff")
)


@settings(max_examples=150, deadline=None)
@given(source=post_text, target=post_text, lang=st.sampled_from([Lang.EN, Lang.FR]),
       origin=st.sampled_from(["approved", "tmx", "manual"]),
       created=st.sampled_from(["", "2026-11-22T10:15:00Z"]))
def test_export_import_round_trip(source: str, target: str, lang: Lang, origin: str, created: str) -> None:
    try:
        unit = MemoryUnit(lang, source, lang.other, target, origin=origin, source_ref="post:1", created_at=created)
    except InvalidText:
        return
    assert check(unit.source, hidden=False) == unit.source  # (memory keeps invisible chars)
    [back] = TMX.load(TMX.dump([unit])).records
    assert back == unit
