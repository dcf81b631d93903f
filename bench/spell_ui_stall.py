#!/usr/bin/env python3
"""GUI event-loop stalls while typing with spell check on, at 280 and 5,000 characters.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/spell_ui_stall.py [--keys 150]

The real window opens on a post whose English text already holds 280 or
5,000 characters of real news text (NTREX-128, one paragraph: the worst case,
since Qt re-highlights the whole paragraph being typed in); then ``--keys``
characters are typed at its end from the event loop (one key every 70 ms)
while a 1 ms precise QTimer records the gaps between its ticks. Rows: the
same typing without the spell-check feature (baseline) and with it
(`desktop.ui.spell_highlighter.SpellCheckFeature`, dictionaries loaded
before typing). Target: no gap over 16 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

KEY_INTERVAL_MS = 70
TYPED = "Residents are asked to stay indoors while the smoke afects the region and to check on neighbours. "


def measure(window, keys: int) -> list[float]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from desktop.core.model import Lang

    editor = window.editor(Lang.EN).editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    ticks: list[float] = []
    probe = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=1)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    text = (TYPED * (keys // len(TYPED) + 1))[:keys]
    state = {"next": 0}
    loop = QEventLoop()
    typist = QTimer(singleShot=True)

    def type_next() -> None:
        if state["next"] >= len(text):
            QTimer.singleShot(300, loop.quit)
            return
        QTest.keyClick(editor, text[state["next"]])
        state["next"] += 1
        typist.start(KEY_INTERVAL_MS)

    typist.timeout.connect(type_next)
    probe.start()
    typist.start(100)
    loop.exec()
    probe.stop()
    return sorted((b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=150)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tandem-spell-stall-"))
    os.environ.update(TANDEM_POLICY=str(work / "no-policy.toml"), XDG_CONFIG_HOME=str(work / "config"),
                      XDG_DATA_HOME=str(work / "data"))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from spell_keystroke import paragraph

    from desktop.app.session import open_session
    from desktop.ui.app import create_application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.spell_highlighter import SpellCheckFeature

    app = create_application()
    print(f"{args.keys} keys typed per row, one every {KEY_INTERVAL_MS} ms\n")
    print("| text | window | ticks | max gap ms | p99 ms | gaps > 16 ms |")
    print("|---|---|---:|---:|---:|---:|")
    for chars in (280, 5000):
        for name in ("baseline (no spell check)", "spell check"):
            session = open_session(work / f"{chars}-{name[0]}.sqlite3")
            post_id = session.posts.create(en=paragraph("en", chars), title="Bench").post.id
            window = MainWindow(session, QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
            window.resize(1280, 800)
            window.show()
            feature = SpellCheckFeature(window.context) if name == "spell check" else None
            window.start()
            if feature is not None:
                feature.activate()
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and (
                    window.current_post_id() != post_id
                    or (feature is not None and any(h.checker is None for h in feature.highlighters.values()))):
                window.backend.wait_idle()
                QApplication.processEvents()
            gaps = measure(window, args.keys)
            over = sum(1 for g in gaps if g > 16)
            p99 = gaps[min(len(gaps) - 1, int(0.99 * (len(gaps) - 1)))]
            print(f"| {chars:,} chars | {name} | {len(gaps):,} | {gaps[-1]:.1f} | {p99:.2f} | {over} |")
            window.close()
            session.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
