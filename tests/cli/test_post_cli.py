"""`tandem post …`, `tandem audit verify` through the real entry point and store."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys

from desktop.cli.main import main


def run(*argv) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def test_new_edit_show_list_history(tmp_path):
    db = str(tmp_path / "c.sqlite3")
    code, out = run("post", "new", "--en", "Flu shots are free", "--fr",
                    "La vaccination est gratuite", "--db", db)
    assert code == 0 and out.strip() == "1"
    code, out = run("post", "edit", "1", "--lang", "fr", "--text",
                    "Le vaccin contre la grippe est gratuit", "--db", db)
    assert code == 0 and out.startswith("FR v2 ")
    code, out = run("--json", "post", "show", "1", "--db", db)
    shown = json.loads(out)
    assert shown["fr"]["seq"] == 2 and shown["fr"]["text"].startswith("Le vaccin")
    code, out = run("post", "list", "--search", "grippe", "--json", "--db", db)
    assert [r["id"] for r in json.loads(out)] == [1]
    code, out = run("post", "history", "1", "--json", "--db", db)
    assert [(v["lang"], v["seq"]) for v in json.loads(out)] == [("en", 1), ("fr", 1), ("fr", 2)]


def test_errors_are_clear_and_exit_2(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite3")
    assert run("post", "show", "7", "--db", db)[0] == 2
    assert "There is no post 7" in capsys.readouterr().err
    run("post", "new", "--en", "ok", "--db", db)
    assert run("post", "edit", "1", "--lang", "en", "--text", "a\u202eb", "--db", db)[0] == 2
    assert "Bidirectional control" in capsys.readouterr().err


def test_invalid_utf8_argument_from_a_real_process(tmp_path):
    db = tmp_path / "c.sqlite3"
    env = {**os.environ, "TANDEM_DB": str(db)}
    result = subprocess.run([sys.executable, "-m", "desktop.cli.main", "post", "new", "--en",
                             b"caf\xe9 latin-1"], capture_output=True, env=env)
    assert result.returncode == 2
    assert b"Invalid UTF-8" in result.stderr
    ok = subprocess.run([sys.executable, "-m", "desktop.cli.main", "post", "new", "--en", "-"],
                        input="Café ☕ from stdin".encode(), capture_output=True, env=env)
    assert ok.returncode == 0, ok.stderr
    shown = subprocess.run([sys.executable, "-m", "desktop.cli.main", "--json", "post", "show",
                            ok.stdout.decode().strip()], capture_output=True, env=env)
    assert json.loads(shown.stdout)["en"]["text"] == "Café ☕ from stdin"


def test_corrupt_and_newer_databases(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    assert run("post", "list", "--db", str(bad))[0] == 2
    assert "not a usable Tandem database" in capsys.readouterr().err
    newer = tmp_path / "newer.sqlite3"
    run("post", "new", "--en", "x", "--db", str(newer))
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    assert run("post", "list", "--db", str(newer))[0] == 2
    assert "newer Tandem" in capsys.readouterr().err


def test_audit_verify_detects_tampering(tmp_path):
    db = tmp_path / "c.sqlite3"
    run("post", "new", "--en", "a", "--fr", "b", "--db", str(db))
    code, out = run("--json", "audit", "verify", "--db", str(db))
    assert code == 0 and json.loads(out)["ok"] is True
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 2")
    conn.commit()
    conn.close()
    code, out = run("audit", "verify", "--db", str(db))
    assert code == 1 and "TAMPERED" in out and "entry 2" in out


def test_tandem_db_environment_variable(tmp_path, monkeypatch):
    db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("TANDEM_DB", str(db))
    run("post", "new", "--en", "via env")
    assert db.exists()


class _Flood(io.RawIOBase):
    """Endless standard input that counts what was read from it."""

    def __init__(self):
        self.taken = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        buffer[:] = b"a" * len(buffer)
        self.taken += len(buffer)
        return len(buffer)


def test_standard_input_is_refused_once_too_long_without_reading_it_all(monkeypatch, capsys):
    """Issue 10 finding 9: standard input was read whole before its size was checked
    (200 MB in: 461 MB resident before the refusal)."""
    from desktop.cli.context import MAX_STDIN_BYTES

    flood = _Flood()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(flood)))
    out = io.StringIO()
    assert main(["post", "new", "--en", "-", "--fr", "Bonjour"], stdout=out) != 0
    assert "Standard input is longer than" in capsys.readouterr().err
    assert flood.taken <= MAX_STDIN_BYTES + 2 * io.DEFAULT_BUFFER_SIZE
