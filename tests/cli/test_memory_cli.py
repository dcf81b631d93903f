"""`tandem memory import|export|lookup` through the real entry point and a real store."""

from __future__ import annotations

import io
import json

import pytest

from desktop.cli.main import main
from tests.core.test_suggestions import EN, FR, write_tmx
from translation.formats import TMX


@pytest.fixture
def tandem(tmp_path, monkeypatch):
    """tandem(user, *argv) → (exit code, stdout) on one shared store; alice opens it first."""
    db = str(tmp_path / "cli.sqlite3")

    def run(user: str, *argv: str) -> tuple[int, str]:
        monkeypatch.setenv("TANDEM_USER", user)
        out = io.StringIO()
        return main([*argv, "--db", db], stdout=out), out.getvalue()

    assert run("alice", "users", "grant", "bob", "translator")[0] == 0
    assert run("alice", "users", "grant", "dave", "author")[0] == 0
    return run


def test_import_reports_a_partial_file_and_exits_1(tandem, tmp_path):
    path = write_tmx(tmp_path / "team.tmx", (EN, FR), ("Thank you.", "Merci."),
                     extra='<tu><tuv xml:lang="en"><seg>Only English</seg></tuv></tu>\n')
    code, out = tandem("bob", "memory", "import", str(path))
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == "team.tmx: added 2 units, 0 already there, 1 skipped"
    assert lines[1].startswith("  line ") and lines[1].endswith(": No French text.")
    code, out = tandem("bob", "--json", "memory", "import", str(path))
    data = json.loads(out)
    assert code == 1 and (data["read"], data["added"], data["duplicates"]) == (2, 0, 2)
    assert data["skipped"][0]["reason"] == "No French text."
    clean = write_tmx(tmp_path / "clean.tmx", ("Hello", "Bonjour"))
    assert tandem("bob", "memory", "import", str(clean)) == (
        0, "clean.tmx: added 1 unit, 0 already there, 0 skipped\n")


def test_a_bad_file_exits_2_and_keeps_the_memory(tandem, tmp_path, capsys):
    tandem("bob", "memory", "import", str(write_tmx(tmp_path / "a.tmx", (EN, FR))))
    (tmp_path / "bad.tmx").write_bytes(b'<!DOCTYPE x [<!ENTITY a "aaaa">]><tmx>&a;</tmx>')
    assert tandem("bob", "memory", "import", str(tmp_path / "bad.tmx"))[0] == 2
    assert "refuses for safety" in capsys.readouterr().err
    assert tandem("bob", "memory", "import", str(tmp_path / "missing.tmx"))[0] == 2
    assert "Cannot read the TMX file missing.tmx" in capsys.readouterr().err
    code, out = tandem("bob", "--json", "memory", "lookup", EN, "--from", "en")
    assert code == 0 and json.loads(out)[0]["target"] == FR


def test_only_translators_import(tandem, tmp_path, capsys):
    code, _ = tandem("dave", "memory", "import", str(write_tmx(tmp_path / "a.tmx", (EN, FR))))
    assert code == 2
    assert "dave cannot import translation memory" in capsys.readouterr().err


def test_lookup_text_and_json(tandem, tmp_path):
    tandem("bob", "memory", "import", str(write_tmx(tmp_path / "a.tmx", ("Thank you.", "Merci."))))
    code, out = tandem("dave", "memory", "lookup", "Thank you!", "--from", "en")
    first, source, target = out.splitlines()
    assert code == 0 and first.endswith("tmx a.tmx") and "exact" not in first
    assert (source.strip(), target.strip()) == ("Thank you.", "→ Merci.")
    code, out = tandem("dave", "--json", "memory", "lookup", "Merci.", "--from", "fr")
    (match,) = json.loads(out)
    assert match["exact"] and match["score"] == 100.0 and match["target"] == "Thank you."
    assert tandem("dave", "memory", "lookup", "Zebra crossing", "--from", "en") == (0, "(no match)\n")


def test_export_writes_official_pairs_and_imported_units(tandem, tmp_path):
    code, out = tandem("alice", "post", "new", "--en", EN, "--fr", FR)
    post_id = out.strip()
    for lang in ("en", "fr"):
        assert tandem("bob", "review", "sign", post_id, "--lang", lang)[0] == 0
    tandem("bob", "memory", "import", str(write_tmx(tmp_path / "a.tmx", ("Hello", "Bonjour"))))
    target = tmp_path / "out.tmx"
    assert tandem("dave", "memory", "export", str(target)) == (0, f"wrote 2 units to {target}\n")
    units = TMX.load(target).records
    assert {(u.source, u.origin, u.source_ref) for u in units} == {
        ("Hello", "tmx", "a.tmx"), (EN, "approved", f"post:{post_id}")}
