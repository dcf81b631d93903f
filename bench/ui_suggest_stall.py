#!/usr/bin/env python3
"""GUI event-loop stalls while live suggestions run during typing.

    .venv/bin/python bench/ui_suggest_stall.py [--model base|tiny] [--chars 300] [--write]

The real window (offscreen platform) on a fresh store, with
`desktop.ui.app.install_translation` attached as ``tandem`` attaches it, an
en→fr package installed (``base``: the shapes of the official
translate-en_fr 1.9, built offline by tests/translation/argos_builder.py and
cached in bench/.cache; ``tiny``: 2+2 layers) and the translator warmed up.

A 1 ms precise `QTimer` records the time between its ticks: a gap longer than
1 ms is time the GUI thread could not run its event loop (a stall). Meanwhile
another timer types headline sentences into the English editor with
`QTest.keyClick` (one key every 70 ms, a pause of 1.5 s after each sentence):
each pause lets the live suggestion fire (600 ms debounce), the snapshot is
taken on the storage thread and the translation runs on the suggestion
thread while typing goes on, and the ghost appears in the French pane.
Autosave, live counting and QA run as in real use.

The same typing is measured on a window *without* the translation features
(baseline). Reported: max, p99 and p99.9 of the gaps, gaps over 16 ms (one
frame at 60 Hz), ghosts shown, stale results dropped, and the time from the
last keystroke to a ghost. After the last key the run waits for the ghost of
the whole text. ``--write`` replaces this
benchmark's section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
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

CACHE = ROOT / "bench" / ".cache"
KEY_INTERVAL_MS = 70
SENTENCE_PAUSE_MS = 1500
# After the last key: wait for the ghost of the whole text (at most this long).
FINAL_WAIT_MS = 20_000
TITLE = "UI live suggestions: event-loop stalls while typing"


def package_archive(model: str, work: Path) -> Path:
    from tests.translation import argos_builder

    if model == "base":
        archive = CACHE / "translate-en_fr-1_9.argosmodel"
        if not archive.exists():
            argos_builder.build_argosmodel(CACHE, "en", "fr", version="1.9",
                                           shape=argos_builder.BASE, minisbd=True)
        return archive
    return argos_builder.build_argosmodel(work / "archives", "en", "fr", version="1.0",
                                          minisbd=True)


def sentences(chars: int) -> list[str]:
    """Headline sentences (ASCII, QTest types ASCII) adding up to about ``chars``."""
    from tests.translation import argos_builder

    picked, total = [], 0
    with argos_builder.CORPUS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text = row["en"].strip().rstrip(".!?") + "."
            if 40 <= len(text) <= 90 and text.isascii():
                picked.append(text + " ")
                total += len(text) + 1
                if total >= chars:
                    break
    return picked


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(window, features, texts: list[str]) -> dict:
    """Type ``texts`` into the English editor from the event loop; record tick gaps."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    from desktop.core.model import Lang

    editor = window.editor(Lang.EN).editor
    editor.setFocus()
    ticks: list[float] = []
    probe = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=1)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    keys = [(char, index == len(text) - 1) for text in texts for index, char in enumerate(text)]
    state = {"next": 0, "last_key": 0.0}
    latencies: list[float] = []  # last keystroke → ghost
    loop = QEventLoop()
    typist = QTimer(singleShot=True)

    def on_ghost(_lang) -> None:
        latencies.append((time.perf_counter() - state["last_key"]) * 1000)
        if state["next"] >= len(keys):
            loop.quit()  # the ghost for the whole text is on screen

    if features is not None:
        features.suggestions.ghost_shown.connect(on_ghost)

    def type_next() -> None:
        if state["next"] >= len(keys):
            QTimer.singleShot(FINAL_WAIT_MS if features is not None else SENTENCE_PAUSE_MS,
                              loop.quit)
            return
        char, last = keys[state["next"]]
        state["next"] += 1
        QTest.keyClick(editor, char)
        state["last_key"] = time.perf_counter()
        typist.start(SENTENCE_PAUSE_MS if last else KEY_INTERVAL_MS)

    typist.timeout.connect(type_next)
    probe.start()
    typist.start(100)
    started = time.perf_counter()
    loop.exec()
    elapsed = time.perf_counter() - started
    probe.stop()
    gaps = sorted((b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False))
    return {"gaps": gaps, "elapsed": elapsed, "keys": len(keys), "ghosts": len(latencies),
            "latencies": latencies,
            "dropped": features.suggestions.dropped if features is not None else 0}


