"""`tandem post delete|archive|duplicate` through the real entry point and a real store."""

from __future__ import annotations

import io
import json

import pytest

from desktop.cli.main import main


@pytest.fixture
def tandem(tmp_path, monkeypatch):
    """tandem(user, *argv) → (exit code, stdout); alice opens the store first (admin)."""
    db = str(tmp_path / "cli.sqlite3")

    def run(user: str, *argv: str) -> tuple[int, str]:
        monkeypatch.setenv("TANDEM_USER", user)
        out = io.StringIO()
        return main([*argv, "--db", db], stdout=out), out.getvalue()

    assert run("alice", "users", "grant", "dave", "author")[0] == 0
    return run


def listed(tandem) -> list[int]:
    return [row["id"] for row in json.loads(tandem("dave", "--json", "post", "list")[1])]


def test_duplicate_archive_and_delete(tandem):
    assert tandem("dave", "post", "new", "--en", "Flu shots", "--title", "Flu")[1].strip() == "1"
    code, out = tandem("dave", "--json", "post", "duplicate", "1", "--title", "Flu again")
    assert code == 0 and json.loads(out)["title"] == "Flu again"
    assert tandem("dave", "post", "archive", "2")[0] == 0
    assert listed(tandem) == [1]
    code, out = tandem("dave", "--json", "post", "archive", "--list")
    assert [row["id"] for row in json.loads(out)] == [2]
    assert tandem("dave", "post", "archive", "2", "--undo")[0] == 0
    code, out = tandem("dave", "post", "delete", "1")
    assert code == 0 and "deleted" in out
    assert listed(tandem) == [2]


def test_someone_else_cannot_delete_your_draft(tandem):
    tandem("dave", "post", "new", "--en", "Mine")
    assert tandem("alice", "users", "grant", "erin", "author")[0] == 0
    code, _out = tandem("erin", "post", "delete", "1")
    assert code != 0
    assert listed(tandem) == [1]
