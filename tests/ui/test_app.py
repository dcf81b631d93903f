"""Start-up: ``tandem`` opens the window; a store or policy it cannot open gets a dialog."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.ui import app as app_module

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dialogs(monkeypatch):
    """Record start-up dialogs instead of blocking on them."""
    shown: list[QMessageBox] = []

    def fake_exec(box):
        shown.append((box.windowTitle(), box.text(), box.informativeText()))
        return QMessageBox.StandardButton.Close

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def test_corrupt_store_shows_a_dialog_and_exits_2(qapp, tmp_path, dialogs):
    db = tmp_path / "corrupt.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    assert app_module.run_app(str(db)) == 2
    assert len(dialogs) == 1
    title, text, details = dialogs[0]
    assert title == "Tandem cannot start"
    assert "not a usable Tandem database" in details
    assert db.read_bytes().startswith(b"this is not"), "nothing was changed"


def test_store_from_a_newer_tandem_is_refused_with_a_dialog(qapp, tmp_path, dialogs):
    db = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    assert app_module.run_app(str(db)) == 2
    assert "newer Tandem" in dialogs[0][2]


def test_invalid_policy_is_reported_in_a_dialog(qapp, tmp_path, dialogs, monkeypatch):
    policy = tmp_path / "policy.toml"
    policy.write_text("[telemetry]\nenabled = true\n")
    monkeypatch.setenv("TANDEM_POLICY", str(policy))
    assert app_module.run_app(str(tmp_path / "ok.sqlite3")) == 2
    assert "telemetry" in dialogs[0][2]


def run_tandem(*args: str, env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TANDEM_UI_SMOKE="1",
               PYTHONPATH=str(ROOT), **env_extra)
    return subprocess.run([sys.executable, "-m", "desktop.cli.main", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_tandem_without_arguments_opens_the_window(tmp_path):
    db = tmp_path / "smoke.sqlite3"
    result = run_tandem("--db", str(db), env_extra={})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert "TANDEM_UI_SHOWN" in lines and "TANDEM_UI_READY" in lines
    assert db.exists()


def test_tandem_with_a_corrupt_store_exits_2_with_the_message(tmp_path):
    db = tmp_path / "corrupt.sqlite3"
    db.write_bytes(b"garbage" * 1000)
    result = run_tandem("--db", str(db), env_extra={})
    assert result.returncode == 2
    assert "not a usable Tandem database" in result.stderr
    assert "Traceback" not in result.stderr


def test_read_only_store_opens_with_a_warning(make_window, session, monkeypatch):
    # The store sets read_only when the file (or WAL) is not writable; as root
    # file modes are ignored, so the flag is set directly here.
    monkeypatch.setattr(session.store, "read_only", True, raising=False)
    window = make_window(session)
    assert window.message_bar.isVisible()
    assert "read-only" in window.message_bar.text()
