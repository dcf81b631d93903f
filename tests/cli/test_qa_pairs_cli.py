"""`tandem qa --pairs FILE`: QA over every EN/FR pair of a TSV, TMX or XLIFF file, storing nothing."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest

from desktop.cli import main as cli_main

TSV = ("en\tfr\n"
       "COVID-19 cases are rising.\tLes cas de COVID sont en hausse.\n"
       "Apply by March 3: 5 spots left.\tPostulez d’ici le 3 mars\u00a0: 4 places restantes.\n"
       "\tmissing English\n")

# The shape OmegaT writes (project_save.tmx): TMX 1.4, header srclang, one <tuv> per language.
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.4">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext"
          creationtoolversion="6.0.0" segtype="sentence" srclang="en-CA"/>
  <body>
    <tu>
      <tuv xml:lang="en-CA"><seg>Offices close at 4:30 p.m. on Friday.</seg></tuv>
      <tuv xml:lang="fr-CA" changeid="alice" changedate="20260301T120000Z">
        <seg>Les bureaux ferment à 16 h 30 vendredi.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-CA"><seg>Leaders meet at the G7 summit.</seg></tuv>
      <tuv xml:lang="fr-CA"><seg>Les dirigeants se réunissent au sommet.</seg></tuv>
    </tu>
  </body>
</tmx>
"""

# XLIFF 1.2 as CAT tools write it (Trados/memoQ/OmegaT): several trans-units, inline <g>.
XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="notices.html" source-language="en-CA" target-language="fr-CA" datatype="html">
    <body>
      <trans-unit id="1"><source>Apply by <g id="b">March 3</g>.</source>
        <target>Postulez d’ici le <g id="b">4 mars</g>.</target></trans-unit>
      <trans-unit id="2"><source>Not translated yet.</source></trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
  <file id="f1">
    <unit id="u1"><segment><source>Bill C-11 received royal assent.</source>
      <target>Le projet de loi a reçu la sanction royale.</target></segment></unit>
    <unit id="u2"><segment><source>Save 15%.</source><target>Économisez 50 %.</target></segment></unit>
  </file>
</xliff>
"""


@pytest.fixture
def tandem(tmp_path):
    def call(*argv: str) -> tuple[int, str]:
        out = io.StringIO()
        return cli_main.main(list(argv), stdout=out), out.getvalue()
    return call


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def checks(pair: dict) -> list[str]:
    return [f["check"] for f in pair["findings"]]


def test_tsv_pairs_json(tandem, tmp_path):
    code, out = tandem("--json", "qa", "--pairs", write(tmp_path, "legacy.tsv", TSV))
    data = json.loads(out)
    assert code == 1
    assert [(p["ref"], checks(p)) for p in data["pairs"]] == [("line 2", []), ("line 3", ["number"])]
    finding = data["pairs"][1]["findings"][0]
    assert finding["severity"] == "error" and finding["span_en"] and finding["span_fr"]
    assert set(finding) == {"check", "severity", "message_en", "message_fr", "span_en", "span_fr", "fix"}
    assert [s["line"] for s in data["skipped"]] == [4]


def test_tmx_pairs(tandem, tmp_path):
    code, out = tandem("--json", "qa", "--pairs", write(tmp_path, "project_save.tmx", TMX))
    data = json.loads(out)
    assert [checks(p) for p in data["pairs"]] == [[], []]
    assert code == 0


def test_xliff_12_and_20_pairs(tandem, tmp_path):
    _, out = tandem("--json", "qa", "--pairs", write(tmp_path, "notices.xlf", XLIFF_12))
    data = json.loads(out)
    assert [(p["ref"], checks(p)) for p in data["pairs"]] == [("unit 1", ["date"])]
    assert data["pairs"][0]["en"] == "Apply by March 3."
    assert "unit 2" in data["skipped"][0]["reason"]
    _, out = tandem("--json", "qa", "--pairs", write(tmp_path, "bill.xliff", XLIFF_20))
    assert [(p["ref"], checks(p)) for p in json.loads(out)["pairs"]] == [("unit u1", []), ("unit u2", ["number"])]


def test_pairs_store_nothing(tandem, tmp_path, monkeypatch):
    db = tmp_path / "audit.sqlite3"
    tandem("--db", str(db), "post", "list")  # an existing store
    def counts():
        with sqlite3.connect(db) as conn:
            return [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("posts", "versions", "tm_units", "audit")]
    before = counts()
    tandem("--db", str(db), "qa", "--pairs", write(tmp_path, "legacy.tsv", TSV))
    assert counts() == before


def test_refusals(tandem, tmp_path):
    assert tandem("qa", "--pairs", write(tmp_path, "x.txt", "hello"))[0] == 2
    assert tandem("qa", "--pairs", write(tmp_path, "x.tsv", "source\ttarget\na\tb\n"))[0] == 2
    assert tandem("qa", "1", "--pairs", write(tmp_path, "y.tsv", TSV))[0] == 2
    assert tandem("qa")[0] == 2
