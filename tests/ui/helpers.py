"""Helpers shared by the UI tests (waiting for the workers, opening posts)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


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


def tab_cycle(qtbot, start: QWidget, limit: int = 60) -> list[QWidget]:
    """Focus ``start``, then press Tab until focus comes back to it: the widgets
    in the order the keyboard reaches them (at most ``limit``)."""
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    seen: list[QWidget] = []
    for _ in range(limit):
        current = QApplication.focusWidget()
        if seen and current is seen[0]:
            break
        seen.append(current)
        QTest.keyClick(current, Qt.Key.Key_Tab)
    return seen


def reading_order_positions(seen: list[QWidget], expected: list[QWidget]) -> list[int]:
    """Where each expected widget was reached in ``seen`` (-1 if never)."""
    return [seen.index(w) if w in seen else -1 for w in expected]
