"""Child process for test_crash_recovery: a real window that types, then gets SIGKILLed.

    python -m tests.ui.crash_child DB SETTINGS burst   # types both languages, prints TYPED
    python -m tests.ui.crash_child DB SETTINGS stream  # types one key every 40 ms forever

In ``stream`` mode each keystroke prints ``KEY <count> <time.monotonic()>``
(CLOCK_MONOTONIC is system-wide, so the parent can compare it with its own
kill time). The parent kills this process with SIGKILL: no close handler,
no checkpoint — only what autosave already wrote survives.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.core.model import Lang

BURST_EN = "Wildfire smoke is affecting air quality in Ottawa today."
BURST_FR = "La fumée des feux de forêt nuit à la qualité de l’air à Ottawa aujourd’hui."
STREAM = ("Canadians can now apply online for the new benefit. " * 20)


def type_text(widget, text: str) -> None:
    """Type like a keyboard: QTest for ASCII; key events carrying the character
    otherwise (QTest's key table stops at ASCII: é, ’ and « need this)."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def main() -> int:
    db, settings_path, mode = sys.argv[1:4]
    from desktop.app.session import open_session
    from desktop.ui.app import create_application
    from desktop.ui.main_window import MainWindow

    app = create_application()
    session = open_session(db)
    window = MainWindow(session, QSettings(settings_path, QSettings.Format.IniFormat))
    window.show()
    window.start()

    def on_post(post_id: object) -> None:
        if post_id is None:
            return
        window.current_post_changed.disconnect(on_post)
        en = window.editor(Lang.EN).editor
        if mode == "burst":
            en.setFocus()
            type_text(en, BURST_EN)
            fr = window.editor(Lang.FR).editor
            fr.setFocus()
            type_text(fr, BURST_FR)
            print("TYPED", flush=True)
            return
        en.setFocus()
        typed = [0]

        def type_one() -> None:
            if typed[0] >= len(STREAM):
                return
            type_text(en, STREAM[typed[0]])
            typed[0] += 1
            print(f"KEY {typed[0]} {time.monotonic():.6f}", flush=True)

        timer = QTimer(window, interval=40)
        timer.timeout.connect(type_one)
        timer.start()

    window.current_post_changed.connect(on_post)
    window.new_post()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