def row(name: str, result: dict) -> str:
    gaps = result["gaps"]
    over = sum(1 for g in gaps if g > 16)
    latency = (f"{statistics.median(result['latencies']):.0f}" if result["latencies"] else "—")
    ghosts = str(result["ghosts"]) if name != "baseline" else "—"
    return (f"| {name} | {result['keys']} | {len(gaps):,} | {gaps[-1]:.1f} | "
            f"{percentile(gaps, 0.99):.2f} | {percentile(gaps, 0.999):.1f} | {over} | "
            f"{ghosts} | {latency} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("base", "tiny"), default="base")
    parser.add_argument("--chars", type=int, default=300)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="tandem-stall-"))
    os.environ.update(TANDEM_POLICY=str(work / "no-policy.toml"),
                      TANDEM_PACKAGES_DIR=str(work / "packages"),
                      XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"))
    from startup import machine, write_section

    from translation import packages

    packages.install_archive(package_archive(args.model, work))
    texts = sentences(args.chars)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.app.session import open_session
    from desktop.ui.app import create_application, install_translation
    from desktop.ui.main_window import MainWindow

    app = create_application()
    results = {}
    for name in ("baseline", "live suggestions"):
        session = open_session(work / f"{name[0]}.sqlite3")
        post_id = session.posts.create(title="Bench").post.id
        window = MainWindow(session, QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1280, 800)
        window.show()
        features = install_translation(window) if name != "baseline" else None
        window.start()
        if features is not None:
            warmed = []
            features.host.warmed_up.connect(warmed.append)
            features.host.activate()
            while not warmed:
                app.processEvents()
                time.sleep(0.01)
        deadline = time.monotonic() + 10
        while window.current_post_id() != post_id and time.monotonic() < deadline:
            window.backend.wait_idle()
            QApplication.processEvents()
        results[name] = measure(window, features, texts)
        window.close()
        session.close()

    table = "\n".join([
        "| window | keys typed | ticks | max gap ms | p99 ms | p99.9 ms | gaps > 16 ms | "
        "ghosts shown | last key → ghost, median ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(row(name, result) for name, result in results.items())])
    live = results["live suggestions"]
    notes = (f"Typing {live['keys']} keys took {live['elapsed']:.1f} s; "
             f"{live['dropped']} live results were dropped because the text had changed "
             "since they were asked for (their translation ran while typing went on), and "
             f"{live['ghosts']} ghost(s) were shown. The baseline row is the same typing "
             "without the translation features: a gap it has too comes from the machine "
             "(other processes on its CPUs), not from suggestions.")
    print(table, notes, sep="\n\n")
    if args.write:
        model = ("base-size (6+6 layers, width 512, 50k vocabulary, int8, beam 4)"
                 if args.model == "base" else "tiny (2+2 layers, width 64)")
        write_section(TITLE, f"""
Command: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_suggest_stall.py --model \
{args.model} --chars {args.chars} --write` ({machine()}). Model: {model} random-weight en→fr \
package built offline (tests/translation/argos_builder.py), warmed up before typing. A 1 ms \
precise QTimer records the gaps between its ticks while `QTest.keyClick` types headline \
sentences into the English editor from the event loop (a key every {KEY_INTERVAL_MS} ms, \
{SENTENCE_PAUSE_MS / 1000:g} s pause after each sentence); the gap includes handling the key \
itself (editor, counters, autosave, QA and suggestion bookkeeping). Live suggestions: 600 ms \
debounce, snapshot on the storage thread, translation on the suggestion thread, ghost in the \
French pane. Target: max gap ≤ 16 ms.

{table}

{notes}
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
