"""Answering the decision confirmations (`desktop.ui.decisions.confirm`) in tests."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def answer(monkeypatch, accept: bool) -> list[tuple[str, str]]:
    """Make every confirmation answer ``accept`` (clicking its button); returns the
    (question, details) of each confirmation asked, in order."""
    asked: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append((box.text(), box.informativeText()))
        chosen = QMessageBox.StandardButton.Yes if accept else QMessageBox.StandardButton.Cancel
        assert box.button(chosen) is not None
        return chosen

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked
