#!/usr/bin/env python3
"""Typing in the editor: keystroke-to-screen latency and the per-keystroke counting cost.

    .venv/bin/python bench/ui_typing.py [--keys 300] [--write]

A store of 5 000 posts is built with the core store API; the real window opens
on it (offscreen platform) with the post list loaded and a post open. Then:

* **keystroke → screen**: ``QTest.keyClick`` into the English editor, then
  process events until the editor's viewport has painted; one key every 80 ms
  (a fast typist), with autosave (storage thread) and live counting (analysis
  thread) running as in real use. Measured with the text at 280 and at
  5 000 characters.
* **keystroke → counters on screen**: from the key to the counters showing
  the new count (includes the 60 ms debounce).
* **counting cost per keystroke**: ``desktop.ui.analysis.analyse`` (all three
  networks' counts, the text checks and provenance spans — the whole
  off-thread job) and ``count_all`` alone, on a text changing by one character
  each time, at 280 and 5 000 characters.

Median / p95 / max in milliseconds. ``--write`` replaces this benchmark's
section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCE = ("Canadians can now apply online for the new dental benefit at canada.ca/dental; "
            "call 1-800-O-Canada for help. ")


def stats(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95, ordered[-1]


def build_store(path: Path, posts: int) -> int:
    from desktop.core.model import Lang, Origin
    from desktop.app.session import open_session

    session = open_session(path)
    store = session.store
    with store.transaction():
        for i in range(posts):
            post = store.create_post(f"Post {i}", "bench")
            store.add_version(post.id, Lang.EN, f"{SENTENCE[:120]} ({i})", "bench", Origin.HUMAN, None)
            store.add_version(post.id, Lang.FR, f"Publication numéro {i} en français.", "bench",
                              Origin.HUMAN, None)
    post_id = post.id
    session.close()
    return post_id


def measure_typing(window, editor, keys: int, start_text: str) -> dict[str, list[float]]:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    editor.replace_text(start_text)
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    editor.editor.setFocus()
    settle(window, 0.5)

    class PaintProbe(QObject):
        painted = False

        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    probe = PaintProbe()
    editor.editor.viewport().installEventFilter(probe)
    counted = {"at": 0.0}
    editor.analysis_applied.connect(lambda _lang: counted.__setitem__("at", time.perf_counter()))
    screen: list[float] = []
    counters: list[float] = []
    for i in range(keys):
        key = Qt.Key.Key_A if i % 2 == 0 else Qt.Key.Key_Backspace  # length stays put
        probe.painted = False
        counted["at"] = 0.0
        start = time.perf_counter()
        QTest.keyClick(editor.editor, key)
        while not probe.painted:
            app.processEvents()
        screen.append((time.perf_counter() - start) * 1000)
        deadline = start + 0.080  # one key per 80 ms
        while time.perf_counter() < deadline or (not counted["at"] and
                                                  time.perf_counter() < start + 2):
            app.processEvents()
            time.sleep(0.001)
        if counted["at"]:
            counters.append((counted["at"] - start) * 1000)
    editor.editor.viewport().removeEventFilter(probe)
    return {"screen": screen, "counters": counters}


def settle(window, seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        window.backend.wait_idle()
        QApplication.processEvents()
        time.sleep(0.005)


def measure_counting(length: int, runs: int) -> dict[str, list[float]]:
    from desktop.core.counting import count_all
    from desktop.ui.analysis import analyse

    base = (SENTENCE * (length // len(SENTENCE) + 1))[:length]
    full: list[float] = []
    counts: list[float] = []
    analyse(base, base)  # imports and regex compilation happen once, off the clock
    for i in range(runs):
        text = base[:-1] + "abcdefghij"[i % 10]
        start = time.perf_counter()
        analyse(text, base)
        full.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        count_all(text)
        counts.append((time.perf_counter() - start) * 1000)
    return {"analyse": full, "count_all": counts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="tandem-typing-"))
    os.environ.update(TANDEM_POLICY=str(work / "no-policy.toml"),
                      XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"))
    from startup import machine, write_section

    started = time.perf_counter()
    post_id = build_store(work / "store.sqlite3", args.posts)
    built = time.perf_counter() - started

    from PySide6.QtCore import QSettings

    from desktop.core.model import Lang
    from desktop.app.session import open_session
    from desktop.ui.app import create_application
    from desktop.ui.main_window import MainWindow

    app = create_application()
    session = open_session(work / "store.sqlite3")
    window = MainWindow(session, QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    window.start()
    settle(window, 0.5)
    window.open_post(post_id)
    settle(window, 0.5)
    assert window.current_post_id() == post_id
    editor = window.editor(Lang.EN)

    rows = []
    for length in (280, 5000):
        text = (SENTENCE * (length // len(SENTENCE) + 1))[:length]
        typing = measure_typing(window, editor, args.keys, text)
        counting = measure_counting(length, args.keys)
        for name, values in (("keystroke → editor repainted", typing["screen"]),
                             ("keystroke → counters updated (incl. 60 ms debounce)",
                              typing["counters"]),
                             ("off-thread analysis per keystroke (counts + checks + spans)",
                              counting["analyse"]),
                             ("count_all alone (X + Mastodon + Bluesky)", counting["count_all"])):
            med, p95, worst = stats(values)
            rows.append(f"| {length:,} | {name} | {med:.2f} | {p95:.2f} | {worst:.2f} | "
                        f"{len(values)} |")
    window.close()
    session.close()
    del app

    table = "\n".join(["| chars | measure | median ms | p95 ms | max ms | n |",
                       "|---:|---|---:|---:|---:|---:|", *rows])
    print(table)
    if args.write:
        write_section("UI typing", f"""
Command: `.venv/bin/python bench/ui_typing.py --keys {args.keys} --write` ({machine()}; \
QT_QPA_PLATFORM=offscreen). Store: {args.posts:,} posts built with the core store API \
({built:.1f} s); the window has the post list loaded and a post open. One key every 80 ms \
(alternating "a" and Backspace so the length stays at 280 or 5,000), with autosave and live \
counting running. "Repainted" is from `QTest.keyClick` to the editor viewport's paint; the \
analysis job runs on the analysis worker thread, never on the GUI thread.

{table}
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
