"""TMX (issue 13): language variants and unit metadata survive import and export; what is set aside is said."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.model import Lang
from translation.formats import TMX

DATA = Path(__file__).resolve().parents[1] / "data" / "exchange"


# The defect: the first variant per language won over a later fr-CA one, the rest silently dropped.
def test_the_canadian_variant_wins_and_the_others_are_reported():
    report = TMX.load(DATA / "memoq-variants.tmx")
    first, second = report.records
    assert first.text(Lang.FR) == "Les vaccins antigrippaux sont gratuits cet automne."
    assert (first.en_tag, first.fr_tag) == ("en-GB", "")  # "" = the Canadian default, written fr-CA
    assert (second.en_tag, second.fr_tag) == ("en-GB", "fr-FR")
    reasons = [s.reason for s in report.skipped]
    assert any("fr-FR" in r and "fr-CA" in r and "unit 7" in r for r in reasons), reasons
    assert any("de-DE" in r for r in reasons), reasons


# The defect: dates, notes, properties, author ids, usage counts and unit ids were lost.
def test_unit_metadata_is_kept():
    first = TMX.load(DATA / "memoq-variants.tmx").records[0]
    meta = json.loads(first.meta)
    assert meta["tuid"] == "7" and meta["creationid"] == "ALICE"
    assert meta["changedate"] == "20250607T080910Z" and meta["changeid"] == "BOB"
    assert meta["usagecount"] == "12" and meta["lastusagedate"] == "20250701T000000Z"
    assert meta["notes"] == ["Checked against the 2024 style guide."]
    assert meta["props"] == [["x-Project", "Health notices"], ["x-Domain", "health"]]
    assert first.created_at == "2024-01-02T03:04:05Z"


# The defect: every unit was exported as en-CA/fr-CA whatever it came as.
def test_export_writes_variants_and_metadata_back():
    units = TMX.load(DATA / "memoq-variants.tmx").records
    data = TMX.dump(units)
    assert b'xml:lang="en-GB"' in data and b'xml:lang="fr-FR"' in data and b'xml:lang="fr-CA"' in data
    assert b'tuid="7"' in data and b'changeid="BOB"' in data and b'usagecount="12"' in data
    assert b"<note>Checked against the 2024 style guide.</note>" in data
    assert b'<prop type="x-Project">Health notices</prop>' in data
    again = TMX.load(data).records
    assert [(u.en_tag, u.fr_tag, u.meta, u.created_at) for u in again] == \
        [(u.en_tag, u.fr_tag, u.meta, u.created_at) for u in units]


def test_translate_toolkit_reads_the_export():
    from translate.storage import tmx as ttk_tmx

    data = TMX.dump(TMX.load(DATA / "memoq-variants.tmx").records)
    store = ttk_tmx.tmxfile.parsestring(data)
    assert [u.source for u in store.units] == ["Flu jabs are free this autumn.", "Book today."]


def test_store_round_trip_keeps_variants_and_metadata(tmp_path):
    from desktop.app.session import open_session

    session = open_session(tmp_path / "tm.sqlite3")
    try:
        session.suggestions.import_tmx(DATA / "memoq-variants.tmx")
        data = session.suggestions.export_tmx()
    finally:
        session.close()
    assert b'xml:lang="fr-FR"' in data and b'changeid="BOB"' in data and b'tuid="7"' in data


# The defect: a placeholder whose alt text is translatable vanished and left a double space.
def test_translatable_sub_flow_of_a_code_is_kept_and_no_double_space_is_left():
    tmx = b"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-CA" segtype="sentence" o-tmf="x" adminlang="en" datatype="html"
 creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en-CA"><seg>Press <ph x="1">&lt;img alt="<sub>Save</sub>"/&gt;</ph> to keep it.</seg></tuv>
<tuv xml:lang="fr-CA"><seg>Appuyez sur <ph x="1">&lt;img alt="<sub>Enregistrer</sub>"/&gt;</ph> pour le garder.</seg>
</tuv></tu>
<tu><tuv xml:lang="en-CA"><seg>Line <ph x="2">&lt;br/&gt;</ph> break.</seg></tuv>
<tuv xml:lang="fr-CA"><seg>Saut <ph x="2">&lt;br/&gt;</ph> de ligne.</seg></tuv></tu>
</body></tmx>"""
    first, second = TMX.load(tmx).records
    assert (first.text(Lang.EN), first.text(Lang.FR)) == ("Press Save to keep it.",
                                                          "Appuyez sur Enregistrer pour le garder.")
    assert (second.text(Lang.EN), second.text(Lang.FR)) == ("Line break.", "Saut de ligne.")
