"""The CLI keeps its English and its `tandem …` hints for the refusals the window words itself."""

from __future__ import annotations

import io
import json

from desktop.cli.main import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def test_a_permission_refusal_tells_the_admin_command(tmp_path, monkeypatch, capsys):
    db = str(tmp_path / "c.sqlite3")
    monkeypatch.setenv("TANDEM_USER", "alice")
    assert run("post", "new", "--en", "Hello", "--fr", "Bonjour", "--db", db)[0] == 0
    monkeypatch.setenv("TANDEM_USER", "bob")
    capsys.readouterr()
    assert run("post", "edit", "1", "--lang", "en", "--text", "Changed", "--db", db)[0] == 2
    assert capsys.readouterr().err == (
        "tandem: bob cannot edit post 1: that needs one of the roles author, translator. "
        "An admin can grant it: tandem users grant bob author.\n")
    code, out = run("--json", "post", "edit", "1", "--lang", "en", "--text", "x", "--db", db)
    data = json.loads(out)
    assert code == 2 and data["code"] == "roles.denied"
    assert data["error"].endswith("An admin can grant it: tandem users grant bob author.")


def test_a_dry_run_names_the_command_that_chooses_targets(tmp_path, monkeypatch):
    db = str(tmp_path / "c.sqlite3")
    monkeypatch.setenv("TANDEM_USER", "alice")
    run("post", "new", "--en", "Hello", "--fr", "Bonjour", "--db", db)
    code, out = run("publish", "1", "--dry-run", "--db", db)
    assert ("  - post 1 has no targets and there are no default targets: choose them with "
            "`tandem post targets 1 ACCOUNT…`") in out.splitlines()
    assert "  - the English text has no official version (v1 is not signed off)" in out


def test_a_corrupt_store_still_points_at_db(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    assert run("post", "list", "--db", str(bad))[0] == 2
    assert capsys.readouterr().err.rstrip().endswith(
        "Nothing was changed; restore it from a backup or choose another file with --db.")
