#!/usr/bin/env python3
"""From process start to the first live suggestion on screen, with and without warm-up.

    .venv/bin/python bench/first_suggestion.py [--runs 3] [--model base|tiny] [--write]

Each run spawns a fresh interpreter that starts Tandem the way ``run_app``
does (QApplication, window shown, store opened, `install_translation`,
``window.start()``, then ``host.activate()``: provisioning and warm-up in the
background) on a store whose open post has English text and no French, with
an en→fr package installed (``base``: the shapes of the official
translate-en_fr 1.9, cached in bench/.cache). When the post is on screen the
"user" types one key at the end of the English text; the live suggestion
fires after its 600 ms debounce and the ghost appears in the French pane.

Scenarios:

* **type at once** — the key as soon as the post is open (warm-up may still
  be loading the model);
* **type after warm-up** — the key once warm-up has finished (what a user who
  reads the post for a moment gets);
* **no warm-up** — ``host.activate()`` not called: the first suggestion loads
  the model itself.

Times are from spawning the interpreter (wall clock, as bench/startup.py):
imports done (PySide6 widgets + the window module), window shown (first
paint), post open, warm-up done, first ghost shown, and key → ghost. Peak RSS
is the child's ``ru_maxrss``. Medians over ``--runs`` interleaved runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CACHE = ROOT / "bench" / ".cache"
EN = ("Canadians can now apply online for the new dental care plan. Call 1-800-O-Canada if "
      "you need help. Learn more at canada.ca/dental")
SCENARIOS = ("type at once", "type after warm-up", "no warm-up")
TITLE = "UI first suggestion"


def child(scenario: str, db: str) -> None:
    """The measured process: prints one JSON line of wall-clock timestamps."""
    import time as clock

    marks: dict[str, float] = {}
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.ui.app import create_application, install_translation
    from desktop.ui.main_window import MainWindow
    marks["imported"] = clock.time()

    app = create_application()
    window = MainWindow(None, QSettings(os.environ["BENCH_SETTINGS"], QSettings.Format.IniFormat))

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if (event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                    and watched.window() is window and "shown" not in marks):
                marks["shown"] = clock.time()
            return False

    probe = FirstPaint()
    app.installEventFilter(probe)
    window.show()
    QApplication.processEvents()  # paint before the slow import below, as run_app does
    app.removeEventFilter(probe)

    from desktop.core.model import Lang
    from desktop.app.session import open_session

    session = open_session(db)
    window.set_session(session)
    features = install_translation(window)
    editor = window.editor(Lang.EN).editor

    def finish() -> None:
        import resource

        marks["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print("BENCH " + json.dumps(marks), flush=True)
        window.close()
        app.quit()

    def type_key() -> None:
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        marks["key"] = clock.time()
        QTest.keyClick(editor, " ")

    def on_post(_post_id) -> None:
        if "post" in marks:
            return
        marks["post"] = clock.time()
        if scenario != "type after warm-up" or "warm" in marks:
            QTimer.singleShot(0, type_key)

    def on_warm(_pairs) -> None:
        marks["warm"] = clock.time()
        if scenario == "type after warm-up" and "post" in marks and "key" not in marks:
            QTimer.singleShot(0, type_key)

    def on_ghost(_lang) -> None:
        marks["ghost"] = clock.time()
        QTimer.singleShot(0, finish)

    window.current_post_changed.connect(on_post)
    features.host.warmed_up.connect(on_warm)
    features.suggestions.ghost_shown.connect(on_ghost)
    window.start()
    if scenario != "no warm-up":
        features.host.activate()
    QTimer.singleShot(120_000, finish)  # never hang a benchmark
    app.exec()
    session.close()


def prepare(work: Path, model: str) -> dict[str, str]:
    """A packages folder with the en→fr model and a store with the post; the child's env."""
    from tests.translation import argos_builder
    from translation import packages

    if model == "base":
        archive = CACHE / "translate-en_fr-1_9.argosmodel"
        if not archive.exists():
            argos_builder.build_argosmodel(CACHE, "en", "fr", version="1.9",
                                           shape=argos_builder.BASE, minisbd=True)
    else:
        archive = argos_builder.build_argosmodel(work / "archives", "en", "fr", minisbd=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               TANDEM_PACKAGES_DIR=str(work / "packages"),
               TANDEM_POLICY=str(work / "no-policy.toml"),
               XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"),
               BENCH_SETTINGS=str(work / "settings.ini"))
    os.environ.update({k: env[k] for k in ("TANDEM_PACKAGES_DIR", "TANDEM_POLICY")})
    packages.install_archive(archive)
    return env


