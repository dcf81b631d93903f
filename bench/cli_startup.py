#!/usr/bin/env python3
"""Start-up time of the `tandem` command line against a bare interpreter.

    .venv/bin/python bench/cli_startup.py [--runs 21] [--write]

IT scripts call the CLI in loops, so what counts is the wall time of a fresh
process. Each round runs, in turn: the baseline ``python -c pass`` (this same
interpreter), ``tandem --version``, ``tandem --help`` and ``tandem post list
--json`` against a temporary store of a few posts (``TANDEM_DB``). Rounds are
interleaved so that machine load hits every command alike; the table gives
the median of each and its ratio to the baseline's median. Goals (issue 9):
at most 4x for --version/--help and 10x for ``post list --json``.

``tandem`` is run the way the console script runs it: this interpreter
calling ``desktop.cli.main:main``.
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
ENTRY = "import sys; from desktop.cli.main import main; sys.exit(main())"
GOALS = {"--version": 4.0, "--help": 4.0, "post list --json": 10.0}


def tandem(*args: str) -> list[str]:
    return [sys.executable, "-c", ENTRY, *args]


def commands() -> dict[str, list[str]]:
    return {
        "python -c pass (baseline)": [sys.executable, "-c", "pass"],
        "--version": tandem("--version"),
        "--help": tandem("--help"),
        "post list --json": tandem("post", "list", "--json"),
    }


def make_store(env: dict[str, str], posts: int) -> None:
    for i in range(posts):
        subprocess.run(tandem("post", "new", "--title", f"Post {i}", "--en", f"Hello {i}",
                              "--fr", f"Bonjour {i}"),
                       env=env, cwd=ROOT, check=True, capture_output=True)


def run_once(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure(runs: int, posts: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, TANDEM_DB=str(Path(tmp) / "bench.sqlite3"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # the installed app has its bytecode cached
        make_store(env, posts)
        cmds = commands()
        times: dict[str, list[float]] = {name: [] for name in cmds}
        for cmd in cmds.values():  # warm-up: disk cache and __pycache__
            run_once(cmd, env)
        for _ in range(runs):
            for name, cmd in cmds.items():
                times[name].append(run_once(cmd, env))
    return times


def table(times: dict[str, list[float]]) -> str:
    base = statistics.median(times["python -c pass (baseline)"])
    rows = ["| command | median ms | min–max ms | × bare python | goal |",
            "|---|---:|---:|---:|---:|"]
    for name, samples in times.items():
        med = statistics.median(samples)
        goal = GOALS.get(name)
        cell = f"tandem {name}" if goal else name
        rows.append(f"| `{cell}` | {med * 1000:.0f} | {min(samples) * 1000:.0f}–"
                    f"{max(samples) * 1000:.0f} | {med / base:.1f} | "
                    f"{f'≤ {goal:g}×' if goal else '—'} |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--posts", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="print the RESULTS.md section")
    opts = parser.parse_args()
    load = os.getloadavg()[0]
    times = measure(opts.runs, opts.posts)
    print(table(times))
    if opts.write:
        print(f"\nCommand: `.venv/bin/python bench/cli_startup.py --runs {opts.runs} --write` "
              f"({platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
              f"load average {load:.1f} at start; store of {opts.posts} posts via TANDEM_DB; "
              f"{opts.runs} interleaved rounds after one warm-up run each).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
