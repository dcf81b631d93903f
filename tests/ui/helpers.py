"""Helpers shared by the UI tests (waiting for the workers, opening posts)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def settle(window) -> None:
    """Let every queued storage task and analysis finish and deliver its result."""
    for editor in window.editors.values():
        editor.flush_analysis()
    for _ in range(3):
        QApplication.processEvents()  # posted events: LanguageChange, queued results
        window.backend.wait_idle()
        window.analysis_runner.wait_idle()


def open_and_wait(qtbot, window, post_id: int) -> None:
    settle(window)
    if window.current_post_id() == post_id:  # start() may have opened it already
        return
    with qtbot.waitSignal(window.current_post_changed, timeout=10_000):
        window.open_post(post_id)
    settle(window)
