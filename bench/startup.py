#!/usr/bin/env python3
"""Start-up time: fresh process to Tandem's window on screen, against bare PySide6.

    .venv/bin/python bench/startup.py [--runs 7] [--write]

Each run spawns a new interpreter and measures wall time from just before the
spawn to the window's first paint (the child prints ``time.time()`` from a
Paint event filter; same clock, same machine):

* ``tandem`` — ``python -m desktop.cli.main --db STORE`` with
  ``TANDEM_UI_SMOKE=1`` (what users run), also reporting "ready" (store open
  and post list loaded);
* ``run_app`` — ``desktop.ui.app.run_app`` called directly (no CLI parsing);
* baseline — a bare ``QMainWindow`` with a label, opened the same way.

Runs are interleaved so machine load affects all three alike; the store has
200 posts. Disk cache is warm after the first run (dropping caches needs
privileges CI does not have), so "cold" means a fresh process, not a cold disk.
``--write`` replaces this benchmark's section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"

BASELINE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and getattr(watched, "window", None) \\
                and watched.window() is window:
            print(f"TANDEM_UI_SHOWN {time.time():.6f}", flush=True)
            app.removeEventFilter(self)
            app.quit()
        return False
probe = Probe()
app.installEventFilter(probe)
window.resize(1280, 800)
window.show()
app.exec()
"""

RUN_APP = """
import sys
from desktop.ui.app import run_app
sys.exit(run_app(sys.argv[1]))
"""


def write_section(title: str, body: str, results: Path = RESULTS) -> None:
    """Replace the ``## title`` section of RESULTS.md (or append it); others untouched."""
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == f"## {title}"), None)
    section = [f"## {title}", "", *body.strip("\n").splitlines(), ""]
    if start is None:
        lines = [*lines, "", *section] if lines and lines[-1].strip() else [*lines, *section]
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")),
                   len(lines))
        lines = lines[:start] + section + lines[end:]
    results.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")


def pinned_pyside() -> str:
    for line in (ROOT / "requirements" / "app.txt").read_text().splitlines():
        if line.lower().startswith("pyside6_essentials==") or line.lower().startswith(
                "pyside6-essentials=="):
            return line.split("==", 1)[1].strip()
    return "?"


def machine() -> str:
    """The machine and binding facts a result depends on, for RESULTS.md."""
    from PySide6 import __version__ as pyside

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    text = (f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"PySide6 {pyside}, load average {load:.1f} at start")
    pinned = pinned_pyside()
    if pyside != pinned:
        text += (f"; run with PySide6 {pyside} instead of the pinned {pinned}, which aborts "
                 "long runs on Python 3.11 (tests/ui/test_qt_runtime.py)")
    return text


def make_store(path: Path, posts: int = 200) -> None:
    env = dict(os.environ, TANDEM_POLICY=str(path.parent / "no-policy.toml"))
    code = (
        "import sys\n"
        "from desktop.app.session import open_session\n"
        "s = open_session(sys.argv[1])\n"
        f"for i in range({posts}):\n"
        "    s.posts.create(en=f'Apply for the benefit online, post {i}.',"
        " fr=f'Présentez une demande en ligne, publication {i}.', title=f'Post {i}')\n"
        "s.close()\n")
    subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, env=env, check=True)


def one_run(command: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    started = time.time()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    stamps = dict(line.split()[:2] for line in result.stdout.splitlines()
                  if line.startswith("TANDEM_UI_"))
    if "TANDEM_UI_SHOWN" not in stamps:
        raise SystemExit(f"{command[:3]} did not show a window:\n{result.stderr}")
    shown = float(stamps["TANDEM_UI_SHOWN"]) - started
    ready = float(stamps["TANDEM_UI_READY"]) - started if "TANDEM_UI_READY" in stamps else None
    return shown, ready


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for the runs")
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="tandem-startup-"))
    store = work / "store.sqlite3"
    make_store(store)
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, TANDEM_UI_SMOKE="1",
               PYTHONPATH=str(ROOT), TANDEM_POLICY=str(work / "no-policy.toml"),
               XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"))
    commands = {
        "tandem (CLI entry)": [sys.executable, "-m", "desktop.cli.main", "--db", str(store)],
        "run_app": [sys.executable, "-c", RUN_APP, str(store)],
        "bare PySide6 QMainWindow": [sys.executable, "-c", BASELINE],
    }
    for command in commands.values():  # warm the disk cache and .pyc files once
        one_run(command, env)
    shown: dict[str, list[float]] = {name: [] for name in commands}
    ready: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            s, r = one_run(command, env)
            shown[name].append(s)
            if r is not None:
                ready[name].append(r)

    base = statistics.median(shown["bare PySide6 QMainWindow"])
    rows = ["| process | window shown: median ms | min–max ms | × bare PySide6 |"
            " ready (store open, list loaded): median ms |",
            "|---|---:|---:|---:|---:|"]
    for name in commands:
        med = statistics.median(shown[name])
        ready_text = f"{statistics.median(ready[name]) * 1000:.0f}" if ready[name] else "—"
        rows.append(f"| {name} | {med * 1000:.0f} | {min(shown[name]) * 1000:.0f}–"
                    f"{max(shown[name]) * 1000:.0f} | {med / base:.2f} | {ready_text} |")
    table = "\n".join(rows)
    print(table)
    if args.write:
        write_section("UI start-up", f"""
Command: `.venv/bin/python bench/startup.py --runs {args.runs} --write` ({machine()}; \
QT_QPA_PLATFORM={args.platform}; store of 200 posts).
Wall time from spawning a fresh interpreter to the window's first paint, median of \
{args.runs} interleaved runs after one warm-up run each (warm disk cache). "ready" is when \
the store is open and the post list loaded. The window paints before the store is \
opened: `desktop.app.session` (sqlite-utils, services) is imported, and the two editors \
(`desktop.ui.editor`, its analysis worker) are built, after the first paint, so the \
first paint needs only the post list and the menus.

{table}
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