def make_store(path: Path, env: dict[str, str]) -> None:
    code = ("import sys\nfrom desktop.app.session import open_session\n"
            "s = open_session(sys.argv[1])\n"
            f"s.posts.create(en={EN!r}, title='Dental care')\ns.close()\n")
    subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, env=env, check=True)


def run_once(scenario: str, work: Path, env: dict[str, str], index: int) -> dict[str, float]:
    db = work / f"store-{index}.sqlite3"
    make_store(db, env)
    (work / "settings.ini").unlink(missing_ok=True)
    started = time.time()
    result = subprocess.run([sys.executable, __file__, "--child", scenario, str(db)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300)
    line = next((l for l in result.stdout.splitlines() if l.startswith("BENCH ")), None)
    if line is None:
        raise SystemExit(f"child failed:\n{result.stdout}\n{result.stderr}")
    marks = json.loads(line[len("BENCH "):])
    timings = {name: (marks[name] - started) * 1000 for name in
               ("imported", "shown", "post", "warm", "key", "ghost") if name in marks}
    if "ghost" in marks:
        timings["key → ghost"] = (marks["ghost"] - marks["key"]) * 1000
    timings["rss_mb"] = marks["rss_mb"]
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--model", choices=("base", "tiny"), default="base")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("SCENARIO", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0

    from startup import machine, write_section

    work = Path(tempfile.mkdtemp(prefix="tandem-first-"))
    env = prepare(work, args.model)
    facts = machine()
    runs: dict[str, list[dict[str, float]]] = {s: [] for s in SCENARIOS}
    for index in range(args.runs):  # interleaved, so a load spike hits every scenario alike
        for scenario in SCENARIOS:
            runs[scenario].append(run_once(scenario, work, env, len(runs[scenario]) * 10 + index))

    def median(scenario: str, key: str) -> str:
        values = [r[key] for r in runs[scenario] if key in r]
        if not values:
            return "—"
        return f"{statistics.median(values):,.0f}"

    rows = [f"| {s} | {median(s, 'imported')} | {median(s, 'shown')} | {median(s, 'post')} | "
            f"{median(s, 'warm')} | {median(s, 'key')} | {median(s, 'ghost')} | "
            f"{median(s, 'key → ghost')} | {median(s, 'rss_mb')} |" for s in SCENARIOS]
    table = "\n".join([
        "| scenario | imports done | window shown | post open | warm-up done | key typed | "
        "first ghost shown | key → ghost | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|", *rows])
    print(table)
    if args.write:
        model = ("base-size (6+6 layers, width 512, 50k vocabulary, int8, beam 4)"
                 if args.model == "base" else "tiny (2+2 layers, width 64)")
        write_section(f"{TITLE} ({args.model} model)", f"""
Command: `.venv/bin/python bench/first_suggestion.py --runs {args.runs} --model {args.model} \
--write` ({facts}; QT_QPA_PLATFORM=offscreen). Fresh interpreter per run, started as \
`run_app` starts Tandem, on a store whose open post has {len(EN)} characters of English and \
no French; {model} random-weight en→fr package. Milliseconds from spawning the interpreter \
(median of {args.runs} interleaved runs); "key → ghost" includes the 600 ms live-suggestion \
debounce. "Type at once" presses a key as soon as the post is open; "type after warm-up" \
once the background warm-up finished; "no warm-up" never starts it (the first suggestion \
loads the model itself). Peak RSS is the child's `ru_maxrss`.

{table}

Random weights never emit `</s>`, so every sentence decodes to its length cap: with the \
base-size model, machine translation dominates "key → ghost" and overstates what a real \
model costs. With the tiny model the same rows show the UI pipeline itself: debounce, \
snapshot on the storage thread, suggestion thread, ghost. "Type at once" shares the CPU and \
the model with the warm-up still running.
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
