"""Answering the decision confirmations (`desktop.ui.decisions.confirm`) in tests."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def answer(monkeypatch, accept: bool) -> list[tuple[str, str]]:
    """Make every decision confirmation answer ``accept``; returns the (question, details)
    of each one asked, in order. Any other message box is cancelled."""
    asked: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        if box.objectName() != "decision_confirm":  # e.g. closing with unsaved text at teardown
            return QMessageBox.StandardButton.Cancel
        asked.append((box.text(), box.informativeText()))
        chosen = QMessageBox.StandardButton.Yes if accept else QMessageBox.StandardButton.Cancel
        assert box.button(chosen) is not None
        return chosen

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked
